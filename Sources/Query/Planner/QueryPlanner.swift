import GraphModel

/// Plans a statement: MATCH clauses become joined tables (an OPTIONAL MATCH a LEFT JOIN of a
/// parenthesised group with its conditions and WHERE in ON), UNWIND a join with `json_each`,
/// each WITH a CTE the rest reads (`WithPlanner`), then RETURN becomes the projection with
/// grouping, ordering and paging; UNION parts are compiled alike and joined.
///
/// ```sql
/// SELECT ... FROM "node_Part" AS n1
/// JOIN "edge_HAS_COMPONENT" AS r1
/// LEFT JOIN ("edge_HAS_OPERATION" AS r2 JOIN "node_Operation" AS n3) ON ...
/// WHERE ... GROUP BY ... ORDER BY ... NULLS LAST LIMIT ?3 OFFSET ?2
/// ```
/// Inner joins carry no ON: their conditions go to WHERE, where SQLite's planner treats them alike.
struct QueryPlanner {
    let context: CompilationContext

    /// The pieces of the SELECT built so far.
    struct Select {
        var from: [String] = []
        var conditions: [String] = []
        var plan: [String] = []
        /// The order the rows so far carry (see `RowOrder`): `[]` while there is one row (nothing
        /// matched yet), SQL sort terms after a `WITH … ORDER BY` or an UNWIND of ordered rows,
        /// nil once MATCH or CALL expanded unordered rows or a projection ended the order.
        var order: [String]? = []
    }

    func plan(_ statement: Statement) throws(QueryError) -> CompiledQuery {
        let query = statement.query
        guard !query.parts.isEmpty else { throw context.error("empty query", at: statement.span) }
        if let mixed = query.unionAll.indices.first(where: { query.unionAll[$0] != query.unionAll[0] }) {
            throw context.error("a query cannot mix UNION and UNION ALL", at: query.parts[mixed + 1].span)
        }
        var parts: [CompiledQuery] = []
        for single in query.parts {
            context.scope = Scope()
            parts.append(try plan(single))
        }
        var compiled = parts[0]
        if parts.count > 1 || !context.ctes.isEmpty { compiled.passthrough = nil }
        if parts.count > 1 {
            compiled = try union(parts, all: query.unionAll[0], query: query)
        }
        if !context.ctes.isEmpty {
            compiled.sql = "WITH " + (context.hasRecursiveCTE ? "RECURSIVE " : "") + context.ctes.joined(separator: ",\n") + "\n" + compiled.sql
        }
        compiled.parameters = context.parameters.parameters
        return compiled
    }

    /// `part UNION [ALL] part …`: every part must return the same column names, in the same
    /// order (openCypher). Each part is wrapped in `SELECT * FROM (…)` so its own ORDER BY and
    /// LIMIT stay its own; the WITH clauses of every part are CTEs of the one statement.
    private func union(_ parts: [CompiledQuery], all: Bool, query: UnionQuery) throws(QueryError) -> CompiledQuery {
        let first = parts[0]
        for (index, part) in parts.enumerated().dropFirst() where part.columns != first.columns {
            throw context.error("every part of a UNION must return the same columns: this part returns "
                + part.columns.joined(separator: ", ") + ", the first " + first.columns.joined(separator: ", "),
                at: query.parts[index].span)
        }
        let calls = parts.compactMap(\.nativeCall)
        if calls.count > 1 { throw context.unsupported("CALL in more than one part of a UNION", at: query.parts[1].span) }
        let keyword = all ? "UNION ALL" : "UNION"
        var compiled = first
        compiled.sql = parts.map(unionPart(mixingDecimals: parts)).joined(separator: "\n" + keyword + "\n")
        compiled.plan = parts.map(\.plan).joined(separator: "\n" + (all ? "Union All" : "Union") + "\n")
        compiled.columnTypes = first.columnTypes.indices.map { i in
            parts.allSatisfy { $0.columnTypes[i] == first.columnTypes[i] } ? first.columnTypes[i] : nil
        }
        compiled.nativeCall = calls.first
        return compiled
    }

    /// One part of a UNION as `SELECT * FROM (…)`. A column that is a decimal (exact TEXT) in
    /// this part and something else in another (`p.unitCost` and `0.5`) is read as REAL, so equal
    /// numbers are one row under UNION, as openCypher requires: the part becomes a CTE with
    /// numbered columns, `un1(c1, c2) AS (…)`, and the UNION reads `SELECT CAST(c1 AS REAL), c2 FROM un1`.
    private func unionPart(mixingDecimals parts: [CompiledQuery]) -> (CompiledQuery) -> String {
        let mixed = Set(parts[0].columnTypes.indices.filter { i in
            let types = parts.map { $0.columnTypes[i] }
            return types.contains(.decimal) && types.contains { $0 != .decimal }
        })
        return { part in
            let casts = mixed.filter { part.columnTypes[$0] == .decimal }
            guard !casts.isEmpty else { return "SELECT * FROM (\n" + part.sql + "\n)" }
            let name = "un\(context.ctes.count + 1)"
            let columns = part.columns.indices.map { "c\($0 + 1)" }
            context.ctes.append("\(name)(\(columns.joined(separator: ", "))) AS (\n\(part.sql)\n)")
            let items = columns.enumerated().map { casts.contains($0.offset) ? "CAST(\($0.element) AS REAL)" : $0.element }
            return "SELECT " + items.joined(separator: ", ") + " FROM \(name)"
        }
    }

