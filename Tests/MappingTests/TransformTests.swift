import GraphModel
@testable import Mapping
import Testing

@Suite struct TransformTests {
    func text(_ transforms: String, _ input: String?, extra: String = "") throws -> Value? {
        try Harness.value("{ column: C, transforms: \(transforms) }", input, extra: extra).value
    }

    @Test func trimUpperLower() throws {
        #expect(try text("[trim]", "  ab c \t") == .string("ab c"))
        #expect(try text("[upper]", "kg") == .string("KG"))
        #expect(try text("[upper]", "straße") == .string("STRASSE"))
        #expect(try text("[lower]", "EA") == .string("ea"))
        #expect(try text("[trim, lower]", " PC ") == .string("pc"))
    }

    @Test func stripLeadingZerosKeepsOneZero() throws {
        #expect(try text("[strip-leading-zeros]", "000000000000004711") == .string("4711"))
        #expect(try text("[strip-leading-zeros]", "0000") == .string("0"))
        #expect(try text("[strip-leading-zeros]", "0") == .string("0"))
        #expect(try text("[strip-leading-zeros]", "4711") == .string("4711"))
        #expect(try text("[strip-leading-zeros]", "00A-10") == .string("A-10"))
    }

    @Test func padLeadingZeros() throws {
        #expect(try text("[{ pad-leading-zeros: 8 }]", "4711") == .string("00004711"))
        #expect(try text("[{ pad-leading-zeros: 3 }]", "4711") == .string("4711"))
        #expect(try text("[strip-leading-zeros, { pad-leading-zeros: 4 }]", "000012") == .string("0012"))
    }

    @Test func replaceEveryOccurrence() throws {
        #expect(try text("[{ replace: { from: \"-\", to: \"\" } }]", "A-10-20") == .string("A1020"))
        #expect(try text("[{ replace: { from: \" \", to: _ } }]", "a b c") == .string("a_b_c"))
    }

    @Test func regexTakesFirstGroupOrWholeMatch() throws {
        #expect(try text(#"[{ regex: "^PRJ-(\\d+)" }]"#, "PRJ-0042-A") == .string("0042"))
        #expect(try text(#"[{ regex: "[0-9]+" }]"#, "Lot 77 of 80") == .string("77"))
        #expect(try text(#"[{ regex: "^PRJ-(\\d+)" }]"#, "X-1") == .null)
    }

    @Test func mapWithNamedAndInlineTables() throws {
        let tables = "tables: { units: { ST: EA, PC: EA, \"-\": ~ } }"
        #expect(try text("[{ map: units }]", "ST", extra: tables) == .string("EA"))
        #expect(try text("[{ map: units }]", "KG", extra: tables) == .string("KG"))
        #expect(try text("[{ map: units, unmatched: null }]", "KG", extra: tables) == .null)
        #expect(try text("[{ map: units }]", "-", extra: tables) == .null)
        #expect(try text("[{ map: { Y: true, N: false } }]", "Y") == .string("true"))
    }

    @Test func mapUnmatchedRejectNamesTheTable() throws {
        let tables = "tables: { units: { ST: EA } }"
        let r = try Harness.value("{ column: C, transforms: [{ map: units, unmatched: reject }] }", "KGX", extra: tables)
        #expect(r.reason == "column C: 'KGX' is not in table units")
        let inline = try Harness.value("{ column: C, transforms: [{ map: { A: B }, unmatched: reject }] }", "Z")
        #expect(inline.reason == "column C: 'Z' is not in table inline map")
    }

    @Test func mapResultFeedsTheType() throws {
        let v = try Harness.value("{ column: C, type: boolean, transforms: [{ map: { J: yes, N: no } }] }", "J")
        #expect(v.value == .boolean(true))
    }

    @Test func decimalCommaTransformRewritesText() throws {
        #expect(try text("[decimal-comma]", "1.234,50") == .string("1234.50"))
        #expect(try text("[decimal-comma]", "12,5-") == .string("-12.5"))
        #expect(try text("[decimal-comma]", "n/a") == .string("n/a"))
        // The transform already rewrote the text, so a source decimal-comma is not applied again.
        let v = try Harness.value("{ column: C, type: decimal, transforms: [decimal-comma] }", "1.234,5",
                                  extra: "source: { decimal-comma: true }")
        #expect(v.value == .decimal(try #require(ExactDecimal("1234.5"))))
    }

    @Test func singleTransformWithoutList() throws {
        #expect(try text("upper", "ab") == .string("AB"))
    }
}
