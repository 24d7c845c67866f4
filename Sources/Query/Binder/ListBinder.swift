import GraphModel

/// A list expression together with what the binder knows about its elements.
struct TypedList {
    var bound: BoundExpression
    /// The type every element has (`.any` when unknown or mixed).
    var element: ValueType

    /// The list as a value that remembers its element type (through WITH, UNWIND, variables).
    var typedBound: BoundExpression {
        var typed = bound
        typed.element = element == .any ? nil : element
        return typed
    }
}

/// Lists: literals, indexing, slicing, comprehensions, quantifiers and `reduce`.
///
/// A list is a JSON array text. Literals are `json_array(…)` (a boolean element becomes JSON
/// `true`/`false`, a nested list, map or node is embedded as JSON); everything that walks a list
/// reads it with `json_each` in a correlated subquery, in array order:
///
/// | Cypher | SQL |
/// |---|---|
/// | `[1, 'a', x]` | `json_array(?1, ?2, x)` |
/// | `list[i]` | `json_extract(list, '$[i]')`, a negative `i` as `'$[#-1]'`: out of range is null |
/// | `list[a..b]` | `(SELECT json_group_array(value) FROM json_each(list) WHERE key >= a AND key < b)` |
/// | `[x IN list WHERE p \| e]` | `(SELECT json_group_array(e) FROM json_each(list) AS u1 WHERE p)`, `x` read as `u1.value` |
/// | `all/any/none/single(x IN list WHERE p)` | counts of true and null `p` over `json_each(list)` |
/// | `reduce(s = i, x IN list \| e)` | a recursive CTE over the elements inside a scalar subquery |
///
/// A null list gives null (`CASE WHEN list IS NULL THEN NULL ELSE … END`).
extension CompilationContext {
    /// The SQL that puts `value` into a JSON array or object keeping its kind.
    func jsonValue(_ value: BoundExpression) -> String {
        switch value.type {
        case .list, .map, .path, .node, .relationship: return "json(\(value.sql))"
        case .known(.boolean): return "CASE \(value.sql) WHEN 1 THEN json('true') WHEN 0 THEN json('false') END"
        default: return value.sql
        }
    }

    /// An element read by `json_each` (alias `alias`) put back into a JSON array unchanged.
    static func jsonElement(_ alias: String) -> String {
        "CASE \(alias).type WHEN 'true' THEN json('true') WHEN 'false' THEN json('false') "
            + "WHEN 'array' THEN json(\(alias).value) WHEN 'object' THEN json(\(alias).value) ELSE \(alias).value END"
    }

    /// The one type all of `types` share (nulls aside), or `.any`.
    static func commonType(_ types: [ValueType]) -> ValueType {
        let distinct = Set(types.filter { $0 != .null })
        return distinct.count == 1 ? distinct.first ?? .any : .any
    }

    /// `CASE WHEN a IS NULL OR … THEN NULL ELSE sql END`
    static func nullIfAnyNull(_ values: [String], _ sql: String) -> String {
        let tests = values.map { "\($0) IS NULL" }
        return tests.isEmpty ? sql : "CASE WHEN \(tests.joined(separator: " OR ")) THEN NULL ELSE \(sql) END"
    }

    /// SQLite cannot evaluate an aggregate of the outer query inside a recursive CTE or a nested
    /// FROM subquery, which some constructs compile to: those are refused with a way out.
    func refuseAggregate(_ hasAggregate: Bool, _ what: String, at span: SourceSpan) throws(QueryError) {
        if hasAggregate {
            throw unsupported("\(what) of an aggregate; aggregate in a WITH first (WITH collect(x) AS xs RETURN …)", at: span)
        }
    }

    /// A list expression of any form with its element type; does not check that it is a list.
    func bindListLike(_ expression: Expression) throws(QueryError) -> TypedList {
        switch expression.kind {
        case .list(let items):
            var elements: [BoundExpression] = []
            for item in items { elements.append(try bind(item)) }
            return TypedList(bound: BoundExpression(sql: "json_array(\(elements.map(jsonValue).joined(separator: ", ")))",
                                                    type: .list, hasAggregate: elements.contains { $0.hasAggregate }),
                             element: Self.commonType(elements.map(\.type)))
        case .listComprehension(let comprehension):
            return try bindComprehension(comprehension)
        case .slice(let subject, let from, let to):
            return try bindSlice(subject, from: from, to: to)
        case .function(let call):
            if let typed = try bindListFunction(call, span: expression.span) { return typed }
            let bound = try bind(expression)
            return TypedList(bound: bound, element: bound.element ?? .any)
        default:
            let bound = try bind(expression)
            return TypedList(bound: bound, element: bound.element ?? .any)
        }
    }

