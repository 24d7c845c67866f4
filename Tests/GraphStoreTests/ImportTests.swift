import Foundation
import GraphModel
import SQLiteDB
import Testing
import TestSupport
@testable import GraphStore

@Suite("Importing nodes and edges")
struct ImportTests {
    @Test func createsTablesFromTheCatalog() throws {
        let path = try Plant.freshPath()
        let store = try GraphStore.open(path: path)
        try Plant.importParts(store, [("4711", "Bolt", "0.125")])
        let db = try Database(path: path, mode: .readOnly)
        let sql = try db.fetchString("SELECT sql FROM sqlite_master WHERE name = 'node_Part'") ?? ""
        #expect(sql.contains("STRICT"))
        #expect(sql.contains("_key TEXT NOT NULL UNIQUE"))
        let columns = try db.fetchAll("SELECT name, type FROM pragma_table_info('node_Part') ORDER BY cid")
            .map { "\($0[0]) \($0[1])" }
        #expect(columns == ["_id INTEGER", "_key TEXT", "number TEXT", "description TEXT", "weight TEXT",
                            "_source INTEGER", "_line INTEGER", "_run INTEGER"])
        let edgeColumns = try db.fetchAll("SELECT name, type FROM pragma_table_info('edge_HAS_COMPONENT') ORDER BY cid")
            .map { "\($0[0]) \($0[1])" }
        #expect(edgeColumns == ["_id INTEGER", "_from INTEGER", "_to INTEGER", "quantity TEXT", "position INTEGER",
                                "_source INTEGER", "_line INTEGER", "_run INTEGER"])
        let indexes = try db.fetchAll("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'edge_HAS_COMPONENT' ORDER BY name")
        #expect(indexes == [[.text("edge_HAS_COMPONENT_from")], [.text("edge_HAS_COMPONENT_to")]])
    }

    @Test func decimalsRoundTripDigitForDigit() throws {
        let path = try Plant.freshPath()
        let store = try GraphStore.open(path: path)
        try Plant.importParts(store, [("A", nil, "0.125"), ("B", nil, "1234567.89"), ("C", nil, "1.50"), ("D", nil, "-0.000001")])
        let raw = try store.select("SELECT weight FROM node_Part ORDER BY number").rows.map { $0[0] }
        #expect(raw == [.string("0.125"), .string("1234567.89"), .string("1.50"), .string("-0.000001")])
        let typed = try store.select("SELECT weight FROM node_Part ORDER BY number", columnTypes: [.decimal]).rows.map { $0[0].description }
        #expect(typed == ["0.125", "1234567.89", "1.50", "-0.000001"])
        let provenance = try #require(try store.provenance(label: "Part", key: "B"))
        #expect(provenance.properties["weight"] == .decimal(try #require(ExactDecimal("1234567.89"))))
    }

    @Test func everyPropertyTypeRoundTrips() throws {
        let thing = NodeType(label: "Thing", key: ["id"], properties: [
            PropertyDefinition("id", .integer), PropertyDefinition("name", .string),
            PropertyDefinition("ratio", .float), PropertyDefinition("price", .decimal),
            PropertyDefinition("active", .boolean), PropertyDefinition("due", .date),
            PropertyDefinition("changed", .datetime), PropertyDefinition("kind", .enumeration(["FERT", "HALB"])),
        ])
        let values: [Value] = [
            .integer(7), .string("Grüße, \"quoted\""), .float(2.5), .decimal(try #require(ExactDecimal("-12.3400"))),
            .boolean(true), .date(try #require(LocalDate(iso: "2024-02-29"))),
            .datetime(try #require(LocalDateTime(iso: "2025-01-31T13:45:07.250"))), .string("HALB"),
        ]
        let store = try GraphStore.open(path: try Plant.freshPath())
        let session = try store.beginImport(catalog: Catalog(nodeTypes: [thing]), project: "types")
        let source = try session.beginSource(Plant.source("things.csv"))
        try session.add(NodeRecord(label: "Thing", key: [.integer(7)],
                                   properties: PropertyList(names: thing.properties.map(\.name), values: values),
                                   location: SourceLocation(file: "things.csv", line: 2), rule: "things"), source: source)
        try session.endSource(source, rowsRead: 1, contentHash: "")
        _ = try session.finish()

        let provenance = try #require(try store.provenance(label: "Thing", key: "7"))
        #expect(provenance.properties.values == values)
        let raw = try store.select("SELECT id, name, ratio, price, active, due, changed, kind FROM node_Thing").rows[0]
        #expect(raw == [.integer(7), .string("Grüße, \"quoted\""), .float(2.5), .string("-12.3400"), .integer(1),
                        .string("2024-02-29"), .string("2025-01-31T13:45:07.250000"), .string("HALB")])
        let typed = try store.select("SELECT due, active FROM node_Thing", columnTypes: [.date, .boolean]).rows[0]
        #expect(typed == [values[5], .boolean(true)])
    }

    @Test func enumValuesAreValidatedBeforeWriting() throws {
        let item = NodeType(label: "Item", key: ["id"], properties: [
            PropertyDefinition("id", .string), PropertyDefinition("kind", .enumeration(["FERT", "HALB"])),
        ])
        let store = try GraphStore.open(path: try Plant.freshPath())
        let session = try store.beginImport(catalog: Catalog(nodeTypes: [item]), project: "enum")
        let source = try session.beginSource(Plant.source("items.csv"))
        let record = NodeRecord(label: "Item", key: [.string("1")],
                                properties: PropertyList(names: ["id", "kind"], values: [.string("1"), .string("ROH")]),
                                location: SourceLocation(file: "items.csv", line: 9), rule: "items")
        let error = try #require(throws: StoreError.self) { try session.add(record, source: source) }
        #expect(error.code == .invalidValue)
        #expect(error.description == "items.csv:9: Item.kind: 'ROH' is not one of the declared values FERT, HALB")
        let wrongType = NodeRecord(label: "Item", key: [.string("2")],
                                   properties: PropertyList(names: ["id", "kind"], values: [.string("2"), .integer(3)]),
                                   location: SourceLocation(file: "items.csv", line: 10), rule: "items")
        #expect(throws: StoreError.self) { try session.add(wrongType, source: source) }
        try session.endSource(source, rowsRead: 2, contentHash: "")
        let summary = try session.finish()
        #expect(summary.totals.nodesCreated == 0)
        #expect(try store.select("SELECT count(*) FROM node_Item").rows == [[.integer(0)]])
    }

    @Test func mergesRecordsByKeyAndRecordsConflicts() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let session = try store.beginImport(catalog: Plant.catalog, project: "merge")
        let erp = try session.beginSource(Plant.source("erp.csv", mapping: "erp.yaml"))
        try session.add(Plant.part("4711", nil, "1.5", file: "erp.csv", line: 2), source: erp)
        try session.endSource(erp, rowsRead: 1, contentHash: "")
        let plm = try session.beginSource(Plant.source("plm.csv", mapping: "plm.yaml"))
        try session.add(Plant.part("4711", "Bolt M8", "1.50", file: "plm.csv", line: 5), source: plm)  // fills, agrees
        try session.add(Plant.part("4711", "Screw", "2.0", file: "plm.csv", line: 6), source: plm)     // disagrees twice
        try session.endSource(plm, rowsRead: 2, contentHash: "")
        let summary = try session.finish()

        #expect(summary.sources.map(\.counts.nodesCreated) == [1, 0])
        #expect(summary.sources.map(\.counts.nodesMerged) == [0, 2])
        #expect(summary.sources.map(\.counts.conflicts) == [0, 2])
        #expect(summary.totals.conflicts == 2)

        let row = try store.select("SELECT description, weight FROM node_Part").rows
        #expect(row == [[.string("Bolt M8"), .string("1.5")]])  // filled, never overwritten

        let conflicts = try store.conflicts()
        #expect(conflicts.count == 2)
        let weight = try #require(conflicts.first { $0.property == "weight" })
        #expect(weight.label == "Part" && weight.key == "4711")
        #expect(weight.keptValue == "1.5" && weight.otherValue == "2.0")
        #expect(weight.kept?.description == "erp.csv:2")
        #expect(weight.other?.description == "plm.csv:6")
        #expect(weight.other?.mapping == "plm.yaml")
        let description = try #require(conflicts.first { $0.property == "description" })
        #expect(description.keptValue == "Bolt M8" && description.otherValue == "Screw")

        let provenance = try #require(try store.provenance(label: "Part", key: "4711"))
        #expect(provenance.createdBy?.description == "erp.csv:2")
        #expect(provenance.contributions.map(\.description) == ["plm.csv:5", "plm.csv:6"])
        #expect(provenance.properties["description"] == .string("Bolt M8"))
    }

    @Test func resolvesEdgesAndKeepsDanglingOnes() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let session = try store.beginImport(catalog: Plant.catalog, project: "edges")
        // The BOM comes first: endpoints are resolved when the run finishes.
        let bom = try session.beginSource(Plant.source("bom.csv", mapping: "bom.yaml"))
        try session.add(Plant.component("A", "B", quantity: "2", position: 10, line: 2), source: bom)
        try session.add(Plant.component("A", "C", quantity: "0.125", position: 20, line: 3), source: bom)
        try session.add(Plant.component("A", "X", quantity: "1", position: 30, line: 4), source: bom)
        try session.add(Plant.component("Y", "B", quantity: "1", position: 10, line: 5), source: bom)
        try session.add(Plant.component("Y", "Z", quantity: "1", position: 10, line: 6), source: bom)
        try session.endSource(bom, rowsRead: 5, contentHash: "")
        let parts = try session.beginSource(Plant.source("parts.csv"))
        for (offset, number) in ["A", "B", "C"].enumerated() {
            try session.add(Plant.part(number, nil, nil, line: offset + 2), source: parts)
        }
        try session.endSource(parts, rowsRead: 3, contentHash: "")
        let summary = try session.finish()

        #expect(summary.sources[0].counts.edges == 2)
        #expect(summary.sources[0].counts.dangling == 3)
        #expect(summary.sources[1].counts.nodesCreated == 3)
        let edges = try store.select("""
            SELECT f.number, t.number, e.quantity, e.position, e._line FROM edge_HAS_COMPONENT e
            JOIN node_Part f ON f._id = e._from JOIN node_Part t ON t._id = e._to ORDER BY e._line
            """).rows
        #expect(edges == [[.string("A"), .string("B"), .string("2"), .integer(10), .integer(2)],
                          [.string("A"), .string("C"), .string("0.125"), .integer(20), .integer(3)]])
        let dangling = try store.dangling()
        #expect(dangling.map(\.line) == [4, 5, 6])
        #expect(dangling.map(\.missing) == [.to, .from, .both])
        #expect(dangling[0].source == "bom.csv" && dangling[0].toKey == "X" && dangling[0].edgeType == "HAS_COMPONENT")
        #expect(dangling[0].rule == "bom.yaml edges[0] HAS_COMPONENT")
    }

    @Test func compositeKeysJoinAndDisplay() throws {
        let order = NodeType(label: "OrderItem", key: ["order", "item"], properties: [
            PropertyDefinition("order", .string), PropertyDefinition("item", .integer),
        ])
        let store = try GraphStore.open(path: try Plant.freshPath())
        let session = try store.beginImport(catalog: Catalog(nodeTypes: [order]), project: "composite")
        let source = try session.beginSource(Plant.source("items.csv"))
        try session.add(NodeRecord(label: "OrderItem", key: [.string("4500001"), .integer(10)],
                                   properties: PropertyList(names: ["order", "item"], values: [.string("4500001"), .integer(10)]),
                                   location: SourceLocation(file: "items.csv", line: 2), rule: "items"), source: source)
        _ = try session.finish()
        let provenance = try #require(try store.provenance(label: "OrderItem", key: "4500001/10"))
        #expect(provenance.key == "4500001/10")
        #expect(try store.provenance(label: "OrderItem", key: "4500001/20") == nil)
        let error = try #require(throws: StoreError.self) { try store.provenance(label: "Ordeitem", key: "1") }
        #expect(error.message.contains("did you mean 'OrderItem'"))
    }

    @Test func rejectsAreStoredWithTheirSource() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let session = try store.beginImport(catalog: Plant.catalog, project: "rejects")
        let source = try session.beginSource(Plant.source("parts.csv"))
        try session.add(RejectRecord(location: SourceLocation(file: "parts.csv", line: 7, column: 12),
                                     rule: "parts.yaml nodes[0] Part", reason: "column BRGEW: '12,5x' is not a decimal",
                                     rawText: "4711;Bolt;12,5x"), source: source)
        try session.endSource(source, rowsRead: 10, contentHash: "")
        let summary = try session.finish()
        #expect(summary.totals.rejects == 1 && summary.totals.rowsRead == 10)
        let rejects = try store.rejects()
        #expect(rejects.count == 1)
        #expect(rejects[0].location.description == "parts.csv:7:12")
        #expect(rejects[0].reason == "column BRGEW: '12,5x' is not a decimal")
        #expect(rejects[0].rawText == "4711;Bolt;12,5x")
    }
}

