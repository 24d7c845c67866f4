import Foundation
import Testing
import GraphModel
@testable import Engine

/// `BOMNumber`, the exact decimal the BOM walks compute with: it must agree with
/// `Foundation.Decimal` digit for digit (values, sums, products, text), also where it falls
/// back to `Decimal` because an `Int64` is too small.
@Suite struct BOMNumberTests {
    static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
    }

    static func stringValue(_ value: Decimal) -> String { NSDecimalNumber(decimal: value).stringValue }

    @Test(arguments: ["0", "0.000", "2.000", "1.450", "-0.120", "0.005", "1500", "+7", ".5", "5.",
                      "4939.17", "123456789012345678", "1234567890123456789", "12345678901234567890.5",
                      "0.000000000000000000000000000001"])
    func parsesExactlyAsDecimalDoes(_ text: String) throws {
        let number = try #require(BOMNumber(text: text))
        #expect(number.decimal == Self.decimal(text), "\(text)")
        #expect(number.text == Self.stringValue(Self.decimal(text)), "\(text)")
    }

    @Test func refusesWhatIsNotADecimal() {
        for text in ["", "-", ".", "1.2.3", "12,5", "1e5", "--1", "1-", " 1"] {
            #expect(BOMNumber(text: text) == nil, "\(text)")
        }
    }

    @Test func textIsWhatNSDecimalNumberWrites() {
        let cases: [(BOMNumber, String)] = [
            (.small(0, -3), "0"), (.small(1450, -3), "1.45"), (.small(5, 2), "500"), (.small(-5, -5), "-0.00005"),
            (.small(46458, -4), "4.6458"), (.small(2_000, -3), "2"), (.small(-120, -3), "-0.12"),
            (.small(Int64.max, -10), "922337203.6854775807"), (.small(Int64.min + 1, 0), "-9223372036854775807"),
        ]
        for (number, text) in cases {
            #expect(number.text == text)
            #expect(Self.stringValue(number.decimal) == text)
        }
    }

    @Test func decimalsComeBackAsTheSameNumber() {
        for text in ["0", "1", "-1", "0.025", "-4.6458", "1099511627776", "9223372036854775807",
                     "9223372036854775808", "-98765432109876543210.123", "1e40", "1e-50"] {
            let value = Self.decimal(text)
            let number = BOMNumber(value)
            #expect(number.decimal == value, "\(text)")
            #expect(number.text == Self.stringValue(value), "\(text)")
        }
        if case .small = BOMNumber(Self.decimal("-4.6458")) {} else { Issue.record("-4.6458 should fit an Int64") }
        if case .large = BOMNumber(Self.decimal("9223372036854775808")) {} else { Issue.record("2^63 does not fit") }
    }

    /// Random short decimals (like BOM quantities and costs), multiplied and summed in long
    /// chains so that some results overflow an `Int64` and fall back: always equal to `Decimal`.
    @Test func sumsAndProductsAgreeWithDecimal() {
        var generator = SplitMix(seed: 42)
        var fellBack = 0
        for _ in 0..<300 {
            var number = BOMNumber.one
            var value = Decimal(1)
            var sum = BOMNumber.zero
            var decimalSum = Decimal(0)
            for _ in 0..<12 {
                let digits = Int64(generator.next() % 100_000) - 20_000
                let exponent = -Int(generator.next() % 5)
                let factor = Decimal(sign: digits < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(digits.magnitude))
                number = number * BOMNumber(factor)
                value = value * factor
                sum += number
                decimalSum += value
                #expect(number.decimal == value)
                #expect(sum.decimal == decimalSum)
                #expect(sum.text == Self.stringValue(decimalSum))
            }
            if case .large = number { fellBack += 1 }
        }
        #expect(fellBack > 0, "the chains should be long enough to overflow an Int64")
    }

    @Test func exponentsFarApartAddThroughDecimal() {
        let big = BOMNumber.small(7, 30), tiny = BOMNumber.small(3, -30)
        #expect((big + tiny).decimal == Self.decimal("7000000000000000000000000000000.000000000000000000000000000003"))
        #expect((BOMNumber.zero + tiny).text == "0.000000000000000000000000000003")
        #expect((BOMNumber.small(1, 59) * .small(1, 5)).decimal == Self.decimal("1e64"))
    }

    @Test func anAmountColumnKeepsSmallLargeAndMissingNumbers() {
        var column = BOMAmounts()
        let big = Self.decimal("98765432109876543210.5")
        column.append(.small(1450, -3))
        column.append(nil)
        column.append(.large(big))
        column.append(.small(-7, 2))
        #expect(column.count == 4 && column.missingCount == 1)
        #expect(column[0].decimal == Self.decimal("1.45") && column[1].decimal == 0 && column.isMissing(1))
        #expect(column[2].decimal == big && column[3].decimal == -700 && !column.isMissing(2))
        var copy = BOMAmounts(zeros: 4)
        for i in 0..<4 { copy.copy(3 - i, from: column, at: i) }
        #expect((0..<4).map { copy[$0].decimal } == [-700, big, 0, Self.decimal("1.45")])
        #expect(copy.missingCount == 1 && copy.isMissing(2))
    }

    @Test func partsAreKeptInKeyOrderWhateverOrderTheyCameIn() throws {
        let bom = try BOMStructure(lines: [
            BOMLine(parent: "z-top", component: "m-middle", quantity: 2),
            BOMLine(parent: "m-middle", component: "a-leaf", quantity: Self.decimal("0.5")),
        ], parts: ["q-loose"])
        #expect(bom.keys == ["a-leaf", "m-middle", "q-loose", "z-top"])
        #expect(bom.indexByKey["m-middle"] == 1 && bom.indexByKey["b"] == nil && bom.indexByKey["zz"] == nil)
        #expect(try bom.explode("z-top") == [
            BOMComponent(component: "m-middle", quantity: 2, level: 1, deepestLevel: 1),
            BOMComponent(component: "a-leaf", quantity: 1, level: 2, deepestLevel: 2),
        ])
        #expect(try bom.whereUsed("a-leaf").map(\.assembly) == ["m-middle", "z-top"])
    }
}

/// A small deterministic random number generator for the tests (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
