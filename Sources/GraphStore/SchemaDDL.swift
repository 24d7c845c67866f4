import GraphModel
import SQLiteDB

/// DDL generated from the catalog: one STRICT table per label and per edge type, and the
/// in-place evolution of an existing graph to a newer catalog.
///
///     CREATE TABLE "node_Part" (_id INTEGER PRIMARY KEY, _key TEXT NOT NULL UNIQUE,
///         "number" TEXT, "weight" TEXT, _source INTEGER, _line INTEGER, _run INTEGER) STRICT
///     CREATE TABLE "edge_HAS_COMPONENT" (_id INTEGER PRIMARY KEY, _from INTEGER NOT NULL,
///         _to INTEGER NOT NULL, "quantity" TEXT, _source INTEGER, _line INTEGER, _run INTEGER) STRICT
enum SchemaDDL {
    static func columns(_ properties: [PropertyDefinition]) -> String {
        properties.map { "\(Identifier.quoted($0.name)) \($0.type.columnType), " }.joined()
    }

    static func createNodeTable(_ node: NodeType) -> String {
        """
        CREATE TABLE \(Identifier.nodeTable(node.label)) (_id INTEGER PRIMARY KEY, _key TEXT NOT NULL UNIQUE, \
        \(columns(node.properties))_source INTEGER, _line INTEGER, _run INTEGER) STRICT
        """
    }

    static func createEdgeTable(_ edge: EdgeType) -> [String] {
        let table = Identifier.edgeTable(edge.name)
        return [
            """
            CREATE TABLE \(table) (_id INTEGER PRIMARY KEY, _from INTEGER NOT NULL, _to INTEGER NOT NULL, \
            \(columns(edge.properties))_source INTEGER, _line INTEGER, _run INTEGER) STRICT
            """,
        ] + createEdgeIndexes(edge)
    }

    static func createEdgeIndexes(_ edge: EdgeType) -> [String] {
        let table = Identifier.edgeTable(edge.name)
        return [
            "CREATE INDEX IF NOT EXISTS \(Identifier.quoted("edge_\(edge.name)_from")) ON \(table)(_from)",
            "CREATE INDEX IF NOT EXISTS \(Identifier.quoted("edge_\(edge.name)_to")) ON \(table)(_to)",
        ]
    }

    static func dropEdgeIndexes(_ edge: EdgeType) -> [String] {
        [
            "DROP INDEX IF EXISTS \(Identifier.quoted("edge_\(edge.name)_from"))",
            "DROP INDEX IF EXISTS \(Identifier.quoted("edge_\(edge.name)_to"))",
        ]
    }

    static func addColumn(table: String, _ property: PropertyDefinition) -> String {
        "ALTER TABLE \(table) ADD COLUMN \(Identifier.quoted(property.name)) \(property.type.columnType)"
    }

    /// The merged catalog for importing `newer` over `stored`, or a `schemaConflict` error that
    /// says what changed and what the user can do:
    /// `Part.weight is stored as decimal but the mapping now declares float; keep the old type in
    /// the mapping, or rebuild the graph with `loom import --rebuild``.
    static func merge(stored: Catalog, newer: Catalog) throws -> Catalog {
        let (merged, conflicts) = stored.evolution(to: newer)
        guard conflicts.isEmpty else {
            let rebuild = "rebuild the graph with `loom import --rebuild`"
            let found = explain(stored: stored, newer: newer)
            if found.count == 1, let only = found.first {
                throw StoreError(.schemaConflict, "\(only.text); keep the old \(only.kept) in the mapping, or \(rebuild)")
            }
            let lines = found.isEmpty ? conflicts.map(\.description) : found.map(\.text)
            throw StoreError(.schemaConflict, "the mapping contradicts the stored graph:\n"
                + lines.map { "- " + $0 + "\n" }.joined()
                + "keep the old declarations in the mapping, or \(rebuild)")
        }
        try Identifier.validate(merged)
        return merged
    }

    /// One sentence per incompatible change, in the user's words, with what to keep.
    static func explain(stored: Catalog, newer: Catalog) -> [(text: String, kept: String)] {
        var found: [(text: String, kept: String)] = []
        for node in newer.nodeTypes {
            guard let old = stored.nodeType(node.label) else { continue }
            if old.key != node.key {
                found.append(("\(node.label)'s key is stored as (\(old.key.joined(separator: ", "))) but the mapping now declares (\(node.key.joined(separator: ", ")))", "key"))
            }
            found += typeChanges(old.properties, node.properties, owner: node.label).map { ($0, "type") }
        }
        for edge in newer.edgeTypes {
            guard let old = stored.edgeType(edge.name) else { continue }
            if old.from != edge.from || old.to != edge.to {
                found.append(("\(edge.name) is stored as \(old.from) → \(old.to) but the mapping now declares \(edge.from) → \(edge.to)", "endpoints"))
            }
            found += typeChanges(old.properties, edge.properties, owner: edge.name).map { ($0, "type") }
        }
        return found
    }

    private static func typeChanges(_ old: [PropertyDefinition], _ new: [PropertyDefinition], owner: String) -> [String] {
        new.compactMap { property in
            guard let before = old.first(where: { $0.name == property.name }) else { return nil }
            if before.type == property.type { return nil }
            if case .enumeration = before.type, case .enumeration = property.type { return nil }
            return "\(owner).\(property.name) is stored as \(before.type.name) but the mapping now declares \(property.type.name)"
        }
    }

    /// Brings the tables of a graph stored under `stored` up to `merged` (new tables, new
    /// columns) and returns one line per change, e.g. `added property Part.weight (decimal)`.
    static func evolve(_ db: Database, from stored: Catalog, to merged: Catalog) throws -> [String] {
        var changes: [String] = []
        for node in merged.nodeTypes {
            guard let old = stored.nodeType(node.label) else {
                try db.execute(createNodeTable(node))
                changes.append("added label \(node.label)")
                continue
            }
            for property in node.properties where old.property(property.name) == nil {
                try db.execute(addColumn(table: Identifier.nodeTable(node.label), property))
                changes.append("added property \(node.label).\(property.name) (\(property.type.name))")
            }
        }
        for edge in merged.edgeTypes {
            guard let old = stored.edgeType(edge.name) else {
                for statement in createEdgeTable(edge) { try db.execute(statement) }
                changes.append("added edge type \(edge.name) (\(edge.from) → \(edge.to))")
                continue
            }
            for property in edge.properties where old.property(property.name) == nil {
                try db.execute(addColumn(table: Identifier.edgeTable(edge.name), property))
                changes.append("added property \(edge.name).\(property.name) (\(property.type.name))")
            }
        }
        return changes
    }
}
