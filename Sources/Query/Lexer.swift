/// Turns query text into tokens: names, back-quoted names, numbers, strings, parameters and
/// symbols. Skips whitespace, `// line` and `/* block */` comments. Columns count characters
/// (Unicode scalars), so carets line up under non-ASCII text too.
public struct Lexer: Sendable {
    let scalars: [Unicode.Scalar]
    var offset = 0
    var line = 1
    var column = 1

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// All tokens of `text`, ending with one `.end` token.
    public static func tokenize(_ text: String) throws(QuerySyntaxError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if case .end = token.kind { return tokens }
        }
    }

    /// The next token.
    public mutating func next() throws(QuerySyntaxError) -> Token {
        try skipTrivia()
        let start = position
        guard let c = peek() else { return make(.end, from: start) }
        if c == "`" { return try quotedName(from: start) }
        if c == "'" || c == "\"" { return try string(from: start) }
        if c == "$" { return try parameter(from: start) }
        if isDigit(c) || (c == "." && isDigit(peek(1))) { return try number(from: start) }
        if isNameStart(c) {
            while let d = peek(), isNamePart(d) { advance() }
            return make(.name, from: start)
        }
        return try symbol(from: start)
    }

    // MARK: - Positions

    struct Position { var offset: Int, line: Int, column: Int }

    var position: Position { Position(offset: offset, line: line, column: column) }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        offset + ahead < scalars.count ? scalars[offset + ahead] : nil
    }

    mutating func advance() {
        guard offset < scalars.count else { return }
        if scalars[offset] == "\n" { line += 1; column = 1 } else { column += 1 }
        offset += 1
    }

    func span(from start: Position) -> SourceSpan {
        SourceSpan(start: start.offset, end: offset, line: start.line, column: start.column)
    }

    func text(from start: Position) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start.offset..<offset])
        return String(s)
    }

    func make(_ kind: TokenKind, from start: Position) -> Token {
        Token(kind: kind, text: text(from: start), span: span(from: start))
    }

    func error(_ message: String, from start: Position) -> QuerySyntaxError {
        QuerySyntaxError(message: message, span: span(from: start), source: scalars)
    }

    // MARK: - Trivia and symbols

    mutating func skipTrivia() throws(QuerySyntaxError) {
        while let c = peek() {
            if c.properties.isWhitespace {
                advance()
            } else if c == "/", peek(1) == "/" {
                while let d = peek(), d != "\n" { advance() }
            } else if c == "/", peek(1) == "*" {
                let start = position
                advance(); advance()
                while !(peek() == "*" && peek(1) == "/") {
                    guard peek() != nil else { throw error("unterminated comment: '/*' needs a closing '*/'", from: start) }
                    advance()
                }
                advance(); advance()
            } else {
                return
            }
        }
    }

    mutating func symbol(from start: Position) throws(QuerySyntaxError) -> Token {
        guard let c = peek() else { return make(.end, from: start) }
        let two: String = peek(1).map { String(c) + String($0) } ?? ""
        if ["..", "<>", "<=", ">=", "=~", "+=", "!="].contains(two) {
            advance(); advance()
            let symbol = two == "!=" ? Symbol.notEqual : Symbol(rawValue: two)
            return make(.symbol(symbol ?? .notEqual), from: start)
        }
        if let symbol = Symbol(rawValue: String(c)) {
            advance()
            return make(.symbol(symbol), from: start)
        }
        advance()
        throw error("unexpected character '\(c)'", from: start)
    }

    // MARK: - Character classes

    func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c >= "0" && c <= "9"
    }

    func isNameStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    func isNamePart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || c.properties.numericType != nil
    }
}
