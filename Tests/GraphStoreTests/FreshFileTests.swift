import Foundation
import GraphModel
import SQLiteDB
import Testing
import TestSupport
@testable import GraphStore

/// A file the store creates takes its first import in rollback-journal mode and switches to WAL
/// when the run ends; a kill in between leaves the empty graph.
@Suite("The first import into a new file")
struct FreshFileTests {
    func journalMode(_ store: GraphStore) throws -> String? {
        try store.db.fetchString("PRAGMA journal_mode")
    }

    @Test func loadsWithARollbackJournalThenSwitchesToWAL() throws {
        let path = try Plant.freshPath()
        let store = try GraphStore.open(path: path)
        #expect(store.defersWAL)
        let session = try store.beginImport(catalog: Plant.catalog, project: "fresh")
        #expect(try journalMode(store) == "delete")
        let source = try session.beginSource(Plant.source("parts.csv"))
        try session.add(Plant.part("A", "axle", nil, line: 2), source: source)
        try session.endSource(source, rowsRead: 1, contentHash: "")
        _ = try session.finish()
        #expect(!store.defersWAL)
        #expect(try journalMode(store) == "wal")
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        store.close()
        // A second run on the same file uses WAL from the start.
        let reopened = try GraphStore.open(path: path)
        #expect(!reopened.defersWAL)
        try Plant.importParts(reopened, [("B", nil, nil)])
        #expect(try Plant.partNumbers(reopened) == ["B"])
    }

    @Test func anAbortedFirstImportLeavesTheEmptyGraphInWAL() throws {
        let path = try Plant.freshPath()
        let store = try GraphStore.open(path: path)
        let session = try store.beginImport(catalog: Plant.catalog, project: "fresh")
        let source = try session.beginSource(Plant.source("parts.csv"))
        for i in 0..<100 { try session.add(Plant.part("P\(i)", nil, nil, line: i + 2), source: source) }
        let summary = try session.abort(message: "stopped")
        #expect(summary.status == .failed)
        #expect(try journalMode(store) == "wal")
        #expect(store.catalog.nodeTypes.isEmpty)
        #expect(try store.select("SELECT count(*) FROM sqlite_schema WHERE name = 'node_Part'").rows == [[.integer(0)]])
        #expect(try store.runs().map(\.status) == [.failed])
    }

    @Test func aKilledFirstImportLeavesTheEmptyGraph() throws {
        // Copy the file and its journal while the first run's transaction is open and has spilled
        // pages into the file, as a kill would leave them.
        let path = try Plant.freshPath()
        let store = try GraphStore.open(path: path)
        try store.db.execute("PRAGMA cache_size = 50")  // a small cache writes the open transaction's pages early
        let sizeBefore = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        let session = try store.beginImport(catalog: Plant.catalog, project: "killed")
        let source = try session.beginSource(Plant.source("parts.csv"))
        for i in 0..<20_000 { try session.add(Plant.part("N\(i)", String(repeating: "x", count: 50), nil, line: i + 2), source: source) }
        let sizeDuring = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(sizeDuring > sizeBefore + 100_000)  // written in place, not to a log
        #expect(FileManager.default.fileExists(atPath: path + "-journal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let copy = try Fixtures.temporaryDirectory("graphstore-fresh-kill").appendingPathComponent("plant.loom").path
        for suffix in ["", "-journal"] {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix)
        }
        _ = try session.abort()

        let readOnly = try GraphStore.open(path: copy, readOnly: true)  // rolls the hot journal back
        #expect(try readOnly.runs().isEmpty)
        readOnly.close()
        let survivor = try GraphStore.open(path: copy)
        #expect(survivor.catalog.nodeTypes.isEmpty)
        #expect(try survivor.runs().isEmpty)
        #expect(try survivor.select("SELECT name FROM sqlite_schema WHERE name LIKE 'node_%'").rows.isEmpty)
        try Plant.importParts(survivor, [("A", nil, nil)])
        #expect(try Plant.partNumbers(survivor) == ["A"])
    }
}
