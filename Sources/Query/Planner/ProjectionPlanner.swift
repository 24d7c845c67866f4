import GraphModel

/// RETURN and WITH: items (`*` first), implicit grouping, DISTINCT, ORDER BY, SKIP and LIMIT.
///
/// openCypher groups by every item that holds no aggregate; so does the SQL (`GROUP BY` those
/// items, a node by its `_id`). ORDER BY sees the projected aliases and, when the projection
/// neither aggregates nor is DISTINCT, the matched variables too. Nulls sort last ascending and
/// first descending (openCypher orders null above every value). SKIP and LIMIT are
/// placeholders: `LIMIT ?n OFFSET ?m`. The order a WITH's ORDER BY establishes carries on to the
/// answer as `RowOrder` describes.
///
/// A WITH projects into a CTE (see `WithPlanner`): its columns are named `c1`, `c2`, … (never
/// after the user's aliases: identifiers in the SQL come only from the catalog), and a whole
/// node or relationship is carried as its `_id`.
struct ProjectionPlanner {
    let context: CompilationContext

    /// A projection compiled to one SELECT.
    struct Projected {
        var lines: [String]
        var columns: [String]
        var items: [ProjectionItem]
        var bound: [BoundExpression]
        var plan: [String]
        /// The order its rows carry on to the clauses after a WITH (see `RowOrder`).
        var order: RowOrder.Outgoing
    }

    func plan(_ clause: ReturnClause, select: QueryPlanner.Select) throws(QueryError) -> CompiledQuery {
        let projected = try project(clause.projection, clause: "RETURN", span: clause.span, select: select, intoCTE: false)
        return CompiledQuery(sql: projected.lines.joined(separator: "\n"), parameters: context.parameters.parameters,
                             columns: projected.columns, columnTypes: projected.bound.map(\.type.propertyType),
                             plan: projected.plan.joined(separator: "\n"), isExplain: false, isProfile: false)
    }

    /// The items of a projection, `*` expanded to every named variable in scope, in alphabetical
    /// order (as Neo4j does), before the items written after it.
    func items(of projection: Projection, clause: String, span: SourceSpan) throws(QueryError) -> [ProjectionItem] {
        guard projection.includesAll else { return projection.items }
        let names = context.scope.names
        if names.isEmpty { throw context.error("\(clause) * needs a variable in scope, and there is none", at: span) }
        return names.sorted().map { name in
            ProjectionItem(expression: Expression(.variable(name), span: span), alias: nil, text: name, span: span)
        } + projection.items
    }

