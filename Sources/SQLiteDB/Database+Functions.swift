import CSQLite
import Foundation

extension Database {
    /// Registers the SQL functions the query compiler's SQL uses on this connection:
    ///
    /// - `regexp(pattern, text)`: 1 when the regular expression (ICU syntax, Foundation's
    ///   `NSRegularExpression`) matches the WHOLE text, 0 when not, NULL when either is NULL.
    ///   Also what SQLite's `text REGEXP pattern` operator calls. A pattern that does not compile
    ///   fails the statement with `invalid regular expression '…'`. Each statement compiles a
    ///   pattern once (kept as SQLite auxiliary data).
    /// - `loom_error(message)`: fails the statement with `message` (the compiler guards
    ///   arguments openCypher rejects, such as a negative `substring` start, with it).
    public func registerLoomFunctions() throws {
        let connection = try connection(for: nil)
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        var code = sqlite3_create_function_v2(connection, "regexp", 2, flags, nil, regexpFunction, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError.from(code: code, connection: connection, sql: nil) }
        // Not deterministic: SQLite must never evaluate it ahead of the CASE branch guarding it.
        code = sqlite3_create_function_v2(connection, "loom_error", 1, SQLITE_UTF8, nil, errorFunction, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError.from(code: code, connection: connection, sql: nil) }
    }
}

/// The compiled whole-string form of a pattern, kept by SQLite between rows.
private final class CompiledPattern {
    let regex: NSRegularExpression
    init(_ regex: NSRegularExpression) { self.regex = regex }
}

private func text(_ value: OpaquePointer?) -> String? {
    guard let value, sqlite3_value_type(value) != SQLITE_NULL, let bytes = sqlite3_value_text(value) else { return nil }
    return String(cString: bytes)
}

private func regexpFunction(_ context: OpaquePointer?, _ count: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?) {
    guard let arguments, let pattern = text(arguments[0]), let subject = text(arguments[1]) else {
        sqlite3_result_null(context)
        return
    }
    let compiled: CompiledPattern
    if let cached = sqlite3_get_auxdata(context, 0) {
        compiled = Unmanaged<CompiledPattern>.fromOpaque(cached).takeUnretainedValue()
    } else {
        // Compile the pattern alone first, so a broken one is reported as written, then
        // anchored at both ends for a whole-string match.
        guard (try? NSRegularExpression(pattern: pattern)) != nil,
              let regex = try? NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z") else {
            sqlite3_result_error(context, "invalid regular expression '\(pattern)'", -1)
            return
        }
        compiled = CompiledPattern(regex)
        sqlite3_set_auxdata(context, 0, Unmanaged.passRetained(compiled).toOpaque()) { pointer in
            if let pointer { Unmanaged<CompiledPattern>.fromOpaque(pointer).release() }
        }
    }
    let range = NSRange(subject.startIndex..<subject.endIndex, in: subject)
    let matched = compiled.regex.firstMatch(in: subject, options: [], range: range) != nil
    sqlite3_result_int(context, matched ? 1 : 0)
}

private func errorFunction(_ context: OpaquePointer?, _ count: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?) {
    let message = arguments.flatMap { text($0[0]) } ?? "the query failed"
    sqlite3_result_error(context, message, -1)
}
