import SQLiteDB

extension Database {
    /// Runs one statement with arguments without keeping it in the statement cache
    /// (for one-off statements on tables that come and go).
    func executeOnce(_ sql: String, arguments: [SQLiteValue]) throws {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        try statement.execute()
    }
}
