/// A query Loom cannot compile: a syntax error, a name the catalog does not know, a misuse
/// (an aggregate in WHERE), or a construct outside the supported subset ("not supported yet").
///
/// `description` renders it like a compiler, the same way as `QuerySyntaxError`:
/// ```
/// error: unknown property 'descripton' on Part (did you mean 'description'?)
///  --> query:1:25
///   |
/// 1 | MATCH (p:Part) RETURN p.descripton
///   |                         ^^^^^^^^^^
/// ```
public struct QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message without position.
    public var message: String
    /// Where the offending text is.
    public var span: SourceSpan
    /// The whole query text, for the rendered excerpt.
    public var source: String

    public init(message: String, span: SourceSpan, source: String) {
        self.message = message
        self.span = span
        self.source = source
    }

    /// Wraps a syntax error so callers handle one error type.
    public init(_ syntax: QuerySyntaxError, source: String) {
        self.init(message: syntax.message, span: syntax.span, source: source)
    }

    public var line: Int { span.line }
    public var column: Int { span.column }

    public var description: String {
        DiagnosticRenderer.render(message: message, span: span, in: source)
    }

    /// The same error rendered with another name before `:LINE:COL` (a `.cypher` file name).
    public func rendered(name: String) -> String {
        DiagnosticRenderer.render(message: message, span: span, in: source, name: name)
    }

    /// The error placed in the file the query was read from: the query text starts at `line`,
    /// `column` of `name` (a script with several statements), so the position shown is the
    /// file's, e.g. ` --> setup.cypher:12:8`.
    public func rendered(name: String, line: Int, column: Int) -> String {
        var shown = span
        shown.line = span.line + line - 1
        shown.column = span.line == 1 ? span.column + column - 1 : span.column
        return DiagnosticRenderer.render(message: message, span: span, in: source, name: name, shownAt: shown)
    }
}
