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
        BOMNumber(text: text)?.decimal
    }

    /// A stored value (integer, float, decimal text) as a quantity; nil for null or non-numbers.
    static func decimal(_ value: Value) -> Decimal? {
        number(value)?.decimal
    }

    /// A stored value as a BOM number; nil for null or non-numbers.
    static func number(_ value: Value) -> BOMNumber? {
        switch value {
        case .integer(let i): .small(i, 0)
        case .float(let d):
            BOMNumber(text: String(d)) ?? Decimal(string: String(d), locale: Locale(identifier: "en_US_POSIX")).map(BOMNumber.init)
        case .string(let s): BOMNumber(text: s)
        case .decimal(let d): BOMNumber(text: d.description)
        default: nil
        }
    }

    /// A quantity as a query value: `.decimal` with exact digits.
    public static func value(_ quantity: Decimal) -> Value {
        let text = BOMNumber(quantity).text
        return ExactDecimal(text).map(Value.decimal) ?? .float(NSDecimalNumber(decimal: quantity).doubleValue)
    }
}
