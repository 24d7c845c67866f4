import GraphModel

/// The path functions: `length(p)`, `nodes(p)`, `relationships(p)` on a named path, and
/// `length(r)` / `size(r)` on a variable-length relationship variable.
///
/// | Cypher | SQL |
/// |---|---|
/// | `length(p)` | `CAST(<path key> AS INTEGER)` (the key starts with the length, see `PathJSON`); a path passed on by WITH: `json_array_length(p, '$.relationships')` |
/// | `nodes(p)`, `relationships(p)` | `json_extract(p, '$.nodes')`, `json_extract(p, '$.relationships')` |
/// | `size(r)`, `length(r)` | `CAST(vl1._depth || '|' || vl1._edges AS INTEGER)`, i.e. the walk's depth |
///
/// Called first by `bindFunction`; returns nil for every other call.
extension CompilationContext {
    func bindPathFunction(_ call: FunctionCall, span: SourceSpan) throws(QueryError) -> BoundExpression? {
        let lower = call.name.lowercased()
        if lower == "size" {
            // Only the cheap form for a variable-length relationship variable; the rest is size()'s.
            guard call.arguments.count == 1, !call.distinct, case .variable(let name) = call.arguments[0].kind,
                  case .value(let bound)? = scope[name], bound.type == .list, let key = bound.groupKey,
                  PathJSON.isListKey(key) else { return nil }
            return BoundExpression(sql: "CAST(\(key) AS INTEGER)", type: .known(.integer))
        }
        guard let name = ["length", "nodes", "relationships"].first(where: { $0 == lower }) else { return nil }
        if call.distinct { throw error("DISTINCT is only allowed in aggregates such as count(DISTINCT x)", at: span) }
        guard call.arguments.count == 1 else {
            throw error("\(name)() takes 1 argument, found \(call.arguments.count)", at: span)
        }
        let argument = try bind(call.arguments[0])
        func result(_ sql: String, _ type: ValueType) -> BoundExpression {
            BoundExpression(sql: sql, type: type, hasAggregate: argument.hasAggregate)
        }
        switch (argument.type, name) {
        case (.null, _):
            return result("NULL", name == "length" ? .known(.integer) : .list)
        case (.path, "length"):
            if let key = argument.groupKey { return result("CAST(\(key) AS INTEGER)", .known(.integer)) }
            return result("json_array_length(\(argument.sql), '$.relationships')", .known(.integer))
        case (.path, _):
            return result("json_extract(\(argument.sql), '$.\(name)')", .list)
        case (.list, "length"):
            if let key = argument.groupKey, PathJSON.isListKey(key) { return result("CAST(\(key) AS INTEGER)", .known(.integer)) }
            return result("json_array_length(\(argument.sql))", .known(.integer))
        default:
            let hint = name == "length" && (argument.type.isString || argument.type == .any)
                ? "; size() gives the length of a string or a list" : ""
            throw error("\(name)() needs a path, found \(argument.type.name)\(hint)", at: call.arguments[0].span)
        }
    }
}
