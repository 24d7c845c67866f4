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

    /// Starts appending results to `path` (created if missing), then stops the previous file;
    /// when `path` cannot be written, the previous file stays.
    func startCopy(to path: String) throws(ReplError) {
        let expanded = (path as NSString).expandingTildeInPath
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder) {
            guard !isFolder.boolValue else { throw ReplError("\(path) is a folder; give a file name") }
        } else if !FileManager.default.createFile(atPath: expanded, contents: nil) {
            throw ReplError("cannot create \(path) (does its folder exist?)")
        }
        guard let handle = FileHandle(forWritingAtPath: expanded) else { throw ReplError("cannot write to \(path)") }
        handle.seekToEndOfFile()
        stopCopy()
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
