import GraphModel
@testable import Mapping
import Testing

@Suite struct ConversionTests {
    func dec(_ s: String) throws -> Value { .decimal(try #require(ExactDecimal(s))) }
    func date(_ y: Int, _ m: Int, _ d: Int) throws -> Value { .date(try #require(LocalDate(year: y, month: m, day: d))) }

    @Test func stringIsTheDefault() throws {
        #expect(try Harness.value("C", " 0010 ").value == .string(" 0010 "))
        #expect(try Harness.value("C", nil).value == .null)
    }

    @Test func integers() throws {
        #expect(try Harness.value("{ column: C, type: integer }", "0010").value == .integer(10))
        #expect(try Harness.value("{ column: C, type: integer }", "-42").value == .integer(-42))
        #expect(try Harness.value("{ column: C, type: integer }", "+7").value == .integer(7))
        #expect(try Harness.value("{ column: C, type: integer }", "  15 ").value == .integer(15))
        #expect(try Harness.value("{ column: C, type: integer }", "15-").value == .integer(-15))
        #expect(try Harness.value("{ column: C, type: integer }", "").value == .null)
        #expect(try Harness.value("{ column: C, type: integer }", "9223372036854775807").value == .integer(.max))
        #expect(try Harness.value("{ column: C, type: integer, decimal-comma: true }", "1.234").value == .integer(1234))
    }

    @Test func integerRejects() throws {
        #expect(try Harness.value("{ column: C, type: integer }", "1.5").reason == "column C: '1.5' is not an integer")
        #expect(try Harness.value("{ column: C, type: integer }", "12a").reason == "column C: '12a' is not an integer")
        #expect(try Harness.value("{ column: C, type: integer }", "9223372036854775808").reason
                == "column C: '9223372036854775808' is not an integer")
        #expect(try Harness.value("{ column: C, type: integer }", "-").reason == "column C: '-' is not an integer")
    }

    @Test func decimalsKeepTheirDigits() throws {
        #expect(try Harness.value("{ column: C, type: decimal }", "0.125").value == dec("0.125"))
        #expect(try Harness.value("{ column: C, type: decimal }", "1.50").value == dec("1.50"))
        #expect(try Harness.value("{ column: C, type: decimal }", "12.5-").value == dec("-12.5"))
        #expect(try Harness.value("{ column: C, type: decimal }", "-0.5").value == dec("-0.5"))
        #expect(try Harness.value("{ column: C, type: decimal }", "+1.5").value == dec("1.5"))
        #expect(try Harness.value("{ column: C, type: decimal }", " 7 ").value == dec("7"))
        #expect(try Harness.value("{ column: C, type: decimal }", "   ").value == .null)
        #expect(try Harness.value("{ column: C, type: decimal, decimal-comma: true }", "1.234.567,89").value == dec("1234567.89"))
        #expect(try Harness.value("{ column: C, type: decimal }", "2,5", extra: "source: { decimal-comma: true }").value == dec("2.5"))
        // An expression may turn the source's decimal comma off.
        #expect(try Harness.value("{ column: C, type: decimal, decimal-comma: false }", "2.5",
                                  extra: "source: { decimal-comma: true }").value == dec("2.5"))
    }

    @Test func decimalRejectMessage() throws {
        let r = try Harness.value("{ column: C, type: decimal }", "12,5x", extra: "source: { decimal-comma: true }")
        #expect(r.reason == "column C: '12,5x' is not a decimal")
        let m = try Harness.mapping("""
            source: { decimal-comma: true }
            nodes:
              - label: Line
                key: [id]
                properties:
                  id: ID
                  quantity: { column: MENGE, type: decimal }
            """, path: "mappings/sap/stpo.yaml")
        let outcome = try Harness.map(m, ["ID": "1", "MENGE": "12,5x"])
        let reject = try #require(outcome.reject)
        #expect(reject.reason == "column MENGE: '12,5x' is not a decimal")
        #expect(reject.location == Harness.fieldLocation(1))
        #expect(reject.rule == "mappings/sap/stpo.yaml nodes[0] Line")
        #expect(reject.rawText == "")
        #expect(try Harness.value("{ column: C, type: decimal }", "1,5").reason == "column C: '1,5' is not a decimal")
    }

    @Test func floats() throws {
        #expect(try Harness.value("{ column: C, type: float }", "2.5e3").value == .float(2500))
        #expect(try Harness.value("{ column: C, type: float, decimal-comma: true }", "0,25").value == .float(0.25))
        #expect(try Harness.value("{ column: C, type: float }", "nan").reason == "column C: 'nan' is not a float")
        #expect(try Harness.value("{ column: C, type: float }", "0x10").reason == "column C: '0x10' is not a float")
    }

    @Test func booleansIncludingSAPFlags() throws {
        for (text, expected) in [("X", true), ("x", true), ("true", true), ("Yes", true), ("1", true), ("y", true),
                                 ("", false), ("false", false), ("NO", false), ("0", false), ("n", false)] {
            #expect(try Harness.value("{ column: C, type: boolean }", text).value == .boolean(expected), "\(text)")
        }
        #expect(try Harness.value("{ column: C, type: boolean }", nil).value == .null)
        #expect(try Harness.value("{ column: C, type: boolean }", "maybe").reason
                == "column C: 'maybe' is not a boolean (true: true/1/yes/y/x; false: false/0/no/n/'')")
        let custom = "{ column: C, type: boolean, true-values: [J, ja], false-values: [N, nein] }"
        #expect(try Harness.value(custom, "JA").value == .boolean(true))
        #expect(try Harness.value(custom, "n").value == .boolean(false))
        #expect(try Harness.value(custom, "X").reason == "column C: 'X' is not a boolean (true: j/ja; false: n/nein)")
    }

