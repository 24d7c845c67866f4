import Foundation
import GraphModel
import SQLiteDB
import Testing
import TestSupport
@testable import GraphStore

/// Merges into nodes created in the same run: the writer knows which properties a node's row
/// holds, so fills skip reading the row; overlaps read it and compare.
@Suite("Merging records into nodes of the same run")
struct MergeTests {
    /// One run: `erp` records first, then `plm` records, each `(number, description, weight)`.
    func importTwoSources(_ store: GraphStore, erp: [(String, String?, String?)], plm: [(String, String?, String?)],
                          keyIndexLimit: Int? = nil) throws -> RunSummary {
        let session = try store.beginImport(catalog: Plant.catalog, project: "merge")
        if let keyIndexLimit { session.keyIndexLimit = keyIndexLimit }
        for (file, records) in [("erp.csv", erp), ("plm.csv", plm)] {
            let source = try session.beginSource(Plant.source(file, mapping: file.replacingOccurrences(of: ".csv", with: ".yaml")))
            for (offset, record) in records.enumerated() {
                try session.add(Plant.part(record.0, record.1, record.2, file: file, line: offset + 2), source: source)
            }
            try session.endSource(source, rowsRead: records.count, contentHash: "")
        }
        return try session.finish()
    }

    func parts(_ store: GraphStore) throws -> [[SQLiteValue]] {
        try store.select("SELECT number, description, weight FROM node_Part ORDER BY _id").rows.map { row in
            row.map { value in
                switch value {
                case .null: .null
                default: .text(value.description)
                }
            }
        }
    }

