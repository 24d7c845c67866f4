import Testing
import GraphModel
@testable import Readers

@Suite("CSV reader: encodings and byte order marks")
struct CSVEncodingTests {
    static let text = "Teil;Bezeichnung\r\n1;Schraube ä€\r\n2;\"Mutter\r\n😀 groß\"\r\n"
    static let expected: [[String?]] = [["1", "Schraube ä€"], ["2", "Mutter\r\n😀 groß"]]

    @Test func utf8BOMIsSkipped() throws {
        let dialect = CSVDialect().with { $0.delimiter = ";" }
        let reader = try CSVTest.reader(bytes: [0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), dialect)
        #expect(reader.columns == ["Teil", "Bezeichnung"])
        #expect(CSVTest.table(try CSVTest.rows(reader)) == Self.expected)
    }

    @Test(arguments: [true, false])
    func utf16WithBOMWinsOverUTF8Declaration(littleEndian: Bool) throws {
        for declared in [CSVDialect.Encoding.utf8, .utf16] {
            let dialect = CSVDialect().with { $0.delimiter = ";"; $0.encoding = declared }
            let reader = try CSVTest.reader(bytes: CSVTest.utf16(Self.text, littleEndian: littleEndian, bom: true), dialect)
            #expect(reader.columns == ["Teil", "Bezeichnung"])
            let records = CSVTest.records(try CSVTest.rows(reader))
            #expect(records.map(\.fields) == Self.expected)
            #expect(records.map(\.line) == [2, 3])
            #expect(records[1].location(ofField: 1, file: "f").column == 3)
        }
    }

    @Test func utf16WithoutBOMNeedsByteOrder() throws {
        let le = CSVDialect().with { $0.delimiter = ";"; $0.encoding = .utf16LE }
        #expect(CSVTest.table(try CSVTest.rows(CSVTest.reader(bytes: CSVTest.utf16(Self.text, littleEndian: true, bom: false), le))) == Self.expected)
        let be = CSVDialect().with { $0.delimiter = ";"; $0.encoding = .utf16BE }
        #expect(CSVTest.table(try CSVTest.rows(CSVTest.reader(bytes: CSVTest.utf16(Self.text, littleEndian: false, bom: false), be))) == Self.expected)
        let any = CSVDialect().with { $0.encoding = .utf16 }
        let error = #expect(throws: ReaderError.self) {
            try CSVTest.reader(bytes: CSVTest.utf16("A\n", littleEndian: true, bom: false), any)
        }
        #expect(error?.description == "test.csv: error: encoding utf-16 needs a byte order mark and the file has none; declare utf-16le or utf-16be")
    }

    @Test func utf16UnpairedSurrogateIsMalformed() throws {
        var bytes = CSVTest.utf16("A,B\n1,x", littleEndian: true, bom: true)
        bytes += [0x3D, 0xD8]           // high surrogate U+D83D without its low half
        bytes += CSVTest.utf16("y\n2,ok\n", littleEndian: true, bom: false)
        let rows = try CSVTest.rows(CSVTest.reader(bytes: bytes))
        #expect(CSVTest.table(rows) == [["!2:4 unpaired UTF-16 surrogate 0xD83D"], ["2", "ok"]])
    }

    @Test func utf16OddByteAtEndOfFile() throws {
        let bytes = CSVTest.utf16("A\nx", littleEndian: true, bom: true) + [0x41]
        let rows = try CSVTest.rows(CSVTest.reader(bytes: bytes))
        #expect(CSVTest.table(rows) == [["!2:2 the file ends in the middle of a UTF-16 code unit"]])
    }

    @Test func windows1252MapsHighBytes() throws {
        // "Preis;Text" then 0x80 (€), 0x93/0x94 (curly quotes), 0x9F (Ÿ), 0xE4 (ä), 0x96 (en dash)
        let bytes = Array("Preis;Text\r\n".utf8) + [0x31, 0x30, 0x80, 0x3B, 0x93, 0x78, 0x94, 0x20, 0x9F, 0xE4, 0x96, 0x0D, 0x0A]
        let dialect = CSVDialect().with { $0.delimiter = ";"; $0.encoding = .windows1252 }
        let rows = try CSVTest.rows(CSVTest.reader(bytes: bytes, dialect))
        #expect(CSVTest.table(rows) == [["10€", "\u{201C}x\u{201D} Ÿä\u{2013}"]])
    }

    @Test func windows1252UndefinedByteIsMalformed() throws {
        let bytes = Array("A;B\nab;c".utf8) + [0x81] + Array("\nok;€\n".utf8.map { $0 })
        let dialect = CSVDialect().with { $0.delimiter = ";"; $0.encoding = .windows1252 }
        let rows = try CSVTest.rows(CSVTest.reader(bytes: bytes, dialect))
        #expect(CSVTest.table(rows).first == ["!2:5 byte 0x81 is not defined in Windows-1252"])
        #expect(rows.count == 2)
    }

    @Test func utf16AdventureWorksStyle() throws {
        let dialect = CSVDialect().with {
            $0.encoding = .utf16LE; $0.delimiter = "+|"; $0.rowTerminator = "&|\n"; $0.header = false
            $0.columns = ["ProductID", "Name", "Notes"]; $0.quote = nil
        }
        let text = "1+|Adjustable Race+|line one\r\nline two&|\r\n2+|Bearing Ball 😀+|&|\r\n"
        let records = CSVTest.records(try CSVTest.rows(CSVTest.reader(bytes: CSVTest.utf16(text, littleEndian: true, bom: true), dialect)))
        #expect(records.map(\.fields) == [["1", "Adjustable Race", "line one\r\nline two"], ["2", "Bearing Ball 😀", nil]])
        #expect(records.map(\.line) == [1, 3])
    }
}
