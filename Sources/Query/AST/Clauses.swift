/// A parsed statement: an optional EXPLAIN/PROFILE prefix and a query, perhaps a UNION.
public struct Statement: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable {
        case run, explain, profile
    }

    public var mode: Mode
    public var query: UnionQuery
    public var span: SourceSpan
}

/// One or more single queries joined by UNION (`all` false) or UNION ALL (`all` true).
public struct UnionQuery: Sendable, Hashable {
    public var parts: [SingleQuery]
    /// For each part after the first: was it joined with UNION ALL?
    public var unionAll: [Bool]
}

/// A sequence of clauses ending in RETURN (or a standalone CALL).
public struct SingleQuery: Sendable, Hashable {
    public var clauses: [Clause]
    public var span: SourceSpan
}

public enum Clause: Sendable, Hashable {
    case match(MatchClause)
    case unwind(UnwindClause)
    case with(WithClause)
    case `return`(ReturnClause)
    case call(CallClause)
}

/// `[OPTIONAL] MATCH pattern, pattern ... [WHERE predicate]`
public struct MatchClause: Sendable, Hashable {
    public var optional: Bool
    public var patterns: [PatternPart]
    public var predicate: Expression?
    public var span: SourceSpan
}

/// `UNWIND list AS variable`
public struct UnwindClause: Sendable, Hashable {
    public var list: Expression
    public var variable: Identifier
    public var span: SourceSpan
}

/// `WITH projection [WHERE predicate]`; the predicate sees the projected names.
public struct WithClause: Sendable, Hashable {
    public var projection: Projection
    public var predicate: Expression?
    public var span: SourceSpan
}

public struct ReturnClause: Sendable, Hashable {
    public var projection: Projection
    public var span: SourceSpan
}

/// What WITH and RETURN share: `[DISTINCT] *, items [ORDER BY keys] [SKIP n] [LIMIT n]`.
public struct Projection: Sendable, Hashable {
    public var distinct: Bool
    /// `*`: every variable in scope, before `items`.
    public var includesAll: Bool
    public var items: [ProjectionItem]
    public var orderBy: [SortItem]
    public var skip: Expression?
    public var limit: Expression?
}

/// `expression [AS alias]`; without an alias the column is named by `text`, the expression
/// as written (openCypher names `RETURN p.number` column `p.number`).
public struct ProjectionItem: Sendable, Hashable {
    public var expression: Expression
    public var alias: Identifier?
    public var text: String
    public var span: SourceSpan
}

public struct SortItem: Sendable, Hashable {
    public var expression: Expression
    public var descending: Bool
    public var span: SourceSpan
}

/// `CALL namespace.name(arguments) YIELD field [AS alias], ... [WHERE predicate]`.
/// `arguments` is nil when the parentheses are left out (arguments come from parameters).
public struct CallClause: Sendable, Hashable {
    public var procedure: String
    public var procedureSpan: SourceSpan
    public var arguments: [Expression]?
    public var yieldsAll: Bool
    public var yields: [YieldItem]
    public var predicate: Expression?
    public var span: SourceSpan
}

public struct YieldItem: Sendable, Hashable {
    public var field: Identifier
    public var alias: Identifier?
}
