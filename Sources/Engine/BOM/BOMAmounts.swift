import Foundation

/// A column of BOM numbers (the quantities of the lines), 9 bytes a line where the number is
/// `small` (an `Int64` significand and an `Int8` exponent) instead of the 24 of a
/// `BOMNumber?`: a whole BOM has half a million lines, held three times while it loads. A
/// `large` number is kept aside and its position stored in place of the significand; a line
/// without a quantity reads as zero and is counted in `missingCount`.
struct BOMAmounts: Sendable {
    private var significands: [Int64] = []
    private var exponents: [Int8] = []
    private var large: [Decimal] = []
    /// Lines whose quantity was not stored (null).
    private(set) var missingCount = 0

    private static let largeMark = Int8.min
    private static let missingMark = Int8.min + 1

    init() {}

    /// `count` zeros.
    init(zeros count: Int) {
        significands = [Int64](repeating: 0, count: count)
        exponents = [Int8](repeating: 0, count: count)
    }

    var count: Int { significands.count }

    mutating func reserve(_ capacity: Int) {
        significands.reserveCapacity(capacity)
        exponents.reserveCapacity(capacity)
    }

    /// Appends a number, or a missing quantity (nil).
    @inline(__always) mutating func append(_ number: BOMNumber?) {
        switch number {
        case .small(let significand, let exponent)?:
            significands.append(significand)
            exponents.append(Int8(exponent))  // |exponent| ≤ BOMNumber.exponentLimit
        case .large(let value)?:
            significands.append(Int64(large.count))
            exponents.append(Self.largeMark)
            large.append(value)
        case nil:
            significands.append(0)
            exponents.append(Self.missingMark)
            missingCount += 1
        }
    }

    /// The number at `index` (zero where the quantity is missing).
    @inline(__always) subscript(index: Int) -> BOMNumber {
        let exponent = exponents[index]
        if exponent > Self.missingMark { return .small(significands[index], Int16(exponent)) }
        return exponent == Self.largeMark ? .large(large[Int(significands[index])]) : .zero
    }

    /// Whether the quantity at `index` was missing.
    func isMissing(_ index: Int) -> Bool { exponents[index] == Self.missingMark }

    /// Sets `index` (of a column made with `init(zeros:)`) to `other[at]`, missing or not.
    @inline(__always) mutating func copy(_ index: Int, from other: BOMAmounts, at source: Int) {
        let exponent = other.exponents[source]
        if exponent == Self.largeMark {
            significands[index] = Int64(large.count)
            large.append(other.large[Int(other.significands[source])])
        } else {
            significands[index] = other.significands[source]
            if exponent == Self.missingMark { missingCount += 1 }
        }
        exponents[index] = exponent
    }
}
