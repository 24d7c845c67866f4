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

    /// Whether `value` fits `type` (what `encode` accepts), without building its storage form.
    @inline(__always)
    static func fits(_ value: Value, as type: PropertyType) -> Bool {
        switch (type, value) {
        case (_, .null), (.string, .string), (.integer, .integer), (.float, .float), (.float, .integer),
             (.decimal, .decimal), (.decimal, .integer), (.boolean, .boolean), (.date, .date), (.datetime, .datetime):
            return true
        case (.enumeration(let allowed), .string(let s)): return allowed.contains(s)
        default: return false
        }
    }

    /// Appends the storage form of `value` under `type` to `batch` (as `encode` would give it,
    /// without building an intermediate `SQLiteValue`); false when the value does not fit.
    @inline(__always)
    static func append(_ value: Value, as type: PropertyType, to batch: BatchInsert) -> Bool {
        switch (type, value) {
        case (_, .null): batch.appendNull()
        case (.string, .string(let s)): batch.appendText(s)
        case (.integer, .integer(let i)): batch.appendInteger(i)
        case (.float, .float(let d)): batch.appendReal(d)
        case (.float, .integer(let i)): batch.appendReal(Double(i))
        case (.decimal, .decimal(let d)):
            batch.appendText { bytes in
                if d.isNegative { bytes.append(UInt8(ascii: "-")) }
                bytes.append(contentsOf: d.integerDigits.utf8)
                if !d.fractionDigits.isEmpty {
                    bytes.append(UInt8(ascii: "."))
                    bytes.append(contentsOf: d.fractionDigits.utf8)
                }
            }
        case (.boolean, .boolean(let b)): batch.appendInteger(b ? 1 : 0)
        case (.date, .date(let d)) where isPlain(d):
            batch.appendText { bytes in appendDigits(of: d, to: &bytes) }
        case (.enumeration(let allowed), .string(let s)):
            guard allowed.contains(s) else { return false }
            batch.appendText(s)
        default:
            guard let stored = encode(value, as: type) else { return false }
            batch.append(stored)
        }
        return true
    }

    /// A date whose ISO text is exactly `YYYY-MM-DD` (what `LocalDate.description` gives then).
    @inline(__always)
    private static func isPlain(_ d: LocalDate) -> Bool {
        (0...9999).contains(d.year) && (0...99).contains(d.month) && (0...99).contains(d.day)
    }

    @inline(__always)
    private static func appendDigits(of d: LocalDate, to bytes: inout [UInt8]) {
        func digits(_ n: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = n
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(d.year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(d.month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(d.day, 2)
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
