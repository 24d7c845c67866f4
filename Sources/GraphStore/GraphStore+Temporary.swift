import GraphModel
import SQLiteDB

extension GraphStore {
    // MARK: - Temporary tables for native query steps

    /// Creates `temp."<name>"` with `columns`, fills it with `rows` (values in storage form:
    /// decimals and dates as text, booleans as 0/1, like `select`'s arguments), runs `body`,
    /// and drops the table again, also when `body` throws. A leftover table of that name is
    /// replaced. TEMP tables live in the connection's private temporary database, so this works
    /// on a read-only graph and never changes the graph file.
    ///
    /// The query engine uses it for `CALL bom.explode(...) YIELD ...`: the native operator's rows
    /// go here, and the compiled SQL reads them with WHERE, ORDER BY, LIMIT.
    public func withTemporaryTable<T>(named name: String, columns: [String], rows: [[Value]],
                                      _ body: () throws -> T) throws -> T {
        let table = "temp." + Identifier.quoted(name)
        try StoreError.wrap {
            try db.execute("DROP TABLE IF EXISTS \(table)")
            try db.execute("CREATE TEMP TABLE \(Identifier.quoted(name)) ("
                + columns.map(Identifier.quoted).joined(separator: ", ") + ")")
            guard !rows.isEmpty else { return }
            let placeholders = columns.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
            try db.inTransaction {
                let insert = try db.prepare("INSERT INTO \(table) VALUES (\(placeholders))")
                for row in rows {
                    try insert.bind(row.map(StoredValue.argument))
                    try insert.execute()
                }
            }
        }
        defer { try? db.execute("DROP TABLE IF EXISTS \(table)") }
        return try body()
    }
}
