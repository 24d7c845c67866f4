import CSQLite

/// A SQLite result code (primary or extended), e.g. `SQLITE_CONSTRAINT` (19) or
/// `SQLITE_CONSTRAINT_UNIQUE` (2067).
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The primary code: the low 8 bits of an extended code.
    public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

    /// SQLite's English text for the code (`"constraint failed"`).
    public var description: String { String(cString: sqlite3_errstr(rawValue)) }

    public static let ok = ResultCode(rawValue: SQLITE_OK)
    public static let error = ResultCode(rawValue: SQLITE_ERROR)
    public static let busy = ResultCode(rawValue: SQLITE_BUSY)
    public static let locked = ResultCode(rawValue: SQLITE_LOCKED)
    public static let readOnly = ResultCode(rawValue: SQLITE_READONLY)
    public static let interrupt = ResultCode(rawValue: SQLITE_INTERRUPT)
    public static let ioError = ResultCode(rawValue: SQLITE_IOERR)
    public static let corrupt = ResultCode(rawValue: SQLITE_CORRUPT)
    public static let full = ResultCode(rawValue: SQLITE_FULL)
    public static let cantOpen = ResultCode(rawValue: SQLITE_CANTOPEN)
    public static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
    public static let mismatch = ResultCode(rawValue: SQLITE_MISMATCH)
    public static let misuse = ResultCode(rawValue: SQLITE_MISUSE)
    public static let range = ResultCode(rawValue: SQLITE_RANGE)
    public static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)
    public static let tooBig = ResultCode(rawValue: SQLITE_TOOBIG)
}

/// An error reported by SQLite: the result code, the extended code, SQLite's message and the
/// SQL that was running, so a failure can be read without a debugger:
///
///     SQLite error 19 (constraint failed): UNIQUE constraint failed: t.k — while running: INSERT INTO t VALUES (?)
public struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The primary result code (`.constraint`, `.busy`, `.interrupt`, ...).
    public var resultCode: ResultCode
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`), or the primary code when SQLite gave none.
    public var extendedCode: ResultCode
    /// SQLite's message (`sqlite3_errmsg`) or one of this module's own.
    public var message: String
    /// The SQL being prepared or run, when there was one.
    public var sql: String?

    public init(resultCode: ResultCode, extendedCode: ResultCode? = nil, message: String, sql: String? = nil) {
        self.resultCode = resultCode.primary
        self.extendedCode = extendedCode ?? resultCode
        self.message = message
        self.sql = sql
    }

    /// True when `Database.interrupt()` stopped the statement (the REPL's Ctrl-C).
    public var isInterrupted: Bool { resultCode == .interrupt }

    public var description: String {
        var text = "SQLite error \(extendedCode.rawValue) (\(resultCode)): \(message)"
        if let sql { text += " — while running: \(sql)" }
        return text
    }
}

extension SQLiteError {
    /// Builds the error for `code` from the connection's last error message.
    static func from(code: Int32, connection: OpaquePointer?, sql: String?) -> SQLiteError {
        let message: String
        let extended: Int32
        if let connection {
            message = String(cString: sqlite3_errmsg(connection))
            let ext = sqlite3_extended_errcode(connection)
            extended = (ext & 0xFF) == (code & 0xFF) ? ext : code
        } else {
            message = String(cString: sqlite3_errstr(code))
            extended = code
        }
        return SQLiteError(resultCode: ResultCode(rawValue: code), extendedCode: ResultCode(rawValue: extended),
                           message: message, sql: sql)
    }
}
