import Foundation
import GraphModel
import SQLiteDB

/// Reads and writes the catalog tables (`_catalog_labels`, `_catalog_edge_types`,
/// `_catalog_properties`), so a graph file describes itself without its mappings.
enum CatalogStorage {
    static func read(from db: Database) throws -> Catalog {
        var properties: [String: [PropertyDefinition]] = [:]
        try db.forEachRow("SELECT owner_kind, owner, name, type, enum_values FROM _catalog_properties ORDER BY owner_kind, owner, position") { row in
            let owner = (row.string(0) ?? "") + ":" + (row.string(1) ?? "")
            let name = row.string(2) ?? ""
            let typeName = row.string(3) ?? ""
            let type: PropertyType
            if typeName == "enum" {
                type = .enumeration(try decodeValues(row.string(4)))
            } else if let simple = PropertyType(catalogText: typeName) {
                type = simple
            } else {
                throw StoreError(.notAGraph, "the catalog declares \(name) with unknown type '\(typeName)'")
            }
            properties[owner, default: []].append(PropertyDefinition(name, type))
        }
        var nodes: [NodeType] = []
        try db.forEachRow("SELECT label, key FROM _catalog_labels ORDER BY position") { row in
            let label = row.string(0) ?? ""
            let key = (row.string(1) ?? "").split(separator: ",").map(String.init)
            nodes.append(NodeType(label: label, key: key, properties: properties["node:" + label] ?? []))
        }
        var edges: [EdgeType] = []
        try db.forEachRow("SELECT name, from_label, to_label FROM _catalog_edge_types ORDER BY position") { row in
            let name = row.string(0) ?? ""
            edges.append(EdgeType(name: name, from: row.string(1) ?? "", to: row.string(2) ?? "",
                                  properties: properties["edge:" + name] ?? []))
        }
        return Catalog(nodeTypes: nodes, edgeTypes: edges)
    }

    /// Replaces the stored catalog with `catalog` (inside the caller's transaction).
    static func write(_ catalog: Catalog, to db: Database) throws {
        try db.execute("DELETE FROM _catalog_labels; DELETE FROM _catalog_edge_types; DELETE FROM _catalog_properties;")
        for (position, node) in catalog.nodeTypes.enumerated() {
            try db.execute("INSERT INTO _catalog_labels(label, key, position) VALUES (?, ?, ?)",
                           arguments: [.text(node.label), .text(node.key.joined(separator: ",")), .integer(Int64(position))])
            try writeProperties(node.properties, kind: "node", owner: node.label, to: db)
        }
        for (position, edge) in catalog.edgeTypes.enumerated() {
            try db.execute("INSERT INTO _catalog_edge_types(name, from_label, to_label, position) VALUES (?, ?, ?, ?)",
                           arguments: [.text(edge.name), .text(edge.from), .text(edge.to), .integer(Int64(position))])
            try writeProperties(edge.properties, kind: "edge", owner: edge.name, to: db)
        }
    }

    private static func writeProperties(_ properties: [PropertyDefinition], kind: String, owner: String, to db: Database) throws {
        for (position, property) in properties.enumerated() {
            var values = SQLiteValue.null
            if case .enumeration(let allowed) = property.type { values = .text(try encodeValues(allowed)) }
            try db.execute("""
                INSERT INTO _catalog_properties(owner_kind, owner, name, type, enum_values, position)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [.text(kind), .text(owner), .text(property.name), .text(property.type.name),
                                 values, .integer(Int64(position))])
        }
    }

    private static func encodeValues(_ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }

    private static func decodeValues(_ text: String?) throws -> [String] {
        guard let text else { return [] }
        return try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
