import Testing
import GraphModel
@testable import Readers

@Suite("CSV reader: opening files and reading the header")
struct CSVHeaderTests {
    private func openError(_ text: String, _ dialect: CSVDialect = CSVDialect()) -> String? {
        let error = #expect(throws: ReaderError.self) { try CSVTest.reader(text, dialect) }
        return error?.description
    }

    @Test func missingFile() {
        let error = #expect(throws: ReaderError.self) {
            try CSVReader(path: "/nonexistent/loom/mara.csv", dialect: CSVDialect(), displayPath: "mara.csv")
        }
        #expect(error?.description == "mara.csv: error: cannot open file: No such file or directory")
        #expect(error?.location == nil)
    }

    @Test func emptyFileWhenHeaderExpected() {
        #expect(openError("") == "test.csv:1:1: error: the file is empty; expected a header line naming the columns")
        #expect(openError("\n\n") == "test.csv:3:1: error: the file is empty; expected a header line naming the columns")
    }

    @Test func emptyFileWithoutHeaderHasNoRows() throws {
        let dialect = CSVDialect().with { $0.header = false; $0.columns = ["A"] }
        #expect(try CSVTest.rows("", dialect).isEmpty)
    }

    @Test func duplicateAndEmptyHeaderNames() {
        #expect(openError("MATNR,MAKTX,MATNR\n") == "test.csv:1:13: error: header: duplicate column name 'MATNR' (also column 1)")
        #expect(openError("A,,C\n") == "test.csv:1:3: error: header: column 2 has an empty name")
        #expect(openError("x\nA,\"\",C\n", CSVDialect().with { $0.skipLines = 1 }) == "test.csv:2:3: error: header: column 2 has an empty name")
    }

    @Test func undecodableHeader() throws {
        let bytes = Array("A,B".utf8) + [0xC3, 0x28] + Array("\n1,2\n".utf8)
        let error = #expect(throws: ReaderError.self) { try CSVTest.reader(bytes: bytes) }
        #expect(error?.description == "test.csv:1:4: error: header: byte 0xC3 is not valid UTF-8")
    }

    @Test func malformedHeader() {
        #expect(openError("A,\"B\nC\n") == "test.csv:1:3: error: header: quoted field is not closed before the end of the file")
    }

    @Test func skipLinesBeyondEndOfFile() {
        #expect(openError("one\ntwo\n", CSVDialect().with { $0.skipLines = 5 })
                == "test.csv:3: error: the file has 2 lines, fewer than the 5 to skip before the header")
    }

    @Test func headerMustMatchDeclaredColumns() throws {
        let dialect = CSVDialect().with { $0.columns = ["MATNR", "MAKTX"] }
        #expect(try CSVTest.reader("MATNR,MAKTX\n", dialect).columns == ["MATNR", "MAKTX"])
        #expect(openError("MATNR,MEINS\n", dialect) == "test.csv:1:7: error: header: column 2 is 'MEINS', the mapping expects 'MAKTX'")
        #expect(openError("MATNR\n", dialect) == "test.csv:1:1: error: header: the file has 1 columns, the mapping expects 2")
    }

    @Test func dialectProblems() {
        #expect(openError("A\n", CSVDialect().with { $0.delimiter = "" }) == "test.csv: error: the delimiter is empty")
        #expect(openError("A\n", CSVDialect().with { $0.quote = "»" })
                == "test.csv: error: the quote character must be a single ASCII character other than a line break, not '»'")
        #expect(openError("A\n", CSVDialect().with { $0.header = false })
                == "test.csv: error: header is false, so the column names must be given (columns)")
        #expect(openError("A\n", CSVDialect().with { $0.header = false; $0.columns = ["A", "A"] })
                == "test.csv: error: duplicate column name 'A'")
    }
}
