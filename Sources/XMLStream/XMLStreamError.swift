import GraphModel

/// A file that cannot be opened or is not well-formed XML, with libxml2's message and the
/// line and column of the FIRST fatal error (later errors are usually consequences of it).
///
/// Renders like a compiler message:
/// `ZMATMAS05.xml:233:30: error: xmlParseEntityRef: no name`.
public struct XMLStreamError: Error, Sendable, CustomStringConvertible {
    /// The display name of the file.
    public var file: String
    /// 1-based line, when the problem has a position.
    public var line: Int?
    /// 1-based column, when libxml2 reports one.
    public var column: Int?
    /// libxml2's message (trailing line break removed), or ours for I/O problems.
    public var message: String
    /// libxml2's error code (`xmlParserErrors`), 0 when the error is not libxml2's.
    public var code: Int

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, code: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.code = code
    }

    /// Where it happened, as Loom's other errors carry it.
    public var location: SourceLocation? {
        line.map { SourceLocation(file: file, line: $0, column: column) }
    }

    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "\(file): error: \(message)"
    }
}
