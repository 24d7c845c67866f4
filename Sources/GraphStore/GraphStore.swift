import Foundation
import GraphModel
import SQLiteDB

/// The property graph persisted in one SQLite file: node tables per label, edge tables per edge
/// type, the catalog describing them, and the provenance of every import run.
///
/// Open it, import into it through an `ImportSession` (one transaction per run: a failure leaves
/// the previous graph untouched), and read reports (`schema()`, `stats()`, `rejects(...)`, ...)
/// or run SQL the query compiler produced (`select(_:arguments:)`).
///
///     let store = try GraphStore.open(path: "plant.loom")
///     let session = try store.beginImport(catalog: catalog, project: "loom.yaml")
///     let source = try session.beginSource(info)
///     try session.add(node, source: source)
///     try session.endSource(source, rowsRead: 1, contentHash: "")
///     let summary = try session.finish()
public final class GraphStore {
    public let path: String
    public let isReadOnly: Bool
    /// The catalog stored in the file; updated when an import commits.
    public internal(set) var catalog: Catalog
    let db: Database
    weak var activeSession: ImportSession?
    /// True while a file this store created has not ended an import run yet. Such a file stays
    /// in rollback-journal mode (`journal_mode = DELETE`) for its first import: a new file's
    /// journal holds next to nothing (SQLite journals only pages that existed before the
    /// transaction), so the bulk load writes each page once, where WAL writes it to the log and
    /// again at the checkpoint. A failure or kill still leaves the empty graph as it was (the
    /// rollback, or the hot journal on the next open, undoes the run). The file switches to WAL
    /// when the run ends (`switchToWALIfDeferred`).
    private(set) var defersWAL = false