    /// A list expression; anything of another known type is an error naming `user`.
    func bindList(_ expression: Expression, for user: String) throws(QueryError) -> TypedList {
        let typed = try bindListLike(expression)
        switch typed.bound.type {
        case .list, .any, .null: return typed
        default: throw error("\(user) needs a list, found \(typed.bound.type.name)", at: expression.span)
        }
    }

    // MARK: - Indexing and slicing

    /// `list[i]`, `map['key']`, `node['property']`.
    func bindIndex(_ subject: Expression, _ index: Expression, span: SourceSpan) throws(QueryError) -> BoundExpression {
        if case .variable(let name) = subject.kind, let binding = scope[name], case .literal(.string(let key)) = index.kind {
            switch binding {
            case .node, .relationship:
                return try bindProperty(subject, key: key, in: Expression(.property(subject, key: key), span: span))
            case .value: break
            }
        }
        let typed = try bindListLike(subject)
        let container = typed.bound
        let i = try bind(index)
        let aggregate = container.hasAggregate || i.hasAggregate
        switch container.type {
        case .map:
            if let family = i.type.family, family != "string" {
                throw error("a map's key must be a string, found \(i.type.name)", at: index.span)
            }
            return BoundExpression(sql: mapAccess(container.sql, key: i.sql), type: .any, hasAggregate: aggregate)
        case .list, .any, .null:
            if container.type != .list, i.type.isString {
                return BoundExpression(sql: mapAccess(container.sql, key: i.sql, checked: true), type: .any, hasAggregate: aggregate)
            }
            if let family = i.type.family, family != "number" || i.type.propertyType != .integer {
                throw error("a list index must be an integer, found \(i.type.name)", at: index.span)
            }
            let path = "CASE WHEN \(i.sql) < 0 THEN '$[#' || \(i.sql) || ']' ELSE '$[' || \(i.sql) || ']' END"
            var sql = "json_extract(\(container.sql), \(path))"
            if i.type == .any { sql = "CASE WHEN typeof(\(i.sql)) = 'integer' THEN \(sql) END" }
            return BoundExpression(sql: sql, type: typed.element, hasAggregate: aggregate)
        default:
            throw error("cannot index a \(container.type.name) with [...]", at: subject.span)
        }
    }

