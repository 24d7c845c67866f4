import GraphModel

/// RETURN: items, implicit grouping, DISTINCT, ORDER BY, SKIP and LIMIT.
///
/// openCypher groups by every RETURN item that holds no aggregate; so does the SQL
/// (`GROUP BY` those items, a node by its `_id`). ORDER BY sees the returned aliases and, when
/// the RETURN neither aggregates nor is DISTINCT, the matched variables too. Nulls sort last
/// ascending and first descending (openCypher orders null above every value). SKIP and LIMIT are
/// placeholders: `LIMIT ?n OFFSET ?m`.
struct ProjectionPlanner {
    let context: CompilationContext

    func plan(_ clause: ReturnClause, select: QueryPlanner.Select) throws(QueryError) -> CompiledQuery {
        let projection = clause.projection
        if projection.includesAll { throw context.unsupported("RETURN *", at: clause.span) }
        var plan = select.plan
        if !select.conditions.isEmpty, plan.isEmpty { plan.append("Filter") }

        // Items.
        context.aggregatesAllowed = true
        var items: [BoundExpression] = []
        var columns: [String] = []
        for item in projection.items {
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
            try AggregationCheck(context: context, items: projection.items, bound: items).run()
        }

        // ORDER BY.
        var orderTerms: [String] = []
        if !projection.orderBy.isEmpty {
            let outer = context.scope
            var sortScope = (aggregating || projection.distinct) ? Scope() : outer
            if aggregating || projection.distinct { sortScope.hidden = Set(outer.names) }
            for (item, bound) in zip(projection.items, items) {
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
            context.aggregateContext = "in ORDER BY unless it is also returned"
            for sort in projection.orderBy {
                let key: BoundExpression
                if let index = projection.items.firstIndex(where: { $0.expression.description == sort.expression.description }) {
                    key = items[index]
                } else {
                    key = try context.bind(sort.expression)
                }
                let value = key.type.isEntity ? (key.groupKey ?? key.sql) : key.numeric
                orderTerms.append(value + (sort.descending ? " DESC NULLS FIRST" : " ASC NULLS LAST"))
            }
        }

        // SKIP, LIMIT.
        let skip = try projection.skip.map { expression throws(QueryError) in try count(expression, "SKIP") }
        let limit = try projection.limit.map { expression throws(QueryError) in try count(expression, "LIMIT") }

        // SQL.
        var lines = ["SELECT " + (projection.distinct ? "DISTINCT " : "") + items.map(\.sql).joined(separator: ", ")]
        lines += select.from
        if !select.conditions.isEmpty { lines.append("WHERE " + SQLText.and(select.conditions)) }
        let groupKeys = items.filter { !$0.hasAggregate }.map { $0.groupKey ?? $0.sql }
        if aggregating, !groupKeys.isEmpty { lines.append("GROUP BY " + groupKeys.joined(separator: ", ")) }
        if !orderTerms.isEmpty { lines.append("ORDER BY " + orderTerms.joined(separator: ", ")) }
        if limit != nil || skip != nil {
            lines.append("LIMIT \(limit ?? "-1")" + (skip.map { " OFFSET " + $0 } ?? ""))
        }

        // Plan.
        if aggregating {
            let keys = zip(items, columns).filter { !$0.0.hasAggregate }.map(\.1)
            plan.append("Aggregate" + (keys.isEmpty ? "" : " by " + keys.joined(separator: ", ")))
        }
        plan.append("Return " + (projection.distinct ? "DISTINCT " : "") + columns.joined(separator: ", "))
        if !projection.orderBy.isEmpty {
            plan.append("Sort " + projection.orderBy.map { context.text($0.span) }.joined(separator: ", "))
        }
        if let s = projection.skip { plan.append("Skip " + context.text(s.span)) }
        if let l = projection.limit { plan.append("Limit " + context.text(l.span)) }

        return CompiledQuery(sql: lines.joined(separator: "\n"), parameters: context.parameters.parameters,
                             columns: columns, columnTypes: items.map(\.type.propertyType),
                             plan: plan.joined(separator: "\n"), isExplain: false, isProfile: false)
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
