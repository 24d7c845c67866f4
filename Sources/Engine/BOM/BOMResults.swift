import Foundation
import GraphModel

/// One component of an explosion, summed over every path from the exploded part.
///
/// `quantity` is per one exploded part: quantities multiply down each path and add up over
/// all paths (bearing 6204 twice under the shaft and once in the hydraulics: 3). `level` is the
/// shallowest level it appears at (1 = direct component) and `deepestLevel` the deepest (MRP's
/// low-level code relative to the exploded part); they differ for shared sub-assemblies.
public struct BOMComponent: Hashable, Sendable {
    public var component: String
    public var quantity: Decimal
    public var level: Int
    public var deepestLevel: Int

    public init(component: String, quantity: Decimal, level: Int, deepestLevel: Int) {
        self.component = component
        self.quantity = quantity
        self.level = level
        self.deepestLevel = deepestLevel
    }
}

/// One assembly a part goes into (directly or through sub-assemblies), from `whereUsed`.
/// `quantity` is how many of the part one assembly needs (summed over all paths); `level` and
/// `deepestLevel` count BOM levels upward (1 = the part is a direct component).
public struct BOMAssembly: Hashable, Sendable {
    public var assembly: String
    public var quantity: Decimal
    public var level: Int
    public var deepestLevel: Int

    public init(assembly: String, quantity: Decimal, level: Int, deepestLevel: Int) {
        self.assembly = assembly
        self.quantity = quantity
        self.level = level
        self.deepestLevel = deepestLevel
    }
}

/// A part's rolled-up value (`rollup`). `value` is nil when nothing in its structure has a
/// value (or, skipping cycles, when its structure contains one). `isComplete` is false when
/// some part below it (or itself, where its own value counts) has no value: the sum then
/// covers only the parts that have one.
public struct BOMRolledUpValue: Hashable, Sendable {
    public var part: String
    public var value: Decimal?
    public var isComplete: Bool
    /// True when the part is in a cycle or above one (only when skipping cycles).
    public var reachesCycle: Bool

    public init(part: String, value: Decimal?, isComplete: Bool, reachesCycle: Bool = false) {
        self.part = part
        self.value = value
        self.isComplete = isComplete
        self.reachesCycle = reachesCycle
    }
}

/// A BOM cycle: `parts[0]` contains `parts[1]` … contains the last, which contains `parts[0]`.
/// Starts at the part with the smallest key, so the same cycle always reads the same.
public struct BOMCycle: Hashable, Sendable, CustomStringConvertible {
    public var parts: [String]

    public init(parts: [String]) { self.parts = parts }

    /// `100266 → 100267 → 100268 → 100266`
    public var description: String {
        (parts + parts.prefix(1)).joined(separator: " → ")
    }
}

/// A BOM line given in memory (for `BOMStructure(lines:)`): `parent` contains `quantity`
/// of `component`.
public struct BOMLine: Hashable, Sendable {
    public var parent: String
    public var component: String
    public var quantity: Decimal

    public init(parent: String, component: String, quantity: Decimal = 1) {
        self.parent = parent
        self.component = component
        self.quantity = quantity
    }
}

/// Quantities as text and values: exact decimal parsing without locale surprises.
public enum BOMQuantity {
    /// Parses `[-+]digits[.digits]` (storage form of a decimal) exactly; nil otherwise.
    public static func parse(_ text: String) -> Decimal? {
        var significand: UInt64 = 0
        var digits = 0, fraction = 0, negative = false, seenPoint = false, any = false
        for (offset, byte) in text.utf8.enumerated() {
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
                if digits > 19 { return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                if seenPoint { fraction += 1 }
            default: return nil
            }
        }
        guard any else { return nil }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fraction, significand: Decimal(significand))
    }

    /// A stored value (integer, float, decimal text) as a quantity; nil for null or non-numbers.
    static func decimal(_ value: Value) -> Decimal? {
        switch value {
        case .integer(let i): Decimal(i)
        case .float(let d): Decimal(string: String(d), locale: Locale(identifier: "en_US_POSIX"))
        case .string(let s): parse(s)
        case .decimal(let d): parse(d.description)
        default: nil
        }
    }

    /// A quantity as a query value: `.decimal` with exact digits.
    public static func value(_ quantity: Decimal) -> Value {
        ExactDecimal(NSDecimalNumber(decimal: quantity).stringValue).map(Value.decimal) ?? .float(NSDecimalNumber(decimal: quantity).doubleValue)
    }
}