    @Test func fillsWithoutConflicts() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let summary = try importTwoSources(store,
            erp: [("A", nil, nil), ("B", "bolt", nil)],
            plm: [("A", "axle", nil), ("A", nil, "2.25"), ("B", nil, "0.5")])
        #expect(summary.totals.nodesCreated == 2)
        #expect(summary.totals.nodesMerged == 3)
        #expect(summary.totals.conflicts == 0)
        #expect(try parts(store) == [[.text("A"), .text("axle"), .text("2.25")], [.text("B"), .text("bolt"), .text("0.5")]])
        #expect(try store.conflicts().isEmpty)
        let provenance = try #require(try store.provenance(label: "Part", key: "A"))
        #expect(provenance.createdBy?.description == "erp.csv:2")
        #expect(provenance.contributions.map(\.description) == ["plm.csv:2", "plm.csv:3"])
    }

    @Test func equalValuesAreNeitherConflictsNorWrites() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let summary = try importTwoSources(store,
            erp: [("A", "axle", "1.5")],
            plm: [("A", "axle", "1.50"), ("A", nil, "1.5"), ("A", "axle", nil)])
        #expect(summary.totals.nodesMerged == 3)
        #expect(summary.totals.conflicts == 0)
        #expect(try parts(store) == [[.text("A"), .text("axle"), .text("1.5")]])  // digits kept as first stored
        #expect(try store.provenance(label: "Part", key: "A")?.contributions.count == 3)
    }

    @Test func aValueFilledEarlierInTheRunConflictsWithALaterOne() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let summary = try importTwoSources(store,
            erp: [("A", nil, nil), ("A", "axle", nil)],   // created, then filled by the same source
            plm: [("A", "shaft", "3"), ("A", "axle", "4")])  // description differs; weight fills, then differs
        #expect(summary.sources.map(\.counts.nodesMerged) == [1, 2])
        #expect(summary.sources.map(\.counts.conflicts) == [0, 2])
        #expect(try parts(store) == [[.text("A"), .text("axle"), .text("3")]])
        let conflicts = try store.conflicts()
        #expect(conflicts.count == 2)
        let description = try #require(conflicts.first { $0.property == "description" })
        #expect(description.keptValue == "axle" && description.otherValue == "shaft")
        #expect(description.kept?.description == "erp.csv:2")  // the node's creating record
        #expect(description.other?.description == "plm.csv:2")
        let weight = try #require(conflicts.first { $0.property == "weight" })
        #expect(weight.keptValue == "3" && weight.otherValue == "4")
        #expect(weight.other?.description == "plm.csv:3")
    }

    @Test func aMergeIntoANodeStillBufferedFindsIt() throws {
        // Both parts sit in the insert buffer (fewer than a batch) when the merges arrive.
        let store = try GraphStore.open(path: try Plant.freshPath())
        let summary = try importTwoSources(store,
            erp: [("A", "axle", nil), ("B", nil, nil), ("A", "shaft", "1"), ("B", "bolt", nil)],
            plm: [])
        #expect(summary.totals.nodesCreated == 2 && summary.totals.nodesMerged == 2 && summary.totals.conflicts == 1)
        #expect(try parts(store) == [[.text("A"), .text("axle"), .text("1")], [.text("B"), .text("bolt"), .null]])
    }

    @Test func contributionsAreWrittenAcrossBatchBoundaries() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let count = BatchInsert.rowsPerStatement * 3 + 5
        let erp = (0..<count).map { ("P\($0)", nil as String?, nil as String?) }
        let plm = (0..<count).map { ("P\($0)", "part \($0)" as String?, nil as String?) }
            + (0..<count).map { ("P\($0)", nil as String?, "\($0).25" as String?) }
        let summary = try importTwoSources(store, erp: erp, plm: plm)
        #expect(summary.totals.nodesMerged == 2 * count && summary.totals.conflicts == 0)
        let lines = try store.select("SELECT line FROM _contributions ORDER BY id").rows
        #expect(lines == (0..<(2 * count)).map { [.integer(Int64($0 + 2))] })
        let nodeIDs = try store.select("SELECT node_id FROM _contributions ORDER BY id").rows.map { $0[0] }
        #expect(nodeIDs == (Array(1...count) + Array(1...count)).map { .integer(Int64($0)) })
        #expect(try store.select("SELECT count(*) FROM node_Part WHERE description IS NULL OR weight IS NULL").rows == [[.integer(0)]])
        #expect(try store.select("SELECT weight FROM node_Part WHERE number = 'P99'").rows == [[.string("99.25")]])
    }

    @Test func mergesBeyondTheKeyIndexBehaveTheSame() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let summary = try importTwoSources(store,
            erp: [("A", nil, nil), ("B", "bolt", "1"), ("C", nil, nil)],
            plm: [("C", "cam", nil), ("C", "crank", "2"), ("B", "bolt", "1.0")],
            keyIndexLimit: 1)
        #expect(summary.totals.nodesCreated == 3 && summary.totals.nodesMerged == 3 && summary.totals.conflicts == 1)
        #expect(try parts(store).last == [.text("C"), .text("cam"), .text("2")])
        #expect(try store.conflicts().map(\.otherValue) == ["crank"])
    }

    @Test func anInvalidValueInAMergeThrowsBeforeWriting() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let session = try store.beginImport(catalog: Plant.catalog, project: "merge")
        let source = try session.beginSource(Plant.source("erp.csv"))
        try session.add(Plant.part("A", nil, "1", line: 2), source: source)
        let bad = NodeRecord(label: "Part", key: [.string("A")],
                             properties: PropertyList(names: Plant.partNames, values: [.string("A"), .string("axle"), .string("heavy")]),
                             location: SourceLocation(file: "erp.csv", line: 3), rule: "parts")
        let error = try #require(throws: StoreError.self) { try session.add(bad, source: source) }
        #expect(error.code == .invalidValue)
        #expect(error.location?.line == 3)
        try session.endSource(source, rowsRead: 2, contentHash: "")
        let summary = try session.finish()
        #expect(summary.totals.nodesMerged == 0)
        #expect(try parts(store) == [[.text("A"), .null, .text("1")]])  // the description was not filled
        #expect(try store.select("SELECT count(*) FROM _contributions").rows == [[.integer(0)]])
    }

    @Test func labelsWithManyPropertiesMergeByReadingTheRow() throws {
        // More properties than the writer's 64-bit masks track: every merge reads the row.
        let names = (0..<70).map { "p\($0)" }
        let wide = NodeType(label: "Wide", key: ["p0"], properties: names.map { PropertyDefinition($0, .string) })
        let catalog = Catalog(nodeTypes: [wide], edgeTypes: [])
        func record(_ values: [Int: String], line: Int) -> NodeRecord {
            NodeRecord(label: "Wide", key: [.string("W")],
                       properties: PropertyList(names: names, values: (0..<70).map { i in
                           i == 0 ? .string("W") : values[i].map(Value.string) ?? .null
                       }),
                       location: SourceLocation(file: "wide.csv", line: line), rule: "wide")
        }
        let store = try GraphStore.open(path: try Plant.freshPath())
        let session = try store.beginImport(catalog: catalog, project: "wide")
        let source = try session.beginSource(Plant.source("wide.csv"))
        try session.add(record([69: "z"], line: 2), source: source)
        try session.add(record([1: "a", 69: "z"], line: 3), source: source)
        try session.add(record([1: "b", 69: "y"], line: 4), source: source)
        try session.endSource(source, rowsRead: 3, contentHash: "")
        let summary = try session.finish()
        #expect(summary.totals.conflicts == 2)
        #expect(try store.select("SELECT p1, p69 FROM node_Wide").rows == [[.string("a"), .string("z")]])
    }
}