    /// One part of the query, clause by clause. A CALL may come first (its rows start the
    /// FROM) or after other clauses (joined to them; correlated when its part is an expression
    /// over their variables, see `CallPlanner`); one CALL per part.
    private func plan(_ single: SingleQuery) throws(QueryError) -> CompiledQuery {
        var select = Select()
        var projection: ReturnClause?
        var nativeCall: NativeCall?
        for clause in single.clauses {
            switch clause {
            case .match(let match):
                try addMatch(match, to: &select)
            case .with(let with):
                select = try WithPlanner(context: context).plan(with, keyword: keywordSpan(with.span, "WITH"), select: select)
            case .unwind(let unwind):
                try UnwindPlanner(context: context).plan(unwind, into: &select)
            case .call(let call):
                guard nativeCall == nil else {
                    throw context.unsupported("a second CALL in one query", at: keywordSpan(call.span, "CALL"))
                }
                let standalone = single.clauses.count == 1
                let (native, names) = try CallPlanner(context: context).plan(call, standalone: standalone, into: &select)
                if select.order == [] { select.order = nil }
                nativeCall = native
                if standalone { projection = Self.returning(names, at: call.span) }
            case .return(let r): projection = r
            }
        }
        guard let projection else { throw context.error("a query must end with RETURN", at: single.span) }
        var compiled = try ProjectionPlanner(context: context).plan(projection, select: select)
        compiled.nativeCall = nativeCall
        if let nativeCall { compiled.passthrough = passthrough(single, projection, nativeCall) }
        return compiled
    }

    /// The call's column indexes when the query is `CALL … YIELD … RETURN` of yielded names only
    /// (no WHERE, DISTINCT, ORDER BY, SKIP, LIMIT, other clauses or correlated argument).
    private func passthrough(_ single: SingleQuery, _ projection: ReturnClause, _ call: NativeCall) -> [Int]? {
        guard call.input == nil, single.clauses.count <= 2, case .call(let clause) = single.clauses[0],
              clause.predicate == nil else { return nil }
        let shape = projection.projection
        guard !shape.distinct, !shape.includesAll, shape.orderBy.isEmpty, shape.skip == nil, shape.limit == nil else {
            return nil
        }
        var indexes: [Int] = []
        for item in shape.items {
            guard case .variable(let name) = item.expression.kind, case .value(let bound)? = context.scope[name],
                  let index = call.columns.firstIndex(where: { SQLText.column("c", $0.name) == bound.sql }) else { return nil }
            indexes.append(index)
        }
        return indexes
    }

    /// The RETURN a standalone `CALL ... [YIELD ...]` implies: every yielded name.
    static func returning(_ names: [String], at span: SourceSpan) -> ReturnClause {
        let items = names.map { name in
            ProjectionItem(expression: Expression(.variable(name), span: span), alias: nil, text: name, span: span)
        }
        return ReturnClause(projection: Projection(distinct: false, includesAll: false, items: items, orderBy: [],
                                                   skip: nil, limit: nil), span: span)
    }

    /// The span of a clause's leading keyword.
    func keywordSpan(_ span: SourceSpan, _ keyword: String) -> SourceSpan {
        SourceSpan(start: span.start, end: span.start + keyword.count, line: span.line, column: span.column)
    }

    private func addMatch(_ match: MatchClause, to select: inout Select) throws(QueryError) {
        let binding = try context.bindMatch(match, prior: select)
        if select.order == [] { select.order = nil }
        select.plan.append(binding.plan)
        select.plan += binding.details
        if !match.optional {
            for (i, table) in binding.tables.enumerated() {
                select.from.append(select.from.isEmpty && i == 0 ? "FROM " + table : "JOIN " + table)
            }
            select.conditions += binding.conditions
            return
        }
        guard !binding.tables.isEmpty else {
            throw context.unsupported("OPTIONAL MATCH of variables that are all bound already",
                                      at: keywordSpan(match.span, "OPTIONAL MATCH"))
        }
        if select.from.isEmpty { select.from.append("FROM (SELECT 1) AS _one") }
        let group = binding.tables.count == 1 ? binding.tables[0] : "(" + binding.tables.joined(separator: " JOIN ") + ")"
        select.from.append("LEFT JOIN \(group) ON \(SQLText.and(binding.conditions))")
    }
}
