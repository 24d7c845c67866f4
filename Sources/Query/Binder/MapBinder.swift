import GraphModel

/// Maps and the entity functions that return them: map literals, `map.key`, `map['key']`,
/// `keys()`, `properties()`, `type()`, `elementId()`.
///
/// A map is a JSON object text: `{a: 1, b: x}` is `json_object(?1, ?2, ?3, x)` (keys are
/// bound values, like every value written in the query). `m.key` reads
/// `(SELECT value FROM json_each(m) WHERE key = ?n)`, null when the key is missing.
/// `properties(n)` is the node's non-null properties as such an object (`json_group_object`
/// over `json_each` of all of them); `keys(n)` their names.
extension CompilationContext {
    func bindMap(_ entries: [MapEntry]) throws(QueryError) -> BoundExpression {
        var pairs: [String] = []
        var aggregate = false
        var seen: Set<String> = []
        for entry in entries {
            guard seen.insert(entry.key).inserted else { throw error("the key '\(entry.key)' is written twice in this map", at: entry.keySpan) }
            let value = try bind(entry.value)
            aggregate = aggregate || value.hasAggregate
            pairs += [placeholder(.string(entry.key)), jsonValue(value)]
        }
        return BoundExpression(sql: "json_object(\(pairs.joined(separator: ", ")))", type: .map, hasAggregate: aggregate)
    }

    /// The value under `key` (SQL for a string) in the JSON object `map`; with `checked`, null
    /// for anything that is not JSON (a value of unknown type).
    func mapAccess(_ map: String, key: String, checked: Bool = false) -> String {
        let source = checked ? "CASE WHEN json_valid(\(map)) THEN \(map) END" : map
        return "(SELECT value FROM json_each(\(source)) WHERE key = \(key))"
    }

    /// `x.key` on a value that is not a node or relationship variable: a map's entry, a date's
    /// or duration's component.
    func bindValueProperty(_ subject: Expression, _ bound: BoundExpression, key: String,
                           in expression: Expression) throws(QueryError) -> BoundExpression {
        // Allocated only where used: an unused placeholder would leave SQLite expecting fewer values.
        var keySQL: String { placeholder(.string(key)) }
        switch bound.type {
        case .map:
            return BoundExpression(sql: mapAccess(bound.sql, key: keySQL), type: .any, hasAggregate: bound.hasAggregate)
        case .known(.date), .known(.datetime):
            return try temporalComponent(bound, key: key, keySpan: keySpan(of: expression, key: key))
        case .duration:
            return try durationComponent(subject, bound, key: key, keySpan: keySpan(of: expression, key: key))
        case .null:
            return BoundExpression(sql: "NULL", type: .any)
        case .any:
            let entry = mapAccess(bound.sql, key: keySQL, checked: true)
            if let component = try? temporalComponent(BoundExpression(sql: bound.sql, type: .known(.datetime)), key: key,
                                                      keySpan: expression.span) {
                return BoundExpression(sql: "CASE WHEN json_valid(\(bound.sql)) THEN \(entry) ELSE \(component.sql) END",
                                       type: .any, hasAggregate: bound.hasAggregate)
            }
            return BoundExpression(sql: entry, type: .any, hasAggregate: bound.hasAggregate)
        case .node(let type):
            // A node held as a JSON object (an element of collect(n), of a path, of UNWIND).
            guard let property = type.property(key) else {
                throw error("unknown property '\(key)' on \(type.label)"
                    + Suggestions.hint(for: key, in: type.properties.map(\.name)), at: keySpan(of: expression, key: key))
            }
            return BoundExpression(sql: "json_extract(\(bound.sql), \(placeholder(.string(Self.jsonPath(key)))))",
                                   type: .known(property.type), hasAggregate: bound.hasAggregate)
        case .relationship(let types):
            let found = types.compactMap { $0.property(key) }
            guard let first = found.first else {
                throw error("unknown property '\(key)' on \(types.map(\.name).joined(separator: "|"))"
                    + Suggestions.hint(for: key, in: types.flatMap { $0.properties.map(\.name) }),
                    at: keySpan(of: expression, key: key))
            }
            guard found.allSatisfy({ $0.type == first.type }) else {
                throw unsupported("property '\(key)' has different types on \(types.map(\.name).joined(separator: "|"))",
                                  at: keySpan(of: expression, key: key))
            }
            return BoundExpression(sql: "json_extract(\(bound.sql), \(placeholder(.string(Self.jsonPath(key)))))",
                                   type: .known(first.type), hasAggregate: bound.hasAggregate)
        default:
            throw error("cannot read '.\(key)' of a \(bound.type.name)", at: keySpan(of: expression, key: key))
        }
    }

    /// The node or relationship a variable names, or nil for anything else.
    private func entity(_ expression: Expression) throws(QueryError) -> Binding? {
        guard case .variable(let name) = expression.kind else { return nil }
        let binding = try lookup(name, span: expression.span)
        if case .value = binding { return nil }
        return binding
    }