@Suite("Batched writing and the key index")
struct BatchTests {
    /// Parts P0..P(n-1), then a chain of edges P(i) → P(i+1) and one to a missing part.
    func importChain(_ store: GraphStore, parts: Int, keyIndexLimit: Int? = nil, invalidAt: Int? = nil) throws -> RunSummary {
        let session = try store.beginImport(catalog: Plant.catalog, project: "batch")
        if let keyIndexLimit { session.keyIndexLimit = keyIndexLimit }
        let source = try session.beginSource(Plant.source("all.csv"))
        for i in 0..<parts {
            if i == invalidAt {
                let bad = NodeRecord(label: "Part", key: [.string("P\(i)")],
                                     properties: PropertyList(names: Plant.partNames, values: [.string("P\(i)"), .string("bad"), .string("heavy")]),
                                     location: SourceLocation(file: "all.csv", line: i + 2), rule: "parts")
                #expect(throws: StoreError.self) { try session.add(bad, source: source) }
                continue
            }
            try session.add(Plant.part("P\(i)", "part \(i)", "\(i).5", file: "all.csv", line: i + 2), source: source)
            if i % 3 == 0 {  // a second record for the same part merges
                try session.add(Plant.part("P\(i)", "part \(i)", nil, file: "all.csv", line: i + 2), source: source)
            }
        }
        for i in 0..<parts {
            try session.add(Plant.component("P\(i)", "P\(i + 1)", quantity: "1", position: Int64(i), file: "all.csv", line: 1000 + i), source: source)
        }
        try session.endSource(source, rowsRead: parts * 2, contentHash: "")
        return try session.finish()
    }