    /// `list[from..to]`: `from` inclusive, `to` exclusive, negative bounds count from the end,
    /// bounds out of range are clamped; a null list or bound gives null.
    func bindSlice(_ subject: Expression, from: Expression?, to: Expression?) throws(QueryError) -> TypedList {
        let typed = try bindList(subject, for: "slicing [a..b]")
        let list = typed.bound.sql
        let alias = nextUnwindAlias()
        var aggregate = typed.bound.hasAggregate
        var nullable = [list]
        var conditions: [String] = []
        for (bound, op) in [(from, ">="), (to, "<")] {
            guard let bound else { continue }
            let b = try bind(bound)
            if let family = b.type.family, family != "number" || b.type.propertyType != .integer {
                throw error("a slice bound must be an integer, found \(b.type.name)", at: bound.span)
            }
            aggregate = aggregate || b.hasAggregate
            nullable.append(b.sql)
            conditions.append("\(alias).key \(op) CASE WHEN \(b.sql) < 0 THEN json_array_length(\(list)) + \(b.sql) ELSE \(b.sql) END")
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = "(SELECT json_group_array(\(Self.jsonElement(alias))) FROM json_each(\(list)) AS \(alias)\(filter))"
        return TypedList(bound: BoundExpression(sql: Self.nullIfAnyNull(nullable, sql), type: .list, hasAggregate: aggregate),
                         element: typed.element)
    }

    // MARK: - Comprehensions, quantifiers, reduce

    /// Binds `body` with `variable` bound to the elements of a `json_each` aliased `alias`.
    private func withElement<T>(_ variable: Identifier, _ sql: String, _ type: ValueType,
                                _ body: () throws(QueryError) -> T) throws(QueryError) -> T {
        let saved = scope
        let savedAggregates = (aggregatesAllowed, aggregateContext)
        defer {
            scope = saved
            (aggregatesAllowed, aggregateContext) = savedAggregates
        }
        scope.bind(variable.name, .value(BoundExpression(sql: sql, type: type)))
        aggregatesAllowed = false
        aggregateContext = "inside a list expression (aggregate in a WITH first)"
        return try body()
    }

    private func requireBoolean(_ bound: BoundExpression, _ expression: Expression, _ what: String) throws(QueryError) {
        if bound.type.isEntity || bound.type == .list || (bound.type.family.map { $0 != "boolean" } ?? false) {
            throw error("\(what) needs a boolean, found \(bound.type.name)", at: expression.span)
        }
    }

    /// `[x IN list WHERE predicate | projection]`
    func bindComprehension(_ comprehension: ListComprehension) throws(QueryError) -> TypedList {
        let source = try bindList(comprehension.list, for: "a list comprehension")
        let alias = nextUnwindAlias()
        let (element, type, filter) = try withElement(comprehension.variable, "\(alias).value", source.element) {
            () throws(QueryError) -> (String, ValueType, String) in
            var filter = ""
            if let predicate = comprehension.predicate {
                let bound = try bind(predicate)
                try requireBoolean(bound, predicate, "WHERE in a list comprehension")
                filter = " WHERE \(bound.sql)"
            }
            guard let projection = comprehension.projection else { return (Self.jsonElement(alias), source.element, filter) }
            let bound = try bind(projection)
            return (jsonValue(bound), bound.type, filter)
        }
        let list = source.bound.sql
        let sql = "(SELECT json_group_array(\(element)) FROM json_each(\(list)) AS \(alias)\(filter))"
        return TypedList(bound: BoundExpression(sql: Self.nullIfAnyNull([list], sql), type: .list,
                                                hasAggregate: source.bound.hasAggregate),
                         element: type)
    }

    /// `all/any/none/single(x IN list WHERE predicate)` with openCypher's null rules: a null
    /// predicate makes the answer null unless the true/false ones already decide it.
    func bindQuantifier(_ quantifier: Quantifier, _ body: ListComprehension, span: SourceSpan) throws(QueryError) -> BoundExpression {
        guard let predicate = body.predicate else {
            throw error("\(quantifier.rawValue)(...) needs a WHERE: \(quantifier.rawValue)(x IN list WHERE predicate)", at: span)
        }
        let source = try bindList(body.list, for: "\(quantifier.rawValue)(...)")
        let alias = nextUnwindAlias()
        let p = try withElement(body.variable, "\(alias).value", source.element) { () throws(QueryError) -> String in
            let bound = try bind(predicate)
            try requireBoolean(bound, predicate, "\(quantifier.rawValue)(...)")
            return bound.sql
        }
        let trues = "count(*) FILTER (WHERE \(p))"
        let falses = "count(*) FILTER (WHERE NOT (\(p)))"
        let nulls = "count(*) FILTER (WHERE (\(p)) IS NULL)"
        let decision: String
        switch quantifier {
        case .all: decision = "CASE WHEN \(falses) > 0 THEN 0 WHEN \(nulls) > 0 THEN NULL ELSE 1 END"
        case .any: decision = "CASE WHEN \(trues) > 0 THEN 1 WHEN \(nulls) > 0 THEN NULL ELSE 0 END"
        case .none: decision = "CASE WHEN \(trues) > 0 THEN 0 WHEN \(nulls) > 0 THEN NULL ELSE 1 END"
        case .single: decision = "CASE WHEN \(trues) > 1 THEN 0 WHEN \(nulls) > 0 THEN NULL ELSE \(trues) = 1 END"
        }
        let list = source.bound.sql
        let sql = "(SELECT \(decision) FROM json_each(\(list)) AS \(alias))"
        return BoundExpression(sql: Self.nullIfAnyNull([list], sql), type: .known(.boolean), hasAggregate: source.bound.hasAggregate)
    }

    /// `reduce(acc = initial, x IN list | expression)`:
    ///
    /// ```sql
    /// (WITH RECURSIVE u1(i, acc) AS (SELECT -1, initial
    ///    UNION ALL SELECT u1.i + 1, expression FROM u1 JOIN json_each(list) AS u2 ON u2.key = u1.i + 1)
    ///  SELECT acc FROM u1 ORDER BY i DESC LIMIT 1)
    /// ```
    func bindReduce(_ reduce: Reduce, span: SourceSpan) throws(QueryError) -> BoundExpression {
        let source = try bindList(reduce.list, for: "reduce(...)")
        let initial = try bind(reduce.initial)
        try refuseAggregate(source.bound.hasAggregate || initial.hasAggregate, "reduce()", at: span)
        if initial.type.isEntity { throw unsupported("reduce() with a node or relationship as the accumulator", at: reduce.initial.span) }
        let steps = nextUnwindAlias(), element = nextUnwindAlias()
        var accumulator = initial.type == .null ? ValueType.any : initial.type
        var step = BoundExpression(sql: "NULL", type: .null)
        for _ in 0..<2 {
            step = try withElement(reduce.variable, "\(element).value", source.element) { () throws(QueryError) -> BoundExpression in
                scope.bind(reduce.accumulator.name, .value(BoundExpression(sql: "\(steps).acc", type: accumulator)))
                return try bind(reduce.expression)
            }
            if step.type == accumulator || step.type == .null { break }
            accumulator = .any
        }
        let list = source.bound.sql
        let sql = "(WITH RECURSIVE \(steps)(i, acc) AS (SELECT -1, \(initial.sql) UNION ALL "
            + "SELECT \(steps).i + 1, \(step.sql) FROM \(steps) JOIN json_each(\(list)) AS \(element) ON \(element).key = \(steps).i + 1) "
            + "SELECT acc FROM \(steps) ORDER BY i DESC LIMIT 1)"
        return BoundExpression(sql: Self.nullIfAnyNull([list], sql), type: accumulator,
                               hasAggregate: source.bound.hasAggregate || initial.hasAggregate)
    }

    // MARK: - Membership and concatenation

    /// `x IN list` for any list expression: `x IN (SELECT value FROM json_each(list))`; null
    /// when the list is null, or when `x` is not found and the list holds a null (SQL's rule too).
    func bindInList(_ left: BoundExpression, _ right: Expression) throws(QueryError) -> BoundExpression {
        let typed = try bindList(right, for: "IN")
        if let a = left.type.family, let b = typed.element.family, a != b {
            throw error("cannot compare \(left.type.name) with a list of \(typed.element.name)s", at: right.span)
        }
        if Self.isStructured(left, BoundExpression(sql: "", type: typed.element)) {
            return try structuredIn(left, list: typed.bound, span: right.span)
        }
        let alias = nextUnwindAlias()
        let numeric = left.type.isDecimal || typed.element.isDecimal
        let value = typed.element.isDecimal ? "CAST(\(alias).value AS REAL)" : "\(alias).value"
        let list = typed.bound.sql
        let sql = "\(numeric ? left.numeric : left.sql) IN (SELECT \(value) FROM json_each(\(list)) AS \(alias))"
        return BoundExpression(sql: Self.nullIfAnyNull([list], sql), type: .known(.boolean),
                               hasAggregate: left.hasAggregate || typed.bound.hasAggregate)
    }

    /// `list + list` concatenates, `list + x` appends, `x + list` prepends (null gives null).
    func concatenate(_ l: BoundExpression, _ r: BoundExpression) -> BoundExpression {
        let aggregate = l.hasAggregate || r.hasAggregate
        let sql: String
        switch (l.type, r.type) {
        case (.list, .list):
            sql = Self.concatenateArrays("json(\(l.sql))", "json(\(r.sql))")
        case (.list, _):
            sql = "CASE WHEN \(r.sql) IS NULL THEN NULL ELSE json_insert(\(l.sql), '$[#]', \(jsonValue(r))) END"
        default:
            sql = "CASE WHEN \(l.sql) IS NULL THEN NULL ELSE "
                + Self.concatenateArrays("json_array(\(jsonValue(l)))", "json(\(r.sql))") + " END"
        }
        return BoundExpression(sql: sql, type: .list, hasAggregate: aggregate)
    }

    /// Two JSON array texts (minified, as `json()` gives them) joined into one.
    static func concatenateArrays(_ a: String, _ b: String) -> String {
        "json(CASE WHEN \(a) = '[]' THEN \(b) WHEN \(b) = '[]' THEN \(a) "
            + "ELSE substr(\(a), 1, length(\(a)) - 1) || ',' || substr(\(b), 2) END)"
    }
}
