/// Fingerprints of source files, so an import run records exactly which bytes it read and a
/// refresh can tell an unchanged export from a new one.
public enum FileDigest {
    /// The SHA-256 of the file's bytes as 64 lower-case hex digits, read in 256 KiB chunks.
    public static func sha256(path: String) throws(ReaderError) -> String {
        try FileInput(path: path, displayPath: path).finishDigest()
    }

    /// The SHA-256 of bytes in memory, as 64 lower-case hex digits.
    public static func sha256(_ bytes: [UInt8]) -> String {
        var hash = SHA256()
        hash.update(bytes)
        return hash.finish()
    }
}
