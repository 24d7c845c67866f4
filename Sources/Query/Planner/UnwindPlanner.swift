import GraphModel

/// `UNWIND list AS x`: one row per element, read with SQLite's `json_each`.
///
/// A list literal becomes `json_each(json_array(?1, ?2, …))` (its elements keep their type when
/// they share one), a `$parameter` `json_each(?1)` (bound as a JSON list text), and a list passed
/// on by WITH (`collect(…)`) `json_each(w1.c2)`. An empty list or null gives no rows. The
/// elements come in list order: `json_each`'s `key` (the index) is added to the rows' order.
struct UnwindPlanner {
    let context: CompilationContext

    func plan(_ unwind: UnwindClause, into select: inout QueryPlanner.Select) throws(QueryError) {
        context.aggregatesAllowed = false
        context.aggregateContext = "in UNWIND (aggregate in a WITH first)"
        let source: String
        var type = ValueType.any
        switch unwind.list.kind {
        case .list(let elements):
            var bound: [BoundExpression] = []
            for element in elements {
                let b = try context.bind(element)
                if b.type.isEntity || b.type == .list {
                    throw context.unsupported("UNWIND of a list holding \(b.type.name)s", at: element.span)
                }
                bound.append(b)
            }
            let types = Set(bound.map(\.type).filter { $0 != .null })
            if types.count == 1, let only = types.first { type = only }
            source = "json_each(json_array(\(bound.map(\.sql).joined(separator: ", "))))"
        case .parameter(let name):
            source = "json_each(\(context.placeholder(named: name)))"
        default:
            let bound = try context.bind(unwind.list)
            guard bound.type == .list || bound.type == .null else {
                throw context.error("UNWIND needs a list: a list literal [...], a $parameter, or a collect(...) passed on by WITH;"
                    + " found \(bound.type.name)", at: unwind.list.span)
            }
            source = "json_each(\(bound.sql))"
            if let element = bound.element { type = element }
        }
        let name = unwind.variable.name
        if context.scope[name] != nil {
            throw context.error("'\(name)' is already defined; UNWIND needs a new name", at: unwind.variable.span)
        }
        let alias = context.nextUnwindAlias()
        select.from.append((select.from.isEmpty ? "FROM " : "JOIN ") + "\(source) AS \(alias)")
        // Each row's elements follow it in list order (openCypher), after the order the rows carry.
        select.order?.append("\(alias).key")
        select.plan.append("Unwind \(context.text(unwind.list.span)) AS \(name)")
        context.scope.bind(name, .value(BoundExpression(sql: "\(alias).value", type: type)))
        context.scope.dropped.remove(name)
    }
}
