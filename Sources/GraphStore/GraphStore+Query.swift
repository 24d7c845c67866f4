import GraphModel
import SQLiteDB

extension GraphStore {
    // MARK: - Running SQL the query compiler produced

    /// Runs a SELECT over the graph and returns its rows. `arguments` bind to `?` parameters in
    /// storage form (decimal and dates as text, boolean as 0/1). `columnTypes`, when given, types
    /// each result column back (`.decimal` text becomes `Value.decimal`); otherwise integers,
    /// reals and text come back as `.integer`, `.float` and `.string`.
    public func select(_ sql: String, arguments: [Value] = [], columnTypes: [PropertyType?]? = nil) throws -> ResultTable {
        var rows: [[Value]] = []
        let columns = try forEachRow(sql, arguments: arguments, columnTypes: columnTypes) { rows.append($0) }
        return ResultTable(columns: columns, rows: rows)
    }

    /// Streams the rows of a SELECT to `body` (see `select`); returns the column names.
    /// Statements that write are refused on a read-only graph by SQLite itself.
    @discardableResult
    public func forEachRow(_ sql: String, arguments: [Value] = [], columnTypes: [PropertyType?]? = nil,
                           _ body: ([Value]) throws -> Void) throws -> [String] {
        try StoreError.wrap {
            let statement = try db.prepare(sql)
            try statement.bind(arguments.map(StoredValue.argument))
            let count = statement.columnCount
            let names = statement.columnNames
            while try statement.step() {
                var row: [Value] = []
                row.reserveCapacity(count)
                for column in 0..<count {
                    let stored = statement.value(column)
                    if let types = columnTypes, column < types.count, let type = types[column] {
                        row.append(StoredValue.decode(stored, as: type))
                    } else {
                        row.append(StoredValue.untyped(stored))
                    }
                }
                try body(row)
            }
            return names
        }
    }
}
