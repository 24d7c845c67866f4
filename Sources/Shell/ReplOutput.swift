import Foundation

/// Where the REPL writes: results and messages to standard output, errors to standard error,
/// and (after `:output FILE`) a copy of every result, without colour, appended to a file.
/// Tests capture both streams by giving their own `write`.
final class ReplOutput {
    enum Stream { case standardOutput, standardError }

    private let write: (Stream, String) -> Void
    private var tee: FileHandle?
    private(set) var teePath: String?

    init(write: @escaping (Stream, String) -> Void) {
        self.write = write
    }

    /// Writes to this process's standard output and error, unbuffered.
    static func process() -> ReplOutput {
        ReplOutput { stream, text in
            let handle = stream == .standardOutput ? FileHandle.standardOutput : FileHandle.standardError
            handle.write(Data(text.utf8))
        }
    }

    /// A result: to the screen (`shown`, maybe coloured) and to the output file (`plain`).
    func result(_ shown: String, plain: String) {
        write(.standardOutput, shown)
        if let tee { tee.write(Data(plain.utf8)) }
    }

    /// A message for the person at the terminal (summaries, confirmations); not copied to the file.
    func message(_ text: String) {
        write(.standardOutput, text.hasSuffix("\n") ? text : text + "\n")
    }

    func error(_ text: String) {
        write(.standardError, text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Starts appending results to `path` (created if missing); stops the previous file.
    func startCopy(to path: String) throws(ReplError) {
        stopCopy()
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw ReplError("cannot create \(path)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw ReplError("cannot write to \(path)") }
        handle.seekToEndOfFile()
        tee = handle
        teePath = path
    }

    func stopCopy() {
        try? tee?.close()
        tee = nil
        teePath = nil
    }

    deinit { try? tee?.close() }
}
