import Foundation
import GraphModel
import TestSupport
@testable import GraphStore

/// A small plant catalog and record builders shared by the GraphStore tests.
enum Plant {
    static let part = NodeType(label: "Part", key: ["number"], properties: [
        PropertyDefinition("number", .string),
        PropertyDefinition("description", .string),
        PropertyDefinition("weight", .decimal),
    ])
    static let bom = EdgeType(name: "HAS_COMPONENT", from: "Part", to: "Part", properties: [
        PropertyDefinition("quantity", .decimal),
        PropertyDefinition("position", .integer),
    ])
    static let catalog = Catalog(nodeTypes: [part], edgeTypes: [bom])

    static let partNames = ["number", "description", "weight"]
    static let bomNames = ["quantity", "position"]

    static func freshPath() throws -> String {
        try Fixtures.temporaryDirectory("graphstore").appendingPathComponent("plant.loom").path
    }

    static func source(_ path: String, mapping: String = "parts.yaml") -> SourceFileInfo {
        SourceFileInfo(path: path, size: 100, contentHash: String(repeating: "ab", count: 32), mapping: mapping)
    }

    static func part(_ number: String, _ description: String?, _ weight: String?, file: String = "parts.csv", line: Int) -> NodeRecord {
        NodeRecord(label: "Part", key: [.string(number)],
                   properties: PropertyList(names: partNames, values: [
                       .string(number),
                       description.map(Value.string) ?? .null,
                       weight.flatMap(ExactDecimal.init).map(Value.decimal) ?? .null,
                   ]),
                   location: SourceLocation(file: file, line: line), rule: "parts.yaml nodes[0] Part")
    }

    static func component(_ parent: String, _ child: String, quantity: String, position: Int64,
                          file: String = "bom.csv", line: Int) -> EdgeRecord {
        EdgeRecord(type: "HAS_COMPONENT",
                   from: NodeRef(label: "Part", key: [.string(parent)]),
                   to: NodeRef(label: "Part", key: [.string(child)]),
                   properties: PropertyList(names: bomNames, values: [
                       ExactDecimal(quantity).map(Value.decimal) ?? .null, .integer(position),
                   ]),
                   location: SourceLocation(file: file, line: line), rule: "bom.yaml edges[0] HAS_COMPONENT")
    }

    /// Imports parts (number, description, weight) from one source and commits.
    @discardableResult
    static func importParts(_ store: GraphStore, _ parts: [(String, String?, String?)],
                            catalog: Catalog = Plant.catalog) throws -> RunSummary {
        let session = try store.beginImport(catalog: catalog, project: "test")
        let source = try session.beginSource(Plant.source("parts.csv"))
        for (offset, part) in parts.enumerated() {
            try session.add(Plant.part(part.0, part.1, part.2, line: offset + 2), source: source)
        }
        try session.endSource(source, rowsRead: parts.count, contentHash: "")
        return try session.finish()
    }

    /// Keys of all stored parts, sorted.
    static func partNumbers(_ store: GraphStore) throws -> [String] {
        try store.select("SELECT number FROM node_Part ORDER BY number").rows.map { $0[0].description }
    }
}
