import Testing
import GraphModel
@testable import Readers

@Suite("CSV reader: malformed rows are reported and skipped")
struct CSVMalformedTests {
    @Test func wrongFieldCountTooManyAndTooFew() throws {
        let rows = try CSVTest.rows("A,B,C\n1,2,3,4,5\n1,2\nok,ok,ok\n")
        let bad = CSVTest.malformed(rows)
        #expect(bad.map(\.reason) == ["row has 5 fields, the header has 3", "row has 2 fields, the header has 3"])
        #expect(bad.map { $0.location.description } == ["test.csv:2:7", "test.csv:3:4"])
        #expect(bad.map(\.rawText) == ["1,2,3,4,5", "1,2"])
        #expect(bad.map(\.number) == [1, 2])
        #expect(bad[0].location.record == 1)
        let good = CSVTest.records(rows)
        #expect(good.map(\.fields) == [["ok", "ok", "ok"]])
        #expect(good.map(\.number) == [3])
        #expect(good.map(\.line) == [4])
    }

    @Test func oneFieldIsSingular() throws {
        let rows = try CSVTest.rows("A,B\nlonely\n")
        #expect(CSVTest.malformed(rows).map(\.reason) == ["row has 1 field, the header has 2"])
        let noHeader = CSVDialect().with { $0.header = false; $0.columns = ["A", "B"] }
        #expect(CSVTest.malformed(try CSVTest.rows("x,y,z\n", noHeader)).map(\.reason) == ["row has 3 fields, expected 2 columns"])
    }

    @Test func strayQuoteInUnquotedField() throws {
        let rows = try CSVTest.rows("A,B,C\n1,12\" pipe,x\n2,b,c\n")
        #expect(CSVTest.table(rows) == [["!2:5 stray quote in unquoted field 2"], ["2", "b", "c"]])
        #expect(CSVTest.malformed(rows).first?.rawText == "1,12\" pipe,x")
        #expect(CSVTest.records(rows).first?.line == 3)
    }

    @Test func characterAfterClosingQuote() throws {
        let rows = try CSVTest.rows("A,B\n\"x\"y,2\n3,4\n")
        #expect(CSVTest.table(rows) == [["!2:4 unexpected character after the closing quote of field 1"], ["3", "4"]])
    }

    @Test func unterminatedQuotedFieldAtEndOfFile() throws {
        let rows = try CSVTest.rows("A,B\n1,2\n3,\"open\nstill open\n")
        #expect(CSVTest.table(rows) == [["1", "2"], ["!3:3 quoted field is not closed before the end of the file"]])
        #expect(CSVTest.malformed(rows).first?.rawText == "3,\"open\nstill open\n")
        #expect(CSVTest.malformed(rows).first?.number == 2)
    }

    @Test func invalidUTF8ByteWithColumn() throws {
        var bytes = Array("A,B\nä1,x".utf8)
        bytes += [0xFF]
        bytes += Array("y\nok,€\n".utf8)
        let rows = try CSVTest.rows(CSVTest.reader(bytes: bytes))
        #expect(CSVTest.table(rows) == [["!2:5 byte 0xFF is not valid UTF-8"], ["ok", "€"]])
        #expect(CSVTest.malformed(rows).first?.rawText == "ä1,x\u{FFFD}y")
    }

    @Test func truncatedUTF8Sequence() throws {
        let bytes = Array("A\n".utf8) + [0x61, 0xE2, 0x82] + Array("\nb\n".utf8)
        let rows = try CSVTest.rows(CSVTest.reader(bytes: bytes))
        #expect(CSVTest.table(rows) == [["!2:2 byte 0xE2 is not valid UTF-8"], ["b"]])
    }

    @Test func malformedLineNumbersStayRightAfterMultilineRecords() throws {
        let text = "A,B\n\"a\nb\nc\",1\nx\"y,2\n\"p\nq\",3,extra\nz,4\n"
        let rows = try CSVTest.rows(text)
        #expect(CSVTest.table(rows) == [
            ["a\nb\nc", "1"],
            ["!5:2 stray quote in unquoted field 1"],
            ["!7:6 row has 3 fields, the header has 2"],
            ["z", "4"],
        ])
        #expect(CSVTest.records(rows).map(\.line) == [2, 8])
    }
}
