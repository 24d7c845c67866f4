import Foundation
import Testing
@testable import Readers

/// Files larger than the 256 KiB read chunk, so records, quotes, `\r\n`, multi-byte delimiters
/// and UTF-8/UTF-16 sequences fall across chunk boundaries at many offsets.
@Suite("CSV reader: streaming across chunks")
struct CSVStreamingTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let pieces = ["a", "Bolt", "ä", "€", "😀", " ", "+", "|", "\"", ",", "\n", "\r\n", "x+y", "1234567890"]

    /// Rows of random fields and the CSV text writing them (quoted when needed).
    static func generate(rows: Int, columns: Int, delimiter: String, seed: UInt64) -> (String, [[String?]]) {
        var random = Generator(state: seed)
        var text = (1...columns).map { "C\($0)" }.joined(separator: delimiter) + "\r\n"
        var expected: [[String?]] = []
        for _ in 0..<rows {
            var fields: [String?] = []
            var cells: [String] = []
            for _ in 0..<columns {
                let length = random.next(4) == 0 ? 0 : random.next(12)
                var value = ""
                for _ in 0..<length { value += pieces[random.next(pieces.count)] }
                let special = value.contains("\"") || value.contains(delimiter) || value.contains("\n") || value.contains("\r")
                if value.isEmpty && random.next(2) == 0 {
                    fields.append(nil); cells.append("")
                } else if special || random.next(5) == 0 || value.isEmpty {
                    fields.append(value); cells.append("\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
                } else {
                    fields.append(value); cells.append(value)
                }
            }
            expected.append(fields)
            text += cells.joined(separator: delimiter) + "\r\n"
        }
        return (text, expected)
    }

    @Test(arguments: [",", "+|"])
    func randomRecordsRoundTripUTF8(delimiter: String) throws {
        let (text, expected) = Self.generate(rows: 12_000, columns: 5, delimiter: delimiter, seed: 42)
        #expect(text.utf8.count > 3 * 262_144)
        let reader = try CSVTest.reader(text, CSVDialect().with { $0.delimiter = delimiter })
        let rows = try CSVTest.rows(reader)
        #expect(CSVTest.malformed(rows).isEmpty)
        let records = CSVTest.records(rows)
        #expect(records.count == expected.count)
        #expect(records.map(\.fields) == expected)
        // Every record starts on the line after the previous one ended.
        var line = 2
        var expectedLines: [Int] = []
        for record in records {
            expectedLines.append(line)
            line += 1 + record.rawText.utf8.filter { $0 == 0x0A }.count
        }
        #expect(records.map(\.line) == expectedLines)
    }

    @Test func randomRecordsRoundTripUTF16() throws {
        let (text, expected) = Self.generate(rows: 6_000, columns: 4, delimiter: ";", seed: 7)
        let bytes = CSVTest.utf16(text, littleEndian: false, bom: true)
        #expect(bytes.count > 2 * 262_144)
        let rows = try CSVTest.rows(CSVTest.reader(bytes: bytes, CSVDialect().with { $0.delimiter = ";" }))
        #expect(CSVTest.malformed(rows).isEmpty)
        #expect(CSVTest.records(rows).map(\.fields) == expected)
    }

    @Test func recordLargerThanAChunk() throws {
        let big = String(repeating: "0123456789\n", count: 60_000)
        let text = "A,B\n1,\"\(big)\"\n2,x\n"
        let records = CSVTest.records(try CSVTest.rows(text))
        #expect(records.map { $0.fields[0] } == ["1", "2"])
        #expect(records[0].fields[1] == big)
        #expect(records[0].rawText.count == 4096)
        #expect(records[1].line == 60_003)
    }

    @Test func twoHundredThousandRowsStream() throws {
        var text = "MATNR,IDNRK,MENGE,MEINS\n"
        for i in 0..<200_000 { text += "P\(i % 997),C\(i),\(i % 13).5,EA\n" }
        let reader = try CSVTest.reader(text)
        var count = 0
        var last: CSVRecord?
        while let row = try reader.next() {
            guard case .record(let record) = row else { Issue.record("malformed row \(row)"); break }
            count += 1
            last = record
        }
        #expect(count == 200_000)
        #expect(last?.fields == ["P\(199_999 % 997)", "C199999", "\(199_999 % 13).5", "EA"])
        #expect(last?.line == 200_001)
        #expect(reader.bytesRead == Int64(text.utf8.count))
    }
}
