import GraphModel

/// A problem that stops a reader: a file that cannot be opened or read, a dialect that makes
/// no sense, or a header that cannot name the columns. Recoverable problems in data rows are
/// not errors; they come back as `CSVRow.malformed` and the reader goes on.
///
/// Renders like a compiler message: `parts.csv:1:14: error: duplicate column name 'MATNR'`.
public struct ReaderError: Error, Sendable, CustomStringConvertible {
    /// Where it happened (line and column), when the problem is inside the file.
    public var location: SourceLocation?
    /// The file concerned when there is no position (e.g. the file is missing).
    public var file: String?
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil, file: String? = nil) {
        self.message = message
        self.location = location
        self.file = file ?? location?.file
    }

    /// `file:line:col: error: message`, or `file: error: message` without a position.
    public var description: String {
        if let location { return "\(location): error: \(message)" }
        if let file { return "\(file): error: \(message)" }
        return "error: \(message)"
    }
}
