/// Hand-written recursive-descent parser for Loom's openCypher dialect.
///
/// Entry point: `Parser.parse(_:)` turns query text into a `Statement` or throws a
/// `QuerySyntaxError` pointing at the offending token. The grammar is split by category:
/// `Parser+Statement` (EXPLAIN, UNION, clause order), `Parser+Clauses`, `Parser+Patterns`,
/// `Parser+Expressions` (operator precedence) and `Parser+Atoms` (literals, CASE,
/// comprehensions, function calls).
public struct Parser: Sendable {
    let tokens: [Token]
    let source: [Unicode.Scalar]
    var index = 0
    /// True while parsing a WHERE condition, the one place pattern predicates may appear.
    var inWhere = false
    /// How deeply expressions nest right now; bounded so hostile input cannot overflow the stack.
    var depth = 0
    static let maximumDepth = 200

    init(_ text: String) throws(QuerySyntaxError) {
        tokens = try Lexer.tokenize(text)
        source = Array(text.unicodeScalars)
    }

    /// Parses a whole statement: `[EXPLAIN|PROFILE] query [UNION [ALL] query]... [;]`.
    public static func parse(_ text: String) throws(QuerySyntaxError) -> Statement {
        var parser = try Parser(text)
        return try parser.statement()
    }

    /// Parses a single expression (for tests, rule conditions and `--param` values).
    public static func parseExpression(_ text: String) throws(QuerySyntaxError) -> Expression {
        var parser = try Parser(text)
        let expression = try parser.expression()
        guard parser.current.kind == .end else {
            throw parser.error("unexpected \(parser.current.quoted) after the expression")
        }
        return expression
    }

    // MARK: - Cursor

    var current: Token { tokens[index] }
    var previous: Token { tokens[max(0, index - 1)] }

    func peek(_ ahead: Int = 1) -> Token {
        tokens[min(index + ahead, tokens.count - 1)]
    }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// Consumes the current token when it is `symbol`.
    mutating func accept(_ symbol: Symbol) -> Bool {
        guard current.is(symbol) else { return false }
        advance()
        return true
    }

    /// Consumes the current token when it is `keyword`.
    mutating func accept(_ keyword: Keyword) -> Bool {
        guard current.is(keyword) else { return false }
        advance()
        return true
    }

    mutating func expect(_ symbol: Symbol, _ context: String) throws(QuerySyntaxError) {
        guard accept(symbol) else { throw error("expected '\(symbol.rawValue)' \(context), found \(current.quoted)") }
    }

    mutating func expect(_ keyword: Keyword, _ context: String) throws(QuerySyntaxError) {
        guard accept(keyword) else { throw error("expected \(keyword.rawValue) \(context), found \(current.quoted)") }
    }

    /// The span from `start` to the end of the last consumed token.
    func span(from start: SourceSpan) -> SourceSpan {
        start.through(previous.span)
    }

    // MARK: - Names

    /// A name usable as a variable: back-quoted, or unquoted and not a reserved word.
    var isVariableName: Bool {
        switch current.kind {
        case .quotedName: return true
        case .name: return !Keyword.reserved.contains(current.text.uppercased())
        default: return false
        }
    }

    /// A variable name being introduced or referenced.
    mutating func variable(_ context: String) throws(QuerySyntaxError) -> Identifier {
        guard isVariableName, let name = current.name else {
            if case .name = current.kind {
                throw error("expected \(context), found the keyword \(current.quoted) (back-quote it to use it as a name)")
            }
            throw error("expected \(context), found \(current.quoted)")
        }
        let identifier = Identifier(name: name, span: current.span)
        advance()
        return identifier
    }

    /// A label, relationship type, property key or map key: any name, keywords included.
    mutating func symbolicName(_ context: String) throws(QuerySyntaxError) -> Identifier {
        guard let name = current.name else { throw error("expected \(context), found \(current.quoted)") }
        let identifier = Identifier(name: name, span: current.span)
        advance()
        return identifier
    }

    // MARK: - Errors

    /// An error pointing at the current token.
    func error(_ message: String) -> QuerySyntaxError {
        error(message, at: current.span)
    }

    func error(_ message: String, at span: SourceSpan) -> QuerySyntaxError {
        QuerySyntaxError(message: message, span: span, source: source)
    }

    /// The text of the query between two offsets (used to name unaliased RETURN columns).
    func text(_ span: SourceSpan) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: source[span.start..<min(span.end, source.count)])
        return String(view)
    }
}
