import Foundation
import GraphModel
import SQLiteDB
import Testing
import TestSupport
@testable import GraphStore

@Suite("Runs: snapshots, evolution, abort, reopen")
struct RunLifecycleTests {
    @Test func secondImportReplacesTheData() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let first = try Plant.importParts(store, [("A", "a", nil), ("B", "b", nil), ("C", "c", nil)])
        let second = try Plant.importParts(store, [("B", "b2", nil), ("D", "d", nil)])
        #expect(second.run > first.run)
        #expect(try Plant.partNumbers(store) == ["B", "D"])
        #expect(try store.select("SELECT description FROM node_Part WHERE number = 'B'").rows == [[.string("b2")]])
        let runs = try store.runs()
        #expect(runs.map(\.id) == [second.run, first.run])
        #expect(runs.map(\.status) == [.ok, .ok])
        #expect(runs[1].sources.first?.counts.nodesCreated == 3)
        let provenance = try #require(try store.provenance(label: "Part", key: "B"))
        #expect(provenance.createdBy?.run == second.run)
    }

    @Test func addsPropertiesAndLabelsInPlace() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        try Plant.importParts(store, [("A", "a", "1")])
        var part = Plant.part
        part.properties.append(PropertyDefinition("color", .string))
        let plant = NodeType(label: "Plant", key: ["code"], properties: [PropertyDefinition("code", .string)])
        let evolved = Catalog(nodeTypes: [part, plant], edgeTypes: [Plant.bom])
        let session = try store.beginImport(catalog: evolved, project: "evolve")
        #expect(session.schemaChanges == ["added property Part.color (string)", "added label Plant"])
        let source = try session.beginSource(Plant.source("parts.csv"))
        try session.add(NodeRecord(label: "Part", key: [.string("A")],
                                   properties: PropertyList(names: ["number", "color"], values: [.string("A"), .string("red")]),
                                   location: SourceLocation(file: "parts.csv", line: 2), rule: "parts"), source: source)
        try session.add(NodeRecord(label: "Plant", key: [.string("1000")],
                                   properties: PropertyList(names: ["code"], values: [.string("1000")]),
                                   location: SourceLocation(file: "parts.csv", line: 3), rule: "plants"), source: source)
        let summary = try session.finish()
        #expect(summary.schemaChanges.count == 2)
        #expect(store.catalog.nodeType("Part")?.property("color")?.type == .string)
        #expect(try store.select("SELECT color FROM node_Part").rows == [[.string("red")]])
        #expect(try store.select("SELECT code FROM node_Plant").rows == [[.string("1000")]])
    }

    @Test func typeChangeIsRefusedWithAdvice() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        try Plant.importParts(store, [("A", "a", "1.25")])
        var part = Plant.part
        part.properties[2] = PropertyDefinition("weight", .float)
        let error = try #require(throws: StoreError.self) {
            try store.beginImport(catalog: Catalog(nodeTypes: [part], edgeTypes: [Plant.bom]), project: "changed")
        }
        #expect(error.code == .schemaConflict)
        #expect(error.message == "Part.weight is stored as decimal but the mapping now declares float; keep the old type in the mapping, or rebuild the graph with `loom import --rebuild`")
        // Nothing changed and the store is usable.
        #expect(try Plant.partNumbers(store) == ["A"])
        #expect(store.catalog.nodeType("Part")?.property("weight")?.type == .decimal)
        try Plant.importParts(store, [("B", nil, nil)])
        #expect(try Plant.partNumbers(store) == ["B"])
    }

    @Test func keyChangeIsRefused() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        try Plant.importParts(store, [("A", "a", nil)])
        var part = Plant.part
        part.key = ["number", "description"]
        let error = try #require(throws: StoreError.self) {
            try store.beginImport(catalog: Catalog(nodeTypes: [part]), project: "key")
        }
        #expect(error.message.hasPrefix("Part's key is stored as (number) but the mapping now declares (number, description); keep the old key"))
    }

    @Test func enumGainingValuesIsAnEvolution() throws {
        let item = NodeType(label: "Item", key: ["id"], properties: [
            PropertyDefinition("id", .string), PropertyDefinition("kind", .enumeration(["FERT"])),
        ])
        let store = try GraphStore.open(path: try Plant.freshPath())
        _ = try store.beginImport(catalog: Catalog(nodeTypes: [item]), project: "one").finish()
        var wider = item
        wider.properties[1] = PropertyDefinition("kind", .enumeration(["HALB", "FERT"]))
        _ = try store.beginImport(catalog: Catalog(nodeTypes: [wider]), project: "two").finish()
        #expect(store.catalog.nodeType("Item")?.property("kind")?.type == .enumeration(["FERT", "HALB"]))
    }

    @Test func abortLeavesTheOldGraphAndRecordsTheFailedRun() throws {
        let path = try Plant.freshPath()
        let store = try GraphStore.open(path: path)
        let good = try Plant.importParts(store, [("A", "a", nil), ("B", "b", nil)])

        var part = Plant.part
        part.properties.append(PropertyDefinition("color", .string))
        let session = try store.beginImport(catalog: Catalog(nodeTypes: [part], edgeTypes: [Plant.bom]), project: "bad")
        let source = try session.beginSource(Plant.source("parts2.csv"))
        try session.add(Plant.part("Z", "z", nil, file: "parts2.csv", line: 2), source: source)
        try session.add(RejectRecord(location: SourceLocation(file: "parts2.csv", line: 3), rule: "parts",
                                     reason: "column MATNR: value is required", rawText: ";;"), source: source)
        try session.add(Plant.component("Z", "A", quantity: "1", position: 1, line: 4), source: source)
        let failed = try session.abort(status: .rejectedLimit, message: "more than 0 rejects")

        #expect(try Plant.partNumbers(store) == ["A", "B"])
        #expect(try store.select("SELECT count(*) FROM edge_HAS_COMPONENT").rows == [[.integer(0)]])
        #expect(store.catalog.nodeType("Part")?.property("color") == nil)
        #expect(try store.select("SELECT count(*) FROM pragma_table_info('node_Part') WHERE name = 'color'").rows == [[.integer(0)]])

        let last = try #require(try store.lastRun())
        #expect(last.id == failed.run)
        #expect(last.status == .rejectedLimit)
        #expect(last.message == "more than 0 rejects")
        #expect(last.counts.rejects == 1)
        #expect(last.sources.map(\.path) == ["parts2.csv"])
        let rejects = try store.rejects()
        #expect(rejects.map(\.reason) == ["column MATNR: value is required"])
        #expect(rejects.first?.source == "parts2.csv")
        // The graph still describes the last good run.
        #expect(try store.stats().currentRun == good.run)
        #expect(throws: StoreError.self) { try session.finish() }

        // The file on disk agrees after reopening.
        store.close()
        let reopened = try GraphStore.open(path: path, readOnly: true)
        #expect(try Plant.partNumbers(reopened) == ["A", "B"])
        #expect(try reopened.runs().map(\.status) == [.rejectedLimit, .ok])
    }

    @Test func sessionRefusesWritesAfterSQLiteRolledBack() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        try Plant.importParts(store, [("A", "a", nil)])
        let session = try store.beginImport(catalog: Plant.catalog, project: "interrupted")
        let source = try session.beginSource(Plant.source("parts.csv"))
        try store.db.rollback()  // what SQLite does by itself when a write is interrupted
        let error = try #require(throws: StoreError.self) { try session.add(Plant.part("Q", nil, nil, line: 2), source: source) }
        #expect(error.code == .sessionState)
        #expect(throws: StoreError.self) { try session.finish() }
        let failed = try session.abort(message: "interrupted")
        #expect(try store.lastRun()?.id == failed.run)
        #expect(try store.lastRun()?.status == .failed)
        #expect(try Plant.partNumbers(store) == ["A"])
    }

    @Test func droppedSessionRollsBackAndReopenSeesOldData() throws {
        let path = try Plant.freshPath()
        var store: GraphStore? = try GraphStore.open(path: path)
        try Plant.importParts(try #require(store), [("A", "a", nil)])
        var session: ImportSession? = try store?.beginImport(catalog: Plant.catalog, project: "dropped")
        let source = try #require(try session?.beginSource(Plant.source("parts.csv")))
        try session?.add(Plant.part("Q", nil, nil, line: 2), source: source)
        session = nil  // like a crash before finish: nothing committed
        #expect(try Plant.partNumbers(try #require(store)) == ["A"])
        // A new import can start on the same store.
        try Plant.importParts(try #require(store), [("B", nil, nil)])
        store = nil

        let reopened = try GraphStore.open(path: path)
        #expect(try Plant.partNumbers(reopened) == ["B"])
        #expect(try reopened.runs().count == 2)
    }

    @Test func killedProcessLeavesThePreviousGraph() throws {
        // Copy the database and its WAL while a run's transaction is open, as a kill would leave them.
        let path = try Plant.freshPath()
        let store = try GraphStore.open(path: path)
        try Plant.importParts(store, [("A", "a", nil)])
        try store.db.execute("PRAGMA cache_size = 50")  // a small cache spills the open transaction into the WAL
        let walBefore = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
        let session = try store.beginImport(catalog: Plant.catalog, project: "killed")
        let source = try session.beginSource(Plant.source("parts.csv"))
        for i in 0..<20_000 { try session.add(Plant.part("N\(i)", String(repeating: "x", count: 50), nil, line: i + 2), source: source) }
        let walDuring = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
        #expect(walDuring > walBefore + 100_000)
        let copy = try Fixtures.temporaryDirectory("graphstore-kill").appendingPathComponent("plant.loom").path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix)
        }
        _ = try session.abort()
        let survivor = try GraphStore.open(path: copy)
        #expect(try Plant.partNumbers(survivor) == ["A"])
        #expect(try survivor.runs().map(\.status) == [.ok])
    }

    @Test func catalogIsReadBackOnReopen() throws {
        let path = try Plant.freshPath()
        let item = NodeType(label: "Item", key: ["id", "plant"], properties: [
            PropertyDefinition("id", .string), PropertyDefinition("plant", .integer),
            PropertyDefinition("kind", .enumeration(["make, buy", "FERT"])), PropertyDefinition("due", .date),
        ])
        let catalog = Catalog(nodeTypes: [Plant.part, item], edgeTypes: [Plant.bom])
        do {
            let store = try GraphStore.open(path: path)
            _ = try store.beginImport(catalog: catalog, project: "catalog").finish()
        }
        let reopened = try GraphStore.open(path: path, readOnly: true)
        #expect(reopened.catalog == catalog)
    }

    @Test func readOnlyGraphRefusesWrites() throws {
        let path = try Plant.freshPath()
        try Plant.importParts(try GraphStore.open(path: path), [("A", nil, nil)])
        let store = try GraphStore.open(path: path, readOnly: true)
        let importError = try #require(throws: StoreError.self) { try store.beginImport(catalog: Plant.catalog, project: "x") }
        #expect(importError.code == .readOnly)
        let sqlError = try #require(throws: StoreError.self) { try store.select("DELETE FROM node_Part") }
        #expect(sqlError.code == .readOnly)
        #expect(try Plant.partNumbers(store) == ["A"])
        let missing = try #require(throws: StoreError.self) { try GraphStore.open(path: path + ".missing", readOnly: true) }
        #expect(missing.message.contains("run `loom import`"))
    }

    @Test func refusesFilesThatAreNotGraphs() throws {
        let path = try Plant.freshPath()
        try Database(path: path).execute("CREATE TABLE something(x)")
        let error = try #require(throws: StoreError.self) { try GraphStore.open(path: path) }
        #expect(error.code == .notAGraph)
    }

    @Test func refusesNamesThatCannotBeTables() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let bad = NodeType(label: "Part-X", key: ["id"], properties: [PropertyDefinition("id", .string)])
        let error = try #require(throws: StoreError.self) { try store.beginImport(catalog: Catalog(nodeTypes: [bad]), project: "x") }
        #expect(error.code == .invalidName)
        #expect(error.message.contains("label 'Part-X'"))
        let clash = NodeType(label: "P", key: ["id"], properties: [PropertyDefinition("id", .string), PropertyDefinition("ID", .string)])
        #expect(throws: StoreError.self) { try store.beginImport(catalog: Catalog(nodeTypes: [clash]), project: "x") }
    }

    @Test func replaceSwapsInARebuiltGraph() throws {
        let dir = try Fixtures.temporaryDirectory("graphstore-replace")
        let path = dir.appendingPathComponent("plant.loom").path
        let fresh = dir.appendingPathComponent("plant.loom.rebuild").path
        let old = try GraphStore.open(path: path)
        try Plant.importParts(old, [("OLD", nil, nil)])
        old.close()
        let new = try GraphStore.open(path: fresh)
        try Plant.importParts(new, [("NEW", nil, nil)])
        new.close()
        try GraphStore.replace(path: path, with: fresh)
        #expect(!FileManager.default.fileExists(atPath: fresh))
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try Plant.partNumbers(try GraphStore.open(path: path)) == ["NEW"])
    }

    @Test func schemaAndStatsCountWhatIsStored() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        let session = try store.beginImport(catalog: Plant.catalog, project: "stats")
        let source = try session.beginSource(Plant.source("all.csv"))
        try session.add(Plant.part("A", "a", "1", line: 2), source: source)
        try session.add(Plant.part("B", nil, "2", line: 3), source: source)
        try session.add(Plant.component("A", "B", quantity: "1", position: 1, line: 4), source: source)
        try session.add(Plant.component("A", "Q", quantity: "1", position: 2, line: 5), source: source)
        try session.endSource(source, rowsRead: 4, contentHash: "")
        let summary = try session.finish()

        let schema = try store.schema()
        let part = try #require(schema.labels.first)
        #expect(part.nodeCount == 2 && part.key == ["number"])
        #expect(part.properties.map(\.nonNullCount) == [2, 1, 2])
        #expect(part.properties.map(\.type) == [.string, .string, .decimal])
        #expect(schema.edgeTypes.first?.edgeCount == 1)
        #expect(schema.edgeTypes.first?.from == "Part")

        let stats = try store.stats()
        #expect(stats.nodes == 2 && stats.edges == 1)
        #expect(stats.labels == [NamedCount(name: "Part", count: 2)])
        #expect(stats.runs == 1 && stats.currentRun == summary.run)
        #expect(stats.dangling == 1 && stats.rejects == 0 && stats.conflicts == 0)
        #expect(stats.fileSize > 0)
    }
}

