import Foundation
import GraphModel
@testable import Readers
import TestSupport

/// Writes bytes to a fresh temporary file and reads it back through `CSVReader`.
enum CSVTest {
    static func file(_ bytes: [UInt8], name: String = "test.csv") throws -> String {
        let url = try Fixtures.temporaryDirectory("loom-readers").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func file(_ text: String, name: String = "test.csv") throws -> String {
        try file(Array(text.utf8), name: name)
    }

    static func reader(_ text: String, _ dialect: CSVDialect = CSVDialect()) throws -> CSVReader {
        try CSVReader(path: file(text), dialect: dialect, displayPath: "test.csv")
    }

    static func reader(bytes: [UInt8], _ dialect: CSVDialect = CSVDialect()) throws -> CSVReader {
        try CSVReader(path: file(bytes), dialect: dialect, displayPath: "test.csv")
    }

    static func rows(_ reader: CSVReader) throws -> [CSVRow] {
        var rows: [CSVRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    static func rows(_ text: String, _ dialect: CSVDialect = CSVDialect()) throws -> [CSVRow] {
        try rows(reader(text, dialect))
    }

    /// The fields of every row; a malformed row shows as `["!line:col reason"]`.
    static func table(_ rows: [CSVRow]) -> [[String?]] {
        rows.map { row in
            switch row {
            case .record(let r): return r.fields
            case .malformed(let m): return ["!\(m.location.line):\(m.location.column ?? 0) \(m.reason)"]
            }
        }
    }

    static func records(_ rows: [CSVRow]) -> [CSVRecord] {
        rows.compactMap { if case .record(let r) = $0 { return r } else { return nil } }
    }

    static func malformed(_ rows: [CSVRow]) -> [MalformedRow] {
        rows.compactMap { if case .malformed(let m) = $0 { return m } else { return nil } }
    }

    /// `UTF-16` bytes of `text`, little or big endian, with an optional BOM.
    static func utf16(_ text: String, littleEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for unit in text.utf16 {
            let lo = UInt8(unit & 0xFF), hi = UInt8(unit >> 8)
            bytes += littleEndian ? [lo, hi] : [hi, lo]
        }
        return bytes
    }
}

extension CSVDialect {
    /// A copy with changes applied, for one-line test dialects.
    func with(_ change: (inout CSVDialect) -> Void) -> CSVDialect {
        var copy = self
        change(&copy)
        return copy
    }
}
