import Foundation
import Testing
@testable import SQLiteDB

/// `loom_decimal_sum/min/max`: exact aggregates over decimals kept as TEXT digits.
@Suite struct DecimalAggregateTests {
    func database(_ values: [String?]) throws -> Database {
        let db = try Database(path: ":memory:")
        try db.registerDecimalAggregates()
        try db.execute("CREATE TABLE t(g INTEGER, x TEXT) STRICT")
        for (i, value) in values.enumerated() {
            try db.execute("INSERT INTO t VALUES (?, ?)", arguments: [.integer(Int64(i % 2)), value.map(SQLiteValue.text) ?? .null])
        }
        return db
    }

    @Test func theSumIsExactWhereFloatsAreNot() throws {
        let db = try database(Array(repeating: "0.1", count: 10) + ["0.2"])
        #expect(try db.fetchString("SELECT loom_decimal_sum(x) FROM t") == "1.2")
        #expect(try db.fetchValue("SELECT sum(CAST(x AS REAL)) FROM t") != .text("1.2"))
        let db2 = try database(["1234567890123.45", "0.05", "-0.5"])
        #expect(try db2.fetchString("SELECT loom_decimal_sum(x) FROM t") == "1234567890123")
    }

    @Test func minAndMaxCompareByNumberAndKeepTheDigitsAsWritten() throws {
        let db = try database(["9.5", "18.40", "100", "-2.000"])
        #expect(try db.fetchString("SELECT loom_decimal_max(x) FROM t") == "100")
        #expect(try db.fetchString("SELECT loom_decimal_min(x) FROM t") == "-2.000")
        let db2 = try database(["9.5", "18.40"])
        #expect(try db2.fetchString("SELECT loom_decimal_max(x) FROM t") == "18.40")
    }

    @Test func nullsAreSkippedAndNoValueGivesNull() throws {
        let db = try database([nil, "2.5", nil, "1.5"])
        #expect(try db.fetchString("SELECT loom_decimal_sum(x) FROM t") == "4")
        #expect(try db.fetchValue("SELECT loom_decimal_sum(x) FROM t WHERE x IS NULL") == .null)
        #expect(try db.fetchValue("SELECT loom_decimal_max(x) FROM t WHERE 0") == .null)
        // Per group: group 0 holds nil and nil, group 1 holds 2.5 and 1.5.
        #expect(try db.fetchAll("SELECT g, loom_decimal_sum(x) FROM t GROUP BY g ORDER BY g") == [[.integer(0), .null], [.integer(1), .text("4")]])
    }

    @Test func aValueThatIsNotANumberFailsTheStatementNamingIt() throws {
        let db = try database(["1.5", "12,5x"])
        #expect(throws: SQLiteError.self) { try db.fetchString("SELECT loom_decimal_sum(x) FROM t") }
        do {
            _ = try db.fetchString("SELECT loom_decimal_sum(x) FROM t")
        } catch let error as SQLiteError {
            #expect(error.message.contains("'12,5x' is not a decimal number"))
        }
    }
}
