import Testing
@testable import Query

/// The S-expression of a parsed statement.
func ast(_ query: String) throws -> String {
    try Parser.parse(query).description
}

/// The S-expression of a parsed expression.
func expr(_ text: String) throws -> String {
    try Parser.parseExpression(text).description
}

/// The syntax error `query` raises, or nil when it parses.
func syntaxError(_ query: String) -> QuerySyntaxError? {
    do {
        _ = try Parser.parse(query)
        return nil
    } catch {
        return error
    }
}
