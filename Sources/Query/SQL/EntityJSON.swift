import GraphModel

/// A whole node or relationship returned as a value: a JSON object text built with
/// `json_object`. Nodes give `{"_label": ..., "_key": ..., <properties>}`, relationships
/// `{"_type": ..., <properties>}`; booleans are JSON true/false, decimals keep their exact
/// digits as strings, dates are ISO strings. Null when an OPTIONAL MATCH found nothing.
enum EntityJSON {
    static func node(_ node: NodeBinding) -> String {
        var pairs = ["'_label'", SQLText.string(node.type.label), "'_key'", node.alias + "._key"]
        for property in node.type.properties {
            pairs += [SQLText.string(property.name), value(SQLText.column(node.alias, property.name), property.type)]
        }
        let object = "json_object(\(pairs.joined(separator: ", ")))"
        return node.optional ? "CASE WHEN \(node.idColumn) IS NULL THEN NULL ELSE \(object) END" : object
    }

    static func relationship(_ relationship: RelationshipBinding, catalog: Catalog) -> String {
        let typeName: String
        if relationship.isUnion {
            let cases = relationship.types.map { type in
                "WHEN \(catalog.edgeTypes.firstIndex(of: type) ?? -1) THEN \(SQLText.string(type.name))"
            }
            typeName = "CASE \(relationship.alias)._type \(cases.joined(separator: " ")) END"
        } else {
            typeName = SQLText.string(relationship.types.first?.name ?? "")
        }
        var pairs = ["'_type'", typeName]
        for property in RelationshipTable.properties(of: relationship.types) {
            pairs += [SQLText.string(property.name), value(SQLText.column(relationship.alias, property.name), property.type)]
        }
        let object = "json_object(\(pairs.joined(separator: ", ")))"
        return relationship.optional ? "CASE WHEN \(relationship.idColumn) IS NULL THEN NULL ELSE \(object) END" : object
    }

    private static func value(_ column: String, _ type: PropertyType) -> String {
        type == .boolean ? "CASE \(column) WHEN 1 THEN json('true') WHEN 0 THEN json('false') END" : column
    }
}
