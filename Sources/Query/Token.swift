/// One lexical token of a query, with its raw text and where it is.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    /// The text exactly as written (quotes and escapes included).
    public var text: String
    public var span: SourceSpan

    public init(kind: TokenKind, text: String, span: SourceSpan) {
        self.kind = kind
        self.text = text
        self.span = span
    }

    /// True for an unquoted name spelled like `keyword`, in any letter case.
    public func `is`(_ keyword: Keyword) -> Bool {
        if case .name = kind { return text.uppercased() == keyword.rawValue }
        return false
    }

    /// True for the punctuation or operator `symbol`.
    public func `is`(_ symbol: Symbol) -> Bool {
        if case .symbol(let s) = kind { return s == symbol }
        return false
    }

    /// The name of an unquoted or back-quoted identifier, nil for anything else.
    public var name: String? {
        switch kind {
        case .name: return text
        case .quotedName(let value): return value
        default: return nil
        }
    }

    /// How an error message quotes this token: `'RETURN'`, or "the end of the query".
    public var quoted: String {
        if case .end = kind { return "the end of the query" }
        if case .string = kind { return text }
        return "'\(text)'"
    }
}

/// The kinds of token the lexer produces. Keywords are lexed as names and recognised by the
/// parser case-insensitively, so property keys and labels may be spelled like keywords.
public enum TokenKind: Sendable, Hashable {
    /// An unquoted identifier or keyword (`MATCH`, `p`, `unitCost`).
    case name
    /// A back-quoted identifier, with the back-quotes removed and doubled back-quotes unescaped.
    case quotedName(String)
    /// An unsigned integer literal (decimal, `0x` hexadecimal or `0o` octal); the parser applies
    /// a leading minus so that `-9223372036854775808` fits.
    case integer(UInt64)
    /// A floating point literal (`1.5`, `.5`, `1e3`).
    case float(Double)
    /// A string literal with its escapes resolved.
    case string(String)
    /// A parameter `$name` (or `$0`); the payload is the name without `$`.
    case parameter(String)
    case symbol(Symbol)
    /// The end of the query text.
    case end
}

/// Punctuation and operators. Arrows are not tokens: the pattern parser reads `<`, `-` and `>`
/// one at a time, so `a<-1` still lexes as `a < - 1` in an expression.
public enum Symbol: String, Sendable, Hashable, CaseIterable {
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}", comma = ",", dot = ".", dotDot = ".."
    case colon = ":", semicolon = ";", pipe = "|"
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%", caret = "^"
    case equal = "=", notEqual = "<>", less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">="
    case regexMatch = "=~", plusEqual = "+="
}
