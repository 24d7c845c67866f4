import GraphModel

/// Names that become SQL identifiers: validated before any DDL uses them, and always quoted.
enum Identifier {
    /// Letters, digits and underscores, starting with a letter; at most 64 characters.
    /// A leading underscore is reserved for Loom's own columns (`_id`, `_key`, `_source`, ...).
    static func isValid(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter, name.count <= 64 else { return false }
        return name.allSatisfy { $0.isLetter || ($0.isASCII && $0.isNumber) || $0 == "_" }
    }

    /// `"name"` with embedded quotes doubled (validated names have none; this is belt and braces).
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func nodeTable(_ label: String) -> String { quoted("node_" + label) }
    static func edgeTable(_ type: String) -> String { quoted("edge_" + type) }
    static func stageTable(_ type: String) -> String { "temp." + quoted("stage_" + type) }

    /// Checks every name of a catalog, and that no two names collide once SQLite folds case
    /// (`Part` and `part` would be one table).
    static func validate(_ catalog: Catalog) throws {
        func check(_ name: String, _ subject: String) throws {
            guard isValid(name) else {
                throw StoreError(.invalidName,
                    "\(subject) cannot be stored: use letters, digits and underscores, starting with a letter")
            }
        }
        func checkUnique(_ names: [String], _ what: String) throws {
            var seen: [String: String] = [:]
            for name in names {
                if let other = seen[name.lowercased()], other != name {
                    throw StoreError(.invalidName, "\(what) '\(other)' and '\(name)' differ only in case; SQLite treats them as one name")
                }
                seen[name.lowercased()] = name
            }
        }
        for node in catalog.nodeTypes {
            try check(node.label, "label '\(node.label)'")
            for property in node.properties { try check(property.name, "property '\(node.label).\(property.name)'") }
            try checkUnique(node.properties.map(\.name), "properties of \(node.label):")
            for key in node.key where node.property(key) == nil {
                throw StoreError(.unknownName, "\(node.label)'s key names '\(key)', which is not one of its properties")
            }
            if node.key.isEmpty { throw StoreError(.invalidName, "\(node.label) has no key") }
        }
        for edge in catalog.edgeTypes {
            try check(edge.name, "edge type '\(edge.name)'")
            for property in edge.properties { try check(property.name, "property '\(edge.name).\(property.name)'") }
            try checkUnique(edge.properties.map(\.name), "properties of \(edge.name):")
            for end in [edge.from, edge.to] where catalog.nodeType(end) == nil {
                throw StoreError(.unknownName, "edge type \(edge.name) connects label \(end), which is not declared")
            }
        }
        try checkUnique(catalog.nodeTypes.map(\.label), "labels")
        try checkUnique(catalog.edgeTypes.map(\.name), "edge types")
    }
}
