/// The words the parser treats as keywords. They are matched case-insensitively against
/// unquoted names; back-quote a keyword to use it as a variable (`` `order` ``).
public enum Keyword: String, Sendable, CaseIterable {
    case match = "MATCH", optional = "OPTIONAL", `where` = "WHERE", with = "WITH", `return` = "RETURN"
    case unwind = "UNWIND", order = "ORDER", by = "BY", skip = "SKIP", limit = "LIMIT"
    case union = "UNION", all = "ALL", call = "CALL", yield = "YIELD", `as` = "AS", distinct = "DISTINCT"
    case and = "AND", or = "OR", xor = "XOR", not = "NOT", `in` = "IN", starts = "STARTS", ends = "ENDS"
    case contains = "CONTAINS", `is` = "IS", null = "NULL", `true` = "TRUE", `false` = "FALSE"
    case `case` = "CASE", when = "WHEN", then = "THEN", `else` = "ELSE", end = "END"
    case asc = "ASC", ascending = "ASCENDING", desc = "DESC", descending = "DESCENDING"
    case explain = "EXPLAIN", profile = "PROFILE"
    case create = "CREATE", merge = "MERGE", set = "SET", delete = "DELETE", detach = "DETACH"
    case remove = "REMOVE", foreach = "FOREACH", load = "LOAD"

    /// Words that can never be a bare variable name.
    static let reserved: Set<String> = Set(Keyword.allCases.map(\.rawValue))
        .subtracting(["ALL", "ASC", "ASCENDING", "DESC", "DESCENDING", "EXPLAIN", "PROFILE", "LOAD"])

    /// Clauses Loom reads, offered as "did you mean" for a misspelled clause.
    static let readingClauses = ["MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL", "UNION",
                                 "WHERE", "ORDER", "SKIP", "LIMIT"]

    /// Words that may continue an expression or projection, offered for a misspelled one.
    static let continuations = ["AND", "OR", "XOR", "NOT", "AS", "IN", "IS", "CONTAINS", "STARTS", "ENDS",
                                "DISTINCT", "ASC", "DESC", "YIELD", "UNION"]

    /// Clauses that change the graph; Loom's connection is read-only.
    static let updatingClauses: Set<String> = ["CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH"]
}
