import CSQLite
import Foundation

/// One connection to a SQLite database file.
///
/// Read-write connections use WAL journaling (readers never block the writer) and wait up to
/// `busyTimeout` for locks held by other processes. A connection is used from one thread at a
/// time; only `interrupt()` (or an `InterruptHandle`) may be called from another thread, to stop
/// a long statement (the REPL's Ctrl-C).
///
///     let db = try Database(path: "plant.loom")
///     try db.execute("CREATE TABLE part(number TEXT PRIMARY KEY, weight REAL) STRICT")
///     try db.inTransaction { try db.execute("INSERT INTO part VALUES (?, ?)", arguments: [.text("4711"), .real(1.5)]) }
public final class Database {
    /// How the file is opened.
    public enum OpenMode: Sendable, Hashable {
        /// Reads only; every write fails with `SQLITE_READONLY`. The file must exist.
        case readOnly
        /// Reads and writes an existing file.
        case readWrite
        /// Reads and writes, creating the file when it is missing.
        case readWriteCreate
    }

    /// Connection settings applied when opening.
    public struct Options: Sendable, Hashable {
        /// How long to wait for another connection's lock before failing with `SQLITE_BUSY`.
        public var busyTimeoutMilliseconds: Int
        /// Switch read-write connections to WAL journaling.
        public var walMode: Bool
        /// Page cache size in KiB (`PRAGMA cache_size = -N`); nil keeps SQLite's default.
        public var cacheSizeKiB: Int?

        public init(busyTimeoutMilliseconds: Int = 5000, walMode: Bool = true, cacheSizeKiB: Int? = nil) {
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.walMode = walMode
            self.cacheSizeKiB = cacheSizeKiB
        }
    }

    /// The path or `file:` URI the connection was opened with.
    public let path: String
    public let mode: OpenMode
    private(set) var handle: OpaquePointer?
    private var statementCache: [String: Statement] = [:]
    var savepointSerial = 0
    /// A thread-safe handle that can interrupt this connection from another thread.
    public let interruptHandle: InterruptHandle

    /// Opens (or creates) the database at `path`. `path` may be a `file:` URI with query
    /// parameters (`file:plant.loom?mode=ro`), or `:memory:` for a private in-memory database.
    public init(path: String, mode: OpenMode = .readWriteCreate, options: Options = Options()) throws {
        self.path = path
        self.mode = mode
        var flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(connection)
            throw SQLiteError(resultCode: ResultCode(rawValue: code), message: "\(message): \(path)")
        }
        handle = connection
        interruptHandle = InterruptHandle(connection: connection)
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, Int32(clamping: options.busyTimeoutMilliseconds))
        do {
            if options.walMode && mode != .readOnly { try execute("PRAGMA journal_mode = WAL") }
            if let kib = options.cacheSizeKiB { try execute("PRAGMA cache_size = -\(kib)") }
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Finalizes cached statements and closes the connection. Later calls fail with `SQLITE_MISUSE`.
    /// Statements still held elsewhere keep the connection alive until they are released.
    public func close() {
        guard let connection = handle else { return }
        interruptHandle.detach()
        statementCache.removeAll()
        handle = nil
        sqlite3_close_v2(connection)
    }

    public var isOpen: Bool { handle != nil }

    func connection(for sql: String?) throws -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(resultCode: .misuse, message: "the database \(path) is closed", sql: sql)
        }
        return handle
    }

    // MARK: - Statements

    /// Compiles one SQL statement. Trailing whitespace and semicolons are allowed; a second
    /// statement is an error (use `execute(_:)` for scripts).
    public func prepare(_ sql: String) throws -> Statement {
        try prepare(sql, persistent: false)
    }

    /// A compiled statement from this connection's cache, reset and with its bindings cleared.
    /// Use for statements run many times; do not hold two uses of the same SQL at once.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try prepare(sql, persistent: true)
        statementCache[sql] = statement
        return statement
    }

    /// Drops every cached statement (needed after schema changes only for memory; SQLite
    /// re-prepares stale statements itself).
    public func clearStatementCache() { statementCache.removeAll() }

    private func prepare(_ sql: String, persistent: Bool) throws -> Statement {
        let connection = try connection(for: sql)
        var statement: OpaquePointer?
        var extra = false
        let code = sql.withCString { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
            let code = sqlite3_prepare_v3(connection, text, -1, flags, &statement, &tail)
            if code == SQLITE_OK, let tail {
                extra = String(cString: tail).contains { !$0.isWhitespace && $0 != ";" }
            }
            return code
        }
        guard code == SQLITE_OK else { throw SQLiteError.from(code: code, connection: connection, sql: sql) }
        guard let statement else {
            throw SQLiteError(resultCode: .misuse, message: "no SQL statement in the text", sql: sql)
        }
        if extra {
            sqlite3_finalize(statement)
            throw SQLiteError(resultCode: .misuse,
                              message: "prepare accepts one statement; use execute(_:) to run several", sql: sql)
        }
        return Statement(handle: statement, sql: sql)
    }

    // MARK: - Executing

    /// Runs one or several SQL statements separated by semicolons, without parameters.
    public func execute(_ sql: String) throws {
        let connection = try connection(for: sql)
        try sql.withCString { start in
            var next: UnsafePointer<CChar>? = start
            while let current = next, current.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(connection, current, -1, &statement, &tail)
                let text = tail.map { statementText(from: current, to: $0) } ?? String(cString: current)
                guard code == SQLITE_OK else { throw SQLiteError.from(code: code, connection: connection, sql: text) }
                next = tail
                guard let statement else { continue }  // whitespace or a comment
                try Statement(handle: statement, sql: text).execute()
            }
        }
    }

    /// Runs one statement with arguments bound to its `?` parameters, through the statement cache.
    public func execute(_ sql: String, arguments: [SQLiteValue]) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        try statement.execute()
    }

    private func statementText(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>) -> String {
        let count = end - start
        let bytes = UnsafeRawPointer(start).assumingMemoryBound(to: UInt8.self)
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Connection state

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { handle.map { Int(sqlite3_changes64($0)) } ?? 0 }

    /// Rows changed since the connection opened.
    public var totalChanges: Int { handle.map { Int(sqlite3_total_changes64($0)) } ?? 0 }

    /// The rowid of the last successful INSERT.
    public var lastInsertRowID: Int64 { handle.map { sqlite3_last_insert_rowid($0) } ?? 0 }

    /// True while a transaction is open (SQLite is not in autocommit mode).
    public var isInTransaction: Bool { handle.map { sqlite3_get_autocommit($0) == 0 } ?? false }

    /// True when the connection cannot write (opened read-only).
    public var isReadOnly: Bool { handle.map { sqlite3_db_readonly($0, "main") == 1 } ?? true }

    /// Stops the statement running on this connection as soon as possible; it fails with
    /// `SQLITE_INTERRUPT` (`SQLiteError.isInterrupted`). Safe to call from another thread.
    public func interrupt() { interruptHandle.interrupt() }

    /// The SQLite library version, e.g. `3.40.1`.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
