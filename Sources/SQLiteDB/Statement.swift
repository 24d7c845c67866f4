import CSQLite
import Foundation

/// `SQLITE_TRANSIENT`: SQLite copies bound text and blobs before the bind call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared SQL statement. Parameters are bound by 1-based index, `step()` advances to the
/// next row, and the typed column readers read the current row (0-based columns, as SQLite).
/// The statement is finalized when the object goes away.
///
///     let insert = try db.prepare("INSERT INTO part(number, weight) VALUES (?, ?)")
///     try insert.bind("4711", at: 1)
///     try insert.bind(12.5, at: 2)
///     try insert.execute()
public final class Statement {
    let handle: OpaquePointer
    /// The SQL text the statement was prepared from.
    public let sql: String

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    private var connection: OpaquePointer? { sqlite3_db_handle(handle) }

    private func check(_ code: Int32) throws {
        if code != SQLITE_OK { throw SQLiteError.from(code: code, connection: connection, sql: sql) }
    }

    /// How many `?` parameters the statement has.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// True when the statement does not write (a SELECT or a read-only PRAGMA).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    // MARK: - Binding

    public func bind(_ value: Int64, at index: Int) throws {
        try check(sqlite3_bind_int64(handle, Int32(index), value))
    }

    public func bind(_ value: Int, at index: Int) throws {
        try check(sqlite3_bind_int64(handle, Int32(index), Int64(value)))
    }

    public func bind(_ value: Double, at index: Int) throws {
        try check(sqlite3_bind_double(handle, Int32(index), value))
    }

    public func bind(_ value: String, at index: Int) throws {
        if let code = value.utf8.withContiguousStorageIfAvailable({ bindText($0, at: index, destructor: transient) }) {
            try check(code)
            return
        }
        var text = value
        try check(text.withUTF8 { bindText($0, at: index, destructor: transient) })
    }

    /// Binds UTF-8 text WITHOUT copying it (`SQLITE_STATIC`): SQLite reads `bytes` when the
    /// statement runs, so they must stay valid and unchanged until the statement has stepped
    /// and the parameter is bound again or the bindings cleared. For buffers the caller owns
    /// across the bind and the step (a batch writer's byte arena); everything else binds
    /// `String`, which SQLite copies.
    public func bind(unsafeUTF8 bytes: UnsafeBufferPointer<UInt8>, at index: Int) throws {
        try check(bindText(bytes, at: index, destructor: nil))
    }

    @inline(__always)
    private func bindText(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, destructor: sqlite3_destructor_type?) -> Int32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            // A null pointer would bind NULL; the empty text is not NULL.
            return sqlite3_bind_text(handle, Int32(index), "", 0, transient)
        }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            sqlite3_bind_text(handle, Int32(index), $0, Int32(bytes.count), destructor)
        }
    }

    public func bind(_ value: Data, at index: Int) throws {
        let code = value.withUnsafeBytes { bytes -> Int32 in
            guard let base = bytes.baseAddress, bytes.count > 0 else {
                return sqlite3_bind_zeroblob(handle, Int32(index), 0)
            }
            return sqlite3_bind_blob(handle, Int32(index), base, Int32(bytes.count), transient)
        }
        try check(code)
    }

    public func bindNull(at index: Int) throws {
        try check(sqlite3_bind_null(handle, Int32(index)))
    }

    /// Binds an optional string: nil becomes NULL.
    public func bind(_ value: String?, at index: Int) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds an optional integer: nil becomes NULL.
    public func bind(_ value: Int64?, at index: Int) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    public func bind(_ value: SQLiteValue, at index: Int) throws {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let i): try bind(i, at: index)
        case .real(let d): try bind(d, at: index)
        case .text(let s): try bind(s, at: index)
        case .blob(let d): try bind(d, at: index)
        }
    }

    /// Binds `values` to parameters 1, 2, ...; the count must match the statement's parameters.
    public func bind(_ values: [SQLiteValue]) throws {
        guard values.count == parameterCount else {
            throw SQLiteError(resultCode: .range,
                              message: "the statement has \(parameterCount) parameters but \(values.count) values were given",
                              sql: sql)
        }
        for (offset, value) in values.enumerated() { try bind(value, at: offset + 1) }
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() { sqlite3_clear_bindings(handle) }

    // MARK: - Running

    /// Runs the statement to its next row: true when a row is ready to read, false when done.
    /// On error the statement is reset so it can be run again, and the error carries the SQL.
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError.from(code: code, connection: connection, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Steps until done (ignoring rows), then resets so the statement can be bound and run again.
    public func execute() throws {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Rewinds the statement; bindings are kept.
    public func reset() { sqlite3_reset(handle) }

    // MARK: - Reading the current row

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    public func columnName(_ index: Int) -> String {
        guard let name = sqlite3_column_name(handle, Int32(index)) else { return "" }
        return String(cString: name)
    }

    /// The names of all result columns.
    public var columnNames: [String] { (0..<columnCount).map(columnName) }

    public func columnType(_ index: Int) -> SQLiteColumnType {
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_INTEGER: .integer
        case SQLITE_FLOAT: .real
        case SQLITE_TEXT: .text
        case SQLITE_BLOB: .blob
        default: .null
        }
    }

    public func isNull(_ index: Int) -> Bool { sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL }

    /// The column as an integer (SQLite's conversion rules apply; NULL reads as 0).
    public func int64(_ index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }

    /// The column as a double (NULL reads as 0).
    public func double(_ index: Int) -> Double { sqlite3_column_double(handle, Int32(index)) }

    /// The column as text, or nil when NULL.
    public func string(_ index: Int) -> String? {
        guard let text = sqlite3_column_text(handle, Int32(index)) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, Int32(index)))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The column as bytes, or nil when NULL.
    public func data(_ index: Int) -> Data? {
        if isNull(index) { return nil }
        let count = Int(sqlite3_column_bytes(handle, Int32(index)))
        guard let bytes = sqlite3_column_blob(handle, Int32(index)), count > 0 else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    /// The column in its storage class.
    public func value(_ index: Int) -> SQLiteValue {
        switch columnType(index) {
        case .null: .null
        case .integer: .integer(int64(index))
        case .real: .real(double(index))
        case .text: .text(string(index) ?? "")
        case .blob: .blob(data(index) ?? Data())
        }
    }

    /// All columns of the current row.
    public func row() -> [SQLiteValue] { (0..<columnCount).map(value) }
}
