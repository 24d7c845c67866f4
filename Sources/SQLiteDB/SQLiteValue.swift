import Foundation

/// A value in one of SQLite's storage classes, as bound to a parameter or read from a column.
/// GraphStore converts GraphModel's typed `Value` to and from this form.
public enum SQLiteValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let i): String(i)
        case .real(let d): String(d)
        case .text(let s): s
        case .blob(let d): "x'" + d.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }
}

/// The storage class of a column value in the current row (`sqlite3_column_type`).
public enum SQLiteColumnType: Sendable, Hashable {
    case integer, real, text, blob, null
}
