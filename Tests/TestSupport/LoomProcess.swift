import Foundation

/// Runs a built executable of this package (`loom`, `loom-plantgen`) the way a user would,
/// and captures its exit status, standard output and standard error.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum LoomProcess {
    /// The folder the test bundle was built into; the package's executables sit beside it.
    public static var productsFolder: URL {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        for url in candidates where FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("loom").path) {
            return url
        }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug")
    }

    public static func executable(_ name: String) -> URL { productsFolder.appendingPathComponent(name) }

    /// Runs `program args…` in `directory` (default: the package root), with `stdin` as input.
    public static func run(_ arguments: [String], program name: String = "loom", in directory: URL? = nil,
                           stdin: String? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable(name)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Fixtures.packageRoot
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}
