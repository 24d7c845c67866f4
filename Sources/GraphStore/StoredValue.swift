import GraphModel
import SQLiteDB

extension PropertyType {
    /// The STRICT column type holding this property (see `PropertyType`'s storage forms).
    var columnType: String {
        switch self {
        case .integer, .boolean: "INTEGER"
        case .float: "REAL"
        case .string, .decimal, .date, .datetime, .enumeration: "TEXT"
        }
    }
}

/// Conversions between GraphModel's typed `Value` and SQLite storage, one canonical form per
/// property type: decimal as its exact digits, boolean as 0/1, dates as ISO text.
enum StoredValue {
    /// The storage form of `value` under `type`, or nil when the value does not fit the type
    /// (an integer is accepted for float and decimal properties).
    static func encode(_ value: Value, as type: PropertyType) -> SQLiteValue? {
        switch (type, value) {
        case (_, .null): return .null
        case (.string, .string(let s)): return .text(s)
        case (.integer, .integer(let i)): return .integer(i)
        case (.float, .float(let d)): return .real(d)
        case (.float, .integer(let i)): return .real(Double(i))
        case (.decimal, .decimal(let d)): return .text(d.description)
        case (.decimal, .integer(let i)): return .text(String(i))
        case (.boolean, .boolean(let b)): return .integer(b ? 1 : 0)
        case (.date, .date(let d)): return .text(d.description)
        case (.datetime, .datetime(let d)): return .text(d.description)
        case (.enumeration(let allowed), .string(let s)): return allowed.contains(s) ? .text(s) : nil
        default: return nil
        }
    }

    /// Binds `value` as `type`, or throws a message naming the property and what was wrong.
    @inline(__always)
    static func bind(_ value: Value, as type: PropertyType, to statement: Statement, at index: Int,
                     owner: String, property: String) throws {
        switch (type, value) {
        case (_, .null): try statement.bindNull(at: index)
        case (.string, .string(let s)): try statement.bind(s, at: index)
        case (.integer, .integer(let i)): try statement.bind(i, at: index)
        default:
            guard let stored = encode(value, as: type) else {
                throw invalid(value, as: type, owner: owner, property: property)
            }
            try statement.bind(stored, at: index)
        }
    }

    static func invalid(_ value: Value, as type: PropertyType, owner: String, property: String) -> StoreError {
        if case .enumeration(let allowed) = type, case .string(let s) = value {
            return StoreError(.invalidValue,
                "\(owner).\(property): '\(s)' is not one of the declared values \(allowed.joined(separator: ", "))")
        }
        return StoreError(.invalidValue,
            "\(owner).\(property) is declared \(type) but the record gives \(value.typeName ?? "null") '\(value)'")
    }

    /// Reads a stored value back into its typed form.
    static func decode(_ stored: SQLiteValue, as type: PropertyType) -> Value {
        switch (type, stored) {
        case (_, .null): return .null
        case (.integer, .integer(let i)): return .integer(i)
        case (.float, .real(let d)): return .float(d)
        case (.float, .integer(let i)): return .float(Double(i))
        case (.boolean, .integer(let i)): return .boolean(i != 0)
        case (.decimal, .text(let s)): return ExactDecimal(s).map(Value.decimal) ?? .string(s)
        case (.date, .text(let s)): return LocalDate(iso: s).map(Value.date) ?? .string(s)
        case (.datetime, .text(let s)): return LocalDateTime(iso: s).map(Value.datetime) ?? .string(s)
        default: return untyped(stored)
        }
    }

    /// A stored value without a declared type: integers, floats and text as they are.
    static func untyped(_ stored: SQLiteValue) -> Value {
        switch stored {
        case .null: .null
        case .integer(let i): .integer(i)
        case .real(let d): .float(d)
        case .text(let s): .string(s)
        case .blob(let d): .string(d.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
        }
    }

    /// A query argument in storage form, without a declared type.
    static func argument(_ value: Value) -> SQLiteValue {
        switch value {
        case .null: .null
        case .string(let s): .text(s)
        case .integer(let i): .integer(i)
        case .float(let d): .real(d)
        case .decimal(let d): .text(d.description)
        case .boolean(let b): .integer(b ? 1 : 0)
        case .date(let d): .text(d.description)
        case .datetime(let d): .text(d.description)
        }
    }

    /// Whether a merged-in value agrees with the stored one (decimals compare numerically,
    /// so `1.50` agrees with `1.5`).
    static func agrees(_ stored: Value, _ incoming: Value) -> Bool {
        if stored == incoming { return true }
        if case .decimal(let a) = stored, case .decimal(let b) = incoming { return a.numericallyEquals(b) }
        if case .float(let a) = stored, case .integer(let b) = incoming { return a == Double(b) }
        if case .decimal(let a) = stored, case .integer(let b) = incoming {
            return ExactDecimal(String(b)).map(a.numericallyEquals) ?? false
        }
        return false
    }
}
