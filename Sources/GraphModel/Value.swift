/// A typed property value: what a mapping produces and the store persists.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case string(String)
    case integer(Int64)
    case float(Double)
    case decimal(ExactDecimal)
    case boolean(Bool)
    case date(LocalDate)
    case datetime(LocalDateTime)

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The value as a user reads it (and as a key is spelt): `0.125`, `2025-01-31`, `true`.
    public var description: String {
        switch self {
        case .null: "null"
        case .string(let s): s
        case .integer(let i): String(i)
        case .float(let d): Value.render(d)
        case .decimal(let d): d.description
        case .boolean(let b): b ? "true" : "false"
        case .date(let d): d.description
        case .datetime(let d): d.description
        }
    }

    /// The type this value carries, or nil for null.
    public var typeName: String? {
        switch self {
        case .null: nil
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .decimal: "decimal"
        case .boolean: "boolean"
        case .date: "date"
        case .datetime: "datetime"
        }
    }

    /// Renders a double without a trailing `.0` for whole numbers within Int64 range.
    static func render(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + ".0" }
        return String(d)
    }
}

/// The text of a natural key: the key values joined by U+001F (unit separator), which no
/// export uses inside a field. One key value is its own text, so `Part` keyed by `number`
/// stores `_key = '4711'`.
public enum NodeKey {
    public static let separator: Character = "\u{1F}"

    public static func text(_ values: [Value]) -> String {
        if values.count == 1 { return values[0].description }
        return values.map(\.description).joined(separator: String(separator))
    }

    /// Splits a stored key text back into its parts (as text).
    public static func parts(_ text: String) -> [String] {
        text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }

    /// Key text as shown to a person: parts joined by `/`.
    public static func display(_ text: String) -> String {
        parts(text).joined(separator: "/")
    }
}
