import SQLiteDB

/// Buffers rows for one table and writes them with multi-row INSERT statements, which costs
/// SQLite about half as much per row as one statement per row:
///
///     INSERT INTO "edge_T" ("_from", "_to", ...) VALUES (?, ?, ...), (?, ?, ...), ...
///
/// A row is appended value by value (validated by the caller as it goes) and committed to the
/// buffer with `endRow()`; `cancelRow()` drops a half-appended row. `flush()` writes what is
/// buffered, the tail with a one-row statement.
final class BatchInsert {
    static let rowsPerStatement = 32

    let columnCount: Int
    private let full: Statement
    private let single: Statement
    private var buffer: [SQLiteValue]
    private var rowStart = 0
    private(set) var pendingRows = 0

    /// `columns` are already quoted identifiers.
    init(db: Database, table: String, columns: [String]) throws {
        columnCount = columns.count
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        full = try db.prepare(head + Array(repeating: row, count: Self.rowsPerStatement).joined(separator: ", "))
        single = try db.prepare(head + row)
        buffer = []
        buffer.reserveCapacity(columns.count * Self.rowsPerStatement)
    }

    @inline(__always)
    func append(_ value: SQLiteValue) { buffer.append(value) }

    /// Keeps the values appended since the last `endRow()` as one row; writes a full batch.
    func endRow() throws {
        precondition(buffer.count == rowStart + columnCount, "a row needs exactly \(columnCount) values")
        pendingRows += 1
        rowStart = buffer.count
        if pendingRows == Self.rowsPerStatement { try flush() }
    }

    /// Drops values appended since the last `endRow()`.
    func cancelRow() {
        buffer.removeSubrange(rowStart...)
    }

    /// Writes every buffered row.
    func flush() throws {
        guard pendingRows > 0 else { return }
        defer {
            buffer.removeAll(keepingCapacity: true)
            rowStart = 0
            pendingRows = 0
        }
        if pendingRows == Self.rowsPerStatement {
            for (offset, value) in buffer.enumerated() { try full.bind(value, at: offset + 1) }
            try full.execute()
            return
        }
        var offset = 0
        for _ in 0..<pendingRows {
            for column in 0..<columnCount { try single.bind(buffer[offset + column], at: column + 1) }
            try single.execute()
            offset += columnCount
        }
    }
}
