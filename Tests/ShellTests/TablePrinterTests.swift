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
        // Too narrow for even the minimum: every column keeps at most the minimum width.
        #expect(TablePrinter.fit([10, 10, 10, 10], into: 8) == [4, 4, 4, 4])
        #expect(TablePrinter.cut("Kreiselpumpe", to: 6) == "Kreis…")
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