    /// Opens the graph at `path`. Read-write opens create the file (and its fixed tables) when
    /// missing; read-only opens require an existing graph and refuse every write.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        self.isReadOnly = readOnly
        if readOnly && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(.fileSystem, "there is no graph at \(path); run `loom import` to build one")
        }
        func translate(_ error: any Error) -> any Error {
            if let sqlite = error as? SQLiteError, sqlite.resultCode == .notADatabase {
                return StoreError(.notAGraph, "\(path) is not a Loom graph (not a SQLite database)")
            }
            return StoreError.wrapping(error)
        }
        if readOnly && FileManager.default.fileExists(atPath: path + "-journal") {
            Self.rollBackHotJournal(path)
        }
        do {
            db = try Database(path: path, mode: readOnly ? .readOnly : .readWriteCreate,
                              options: Database.Options(busyTimeoutMilliseconds: 5000, walMode: false, cacheSizeKiB: 65536))
            try db.registerLoomFunctions()  // regexp() and loom_error() for compiled queries
            try db.registerDecimalAggregates()  // exact sum/min/max of decimal properties
        } catch {
            throw translate(error)
        }
        catalog = Catalog()
        do {
            var created = false
            if try StoreSchema.isEmpty(db) {
                guard !readOnly else { throw StoreError(.notAGraph, "\(path) is empty, not a Loom graph") }
                try StoreSchema.create(in: db)
                created = true
            }
            try StoreSchema.check(db, path: path)
            if created {
                defersWAL = try db.fetchString("PRAGMA journal_mode") == "delete"
                if !defersWAL { try Self.useWAL(db) }
            } else if !readOnly {
                // WAL only once the file is known to be a graph: never switch someone else's database.
                try Self.useWAL(db)
            }
            catalog = try CatalogStorage.read(from: db)
        } catch {
            db.close()
            throw translate(error)
        }
    }

    /// A first import killed mid-run leaves a hot rollback journal (see `defersWAL`), which a
    /// read-only connection cannot roll back; a read-write connection that reads the schema
    /// does (SQLite leaves a journal alone while its writer is still running). Best effort: when
    /// the file is not writable, the read-only open reports SQLite's error.
    private static func rollBackHotJournal(_ path: String) {
        guard let db = try? Database(path: path, mode: .readWrite, options: Database.Options(walMode: false)) else { return }
        _ = try? db.fetchString("SELECT name FROM sqlite_schema LIMIT 1")
        db.close()
    }

    private static func useWAL(_ db: Database) throws {
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 67108864;")
    }

    /// Puts a new file into WAL mode once its first import run has ended (see `defersWAL`).
    /// When another connection has the file open, SQLite keeps the rollback journal; the next
    /// read-write open switches it.
    func switchToWALIfDeferred() {
        guard defersWAL, !db.isInTransaction else { return }
        defersWAL = false
        try? Self.useWAL(db)
    }

    /// Opens the graph at `path` (see `init(path:readOnly:)`).
    public static func open(path: String, readOnly: Bool = false) throws -> GraphStore {
        try GraphStore(path: path, readOnly: readOnly)
    }

    /// Closes the file. An import still open is rolled back.
    public func close() {
        if let session = activeSession { session.rollbackSilently() }
        db.close()
    }

    /// Stops the statement running now (a query or an import step) from any thread; it fails
    /// with `StoreError.Code.interrupted`.
    public func interrupt() { db.interrupt() }

    /// A function that interrupts this store from any thread (for a Ctrl-C handler).
    public var interrupter: @Sendable () -> Void {
        let handle = db.interruptHandle
        return { handle.interrupt() }
    }

    // MARK: - Importing

    /// Starts an import run: opens ONE transaction, evolves the schema to `catalog` (new labels,
    /// edge types and properties are added in place; an incompatible change throws a
    /// `schemaConflict` saying what to do), empties every node and edge table (the run replaces
    /// the graph's data with what its sources say now; earlier runs' provenance is kept) and
    /// records the run as `running`.
    public func beginImport(catalog newer: Catalog, project: String) throws -> ImportSession {
        guard !isReadOnly else {
            throw StoreError(.readOnly, "the graph \(path) is open read-only; it cannot import")
        }
        guard activeSession == nil, !db.isInTransaction else {
            throw StoreError(.sessionState, "an import into \(path) is already running")
        }
        let merged = try SchemaDDL.merge(stored: catalog, newer: newer)  // validates every name too
        return try StoreError.wrap {
            try db.beginTransaction(.immediate)
            do {
                let changes = try SchemaDDL.evolve(db, from: catalog, to: merged)
                try CatalogStorage.write(merged, to: db)
                for node in merged.nodeTypes { try db.execute("DELETE FROM \(Identifier.nodeTable(node.label))") }
                for edge in merged.edgeTypes {
                    try db.execute("DELETE FROM \(Identifier.edgeTable(edge.name))")
                    // Rebuilt by finish(): one sort beats maintaining them row by row.
                    for statement in SchemaDDL.dropEdgeIndexes(edge) { try db.execute(statement) }
                }
                try db.execute("DELETE FROM _contributions")
                try db.execute("""
                    INSERT INTO _runs(started_at, status, project) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'running', ?)
                    """, arguments: [.text(project)])
                let run = db.lastInsertRowID
                let startedAt = try db.fetchString("SELECT started_at FROM _runs WHERE id = ?", arguments: [.integer(run)]) ?? ""
                let session = ImportSession(store: self, run: run, project: project, startedAt: startedAt,
                                            catalog: merged, schemaChanges: changes)
                activeSession = session
                return session
            } catch {
                try? db.rollback()
                throw error
            }
        }
    }

    // MARK: - Replacing a graph file

    /// Atomically puts the freshly built graph at `newPath` in place of the graph at `path`
    /// (`loom import --rebuild` builds next to the old file, then calls this). Both stores must
    /// be closed. The old file's WAL is checkpointed and its `-wal`/`-shm` removed first, so no
    /// stale journal can be replayed onto the new file.
    public static func replace(path: String, with newPath: String) throws {
        let files = FileManager.default
        guard files.fileExists(atPath: newPath) else {
            throw StoreError(.fileSystem, "cannot replace \(path): the new graph \(newPath) does not exist")
        }
        try checkpoint(newPath)
        if files.fileExists(atPath: path) { try? checkpoint(path) }
        for suffix in ["-wal", "-shm"] { try removeIfPresent(path + suffix) }
        guard rename(newPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw StoreError(.fileSystem, "cannot move \(newPath) to \(path): \(reason)")
        }
        for suffix in ["-wal", "-shm"] { try removeIfPresent(newPath + suffix) }
    }

    /// Copies the WAL into the database file and truncates it; the last close removes it.
    private static func checkpoint(_ path: String) throws {
        try StoreError.wrap {
            let db = try Database(path: path, mode: .readWrite, options: Database.Options(walMode: false))
            try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.close()
        }
    }

    private static func removeIfPresent(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw StoreError(.fileSystem, "cannot remove \(path): \(error.localizedDescription)")
        }
    }
}
