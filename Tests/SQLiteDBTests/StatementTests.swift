import Foundation
import Testing
@testable import SQLiteDB

@Suite("Statements and binding")
struct StatementTests {
    func memory() throws -> Database {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(i INTEGER, r REAL, s TEXT, b BLOB, n ANY) STRICT")
        return db
    }

    @Test func bindsAndReadsEveryStorageClass() throws {
        let db = try memory()
        let insert = try db.prepare("INSERT INTO t(i, r, s, b, n) VALUES (?, ?, ?, ?, ?)")
        try insert.bind(Int64(-42), at: 1)
        try insert.bind(0.125, at: 2)
        try insert.bind("Stückliste ✓", at: 3)
        try insert.bind(Data([0, 1, 255]), at: 4)
        try insert.bindNull(at: 5)
        try insert.execute()
        #expect(db.changes == 1)

        let select = try db.prepare("SELECT i, r, s, b, n FROM t")
        #expect(try select.step())
        #expect(select.columnNames == ["i", "r", "s", "b", "n"])
        #expect(select.int64(0) == -42)
        #expect(select.double(1) == 0.125)
        #expect(select.string(2) == "Stückliste ✓")
        #expect(select.data(3) == Data([0, 1, 255]))
        #expect(select.isNull(4))
        #expect(select.string(4) == nil)
        #expect(select.columnType(0) == .integer)
        #expect(select.columnType(1) == .real)
        #expect(select.columnType(2) == .text)
        #expect(select.columnType(3) == .blob)
        #expect(select.columnType(4) == .null)
        #expect(try !select.step())
    }

    @Test func emptyStringIsNotNull() throws {
        let db = try memory()
        try db.execute("INSERT INTO t(s) VALUES (?)", arguments: [.text("")])
        #expect(try db.fetchValue("SELECT s FROM t") == .text(""))
        #expect(try db.fetchInt64("SELECT count(*) FROM t WHERE s IS NULL") == 0)
    }

    @Test func bindsValueArraysAndRejectsWrongCounts() throws {
        let db = try memory()
        let insert = try db.prepare("INSERT INTO t(i, s) VALUES (?, ?)")
        try insert.bind([.integer(7), .text("seven")])
        try insert.execute()
        #expect(try db.fetchAll("SELECT i, s FROM t") == [[.integer(7), .text("seven")]])
        #expect(throws: SQLiteError.self) { try insert.bind([.integer(1)]) }
    }

    @Test func statementIsReusableAfterReset() throws {
        let db = try memory()
        let insert = try db.prepare("INSERT INTO t(i) VALUES (?)")
        for i in 1...3 {
            try insert.bind(Int64(i), at: 1)
            try insert.execute()
        }
        #expect(try db.fetchInt64("SELECT sum(i) FROM t") == 6)
    }

    @Test func cachedStatementsAreSharedAndCleared() throws {
        let db = try memory()
        let first = try db.cachedStatement("SELECT ?")
        try first.bind(Int64(5), at: 1)
        let second = try db.cachedStatement("SELECT ?")
        #expect(first === second)
        #expect(try second.step())
        #expect(second.isNull(0))  // bindings were cleared on retrieval
    }

    @Test func prepareRefusesSeveralStatements() throws {
        let db = try memory()
        let error = try #require(throws: SQLiteError.self) { try db.prepare("SELECT 1; SELECT 2") }
        #expect(error.resultCode == .misuse)
        _ = try db.prepare("SELECT 1;  ")  // trailing semicolon and whitespace are fine
    }

    @Test func executeRunsScripts() throws {
        let db = try memory()
        try db.execute("""
            INSERT INTO t(i) VALUES (1);
            -- a comment between statements
            INSERT INTO t(i) VALUES (2);
            """)
        #expect(try db.fetchInt64("SELECT count(*) FROM t") == 2)
    }
}

@Suite("Errors")
struct ErrorTests {
    @Test func syntaxErrorCarriesTheSQL() throws {
        let db = try Database(path: ":memory:")
        let error = try #require(throws: SQLiteError.self) { try db.prepare("SELEC 1") }
        #expect(error.resultCode == .error)
        #expect(error.sql == "SELEC 1")
        #expect(error.message.contains("syntax error"))
        #expect(error.description.contains("while running: SELEC 1"))
    }

    @Test func constraintErrorHasTheExtendedCode() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE k(id TEXT PRIMARY KEY) STRICT; INSERT INTO k VALUES ('a');")
        let sql = "INSERT INTO k VALUES (?)"
        let error = try #require(throws: SQLiteError.self) { try db.execute(sql, arguments: [.text("a")]) }
        #expect(error.resultCode == .constraint)
        #expect(error.extendedCode.rawValue == 1555)  // SQLITE_CONSTRAINT_PRIMARYKEY
        #expect(error.message.contains("UNIQUE constraint failed: k.id"))
        #expect(error.sql == sql)
        #expect(error.description.contains(sql))
    }

    @Test func strictTablesRejectWrongTypes() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE n(i INTEGER) STRICT")
        let error = try #require(throws: SQLiteError.self) { try db.execute("INSERT INTO n VALUES (?)", arguments: [.text("x")]) }
        #expect(error.resultCode == .constraint)
        #expect(error.message.contains("cannot store TEXT value in INTEGER column"))
    }

    @Test func scriptErrorNamesTheFailingStatement() throws {
        let db = try Database(path: ":memory:")
        let error = try #require(throws: SQLiteError.self) {
            try db.execute("CREATE TABLE a(x); INSERT INTO missing VALUES (1); CREATE TABLE b(y)")
        }
        #expect(error.sql == "INSERT INTO missing VALUES (1);")
        #expect(error.message.contains("no such table: missing"))
    }

    @Test func closedDatabaseFailsClearly() throws {
        let db = try Database(path: ":memory:")
        db.close()
        let error = try #require(throws: SQLiteError.self) { try db.execute("SELECT 1") }
        #expect(error.resultCode == .misuse)
        #expect(error.message.contains("closed"))
    }
}
