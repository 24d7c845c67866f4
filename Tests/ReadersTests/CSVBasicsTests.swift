import Testing
import GraphModel
@testable import Readers

@Suite("CSV reader: fields, quoting, lines")
struct CSVBasicsTests {
    @Test func readsHeaderAndRecords() throws {
        let reader = try CSVTest.reader("MATNR,MAKTX,MEINS\n100,Bolt,EA\n200,Nut,PC\n")
        #expect(reader.columns == ["MATNR", "MAKTX", "MEINS"])
        let records = CSVTest.records(try CSVTest.rows(reader))
        #expect(records.map(\.fields) == [["100", "Bolt", "EA"], ["200", "Nut", "PC"]])
        #expect(records.map(\.line) == [2, 3])
        #expect(records.map(\.number) == [1, 2])
        #expect(records.map(\.rawText) == ["100,Bolt,EA", "200,Nut,PC"])
        #expect(try reader.next() == nil)
    }

    @Test func lastRecordWithoutLineEnd() throws {
        let rows = try CSVTest.rows("A,B\n1,2\n3,4")
        #expect(CSVTest.table(rows) == [["1", "2"], ["3", "4"]])
    }

    @Test func quotedFieldsWithDelimitersDoubledQuotesAndNewlines() throws {
        let text = "A,B,C\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\"three\r\nline\r\nfield\",b,c\nlast,1,2\n"
        let records = CSVTest.records(try CSVTest.rows(text))
        #expect(records.map(\.fields) == [
            ["x,y", "say \"hi\"", "two\nlines"],
            ["three\r\nline\r\nfield", "b", "c"],
            ["last", "1", "2"],
        ])
        #expect(records.map(\.line) == [2, 4, 7])
        #expect(records[1].rawText == "\"three\r\nline\r\nfield\",b,c")
    }

    @Test func lineEndingsCRLFAndCR() throws {
        let crlf = CSVTest.records(try CSVTest.rows("A,B\r\n1,2\r\n3,4\r\n"))
        #expect(crlf.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(crlf.map(\.line) == [2, 3])
        let cr = CSVTest.records(try CSVTest.rows("A,B\r1,2\r3,4\r"))
        #expect(cr.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(cr.map(\.line) == [2, 3])
    }

    @Test func emptyLinesAreSkippedButCounted() throws {
        let records = CSVTest.records(try CSVTest.rows("A,B\n\n1,2\n\r\n\n3,4\n\n"))
        #expect(records.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [3, 6])
        #expect(records.map(\.number) == [1, 2])
    }

    @Test func nullTokensVersusQuotedEmpty() throws {
        let dialect = CSVDialect().with { $0.nullValues = ["", "NULL", "\\N"] }
        let rows = try CSVTest.rows("A,B,C,D\n,\"\",NULL,\"NULL\"\n\\N,x,null,\n", dialect)
        #expect(CSVTest.table(rows) == [[nil, "", nil, "NULL"], [nil, "x", "null", nil]])
        let noNulls = CSVDialect().with { $0.nullValues = [] }
        #expect(CSVTest.table(try CSVTest.rows("A,B\n,\"\"\n", noNulls)) == [["", ""]])
    }

    @Test func trimStripsPaddingOfUnquotedFieldsOnly() throws {
        let dialect = CSVDialect().with { $0.trimFields = true; $0.nullValues = ["", "NULL"] }
        let rows = try CSVTest.rows(" A , B ,C\nEA  ,  \" padded \"  , NULL \n   ,x,y\n", dialect)
        #expect(try CSVTest.reader(" A , B ,C\n", dialect).columns == ["A", "B", "C"])
        #expect(CSVTest.table(rows) == [["EA", " padded ", nil], [nil, "x", "y"]])
        let untrimmed = try CSVTest.rows("A,B\nEA  , x\n")
        #expect(CSVTest.table(untrimmed) == [["EA  ", " x"]])
    }

    @Test func semicolonTabAndMultiCharacterDelimiters() throws {
        let semi = CSVDialect().with { $0.delimiter = ";" }
        #expect(CSVTest.table(try CSVTest.rows("A;B\n1,5;2\n", semi)) == [["1,5", "2"]])
        let tab = CSVDialect().with { $0.delimiter = "\t" }
        #expect(CSVTest.table(try CSVTest.rows("A\tB\n1\t\"x\ty\"\n", tab)) == [["1", "x\ty"]])
        let plusBar = CSVDialect().with { $0.delimiter = "+|" }
        let rows = try CSVTest.rows("A+|B+|C\n1+|a+b|c+|+|\n", plusBar.with { $0.header = true })
        #expect(CSVTest.table(rows) == [["!2:13 row has 4 fields, the header has 3"]])
        #expect(CSVTest.table(try CSVTest.rows("A+|B+|C\n1+|a+b|c+|\n", plusBar)) == [["1", "a+b|c", nil]])
    }

    @Test func customRowTerminatorKeepsNewlinesInFieldsAndCountsLines() throws {
        let dialect = CSVDialect().with {
            $0.delimiter = "+|"; $0.rowTerminator = "&|\n"; $0.header = false; $0.columns = ["Id", "Name", "Note"]
            $0.quote = nil
        }
        let text = "1+|Bolt+|first\nsecond line&|\n2+|Nut \"hex\"+|&|\r\n3+|Washer+|x&|"
        let records = CSVTest.records(try CSVTest.rows(text, dialect))
        #expect(records.map(\.fields) == [["1", "Bolt", "first\nsecond line"], ["2", "Nut \"hex\"", nil], ["3", "Washer", "x"]])
        #expect(records.map(\.line) == [1, 3, 4])
        #expect(records[2].location(ofField: 2, file: "f").column == 12)
    }

    @Test func terminatorWithoutLineBreakPutsRecordsOnOneLine() throws {
        let dialect = CSVDialect().with { $0.rowTerminator = "~"; $0.header = false; $0.columns = ["A", "B"] }
        let rows = try CSVTest.rows("1,2~3,4~5,x\"y~", dialect)
        #expect(CSVTest.records(rows).map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(CSVTest.records(rows)[1].location(ofField: 1, file: "f").column == 7)
        #expect(CSVTest.table([rows[2]]) == [["!1:12 stray quote in unquoted field 2"]])
    }

    @Test func skipLinesCountsPhysicalLines() throws {
        let dialect = CSVDialect().with { $0.skipLines = 3 }
        let reader = try CSVTest.reader("Report MARA\r\nprinted 2024-01-02\r\n\r\nA,B\r\n1,\"x\ny\"\r\n2,3\r\n", dialect)
        #expect(reader.columns == ["A", "B"])
        let records = CSVTest.records(try CSVTest.rows(reader))
        #expect(records.map(\.fields) == [["1", "x\ny"], ["2", "3"]])
        #expect(records.map(\.line) == [5, 7])
    }

    @Test func headerFalseUsesGivenColumns() throws {
        let dialect = CSVDialect().with { $0.header = false; $0.columns = ["MANDT", "MATNR"] }
        let reader = try CSVTest.reader("800,100\n800,200\n", dialect)
        #expect(reader.columns == ["MANDT", "MATNR"])
        let records = CSVTest.records(try CSVTest.rows(reader))
        #expect(records.map(\.fields) == [["800", "100"], ["800", "200"]])
        #expect(records.map(\.line) == [1, 2])
    }

    @Test func quoteNoneTreatsQuotesAsData() throws {
        let dialect = CSVDialect().with { $0.quote = nil }
        #expect(CSVTest.table(try CSVTest.rows("A,B\n12\" pipe,\"x\"\n", dialect)) == [["12\" pipe", "\"x\""]])
    }

    @Test func singleQuoteAsQuoteCharacter() throws {
        let dialect = CSVDialect().with { $0.quote = "'" }
        #expect(CSVTest.table(try CSVTest.rows("A,B\n'a,b','it''s'\n", dialect)) == [["a,b", "it's"]])
    }

    @Test func trailingDelimiterAfterHeaderIsIgnored() throws {
        let dialect = CSVDialect().with { $0.delimiter = ";" }
        let reader = try CSVTest.reader("MANDT;MATNR;\n800;100;\n800;200\n", dialect)
        #expect(reader.columns == ["MANDT", "MATNR"])
        #expect(CSVTest.table(try CSVTest.rows(reader)) == [["800", "100"], ["800", "200"]])
    }

    @Test func fieldLocationsAcrossLinesAndWideCharacters() throws {
        let text = "A,B,C\n\"multi\nline\",äö€,x\n"
        let record = try #require(CSVTest.records(try CSVTest.rows(text)).first)
        #expect(record.location(ofField: 0, file: "f.csv") == SourceLocation(file: "f.csv", line: 2, column: 1, record: 1))
        #expect(record.location(ofField: 1, file: "f.csv").description == "f.csv:3:7")
        #expect(record.location(ofField: 2, file: "f.csv").column == 11)
        #expect(record.location(file: "f.csv").description == "f.csv:2")
    }

    @Test func headerWithQuotedNames() throws {
        let reader = try CSVTest.reader("\"Part \"\"No\"\"\",\"Desc, long\"\n1,2\n")
        #expect(reader.columns == ["Part \"No\"", "Desc, long"])
    }
}

extension CSVRow: Equatable {
    public static func == (a: CSVRow, b: CSVRow) -> Bool {
        CSVTest.table([a]) == CSVTest.table([b])
    }
}
