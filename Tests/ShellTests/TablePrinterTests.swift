@testable import Engine
import GraphModel
import Testing
@testable import Shell

@Suite struct TablePrinterTests {
    let result = QueryResult(
        columns: ["number", "description", "cost"],
        rows: [
            [.string("100103"), .string("Kreiselpumpe KP-50 mit Motor und Grundplatte"), .integer(346)],
            [.string("100428"), .null, .integer(12)],
        ],
        truncated: false, seconds: 0.0123)

    @Test func alignsColumnsAndRightAlignsNumbers() {
        let text = TablePrinter(style: .plain).render(result)
        #expect(text == """
        number  description                                   cost
        ------  --------------------------------------------  ----
        100103  Kreiselpumpe KP-50 mit Motor und Grundplatte   346
        100428  null                                            12

        """)
    }

    @Test func fitsTheTerminalWidthByCuttingTheWidestColumn() {
        let text = TablePrinter(style: TerminalStyle(colour: false, width: 40)).render(result)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines[2] == "100103  Kreiselpumpe KP-50 mit Mo…   346")
        #expect(lines[3].hasPrefix("100428  null"))
    }

    @Test func widthsShrinkTheWidestColumnsFirst() {
        #expect(TablePrinter.fit([6, 44, 4], into: 40) == [6, 26, 4])
        #expect(TablePrinter.fit([30, 30], into: 42) == [20, 20])
        #expect(TablePrinter.fit([5, 5], into: 80) == [5, 5])
        // Too narrow for even the minimum: nil (the rows are printed as records).
        #expect(TablePrinter.fit([10, 10, 10, 10], into: 8) == nil)
        // Number columns keep their width; the text columns give way.
        #expect(TablePrinter.fit([12, 30, 11], into: 40, keep: [true, false, true]) == [12, 13, 11])
        #expect(TablePrinter.cut("Kreiselpumpe", to: 6) == "Kreis…")
    }

    @Test func numbersAreNeverCutOnlyText() {
        let wide = QueryResult(columns: ["cost", "text", "count"],
                               rows: [[.float(1234567.891), .string(String(repeating: "x", count: 50)), .integer(123456789012)]],
                               truncated: false, seconds: 0)
        let lines = TablePrinter(style: TerminalStyle(colour: false, width: 40)).render(wide).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines[2] == "1234567.891  xxxxxxxxxxxx…  123456789012")
    }

    @Test func aResultTooWideForTheTerminalIsPrintedAsRecords() throws {
        let columns = ["p.number", "p.description", "s.name", "s.street", "s.postalCode", "s.city", "s.country", "cost"]
        let wide = QueryResult(columns: columns,
                               rows: [[.string("100428"), .string("Rillenkugellager 6204-2RS C3"), .string("Wälzlager-Vertrieb Roth GmbH"),
                                       .string("Hafenstraße 12"), .string("97424"), .string("Schweinfurt"), .null, .integer(12)]],
                               truncated: false, seconds: 0)
        let text = TablePrinter(style: TerminalStyle(colour: false, width: 40)).render(wide)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(String(try #require(lines.first)) == "-[ row 1 ]" + String(repeating: "-", count: 30))
        #expect(lines.contains("p.number      100428"))
        #expect(lines.contains("p.descripti…  Rillenkugellager 6204-2RS…"))
        #expect(lines.contains("s.country     null"))
        #expect(lines.count == 1 + columns.count)
        // Without a width (a pipe, :output) the table stays a table with the full values.
        #expect(TablePrinter(style: .plain).render(wide).hasPrefix("p.number  p.description"))
    }

    @Test func colourOnlyWhenAsked() {
        let plain = TablePrinter(style: .plain).render(result)
        #expect(!plain.contains("\u{1B}["))
        let coloured = TablePrinter(style: TerminalStyle(colour: true, width: nil)).render(result)
        #expect(coloured.contains("\u{1B}[1mnumber\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[2mnull\u{1B}[0m"))
    }

    @Test func summaryCountsRowsAndSaysWhenTheLimitCutThem() {
        let printer = TablePrinter(style: .plain)
        #expect(printer.summary(result, timing: true) == "2 rows, 12 ms")
        #expect(printer.summary(result, timing: false) == "2 rows")
        var cut = result
        cut.truncated = true
        cut.rows.removeLast()
        cut.seconds = 2.5
        #expect(printer.summary(cut, timing: true) == "1 row (more exist: raise :max-rows), 2.5 s")
    }

    @Test func lineBreaksInACellStayOnOneLine() {
        #expect(TablePrinter.cellText(.string("a\nb\tc")) == "a↵b c")
    }

    @Test func noColourWhenNOCOLORIsSetOrNotATerminal() {
        // The test's standard output is not a terminal: no colour and no width either way.
        #expect(TerminalStyle.standardOutput(environment: ["NO_COLOR": "1"]).colour == false)
        #expect(TerminalStyle.standardOutput(environment: [:]).width == nil)
    }
}
