import Testing
@testable import GraphModel

@Suite struct ExactDecimalTests {
    @Test func roundTripsDigitForDigit() {
        for text in ["0.125", "1234567.89", "-3.50", "0", "42", "1.000000000000000000001"] {
            #expect(ExactDecimal(text)?.description == text)
        }
    }

    @Test func normalisesSignAndLeadingZeros() {
        #expect(ExactDecimal("+007.5")?.description == "7.5")
        #expect(ExactDecimal("-0.0")?.description == "0.0")
        #expect(ExactDecimal(".5")?.description == "0.5")
    }

    @Test func rejectsWhatIsNotADecimal() {
        for text in ["", "-", ".", "12,5", "12,5x", "1e5", "1.2.3", " 1"] {
            #expect(ExactDecimal(text) == nil, "\(text)")
        }
    }

    @Test func ordersNumerically() {
        let values = ["-2", "-1.5", "0", "0.125", "0.13", "9.99", "10"].compactMap(ExactDecimal.init)
        #expect(values == values.sorted())
        #expect(ExactDecimal("1.50")!.numericallyEquals(ExactDecimal("1.5")!))
    }
}

@Suite struct DateTests {
    @Test func validatesCalendar() {
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2023-02-29") == nil)
        #expect(LocalDate(iso: "2025-13-40") == nil)
        #expect(LocalDate(iso: "2025-1-4") == nil)
    }

    @Test func epochDaysRoundTrip() {
        let d = LocalDate(year: 2025, month: 3, day: 1)!
        #expect(d.daysSinceEpoch == 20148)
        #expect(LocalDate(daysSinceEpoch: d.daysSinceEpoch) == d)
        #expect(LocalDate(daysSinceEpoch: 0)?.description == "1970-01-01")
    }

    @Test func dateTimeParsesAndPrints() {
        #expect(LocalDateTime(iso: "2025-01-31T08:05:09")?.description == "2025-01-31T08:05:09")
        #expect(LocalDateTime(iso: "2025-01-31 08:05:09.25")?.description == "2025-01-31T08:05:09.250000")
        #expect(LocalDateTime(iso: "2025-01-31T24:00") == nil)
    }
}

@Suite struct CatalogTests {
    @Test func declaringAgainExtendsAndReportsTypeChanges() {
        var catalog = Catalog()
        _ = catalog.declare(NodeType(label: "Part", key: ["number"], properties: [.init("number", .string)]))
        #expect(catalog.declare(NodeType(label: "Part", key: ["number"], properties: [.init("weight", .decimal)])).isEmpty)
        #expect(catalog.nodeType("Part")?.properties.map(\.name) == ["number", "weight"])
        let conflicts = catalog.declare(NodeType(label: "Part", key: ["number"], properties: [.init("weight", .float)]))
        #expect(conflicts.map(\.description) == ["Part.weight: is decimal but is declared again as float"])
    }

    @Test func enumsUnionTheirValues() {
        var catalog = Catalog()
        _ = catalog.declare(NodeType(label: "Part", key: ["n"], properties: [.init("kind", .enumeration(["FERT"]))]))
        #expect(catalog.declare(NodeType(label: "Part", key: ["n"], properties: [.init("kind", .enumeration(["ROH", "FERT"]))])).isEmpty)
        #expect(catalog.nodeType("Part")?.property("kind")?.type == .enumeration(["FERT", "ROH"]))
        #expect(PropertyType(catalogText: "enum(FERT, ROH)") == .enumeration(["FERT", "ROH"]))
    }

    @Test func nodeKeyTextJoinsParts() {
        #expect(NodeKey.text([.string("1000"), .integer(10)]) == "1000\u{1F}10")
        #expect(NodeKey.display("1000\u{1F}10") == "1000/10")
    }
}
