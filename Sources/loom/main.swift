import ArgumentParser
import Engine
import Foundation

/// Exit codes (README "Exit codes"): 0 ok, 1 error, 2 usage, 3 import finished but rejects exceeded the threshold.
enum ExitStatus: Int32 {
    case ok = 0, error = 1, usage = 2, rejectLimit = 3
}

do {
    var command = try Loom.parseAsRoot()
    try command.run()
    exit(ExitStatus.ok.rawValue)
} catch let error as EngineError {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    if case .rejectLimit = error { exit(ExitStatus.rejectLimit.rawValue) }
    exit(ExitStatus.error.rawValue)
} catch {
    let code = Loom.exitCode(for: error)
    if code == .success {
        print(Loom.fullMessage(for: error))
        exit(ExitStatus.ok.rawValue)
    }
    let message = Loom.fullMessage(for: error)
    FileHandle.standardError.write(Data((message + "\n").utf8))
    // ArgumentParser's validation failures (unknown option, missing argument) are usage errors.
    exit(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue == 1 ? ExitStatus.error.rawValue : ExitStatus.usage.rawValue)
}
