import GraphModel

/// Patterns inside expressions.
///
/// - A pattern predicate, `WHERE (s)-[:SUPPLIES]->(p)` or `WHERE NOT (p)<-[:SUPPLIES]-()`, is true
///   when the pattern has at least one match for the current row: `EXISTS (SELECT 1 FROM … WHERE …)`
///   whose conditions name the tables of the variables bound outside, so it is correlated on
///   them. It may not introduce variables (openCypher): every named node is bound already.
/// - A pattern comprehension, `[(a)-[:HAS_COMPONENT]->(c) WHERE c.kind = 'ROH' | c.number]`, is
///   the list of the projection over the pattern's matches:
///   `(SELECT json_group_array(…) FROM … WHERE …)` (an empty list when there are none); its new
///   variables are visible only inside it.
///
/// Relationship uniqueness holds within the pattern, not against the enclosing MATCH. A
/// variable-length relationship in the pattern is a recursive CTE inside the subquery
/// (`EXISTS (WITH RECURSIVE vl1(…) AS (… WHERE s._id = n1._id …) SELECT 1 FROM vl1 …)`), seeded
/// from the outer row's node, so it walks only what that row's node reaches.
extension CompilationContext {
    func bindPatternPredicate(_ pattern: PatternPart, span: SourceSpan) throws(QueryError) -> BoundExpression {
        let saved = (scope, aggregatesAllowed, aggregateContext)
        defer { (scope, aggregatesAllowed, aggregateContext) = saved }
        let clause = MatchClause(optional: false, patterns: [pattern], predicate: nil, span: span)
        let walks = ctes.count
        let binding = try bindMatch(clause, use: .predicate)
        let local = takeCTEs(from: walks)
        return BoundExpression(sql: "EXISTS (\(Self.subquery("1", binding, ctes: local)))", type: .known(.boolean))
    }

    func bindPatternComprehension(_ comprehension: PatternComprehension, span: SourceSpan) throws(QueryError) -> BoundExpression {
        let saved = (scope, aggregatesAllowed, aggregateContext)
        defer { (scope, aggregatesAllowed, aggregateContext) = saved }
        let clause = MatchClause(optional: false, patterns: [comprehension.pattern], predicate: comprehension.predicate, span: span)
        let walks = ctes.count
        let binding = try bindMatch(clause, use: .comprehension)
        let local = takeCTEs(from: walks)
        aggregateContext = "in a pattern comprehension"
        let projection = try bind(comprehension.projection)
        let element: String
        switch projection.type {
        case .node, .relationship, .list, .map, .path: element = "json(\(projection.sql))"
        default: element = projection.sql
        }
        return BoundExpression(sql: "(\(Self.subquery("json_group_array(\(element))", binding, ctes: local)))", type: .list)
    }

    /// The CTEs (variable-length walks) added since `count`, removed from the statement's list:
    /// they belong to the subquery, where they may read the outer row.
    func takeCTEs(from count: Int) -> [String] {
        let local = Array(ctes[count...])
        ctes.removeSubrange(count...)
        return local
    }

    /// `[WITH RECURSIVE <walks>] SELECT <value> FROM <tables> WHERE <conditions>` for a pattern's binding.
    static func subquery(_ value: String, _ binding: MatchBinding, ctes: [String] = []) -> String {
        var sql = ctes.isEmpty ? "" : "WITH RECURSIVE " + ctes.joined(separator: ",\n") + "\n"
        sql += "SELECT \(value)"
        if !binding.tables.isEmpty { sql += " FROM " + binding.tables.joined(separator: " JOIN ") }
        if !binding.conditions.isEmpty { sql += " WHERE " + SQLText.and(binding.conditions) }
        return sql
    }
}
