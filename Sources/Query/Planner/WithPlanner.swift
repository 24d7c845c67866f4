import GraphModel

/// `WITH items [ORDER BY …] [SKIP …] [LIMIT …] [WHERE …]`: the query so far becomes a CTE, and
/// the rest of the query reads it.
///
/// ```sql
/// WITH w1 AS (
/// SELECT n2._id AS c1, count(n1._id) AS c2
/// FROM "node_Supplier" AS n1 JOIN ... GROUP BY n2._id
/// )
/// SELECT n3."number", w1.c2
/// FROM w1
/// JOIN "node_Part" AS n3 ON n3._id = w1.c1
/// WHERE w1.c2 = ?1
/// ```
///
/// Columns are `c1`, `c2`, … in item order. A node (or a relationship of one type) passes
/// through as its `_id` and is joined back to its table by that primary key right after the
/// CTE (a LEFT JOIN when it may be null), so property access, whole-node values and later
/// MATCH clauses work on it as before. Only the projected names stay in scope; the WHERE after
/// WITH sees them and filters the CTE's rows (after its ORDER BY, SKIP and LIMIT). A WITH whose
/// rows carry an order adds a column `ord` numbering them, which the rest orders by (`RowOrder`).
struct WithPlanner {
    let context: CompilationContext

    func plan(_ with: WithClause, keyword: SourceSpan, select: QueryPlanner.Select) throws(QueryError) -> QueryPlanner.Select {
        let outer = context.scope
        let projected = try ProjectionPlanner(context: context)
            .project(with.projection, clause: "WITH", span: keyword, select: select, intoCTE: true)
        let name = context.nextCTEName()
        context.ctes.append("\(name) AS (\n" + projected.lines.joined(separator: "\n") + "\n)")

        var next = QueryPlanner.Select()
        next.from = ["FROM \(name)"]
        next.plan = projected.plan
        switch projected.order {
        case .ordinal: next.order = ["\(name).ord"]
        case .single: next.order = []
        case .none: next.order = nil
        }
        var scope = Scope()
        scope.dropped = outer.dropped.union(outer.names).subtracting(projected.columns)
        for (index, (column, bound)) in zip(projected.columns, projected.bound).enumerated() {
            let value = "\(name).c\(index + 1)"
            let item = projected.items[index]
            var optional = true
            if case .variable(let variable) = item.expression.kind {
                switch outer[variable] {
                case .node(let node): optional = node.optional
                case .relationship(let relationship): optional = relationship.optional
                default: break
                }
            }
            let join = optional ? "LEFT JOIN" : "JOIN"
            switch bound.type {
            case .node(let type):
                let alias = context.nextNodeAlias()
                next.from.append("\(join) \(SQLText.nodeTable(type.label)) AS \(alias) ON \(alias)._id = \(value)")
                scope.bind(column, .node(NodeBinding(name: column, type: type, alias: alias, optional: optional)))
            case .relationship(let types):
                guard types.count == 1, let type = types.first else {
                    throw context.unsupported("passing a relationship of several types through WITH", at: item.span)
                }
                let alias = context.nextRelationshipAlias()
                next.from.append("\(join) \(SQLText.edgeTable(type.name)) AS \(alias) ON \(alias)._id = \(value)")
                let tag = String(context.catalog.edgeTypes.firstIndex(of: type) ?? -1)
                scope.bind(column, .relationship(RelationshipBinding(name: column, types: types, alias: alias,
                                                                     optional: optional, isUnion: false, typeTag: tag)))
            default:
                var passed = BoundExpression(sql: value, type: bound.type)
                passed.element = bound.element
                scope.bind(column, .value(passed))
            }
        }
        context.scope = scope
        if let predicate = with.predicate {
            context.aggregatesAllowed = false
            context.aggregateContext = "in WHERE (aggregate in the WITH, then filter on its name)"
            next.conditions.append(try context.bindCondition(predicate, "WHERE").sql)
            next.plan.append("Filter WHERE " + context.text(predicate.span))
        }
        return next
    }
}
