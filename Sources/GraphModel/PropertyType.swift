import Foundation

/// The type of a node or edge property, as declared in a mapping and stored in the catalog.
///
/// Each type has one canonical storage form in SQLite (see GraphStore's DDL):
/// `string` TEXT, `integer` INTEGER, `float` REAL, `decimal` TEXT holding the exact digits,
/// `boolean` INTEGER 0/1, `date` TEXT `YYYY-MM-DD`, `datetime` TEXT `YYYY-MM-DDTHH:MM:SS[.ffffff]`,
/// `enum` TEXT restricted to the declared values.
public enum PropertyType: Hashable, Sendable, CustomStringConvertible {
    case string
    case integer
    case float
    case decimal
    case boolean
    case date
    case datetime
    /// A string restricted to the declared values, in declaration order.
    case enumeration([String])

    /// The type names a mapping may use, for validation messages and did-you-mean.
    public static let names = ["string", "integer", "float", "decimal", "boolean", "date", "datetime", "enum"]

    /// The bare type name: `decimal`, `enum`, ...
    public var name: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .decimal: "decimal"
        case .boolean: "boolean"
        case .date: "date"
        case .datetime: "datetime"
        case .enumeration: "enum"
        }
    }

    /// `decimal`, or `enum(A, B, C)` for enumerations.
    public var description: String {
        if case .enumeration(let values) = self { return "enum(\(values.joined(separator: ", ")))" }
        return name
    }

    /// Parses the catalog's stored form (`description`) back into a type.
    public init?(catalogText text: String) {
        if text.hasPrefix("enum(") && text.hasSuffix(")") {
            let inner = text.dropFirst(5).dropLast()
            self = .enumeration(inner.isEmpty ? [] : inner.components(separatedBy: ", "))
            return
        }
        switch text {
        case "string": self = .string
        case "integer": self = .integer
        case "float": self = .float
        case "decimal": self = .decimal
        case "boolean": self = .boolean
        case "date": self = .date
        case "datetime": self = .datetime
        default: return nil
        }
    }

    /// Whether data stored under `self` can be kept when the declaration changes to `other`
    /// without rewriting it. Only an enum gaining values qualifies; any other change is a type change.
    public func canEvolve(to other: PropertyType) -> Bool {
        if self == other { return true }
        if case .enumeration(let old) = self, case .enumeration(let new) = other {
            return Set(old).isSubset(of: Set(new))
        }
        return false
    }
}
