extension Database {
    /// Runs a query and calls `body` with the statement positioned on each row in turn.
    public func forEachRow(_ sql: String, arguments: [SQLiteValue] = [], _ body: (Statement) throws -> Void) throws {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        while try statement.step() { try body(statement) }
    }

    /// All rows of a query, each as its column values.
    public func fetchAll(_ sql: String, arguments: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        var rows: [[SQLiteValue]] = []
        try forEachRow(sql, arguments: arguments) { rows.append($0.row()) }
        return rows
    }

    /// The first column of the first row, or nil when there is no row.
    public func fetchValue(_ sql: String, arguments: [SQLiteValue] = []) throws -> SQLiteValue? {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        return try statement.step() ? statement.value(0) : nil
    }

    /// The first column of the first row as an integer, or nil when there is no row or it is NULL.
    public func fetchInt64(_ sql: String, arguments: [SQLiteValue] = []) throws -> Int64? {
        guard let value = try fetchValue(sql, arguments: arguments) else { return nil }
        switch value {
        case .integer(let i): return i
        case .real(let d): return Int64(exactly: d.rounded())
        case .text(let s): return Int64(s)
        case .null, .blob: return nil
        }
    }

    /// The first column of the first row as text, or nil when there is no row or it is NULL.
    public func fetchString(_ sql: String, arguments: [SQLiteValue] = []) throws -> String? {
        guard let value = try fetchValue(sql, arguments: arguments), !value.isNull else { return nil }
        return value.description
    }

    /// True when the schema has a table (or view) of that name.
    public func tableExists(_ name: String, schema: String = "main") throws -> Bool {
        let master = schema == "temp" ? "sqlite_temp_master" : "\"\(schema)\".sqlite_master"
        return try fetchInt64("SELECT count(*) FROM \(master) WHERE type IN ('table', 'view') AND name = ?",
                              arguments: [.text(name)]) ?? 0 > 0
    }
}
