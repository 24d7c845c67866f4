/// An exact decimal number kept as its digits, so `0.125` and `1234567.89` round-trip digit for
/// digit through the store (SQLite REAL would not). Stored as TEXT in canonical form:
/// optional `-`, integer digits without leading zeros (a single `0` when there are none),
/// and the fraction digits exactly as given (trailing zeros are significant: `1.50` stays `1.50`).
public struct ExactDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let isNegative: Bool
    /// Integer part digits, no leading zeros; `"0"` for zero.
    public let integerDigits: String
    /// Fraction digits, possibly empty.
    public let fractionDigits: String

    /// Parses `[+-]digits[.digits]` or `[+-].digits`. No exponent, no grouping separators
    /// (a mapping's `decimal-comma` turns `1.234,5` into `1234.5` before this is called).
    public init?(_ text: String) {
        var s = Substring(text)
        var negative = false
        if let first = s.first, first == "-" || first == "+" {
            negative = first == "-"
            s = s.dropFirst()
        }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let intPart = parts[0]
        let fracPart = parts.count > 1 ? parts[1] : ""
        if intPart.isEmpty && fracPart.isEmpty { return nil }
        if parts.count > 1 && fracPart.isEmpty && intPart.isEmpty { return nil }
        guard intPart.allSatisfy({ $0.isASCII && $0.isNumber }),
              fracPart.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let trimmed = intPart.drop(while: { $0 == "0" })
        integerDigits = trimmed.isEmpty ? "0" : String(trimmed)
        fractionDigits = String(fracPart)
        let isZero = integerDigits == "0" && fractionDigits.allSatisfy { $0 == "0" }
        isNegative = negative && !isZero
    }

    public var description: String {
        (isNegative ? "-" : "") + integerDigits + (fractionDigits.isEmpty ? "" : "." + fractionDigits)
    }

    /// The nearest Double, for arithmetic where exactness is not needed.
    public var doubleValue: Double { Double(description) ?? .nan }

    public var isZero: Bool { integerDigits == "0" && fractionDigits.allSatisfy { $0 == "0" } }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeLess = compareMagnitude(lhs, rhs) < 0
        let equal = compareMagnitude(lhs, rhs) == 0
        if equal { return false }
        return lhs.isNegative ? !magnitudeLess : magnitudeLess
    }

    /// Numeric equality ignoring trailing fraction zeros (`1.50` equals `1.5` numerically).
    public func numericallyEquals(_ other: ExactDecimal) -> Bool {
        isNegative == other.isNegative && ExactDecimal.compareMagnitude(self, other) == 0
    }

    private static func compareMagnitude(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        if a.integerDigits.count != b.integerDigits.count {
            return a.integerDigits.count < b.integerDigits.count ? -1 : 1
        }
        if a.integerDigits != b.integerDigits { return a.integerDigits < b.integerDigits ? -1 : 1 }
        let width = max(a.fractionDigits.count, b.fractionDigits.count)
        let fa = a.fractionDigits.padding(toLength: width)
        let fb = b.fractionDigits.padding(toLength: width)
        if fa == fb { return 0 }
        return fa < fb ? -1 : 1
    }
}

private extension String {
    func padding(toLength width: Int) -> String {
        count >= width ? self : self + String(repeating: "0", count: width - count)
    }
}
