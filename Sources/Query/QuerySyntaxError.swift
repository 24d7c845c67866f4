/// A query the lexer or parser cannot read: what is wrong, where, and the offending line.
///
/// `description` renders it like a compiler:
/// ```
/// error: expected ')' after the node pattern, found 'RETURN'
///  --> query:1:15
///   |
/// 1 | MATCH (p:Part RETURN p
///   |               ^^^^^^
/// ```
public struct QuerySyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message without position, e.g. `expected a label name after ':'`.
    public var message: String
    /// Where the offending token is; `span.length` is its length in characters.
    public var span: SourceSpan
    /// The text of the line holding the token, for the rendered excerpt.
    public var sourceLine: String

    public var line: Int { span.line }
    public var column: Int { span.column }
    public var length: Int { span.length }

    public init(message: String, span: SourceSpan, sourceLine: String) {
        self.message = message
        self.span = span
        self.sourceLine = sourceLine
    }

    init(message: String, span: SourceSpan, source: [Unicode.Scalar]) {
        self.init(message: message, span: span, sourceLine: DiagnosticRenderer.line(span.line, of: source))
    }

    public var description: String {
        DiagnosticRenderer.render(message: message, span: span, sourceLine: sourceLine)
    }
}