    /// A JSON object of every property of a node or relationship (nulls included; booleans as
    /// JSON true/false), null when an OPTIONAL MATCH found nothing.
    private func propertyObject(_ binding: Binding) -> String {
        let (alias, properties, id, optional): (String, [PropertyDefinition], String, Bool)
        switch binding {
        case .node(let node): (alias, properties, id, optional) = (node.alias, node.type.properties, node.idColumn, node.optional)
        case .relationship(let r):
            (alias, properties, id, optional) = (r.alias, RelationshipTable.properties(of: r.types), r.idColumn, r.optional)
        case .value: preconditionFailure("not an entity")
        }
        let pairs = properties.flatMap { property -> [String] in
            let column = SQLText.column(alias, property.name)
            let value = property.type == .boolean ? "CASE \(column) WHEN 1 THEN json('true') WHEN 0 THEN json('false') END" : column
            return [SQLText.string(property.name), value]
        }
        let object = "json_object(\(pairs.joined(separator: ", ")))"
        return optional ? "CASE WHEN \(id) IS NULL THEN NULL ELSE \(object) END" : object
    }

    /// `keys(n)`, `keys(r)`: names of the non-null properties; `keys(map)`: every key.
    func bindKeys(_ argument: Expression) throws(QueryError) -> BoundExpression {
        if let binding = try entity(argument) {
            let object = propertyObject(binding)
            return BoundExpression(sql: Self.nullIfAnyNull([object],
                "(SELECT json_group_array(key) FROM json_each(\(object)) WHERE type <> 'null')"), type: .list)
        }
        let map = try bind(argument)
        switch map.type {
        case .map, .any:
            return BoundExpression(sql: Self.nullIfAnyNull([map.sql], "(SELECT json_group_array(key) FROM json_each(\(map.sql)))"),
                                   type: .list, hasAggregate: map.hasAggregate)
        case .null: return BoundExpression(sql: "NULL", type: .list)
        default: throw error("keys() needs a node, relationship or map, found \(map.type.name)", at: argument.span)
        }
    }

    /// `properties(n|r|map)`, `type(r)`, `elementId(n|r)`, `id(n|r)`; nil for other functions.
    ///
    /// `id(n)` is `n._id * <number of labels> + <the label's index in the catalog>` (and
    /// `id(r)` likewise over edge types, the token of a walk's edge list): unique among the
    /// nodes (relationships) of one graph and stable while it is not imported again.
    func bindEntityFunction(_ name: String, _ call: FunctionCall, span: SourceSpan) throws(QueryError) -> BoundExpression? {
        guard ["properties", "type", "elementId", "id"].contains(name) else { return nil }
        try arity(call, name, 1...1, span: span)
        let argument = call.arguments[0]
        let binding = try entity(argument)
        switch (name, binding) {
        case ("properties", .some(let binding)):
            let alias = nextUnwindAlias()
            let object = propertyObject(binding)
            return BoundExpression(sql: Self.nullIfAnyNull([object], "(SELECT json_group_object(key, \(Self.jsonElement(alias))) "
                + "FROM json_each(\(object)) AS \(alias) WHERE type <> 'null')"), type: .map)
        case ("properties", nil):
            let map = try bind(argument)
            guard [.map, .null, .any].contains(map.type) else {
                throw error("properties() needs a node, relationship or map, found \(map.type.name)", at: argument.span)
            }
            return BoundExpression(sql: map.sql, type: .map, hasAggregate: map.hasAggregate)
        case ("type", .some(.relationship(let r))):
            let cases = r.types.map { type in "WHEN \(catalog.edgeTypes.firstIndex(of: type) ?? -1) THEN \(SQLText.string(type.name))" }
            let sql = r.isUnion ? "CASE \(r.alias)._type \(cases.joined(separator: " ")) END" : SQLText.string(r.types.first?.name ?? "")
            return BoundExpression(sql: r.optional ? "CASE WHEN \(r.idColumn) IS NULL THEN NULL ELSE \(sql) END" : sql,
                                   type: .known(.string))
        case ("elementId", .some(.node(let node))):
            return BoundExpression(sql: "\(SQLText.string(node.type.label + ":")) || \(node.alias)._key", type: .known(.string))
        case ("elementId", .some(.relationship(let r))):
            let type = r.types.count == 1 ? SQLText.string(r.types[0].name)
                : "CASE \(r.alias)._type " + r.types.map { t in
                    "WHEN \(catalog.edgeTypes.firstIndex(of: t) ?? -1) THEN \(SQLText.string(t.name))" }.joined(separator: " ") + " END"
            return BoundExpression(sql: "\(type) || ':' || \(r.idColumn)", type: .known(.string))
        case ("id", .some(.node(let node))):
            // Ids are per label table: spread them over the labels so they never collide.
            let index = catalog.nodeTypes.firstIndex(of: node.type) ?? -1
            return BoundExpression(sql: "(\(node.idColumn) * \(catalog.nodeTypes.count) + \(index))", type: .known(.integer))
        case ("id", .some(.relationship(let r))):
            return BoundExpression(sql: PathJSON.token(id: r.idColumn, tag: r.typeTag, catalog: catalog), type: .known(.integer))
        default:
            let bound = try bind(argument)
            if bound.type == .null { return BoundExpression(sql: "NULL", type: name == "type" ? .known(.string) : (name == "id" ? .known(.integer) : .any)) }
            throw error("\(name)() needs a \(name == "type" ? "relationship" : "node or relationship") variable, found \(bound.type.name)",
                        at: argument.span)
        }
    }

    /// The JSON path of a top-level key: `$."quantity"` (quoted, so any property name works).
    static func jsonPath(_ key: String) -> String {
        "$.\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