    func chain(_ store: GraphStore) throws -> [String] {
        try store.select("""
            SELECT f.number || '>' || t.number FROM edge_HAS_COMPONENT e
            JOIN node_Part f ON f._id = e._from JOIN node_Part t ON t._id = e._to ORDER BY e.position
            """).rows.map { $0[0].description }
    }

    @Test func writesFullAndPartialBatches() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let summary = try importChain(store, parts: 70)
        #expect(summary.totals.nodesCreated == 70)
        #expect(summary.totals.nodesMerged == 24)
        #expect(summary.totals.edges == 69 && summary.totals.dangling == 1)
        #expect(try chain(store) == (0..<69).map { "P\($0)>P\($0 + 1)" })
        #expect(try store.select("SELECT weight FROM node_Part WHERE number = 'P69'").rows == [[.string("69.5")]])
        #expect(try store.dangling().map(\.toKey) == ["P70"])
    }

    @Test func anInvalidRecordLeavesItsBatchIntact() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let summary = try importChain(store, parts: 40, invalidAt: 20)
        #expect(summary.totals.nodesCreated == 39)
        #expect(try store.select("SELECT count(*) FROM node_Part WHERE number = 'P20'").rows == [[.integer(0)]])
        #expect(summary.totals.dangling == 3)  // P19 → P20, P20 → P21 (from), P39 → P40
        #expect(try chain(store).count == 37)
        #expect(try store.select("SELECT min(_id), max(_id), count(*) FROM node_Part").rows == [[.integer(1), .integer(39), .integer(39)]])
    }

    @Test func keysBeyondTheIndexMergeAndResolveThroughSQL() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let summary = try importChain(store, parts: 50, keyIndexLimit: 5)
        #expect(summary.totals.nodesCreated == 50)
        #expect(summary.totals.nodesMerged == 17)
        #expect(summary.totals.edges == 49 && summary.totals.dangling == 1)
        #expect(try chain(store) == (0..<49).map { "P\($0)>P\($0 + 1)" })
        let provenance = try #require(try store.provenance(label: "Part", key: "P30"))
        #expect(provenance.contributions.map(\.line) == [32])
    }
}