    func project(_ projection: Projection, clause: String, span: SourceSpan, select: QueryPlanner.Select,
                 intoCTE: Bool) throws(QueryError) -> Projected {
        let projectionItems = try items(of: projection, clause: clause, span: span)
        var plan = select.plan
        if !select.conditions.isEmpty, plan.isEmpty { plan.append("Filter") }

        // Items.
        context.aggregatesAllowed = true
        var items: [BoundExpression] = []
        var columns: [String] = []
        for item in projectionItems {
            if intoCTE, item.alias == nil, !item.expression.isVariable {
                throw context.error("an expression in WITH needs a name: write \(item.text) AS name", at: item.span)
            }
            let bound = try context.bind(item.expression)
            let name = item.alias?.name ?? item.text
            if columns.contains(name) {
                throw context.error("two columns are named '\(name)'; give one an alias with AS", at: item.span)
            }
            items.append(bound)
            columns.append(name)
        }
        let aggregating = items.contains { $0.hasAggregate }
        if aggregating {
            try AggregationCheck(context: context, items: projectionItems, bound: items).run()
        }

        // ORDER BY.
        var orderKeys: [RowOrder.Key] = []
        if !projection.orderBy.isEmpty {
            let outer = context.scope
            var sortScope = (aggregating || projection.distinct) ? Scope() : outer
            if aggregating || projection.distinct { sortScope.hidden = Set(outer.names) }
            for (item, bound) in zip(projectionItems, items) {
                guard let alias = item.alias?.name ?? (item.expression.isVariable ? item.text : nil) else { continue }
                if case .variable(let name) = item.expression.kind, let binding = outer[name] {
                    sortScope.bind(alias, binding)
                } else {
                    sortScope.bind(alias, .value(bound))
                }
            }
            context.scope = sortScope
            defer { context.scope = outer }
            context.aggregatesAllowed = false
            context.aggregateContext = "in ORDER BY unless it is also \(intoCTE ? "passed on" : "returned")"
            for sort in projection.orderBy {
                let key: BoundExpression
                if let index = projectionItems.firstIndex(where: { $0.expression.description == sort.expression.description }) {
                    key = items[index]
                } else {
                    key = try context.bind(sort.expression)
                }
                if key.type == .list || key.type == .map {
                    // Their JSON text would sort as text ([10] before [2]).
                    throw context.unsupported("ordering by a \(key.type.name); order by one of its elements "
                        + "(ORDER BY xs[0]) or by size(xs)", at: sort.expression.span)
                }
                let value = key.type.isEntity ? (key.groupKey ?? key.sql) : key.numeric
                orderKeys.append(RowOrder.Key(sql: value, descending: sort.descending))
            }
        }
        context.aggregatesAllowed = false

        // SKIP, LIMIT.
        let skip = try projection.skip.map { expression throws(QueryError) in try count(expression, "SKIP") }
        let limit = try projection.limit.map { expression throws(QueryError) in try count(expression, "LIMIT") }

        // SQL.
        var outputs: [String] = []
        for (index, bound) in items.enumerated() {
            guard intoCTE else { outputs.append(bound.sql); continue }
            var value = bound.sql
            if bound.type.isEntity {
                guard let id = bound.groupKey else {
                    throw context.unsupported("passing a node or relationship computed by an expression through WITH",
                                              at: projectionItems[index].span)
                }
                value = id
            }
            outputs.append("\(value) AS c\(index + 1)")
        }
        let groupKeys = items.filter { !$0.hasAggregate }.map { $0.groupKey ?? $0.sql }
        let order = RowOrder(own: orderKeys, incoming: select.order, aggregating: aggregating,
                             distinct: projection.distinct, groupKeys: groupKeys.count, intoCTE: intoCTE)
        var lines = order.select(outputs, distinct: projection.distinct)
        lines += select.from
        if !select.conditions.isEmpty { lines.append("WHERE " + SQLText.and(select.conditions)) }
        if aggregating, !groupKeys.isEmpty { lines.append("GROUP BY " + groupKeys.joined(separator: ", ")) }
        lines = order.ordered(lines, columns: outputs.count)
        if limit != nil || skip != nil {
            lines.append("LIMIT \(limit ?? "-1")" + (skip.map { " OFFSET " + $0 } ?? ""))
        }

        // Plan.
        if aggregating {
            let keys = zip(items, columns).filter { !$0.0.hasAggregate }.map(\.1)
            plan.append("Aggregate" + (keys.isEmpty ? "" : " by " + keys.joined(separator: ", ")))
        }
        let step = intoCTE ? "With " : "Return "
        plan.append(step + (projection.distinct ? "DISTINCT " : "") + columns.joined(separator: ", "))
        if !projection.orderBy.isEmpty {
            plan.append("Sort " + projection.orderBy.map { context.text($0.span) }.joined(separator: ", "))
        }
        if let s = projection.skip { plan.append("Skip " + context.text(s.span)) }
        if let l = projection.limit { plan.append("Limit " + context.text(l.span)) }
        return Projected(lines: lines, columns: columns, items: projectionItems, bound: items, plan: plan,
                         order: order.outgoing)
    }

    /// SKIP or LIMIT: a non-negative integer literal or a parameter.
    private func count(_ expression: Expression, _ clause: String) throws(QueryError) -> String {
        switch expression.kind {
        case .literal(.integer(let value)) where value >= 0: return context.placeholder(.integer(value))
        case .parameter(let name): return context.placeholder(named: name)
        default: throw context.error("\(clause) needs a non-negative integer or a $parameter", at: expression.span)
        }
    }
}

extension Expression {
    var isVariable: Bool {
        if case .variable = kind { return true }
        return false
    }
}
