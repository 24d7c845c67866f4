import SQLiteDB

/// Buffers rows for one table and writes them with multi-row INSERT statements, which costs
/// SQLite about half as much per row as one statement per row:
///
///     INSERT INTO "edge_T" ("_from", "_to", ...) VALUES (?, ?, ...), (?, ?, ...), ...
///
/// A row is appended value by value (validated by the caller as it goes) and committed to the
/// buffer with `endRow()`; `cancelRow()` drops a half-appended row. `flush()` writes what is
/// buffered, the tail with a one-row statement.
///
/// Values are kept as plain slots and text as bytes in one arena the batch owns, so binding is
/// a switch over a trivial enum and text is bound without a copy (SQLite reads the arena while
/// the statement steps, inside `flush()`).
final class BatchInsert {
    static let rowsPerStatement = 32

    /// One buffered value; text points into `bytes`.
    private enum Slot {
        case null
        case integer(Int64)
        case real(Double)
        case text(start: Int32, count: Int32)
    }

    let columnCount: Int
    private let full: Statement
    private let single: Statement
    private var slots: [Slot]
    private var bytes: [UInt8]
    private var rowStart = 0
    private var rowBytesStart = 0
    private(set) var pendingRows = 0

    /// `columns` are already quoted identifiers.
    init(db: Database, table: String, columns: [String]) throws {
        columnCount = columns.count
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        full = try db.prepare(head + Array(repeating: row, count: Self.rowsPerStatement).joined(separator: ", "))
        single = try db.prepare(head + row)
        slots = []
        slots.reserveCapacity(columns.count * Self.rowsPerStatement)
        bytes = []
        bytes.reserveCapacity(4096)
    }

    // MARK: - Appending a row

    @inline(__always)
    func appendNull() { slots.append(.null) }

    @inline(__always)
    func appendInteger(_ value: Int64) { slots.append(.integer(value)) }

    @inline(__always)
    func appendReal(_ value: Double) { slots.append(.real(value)) }

    @inline(__always)
    func appendText(_ value: String) {
        let start = bytes.count
        bytes.append(contentsOf: value.utf8)
        slots.append(.text(start: Int32(start), count: Int32(bytes.count - start)))
    }

    /// Appends text written piece by piece by `write` (e.g. a decimal's sign, digits and point)
    /// without building a `String` first.
    @inline(__always)
    func appendText(_ write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        slots.append(.text(start: Int32(start), count: Int32(bytes.count - start)))
    }

    func append(_ value: SQLiteValue) {
        switch value {
        case .null: appendNull()
        case .integer(let i): appendInteger(i)
        case .real(let d): appendReal(d)
        case .text(let s): appendText(s)
        case .blob: preconditionFailure("BatchInsert holds no blobs")
        }
    }

    /// Keeps the values appended since the last `endRow()` as one row; writes a full batch.
    func endRow() throws {
        precondition(slots.count == rowStart + columnCount, "a row needs exactly \(columnCount) values")
        pendingRows += 1
        rowStart = slots.count
        rowBytesStart = bytes.count
        if pendingRows == Self.rowsPerStatement { try flush() }
    }

    /// Drops values appended since the last `endRow()`.
    func cancelRow() {
        slots.removeSubrange(rowStart...)
        bytes.removeSubrange(rowBytesStart...)
    }

    // MARK: - Writing

    /// Writes every buffered row.
    func flush() throws {
        guard pendingRows > 0 else { return }
        defer {
            slots.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
            rowStart = 0
            rowBytesStart = 0
            pendingRows = 0
        }
        let rows = pendingRows
        try bytes.withUnsafeBufferPointer { arena in
            if rows == Self.rowsPerStatement {
                defer { full.clearBindings() }  // never leave pointers into the arena bound
                for index in 0..<slots.count { try bind(slots[index], arena, to: full, at: index + 1) }
                try full.execute()
                return
            }
            defer { single.clearBindings() }
            var offset = 0
            for _ in 0..<rows {
                for column in 0..<columnCount { try bind(slots[offset + column], arena, to: single, at: column + 1) }
                try single.execute()
                offset += columnCount
            }
        }
    }

    @inline(__always)
    private func bind(_ slot: Slot, _ arena: UnsafeBufferPointer<UInt8>, to statement: Statement, at index: Int) throws {
        switch slot {
        case .null: try statement.bindNull(at: index)
        case .integer(let value): try statement.bind(value, at: index)
        case .real(let value): try statement.bind(value, at: index)
        case .text(let start, let count):
            try statement.bind(unsafeUTF8: UnsafeBufferPointer(rebasing: arena[Int(start)..<Int(start) + Int(count)]), at: index)
        }
    }
}
