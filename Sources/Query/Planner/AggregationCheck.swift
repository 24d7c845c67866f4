/// openCypher's rule for aggregating projections: outside its aggregates, an item may only use
/// expressions that are themselves grouping keys (returned items without aggregates).
/// `RETURN p.number, p.number + count(*)` is fine; `RETURN p.kind, p.number + count(*)` is not.
struct AggregationCheck {
    let context: CompilationContext
    let items: [ProjectionItem]
    let bound: [BoundExpression]

    func run() throws(QueryError) {
        let keys = Set(zip(items, bound).filter { !$0.1.hasAggregate }.map { $0.0.expression.description })
        for (item, b) in zip(items, bound) where b.hasAggregate {
            try check(item.expression, keys: keys, item: item)
        }
    }

    private func check(_ expression: Expression, keys: Set<String>, item: ProjectionItem) throws(QueryError) {
        if keys.contains(expression.description) { return }
        switch expression.kind {
        case .countStar: return
        case .function(let call) where CompilationContext.aggregates.contains(call.name.lowercased()): return
        case .variable(let name):
            throw context.error("aggregation misuse: '\(name)' is used outside an aggregate in '\(item.text)'; "
                + "return it as its own column or move it inside the aggregate", at: expression.span)
        case .property(let subject, _): try check(subject, keys: keys, item: item)
        case .binary(_, let l, let r):
            try check(l, keys: keys, item: item)
            try check(r, keys: keys, item: item)
        case .unary(_, let x), .isNull(let x, _), .hasLabels(let x, _): try check(x, keys: keys, item: item)
        case .function(let call): for argument in call.arguments { try check(argument, keys: keys, item: item) }
        case .list(let elements): for element in elements { try check(element, keys: keys, item: item) }
        case .caseExpression(let c):
            if let s = c.subject { try check(s, keys: keys, item: item) }
            for alternative in c.alternatives {
                try check(alternative.when, keys: keys, item: item)
                try check(alternative.then, keys: keys, item: item)
            }
            if let e = c.elseValue { try check(e, keys: keys, item: item) }
        default: return
        }
    }
}
