/// How a transaction takes its locks (`BEGIN DEFERRED|IMMEDIATE|EXCLUSIVE`).
public enum TransactionKind: String, Sendable {
    /// Locks on first read or write.
    case deferred = "DEFERRED"
    /// Takes the write lock at once, so a long import never fails half-way on a busy lock.
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}

extension Database {
    // MARK: - Explicit transactions

    /// Opens a transaction that stays open until `commit()` or `rollback()`.
    public func beginTransaction(_ kind: TransactionKind = .deferred) throws {
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
    }

    public func commit() throws {
        try execute("COMMIT TRANSACTION")
    }

    /// Rolls back the open transaction. Does nothing when none is open (SQLite may already
    /// have rolled back after an interrupt, a full disk or an I/O error).
    public func rollback() throws {
        guard isInTransaction else { return }
        try execute("ROLLBACK TRANSACTION")
    }

    // MARK: - Scoped transactions

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    public func inTransaction<T>(_ kind: TransactionKind = .deferred, _ body: () throws -> T) throws -> T {
        try beginTransaction(kind)
        let result: T
        do {
            result = try body()
        } catch {
            try? rollback()
            throw error
        }
        do {
            try commit()
        } catch {
            try? rollback()
            throw error
        }
        return result
    }

    /// Runs `body` inside a savepoint, which nests inside a transaction (or acts as one outside):
    /// when `body` throws, only its own changes are undone.
    public func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        let name = "\"loom_savepoint_\(savepointCounter())\""
        try execute("SAVEPOINT \(name)")
        let result: T
        do {
            result = try body()
        } catch {
            if isInTransaction {
                try? execute("ROLLBACK TO SAVEPOINT \(name)")
                try? execute("RELEASE SAVEPOINT \(name)")
            }
            throw error
        }
        try execute("RELEASE SAVEPOINT \(name)")
        return result
    }
}

extension Database {
    func savepointCounter() -> Int {
        savepointSerial += 1
        return savepointSerial
    }
}