@Suite("Opening files")
struct OpeningTests {
    @Test func refusesAFileThatIsNotSQLite() throws {
        let path = try Plant.freshPath()
        try Fixtures.write("number;description\n4711;Bolt\n", to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try GraphStore.open(path: path) }
        #expect(error.code == .notAGraph)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "number;description\n4711;Bolt\n")
    }

    @Test func doesNotSwitchAForeignDatabaseToWAL() throws {
        let path = try Plant.freshPath()
        try Database(path: path, options: Database.Options(walMode: false)).execute("CREATE TABLE something(x)")
        #expect(throws: StoreError.self) { try GraphStore.open(path: path) }
        #expect(try Database(path: path, mode: .readOnly).fetchString("PRAGMA journal_mode") == "delete")
    }

    @Test func edgeTypeMayConnectLabelsStoredEarlier() throws {
        let store = try GraphStore.open(path: try Plant.freshPath())
        try Plant.importParts(store, [("A", nil, nil)])
        let session = try store.beginImport(catalog: Catalog(edgeTypes: [Plant.bom]), project: "edges only")
        _ = try session.finish()
        #expect(store.catalog.edgeType("HAS_COMPONENT") != nil)
        #expect(try Plant.partNumbers(store) == [])  // snapshot: this run's sources had no parts
    }
}
