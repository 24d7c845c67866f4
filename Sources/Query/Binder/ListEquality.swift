import GraphModel

/// Equality of lists and maps, with openCypher's rules: two lists are equal when they have the
/// same size and their elements are equal pairwise, two maps when they have the same keys and
/// equal values; a pair that cannot be decided because one side is null makes the answer null
/// unless another pair already makes it false (`[1, null] = [1, null]` is null,
/// `[1, null] = [2, null]` false). Numbers compare by value (`[1] = [1.0]`); values of different
/// kinds are different (`[1] = ['1']` is false). `<>` is the negation (null stays null).
///
/// Both sides are JSON texts read with `json_tree`, whose rows are every value at every depth
/// with its path (`fullkey`, `$[1].a`) and its container's path (`path`):
///
/// - false when a path exists on one side only while its container exists, not null, on the
///   other (a size or a key differs), or when both sides hold non-null values of different
///   kinds, or different scalars, at the same path;
/// - else null when some path holds a null on either side;
/// - else true.
///
/// `x IN list` where `x` or the list's elements are lists or maps applies this to each element:
/// true when one is equal, else null when one comparison is null, else false.
/// Ordering lists or maps (`<`, `>`, …) is refused.
extension CompilationContext {
    /// `l op r` where a side is a list or a map (the other a list, a map, a parameter or null).
    func compareStructured(_ op: BinaryOperator, _ l: BoundExpression, _ r: BoundExpression,
                           span: SourceSpan) throws(QueryError) -> BoundExpression {
        guard op == .equal || op == .notEqual else {
            let what = (l.type == .map || r.type == .map) ? "maps" : "lists"
            throw unsupported("ordering \(what) with \(op.rawValue); compare their elements (list[0] < other[0])", at: span)
        }
        try refuseAggregate(l.hasAggregate || r.hasAggregate, "comparing lists or maps", at: span)
        let equal = Self.structuredEqual(jsonText(l), jsonText(r))
        return BoundExpression(sql: op == .equal ? equal : "NOT (\(equal))", type: .known(.boolean),
                               hasAggregate: l.hasAggregate || r.hasAggregate)
    }

    /// True when a comparison of these two needs `compareStructured`.
    static func isStructured(_ l: BoundExpression, _ r: BoundExpression) -> Bool {
        [l.type, r.type].contains { $0 == .list || $0 == .map }
    }

    /// A value as JSON text for `structuredEqual`: lists and maps as they are, a parameter as
    /// given when it is JSON (a list or map parameter), else quoted.
    func jsonText(_ value: BoundExpression) -> String {
        switch value.type {
        case .list, .map: return value.sql
        case .null: return "NULL"
        case .known(.boolean): return "CASE \(value.sql) WHEN 1 THEN 'true' WHEN 0 THEN 'false' END"
        case .any: return "CASE WHEN json_valid(\(value.sql)) THEN \(value.sql) ELSE json_quote(\(value.sql)) END"
        default: return "json_quote(\(value.numeric))"
        }
    }

    /// An element read by `json_each` (alias `alias`) as JSON text, null for a JSON null.
    static func jsonElementText(_ alias: String) -> String {
        "CASE \(alias).type WHEN 'null' THEN NULL WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' "
            + "WHEN 'array' THEN \(alias).value WHEN 'object' THEN \(alias).value ELSE json_quote(\(alias).value) END"
    }

    /// The three-valued deep equality of two JSON texts (see the type's comment).
    static func structuredEqual(_ a: String, _ b: String) -> String {
        func kind(_ alias: String) -> String {
            "CASE \(alias).type WHEN 'integer' THEN 'number' WHEN 'real' THEN 'number' "
                + "WHEN 'true' THEN 'boolean' WHEN 'false' THEN 'boolean' ELSE \(alias).type END"
        }
        func missing(_ x: String, _ y: String) -> String {
            "EXISTS (SELECT 1 FROM json_tree(\(x)) AS x WHERE NOT EXISTS (SELECT 1 FROM json_tree(\(y)) AS y "
                + "WHERE y.fullkey = x.fullkey) AND EXISTS (SELECT 1 FROM json_tree(\(y)) AS y "
                + "WHERE y.fullkey = x.path AND y.type <> 'null'))"
        }
        let differs = "EXISTS (SELECT 1 FROM json_tree(\(a)) AS x JOIN json_tree(\(b)) AS y ON y.fullkey = x.fullkey "
            + "WHERE x.type <> 'null' AND y.type <> 'null' AND (\(kind("x")) <> \(kind("y")) OR x.atom <> y.atom))"
        let unknown = "EXISTS (SELECT 1 FROM json_tree(\(a)) AS x JOIN json_tree(\(b)) AS y ON y.fullkey = x.fullkey "
            + "WHERE x.type = 'null' OR y.type = 'null')"
        return "(CASE WHEN \(a) IS NULL OR \(b) IS NULL THEN NULL WHEN \(differs) OR \(missing(a, b)) OR \(missing(b, a)) "
            + "THEN 0 WHEN \(unknown) THEN NULL ELSE 1 END)"
    }

    /// `x IN [a, b]` where `x` or an element is a list or a map: `(eq(x, a) OR eq(x, b))`.
    func structuredIn(_ left: BoundExpression, literal elements: [BoundExpression],
                      span: SourceSpan) throws(QueryError) -> BoundExpression {
        try refuseAggregate(left.hasAggregate || elements.contains { $0.hasAggregate }, "IN with lists or maps", at: span)
        let sql = elements.isEmpty ? "0"
            : "(" + elements.map { Self.structuredEqual(jsonText(left), jsonText($0)) }.joined(separator: " OR ") + ")"
        return BoundExpression(sql: sql, type: .known(.boolean),
                               hasAggregate: left.hasAggregate || elements.contains { $0.hasAggregate })
    }

    /// `x IN list` for any list expression where `x` or the elements are lists or maps.
    func structuredIn(_ left: BoundExpression, list: BoundExpression, span: SourceSpan) throws(QueryError) -> BoundExpression {
        try refuseAggregate(left.hasAggregate, "IN with lists or maps", at: span)
        let alias = nextUnwindAlias()
        let equal = Self.structuredEqual(jsonText(left), Self.jsonElementText(alias))
        let sql = "(SELECT CASE WHEN max(\(equal)) = 1 THEN 1 WHEN count(*) > count(\(equal)) THEN NULL ELSE 0 END "
            + "FROM json_each(\(list.sql)) AS \(alias))"
        return BoundExpression(sql: Self.nullIfAnyNull([list.sql], sql), type: .known(.boolean),
                               hasAggregate: left.hasAggregate || list.hasAggregate)
    }
}