    @Test func datesWithFormats() throws {
        #expect(try Harness.value("{ column: C, type: date }", "2025-02-28").value == date(2025, 2, 28))
        #expect(try Harness.value("{ column: C, type: date, format: yyyyMMdd }", "20240229").value == date(2024, 2, 29))
        #expect(try Harness.value("{ column: C, type: date, format: [yyyyMMdd, dd.MM.yyyy] }", "31.01.2025").value
                == date(2025, 1, 31))
        #expect(try Harness.value("{ column: C, type: date, format: yyyyMMdd, null-values: [\"00000000\"] }", "00000000").value
                == .null)
    }

    @Test func dateRejectMessages() throws {
        let m = try Harness.mapping("""
            nodes:
              - label: Line
                key: [id]
                properties:
                  id: ID
                  validFrom: { column: DATUV, type: date, format: yyyyMMdd }
            """)
        let r = try #require(try Harness.map(m, ["ID": "1", "DATUV": "20251340"]).reject)
        #expect(r.reason == "column DATUV: '20251340' is not a date in format yyyyMMdd")
        #expect(try Harness.value("{ column: C, type: date }", "2023-02-29").reason
                == "column C: '2023-02-29' is not a date in format yyyy-MM-dd")
        #expect(try Harness.value("{ column: C, type: date, format: [yyyyMMdd, dd.MM.yyyy] }", "1.1.2025").reason
                == "column C: '1.1.2025' is not a date in format yyyyMMdd or dd.MM.yyyy")
    }

    @Test func datetimes() throws {
        let day = try #require(LocalDate(year: 2025, month: 3, day: 4))
        let noon = try #require(LocalDateTime(date: day, hour: 12, minute: 5, second: 9))
        #expect(try Harness.value("{ column: C, type: datetime }", "2025-03-04T12:05:09").value == .datetime(noon))
        #expect(try Harness.value("{ column: C, type: datetime }", "2025-03-04 12:05:09").value == .datetime(noon))
        let withFraction = try #require(LocalDateTime(date: day, hour: 12, minute: 5, second: 9, microsecond: 250_000))
        #expect(try Harness.value("{ column: C, type: datetime }", "2025-03-04T12:05:09.250").value == .datetime(withFraction))
        let noSeconds = try #require(LocalDateTime(date: day, hour: 12, minute: 5, second: 0))
        #expect(try Harness.value("{ column: C, type: datetime }", "2025-03-04T12:05").value == .datetime(noSeconds))
        #expect(try Harness.value("{ column: C, type: datetime, format: [yyyyMMddHHmmss, iso] }", "2025-03-04T12:05:09").value
                == .datetime(noon))
        #expect(try Harness.value("{ column: C, type: datetime, format: yyyyMMddHHmmss }", "20250304120509").value == .datetime(noon))
        let midnight = try #require(LocalDateTime(date: day, hour: 0, minute: 0, second: 0))
        #expect(try Harness.value("{ column: C, type: datetime, format: dd.MM.yyyy }", "04.03.2025").value == .datetime(midnight))
        #expect(try Harness.value("{ column: C, type: datetime, format: yyyyMMddHHmmss }", "20250304250000").reason
                == "column C: '20250304250000' is not a datetime in format yyyyMMddHHmmss")
    }

    @Test func enumerations() throws {
        let e = "{ column: C, type: { enum: [FERT, HALB, ROH] } }"
        #expect(try Harness.value(e, "ROH").value == .string("ROH"))
        #expect(try Harness.value(e, "").value == .null)
        #expect(try Harness.value(e, "roh").reason == "column C: 'roh' is not one of FERT, HALB, ROH")
        #expect(try Harness.value("{ column: C, type: { enum: [FERT, HALB] }, transforms: [upper] }", "fert").value == .string("FERT"))
    }

    @Test func rejectShowsTheTextAfterTransforms() throws {
        let r = try Harness.value("{ column: C, type: integer, transforms: [strip-leading-zeros, { replace: { from: O, to: Q } }] }", "00O1")
        #expect(r.reason == "column C: '00O1' (after transforms: 'Q1') is not an integer")
    }

    @Test func nullValuesDefaultAndRequired() throws {
        #expect(try Harness.value("{ column: C, null-values: [\"#\", n/a] }", "n/a").value == .null)
        #expect(try Harness.value("{ column: C, null-values: [\"0\"], transforms: [strip-leading-zeros] }", "000").value == .null)
        #expect(try Harness.value("{ column: C, default: open }", nil).value == .string("open"))
        #expect(try Harness.value("{ column: C, type: integer, default: 1 }", "").value == .integer(1))
        #expect(try Harness.value("{ column: C, type: date, format: yyyyMMdd, default: 9999-12-31 }", nil).value
                == date(9999, 12, 31))
        #expect(try Harness.value("{ column: C, required: true }", nil).reason == "column C: no value, but Thing.v is required")
        #expect(try Harness.value("{ column: C, required: true, default: x }", nil).value == .string("x"))
    }

    @Test func constantsAndConcat() throws {
        #expect(try Harness.value("{ value: SAP }", "ignored").value == .string("SAP"))
        #expect(try Harness.value("{ value: \"0010\", type: integer }", nil).value == .integer(10))
        #expect(try Harness.value("{ value: \"1.5\", type: decimal }", nil, extra: "source: { decimal-comma: true }").value == dec("1.5"))
        #expect(try Harness.value("{ concat: [{ column: ID }, \"-\", { column: C, transforms: [upper] }] }", "ab").value
                == .string("1-AB"))
        // A null part makes the whole concat null, unless the part has a default.
        #expect(try Harness.value("{ concat: [{ column: ID }, \"-\", { column: C }] }", nil).value == .null)
        #expect(try Harness.value("{ concat: [{ column: ID }, \"-\", { column: C, default: \"\" }] }", nil).value == .string("1-"))
        #expect(try Harness.value("{ concat: [{ column: ID }, \"/\", { column: C, type: integer }], required: true }", "x").reason
                == "column C: 'x' is not an integer")
    }
}
