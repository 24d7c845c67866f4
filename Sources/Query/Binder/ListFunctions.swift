import GraphModel

/// Functions that return lists (and `reverse`, which also reverses strings), plus `size`,
/// `head` and `last`.
///
/// | Cypher | SQL |
/// |---|---|
/// | `collect(x)` | see `bindAggregate`; its elements have `x`'s type |
/// | `range(a, b[, step])` | a recursive CTE of the integers from `a` to `b` (inclusive), `json_group_array` |
/// | `head(l)`, `last(l)` | `json_extract(l, '$[0]')`, `json_extract(l, '$[#-1]')` |
/// | `tail(l)` | `json_remove(l, '$[0]')` |
/// | `reverse(l)` | `json_group_array` over `json_each(l)` in descending key order |
/// | `split(s, d)` | a recursive CTE cutting `s` at each `d` (an empty `d` cuts every character) |
/// | `keys(n)`, `labels(n)` | the non-null properties' names; `json_array('Part')` |
/// | `size(l)` | `json_array_length(l)` (`length(s)` for a string) |
extension CompilationContext {
    /// The functions `bindListFunction` compiles (lower-case names).
    static let listFunctions: Set<String> = ["collect", "range", "tail", "reverse", "split", "keys", "labels"]

    func arity(_ call: FunctionCall, _ name: String, _ counts: ClosedRange<Int>, span: SourceSpan) throws(QueryError) {
        guard counts.contains(call.arguments.count) else {
            let expected = counts.lowerBound == counts.upperBound ? "\(counts.lowerBound)"
                : counts.upperBound == counts.lowerBound + 1 ? "\(counts.lowerBound) or \(counts.upperBound)"
                : "\(counts.lowerBound) to \(counts.upperBound)"
            throw error("\(name)() takes \(expected) argument\(counts.upperBound == 1 ? "" : "s"), found \(call.arguments.count)",
                        at: span)
        }
    }

    /// Requires a value of `family` (`number`, `string`, …) or of an unknown type.
    func require(_ bound: BoundExpression, _ family: String, _ name: String, _ expression: Expression,
                 integer: Bool = false) throws(QueryError) {
        let wrongFamily = bound.type.family.map { $0 != family } ?? false
        let notInteger = integer && bound.type.isNumeric && bound.type.propertyType != .integer
        if bound.type.isEntity || [.list, .map, .path, .duration].contains(bound.type) || wrongFamily || notInteger {
            throw error("\(name)() needs \(integer ? "an integer" : family == "integer" ? "an integer" : "a \(family)"), found \(bound.type.name)",
                        at: expression.span)
        }
    }

    /// `loom_error('message')`: stops the query with `message` when SQLite evaluates it (the
    /// function is registered on Loom's connections by SQLiteDB).
    func runtimeError(_ message: String) -> String { "loom_error(\(placeholder(.string(message))))" }

    /// A function of `listFunctions`, or nil for any other function.
    func bindListFunction(_ call: FunctionCall, span: SourceSpan) throws(QueryError) -> TypedList? {
        let lower = call.name.lowercased()
        guard Self.listFunctions.contains(lower) else { return nil }
        if lower == "collect" {
            var element = ValueType.any
            let bound = try bindAggregate(lower, call, span: span, argumentType: &element)
            return TypedList(bound: bound, element: element)
        }
        if call.distinct { throw error("DISTINCT is only allowed in aggregates such as count(DISTINCT x)", at: span) }
        switch lower {
        case "range":
            try arity(call, "range", 2...3, span: span)
            var bounds: [BoundExpression] = []
            for argument in call.arguments {
                let bound = try bind(argument)
                try require(bound, "number", "range", argument, integer: true)
                bounds.append(bound)
            }
            try refuseAggregate(bounds.contains { $0.hasAggregate }, "range()", at: span)
            if call.arguments.count == 3, case .literal(.integer(0)) = call.arguments[2].kind {
                throw error("range() needs a step other than 0", at: call.arguments[2].span)
            }
            let a = bounds[0].sql, b = bounds[1].sql
            let step = bounds.count == 3 ? bounds[2].sql : placeholder(.integer(1))
            let s = nextUnwindAlias()
            let go = { (v: String) in "(\(step) > 0 AND \(v) <= \(b)) OR (\(step) < 0 AND \(v) >= \(b))" }
            let sql = "CASE WHEN \(step) = 0 THEN \(runtimeError("range() needs a step other than 0")) ELSE "
                + "(WITH RECURSIVE \(s)(v) AS (SELECT \(a) WHERE \(go(a)) UNION ALL "
                + "SELECT v + \(step) FROM \(s) WHERE \(go("v + \(step)"))) SELECT json_group_array(v) FROM \(s)) END"
            return TypedList(bound: BoundExpression(sql: Self.nullIfAnyNull(bounds.map(\.sql), sql), type: .list,
                                                    hasAggregate: bounds.contains { $0.hasAggregate }),
                             element: .known(.integer))
        case "tail":
            try arity(call, "tail", 1...1, span: span)
            let list = try bindList(call.arguments[0], for: "tail()")
            return TypedList(bound: BoundExpression(sql: "json_remove(\(list.bound.sql), '$[0]')", type: .list,
                                                    hasAggregate: list.bound.hasAggregate), element: list.element)
        case "reverse":
            try arity(call, "reverse", 1...1, span: span)
            let typed = try bindListLike(call.arguments[0])
            let x = typed.bound
            switch x.type {
            case .list:
                let alias = nextUnwindAlias()
                let sql = "(SELECT json_group_array(\(Self.jsonElement(alias))) FROM "
                    + "(SELECT key, value, type FROM json_each(\(x.sql)) ORDER BY key DESC) AS \(alias))"
                return TypedList(bound: BoundExpression(sql: Self.nullIfAnyNull([x.sql], sql), type: .list, hasAggregate: x.hasAggregate),
                                 element: typed.element)
            case .null:
                return TypedList(bound: x, element: .any)
            case .any:
                throw unsupported("reverse() of a value that may be a string or a list", at: call.arguments[0].span)
            default:
                guard x.type.isString else { throw error("reverse() needs a string or a list, found \(x.type.name)", at: call.arguments[0].span) }
                try refuseAggregate(x.hasAggregate, "reverse()", at: span)
                return TypedList(bound: BoundExpression(sql: reverseString(x.sql), type: .known(.string), hasAggregate: x.hasAggregate),
                                 element: .any)
            }
        case "split":
            try arity(call, "split", 2...2, span: span)
            let s = try bind(call.arguments[0]), d = try bind(call.arguments[1])
            try require(s, "string", "split", call.arguments[0])
            try require(d, "string", "split", call.arguments[1])
            try refuseAggregate(s.hasAggregate || d.hasAggregate, "split()", at: span)
            return TypedList(bound: BoundExpression(sql: Self.nullIfAnyNull([s.sql, d.sql], splitString(s.sql, d.sql)), type: .list,
                                                    hasAggregate: s.hasAggregate || d.hasAggregate),
                             element: .known(.string))
        case "keys":
            try arity(call, "keys", 1...1, span: span)
            return TypedList(bound: try bindKeys(call.arguments[0]), element: .known(.string))
        default: // labels
            try arity(call, "labels", 1...1, span: span)
            let argument = call.arguments[0]
            guard case .variable(let name) = argument.kind, case .node(let node) = try lookup(name, span: argument.span) else {
                let bound = try bind(argument)
                if bound.type == .null { return TypedList(bound: BoundExpression(sql: "NULL", type: .list), element: .known(.string)) }
                throw error("labels() needs a node variable, found \(bound.type.name)", at: argument.span)
            }
            let sql = "json_array(\(SQLText.string(node.type.label)))"
            return TypedList(bound: BoundExpression(sql: node.optional ? "CASE WHEN \(node.idColumn) IS NULL THEN NULL ELSE \(sql) END" : sql,
                                                    type: .list), element: .known(.string))
        }
    }

