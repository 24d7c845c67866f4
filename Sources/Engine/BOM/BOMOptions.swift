import Foundation
import GraphModel

/// Which BOM to walk and how: the edge type and property names (from the catalog, never
/// hard-coded to one mapping), the effectivity date, a depth bound and a cancellation check.
///
/// The defaults fit the shipped SAP mappings (`HAS_COMPONENT` Part → Part with `quantity`,
/// `validFrom`, `validTo`); another mapping names its own. Every name is checked against the
/// graph's catalog when the structure loads, and a typo gets a "did you mean".
public struct BOMOptions: Sendable {
    /// The edge type from an assembly to one of its components.
    public var edgeType: String = "HAS_COMPONENT"
    /// The edge property holding the quantity per one parent (integer, float or decimal).
    /// Nil: every line counts once (a structure without quantities). A line whose quantity is
    /// null counts 0 and is counted in `BOMStructure.linesWithoutQuantity`.
    public var quantity: String? = "quantity"
    /// Edge properties (dates) bounding a line's validity; nil means the mapping has none.
    /// Read, and checked against the catalog, only when `asOf` is set.
    public var validFrom: String? = "validFrom"
    public var validTo: String? = "validTo"
    /// The effectivity date: a line counts when `validFrom ≤ asOf ≤ validTo`, a null bound
    /// being open. Nil: no effectivity filter, every line counts (old and new alike), so
    /// callers that want "as of today" (CS11's default) pass today's date.
    public var asOf: LocalDate?
    /// Walks stop after this many levels (1 = the direct components). Nil: no bound.
    public var maxDepth: Int?
    /// The label of the parts the edges connect; nil takes the edge type's endpoint label
    /// (both ends must have it).
    public var label: String?
    /// The node property naming a part in arguments and results; nil uses the natural key
    /// (`_key`, composite keys shown as `a/b`). Its values must be unique.
    public var keyProperty: String?
    /// Polled every `BOMStructure.cancellationInterval` steps; returning true stops the walk
    /// with `BOMError.cancelled` (the REPL's Ctrl-C).
    public var isCancelled: (@Sendable () -> Bool)?

    public init(edgeType: String = "HAS_COMPONENT", quantity: String? = "quantity",
                validFrom: String? = "validFrom", validTo: String? = "validTo",
                asOf: LocalDate? = nil, maxDepth: Int? = nil, label: String? = nil,
                keyProperty: String? = nil, isCancelled: (@Sendable () -> Bool)? = nil) {
        self.edgeType = edgeType
        self.quantity = quantity
        self.validFrom = validFrom
        self.validTo = validTo
        self.asOf = asOf
        self.maxDepth = maxDepth
        self.label = label
        self.keyProperty = keyProperty
        self.isCancelled = isCancelled
    }
}

/// How `rollup` values a part that has both its own value and (valid) components.
public enum BOMRollupRule: Sendable, Hashable {
    /// The components' roll-up replaces the part's own value (a standard cost estimate:
    /// an assembly costs what goes into it). The default.
    case componentsReplaceOwnValue
    /// The part's own value is added to its components' roll-up (own value = the value the
    /// assembly step adds, e.g. labour). A missing own value then counts 0 and makes the
    /// result incomplete.
    case ownValuePlusComponents
}
