import Foundation

/// An exact decimal number for BOM arithmetic (quantities, values, their products and sums):
/// `significand × 10^exponent` in an `Int64` while it fits, `Foundation.Decimal` otherwise.
///
/// Foundation's `Decimal` is exact to 38 digits but slow (about 0.6 µs a multiplication and
/// 1 µs an addition, and 3 µs to print); BOM quantities and costs are short decimals
/// (`2.000`, `1.450`, `4939.17`), so nearly every product and sum fits 18 digits. An operation
/// that would overflow the `Int64` (or move the exponent out of ±`exponentLimit`) is done in
/// `Decimal` instead, on the same exact operands, so results equal an all-`Decimal`
/// computation digit for digit.
enum BOMNumber: Sendable {
    /// `significand × 10^exponent`, exact.
    case small(Int64, Int16)
    /// Anything `small` cannot hold.
    case large(Decimal)

    static let zero = BOMNumber.small(0, 0)
    static let one = BOMNumber.small(1, 0)
    /// `small` exponents stay within ±this (well inside `Decimal`'s range).
    static let exponentLimit = 60
    /// 10^0 … 10^18.
    static let powersOfTen: [Int64] = (0...18).map { power in (0..<power).reduce(Int64(1)) { r, _ in r * 10 } }

    /// The number as a `Decimal` (what the public results carry).
    var decimal: Decimal {
        switch self {
        case .small(let significand, let exponent):
            Decimal(sign: significand < 0 ? .minus : .plus, exponent: Int(exponent),
                    significand: Decimal(significand.magnitude))
        case .large(let value):
            value
        }
    }

    /// A `Decimal` as a number: `small` when its digits fit an `Int64`.
    init(_ value: Decimal) {
        let exponent = value.exponent
        if !value.isNaN, abs(exponent) <= Self.exponentLimit {
            let significand = value.significand
            let magnitude = NSDecimalNumber(decimal: significand).int64Value
            if magnitude >= 0, Decimal(magnitude) == significand {
                self = .small(value.sign == .minus ? -magnitude : magnitude, Int16(exponent))
                return
            }
        }
        self = .large(value)
    }

    static func * (a: BOMNumber, b: BOMNumber) -> BOMNumber {
        if case .small(let x, let e) = a, case .small(let y, let f) = b {
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            let exponent = Int(e) + Int(f)
            if !overflow, abs(exponent) <= exponentLimit {
                return .small(product, Int16(exponent))
            }
        }
        return .large(a.decimal * b.decimal)
    }

    static func + (a: BOMNumber, b: BOMNumber) -> BOMNumber {
        if case .small(let x, let e) = a, case .small(let y, let f) = b {
            if e == f {
                let (sum, overflow) = x.addingReportingOverflow(y)
                if !overflow { return .small(sum, e) }
            } else if x == 0 {
                return b
            } else if y == 0 {
                return a
            } else {
                // Scale the one with the larger exponent down to the other's exponent.
                let (high, highExponent, low, lowExponent) = e > f ? (x, e, y, f) : (y, f, x, e)
                let shift = Int(highExponent) - Int(lowExponent)
                if shift <= 18 {
                    let (scaled, overflow) = high.multipliedReportingOverflow(by: powersOfTen[shift])
                    if !overflow {
                        let (sum, overflow) = scaled.addingReportingOverflow(low)
                        if !overflow { return .small(sum, lowExponent) }
                    }
                }
            }
        }
        return .large(a.decimal + b.decimal)
    }

    static func += (a: inout BOMNumber, b: BOMNumber) { a = a + b }

    // MARK: - Text

    /// Parses the storage form of a decimal, `[-+]digits[.digits]`, exactly; nil when the text
    /// is not one. Up to 18 significant digits stay `small`; longer ones go through `Decimal`.
    init?(text: String) {
        var copy = text
        if let parsed = copy.withUTF8({ BOMNumber.parse($0) }) {
            self = parsed
            return
        }
        return nil
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> BOMNumber? {
        var significand: Int64 = 0
        var digits = 0, fraction = 0, negative = false, seenPoint = false, any = false, tooLong = false
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0: negative = true
            case UInt8(ascii: "+") where offset == 0: break
            case UInt8(ascii: "."):
                if seenPoint { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                any = true
                if significand == 0 && byte == UInt8(ascii: "0") {
                    if seenPoint { fraction += 1 }
                    continue
                }
                digits += 1
                if digits > 18 { tooLong = true; continue }
                significand = significand * 10 + Int64(byte - UInt8(ascii: "0"))
                if seenPoint { fraction += 1 }
            default: return nil
            }
        }
        guard any else { return nil }
        if tooLong || fraction > exponentLimit {
            let text = String(decoding: bytes, as: UTF8.self)
            return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")).map(BOMNumber.large)
        }
        var exponent = -fraction
        while significand != 0, significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        return .small(negative ? -significand : significand, Int16(exponent))
    }

    /// The plain decimal text, as `NSDecimalNumber.stringValue` writes it: no exponent, no
    /// trailing fraction zeros, `0` for zero (`4.6458`, `500`, `-0.00005`).
    var text: String {
        guard case .small(var significand, let storedExponent) = self else {
            if case .large(let value) = self { return NSDecimalNumber(decimal: value).stringValue }
            return "0"
        }
        if significand == 0 { return "0" }
        var exponent = Int(storedExponent)
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        let digits = String(significand.magnitude)
        let sign = significand < 0 ? "-" : ""
        if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
        let fraction = -exponent
        if digits.utf8.count > fraction {
            let point = digits.utf8.index(digits.utf8.startIndex, offsetBy: digits.utf8.count - fraction)
            return sign + digits[..<point] + "." + digits[point...]
        }
        return sign + "0." + String(repeating: "0", count: fraction - digits.utf8.count) + digits
    }
}
