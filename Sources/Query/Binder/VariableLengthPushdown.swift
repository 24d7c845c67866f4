/// `all(x IN r WHERE predicate)` (or `none(…)`) in a MATCH's WHERE, where `r` is a
/// variable-length relationship of that MATCH and the predicate reads only `x`: every edge of
/// the path must pass, so the walk checks it on each edge it takes (`VariableLengthBinder`)
/// instead of enumerating paths and filtering them afterwards.
struct EdgeFilter {
    /// The relationship list variable, `r`.
    var listVariable: String
    /// The element variable, `x`.
    var element: String
    var predicate: Expression
    /// `none(…)`: every edge must fail the predicate.
    var negated: Bool
}

/// How a MATCH's WHERE is split for variable-length walks: its AND-ed conditions, the variables
/// each reads, and which are edge filters.
extension CompilationContext {
    /// `a AND b AND c` → `[a, b, c]`.
    static func conjuncts(of expression: Expression) -> [Expression] {
        if case .binary(.and, let left, let right) = expression.kind {
            return conjuncts(of: left) + conjuncts(of: right)
        }
        return [expression]
    }

    /// The variables an expression reads; nil when it holds something this analysis does not
    /// look into (subqueries, comprehensions, aggregates), so it is never moved.
    static func variables(in expression: Expression) -> Set<String>? {
        func all(_ expressions: [Expression]) -> Set<String>? {
            var result: Set<String> = []
            for expression in expressions {
                guard let found = variables(in: expression) else { return nil }
                result.formUnion(found)
            }
            return result
        }
        switch expression.kind {
        case .literal, .parameter: return []
        case .variable(let name): return [name]
        case .list(let elements): return all(elements)
        case .map(let entries): return all(entries.map(\.value))
        case .property(let subject, _), .hasLabels(let subject, _), .unary(_, let subject), .isNull(let subject, _):
            return variables(in: subject)
        case .binary(_, let left, let right), .index(let left, let right): return all([left, right])
        case .slice(let list, let from, let to): return all([list] + [from, to].compactMap { $0 })
        case .function(let call):
            if aggregates.contains(call.name.lowercased()) { return nil }
            return all(call.arguments)
        case .caseExpression(let c):
            return all([c.subject, c.elseValue].compactMap { $0 } + c.alternatives.flatMap { [$0.when, $0.then] })
        case .countStar, .listComprehension, .patternComprehension, .quantifier, .reduce, .pattern:
            return nil
        }
    }

    /// The edge filter a WHERE conjunct is, if it is one.
    static func edgeFilter(_ conjunct: Expression) -> EdgeFilter? {
        guard case .quantifier(let quantifier, let comprehension) = conjunct.kind, quantifier == .all || quantifier == .none,
              case .variable(let list) = comprehension.list.kind, let predicate = comprehension.predicate,
              comprehension.projection == nil, let read = variables(in: predicate),
              read.isSubset(of: [comprehension.variable.name]) else { return nil }
        return EdgeFilter(listVariable: list, element: comprehension.variable.name, predicate: predicate,
                          negated: quantifier == .none)
    }
}
