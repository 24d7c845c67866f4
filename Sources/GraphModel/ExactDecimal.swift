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
        var copy = text
        guard let parsed = copy.withUTF8({ ExactDecimal.parse($0) }) else { return nil }
        (isNegative, integerDigits, fractionDigits) = parsed
    }

    /// The byte-level parser behind `init?(_:)`: one pass, no Character work.
    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> (Bool, String, String)? {
        var i = 0
        var negative = false
        if i < b.count, b[i] == 0x2D || b[i] == 0x2B {
            negative = b[i] == 0x2D
            i += 1
        }
        let intStart = i
        while i < b.count, b[i] &- 0x30 < 10 { i += 1 }
        let intEnd = i
        var fracStart = i, fracEnd = i
        if i < b.count, b[i] == 0x2E {
            i += 1
            fracStart = i
            while i < b.count, b[i] &- 0x30 < 10 { i += 1 }
            fracEnd = i
        }
        guard i == b.count, intEnd > intStart || fracEnd > fracStart else { return nil }
        var z = intStart
        while z < intEnd, b[z] == 0x30 { z += 1 }
        let integer = z == intEnd ? "0" : String(decoding: UnsafeBufferPointer(rebasing: b[z..<intEnd]), as: UTF8.self)
        let fraction = String(decoding: UnsafeBufferPointer(rebasing: b[fracStart..<fracEnd]), as: UTF8.self)
        let isZero = z == intEnd && !b[fracStart..<fracEnd].contains { $0 != 0x30 }
        return (negative && !isZero, integer, fraction)
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