    /// A string's characters in reverse order (a recursive CTE from the last character).
    private func reverseString(_ s: String) -> String {
        let r = nextUnwindAlias()
        return "(WITH RECURSIVE \(r)(i, acc) AS (SELECT length(\(s)), '' UNION ALL "
            + "SELECT i - 1, acc || substr(\(s), i, 1) FROM \(r) WHERE i > 0) SELECT acc FROM \(r) WHERE i = 0)"
    }

    /// `split(s, d)`: pieces between occurrences of `d` (empty pieces kept); `d = ''` splits
    /// into characters.
    private func splitString(_ s: String, _ d: String) -> String {
        let p = nextUnwindAlias()
        let at = "instr(rest, \(d))"
        let piece = "CASE WHEN \(d) = '' THEN substr(rest, 1, 1) WHEN \(at) > 0 THEN substr(rest, 1, \(at) - 1) ELSE rest END"
        let remainder = "CASE WHEN \(d) = '' THEN CASE WHEN length(rest) > 1 THEN substr(rest, 2) END "
            + "WHEN \(at) > 0 THEN substr(rest, \(at) + length(\(d))) END"
        return "(WITH RECURSIVE \(p)(i, piece, rest) AS (SELECT 0, '', \(s) UNION ALL "
            + "SELECT i + 1, \(piece), \(remainder) FROM \(p) WHERE rest IS NOT NULL) "
            + "SELECT json_group_array(piece) FROM \(p) WHERE i > 0)"
    }

    /// `size(list)`, `size(string)`, `head(list)`, `last(list)`; nil for other functions.
    func bindListScalar(_ name: String, _ call: FunctionCall, span: SourceSpan) throws(QueryError) -> BoundExpression? {
        switch name {
        case "size":
            try arity(call, "size", 1...1, span: span)
            let typed = try bindListLike(call.arguments[0])
            let x = typed.bound
            switch x.type {
            case .list: return BoundExpression(sql: "json_array_length(\(x.sql))", type: .known(.integer), hasAggregate: x.hasAggregate)
            case .any:
                return BoundExpression(sql: "CASE WHEN json_valid(\(x.sql)) AND json_type(\(x.sql)) = 'array' "
                    + "THEN json_array_length(\(x.sql)) ELSE length(\(x.sql)) END", type: .known(.integer), hasAggregate: x.hasAggregate)
            case .null: return BoundExpression(sql: "NULL", type: .known(.integer))
            default:
                guard x.type.isString else {
                    throw error("size() needs a string or a list, found \(x.type.name)", at: call.arguments[0].span)
                }
                return BoundExpression(sql: "length(\(x.sql))", type: .known(.integer), hasAggregate: x.hasAggregate)
            }
        case "head", "last":
            try arity(call, name, 1...1, span: span)
            let typed = try bindList(call.arguments[0], for: "\(name)()")
            let path = name == "head" ? "'$[0]'" : "'$[#-1]'"
            return BoundExpression(sql: "json_extract(\(typed.bound.sql), \(path))", type: typed.element,
                                   hasAggregate: typed.bound.hasAggregate)
        default:
            return nil
        }
    }
}
