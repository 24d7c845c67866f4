import Foundation
import Testing
import TestSupport
@testable import SQLiteDB

@Suite("Transactions")
struct TransactionTests {
    func table() throws -> Database {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(x INTEGER) STRICT")
        return db
    }

    struct Boom: Error {}

    @Test func commitsWhenTheBodyReturns() throws {
        let db = try table()
        try db.inTransaction { try db.execute("INSERT INTO t VALUES (1)") }
        #expect(!db.isInTransaction)
        #expect(try db.fetchInt64("SELECT count(*) FROM t") == 1)
    }

    @Test func rollsBackWhenTheBodyThrows() throws {
        let db = try table()
        #expect(throws: Boom.self) {
            try db.inTransaction {
                try db.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(!db.isInTransaction)
        #expect(try db.fetchInt64("SELECT count(*) FROM t") == 0)
    }

    @Test func explicitTransactionRollsBack() throws {
        let db = try table()
        try db.beginTransaction(.immediate)
        #expect(db.isInTransaction)
        try db.execute("INSERT INTO t VALUES (1)")
        try db.rollback()
        try db.rollback()  // nothing open: no error
        #expect(try db.fetchInt64("SELECT count(*) FROM t") == 0)
    }

    @Test func savepointUndoesOnlyItsOwnWork() throws {
        let db = try table()
        try db.inTransaction {
            try db.execute("INSERT INTO t VALUES (1)")
            #expect(throws: Boom.self) {
                try db.inSavepoint {
                    try db.execute("INSERT INTO t VALUES (2)")
                    throw Boom()
                }
            }
            try db.inSavepoint { try db.execute("INSERT INTO t VALUES (3)") }
        }
        #expect(try db.fetchAll("SELECT x FROM t ORDER BY x") == [[.integer(1)], [.integer(3)]])
    }
}

@Suite("Connections")
struct ConnectionTests {
    @Test func fileDatabaseUsesWAL() throws {
        let dir = try Fixtures.temporaryDirectory("sqlitedb")
        let db = try Database(path: dir.appendingPathComponent("a.db").path)
        #expect(try db.fetchString("PRAGMA journal_mode") == "wal")
    }

    @Test func readOnlyRefusesWrites() throws {
        let dir = try Fixtures.temporaryDirectory("sqlitedb")
        let path = dir.appendingPathComponent("ro.db").path
        do {
            let db = try Database(path: path)
            try db.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        }
        let reader = try Database(path: path, mode: .readOnly)
        #expect(reader.isReadOnly)
        #expect(try reader.fetchInt64("SELECT x FROM t") == 1)
        let error = try #require(throws: SQLiteError.self) { try reader.execute("INSERT INTO t VALUES (2)") }
        #expect(error.resultCode == .readOnly)
    }

    @Test func readOnlyOfMissingFileFails() throws {
        let dir = try Fixtures.temporaryDirectory("sqlitedb")
        let path = dir.appendingPathComponent("missing.db").path
        let error = try #require(throws: SQLiteError.self) { try Database(path: path, mode: .readOnly) }
        #expect(error.resultCode == .cantOpen)
        #expect(error.message.contains(path))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func uriOpensReadOnly() throws {
        let dir = try Fixtures.temporaryDirectory("sqlitedb")
        let path = dir.appendingPathComponent("uri.db").path
        try Database(path: path).execute("CREATE TABLE t(x)")
        let db = try Database(path: "file:\(path)?mode=ro", mode: .readWrite)
        #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (1)") }
    }

    @Test func interruptStopsARunningQueryFromAnotherThread() throws {
        let db = try Database(path: ":memory:")
        let handle = db.interruptHandle
        let done = Flag()
        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            while !done.isSet {
                handle.interrupt()
                usleep(5_000)
            }
            stopped.signal()
        }
        let error = #expect(throws: SQLiteError.self) {
            // Never ends on its own.
            try db.fetchValue("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")
        }
        done.set()
        stopped.wait()
        #expect(error?.isInterrupted == true)
        #expect(try db.fetchInt64("SELECT 41 + 1") == 42)  // the connection stays usable
    }
}

/// A flag set from one thread and read from another.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
