import GraphModel
import SQLiteDB

/// One import run into a `GraphStore`, inside one SQLite transaction. Nodes are written as they
/// arrive (merging by label and key), edges are staged and resolved by `finish()`, which
/// commits. `abort(status:message:)` rolls everything back and records the failed run with its
/// rejects. Dropping a session without either rolls back and records nothing, as a killed
/// process would.
public final class ImportSession: GraphSink {
    /// The `_runs.id` of this run.
    public let run: Int64
    public let project: String
    /// The catalog the graph has once this run commits (stored catalog evolved by the mapping's).
    public let catalog: Catalog
    /// Schema changes this run applies, e.g. `added label Routing`.
    public let schemaChanges: [String]

    enum State { case open, finished, aborted }

    let store: GraphStore
    var db: Database { store.db }
    let startedAt: String
    var state = State.open
    var nodeWriters: [String: NodeWriter] = [:]
    var edgeWriters: [String: EdgeWriter] = [:]
    /// Keys per label the run indexes in memory (see `NodeWriter`); lowered by tests.
    var keyIndexLimit = 20_000_000
    var lastNodeWriter: NodeWriter?
    var lastEdgeWriter: EdgeWriter?
    /// `_contributions` rows of merged records, written in multi-row inserts.
    var contributions: BatchInsert?
    var tallies: [SourceTally] = []
    private var lastTally = -1
    var ruleIDs: [String: Int64] = [:]
    private var lastRule: (text: String, id: Int64)?
    /// Rejects kept in memory so `abort` can record them after the rollback (bounded).
    var keptRejects: [(source: Int64, reject: RejectRecord)] = []
    var droppedRejects = 0
    static let keptRejectLimit = 100_000

    struct SourceTally {
        var id: Int64
        var info: SourceFileInfo
        var counts = ImportCounts()
        /// Edges added (written directly or staged); `finish` subtracts the dangling ones.
        var edgesAdded = 0
    }

    init(store: GraphStore, run: Int64, project: String, startedAt: String, catalog: Catalog, schemaChanges: [String]) {
        self.store = store
        self.run = run
        self.project = project
        self.startedAt = startedAt
        self.catalog = catalog
        self.schemaChanges = schemaChanges
    }

    deinit { rollbackSilently() }

    /// Rolls back an open session without recording anything (the session was dropped or the
    /// store closed).
    func rollbackSilently() {
        guard state == .open else { return }
        state = .aborted
        releaseWriters()
        try? db.rollback()
        if store.activeSession === self { store.activeSession = nil }
    }

    func ensureOpen() throws {
        guard state == .open else {
            throw StoreError(.sessionState, "import run \(run) has already \(state == .finished ? "finished" : "been aborted")")
        }
    }

    /// Also checks the run's transaction is still open: SQLite rolls it back by itself after an
    /// interrupt or an I/O error, and writing on would then commit row by row.
    func ensureWritable() throws {
        try ensureOpen()
        guard db.isInTransaction else {
            throw StoreError(.sessionState, "import run \(run) was rolled back (interrupted or a database error); abort it")
        }
    }

    func tallyIndex(_ source: Int64) throws -> Int {
        if lastTally >= 0, tallies[lastTally].id == source { return lastTally }
        guard let index = tallies.firstIndex(where: { $0.id == source }) else {
            throw StoreError(.sessionState, "source \(source) was not registered with beginSource")
        }
        lastTally = index
        return index
    }

    func ruleID(_ rule: String) -> Int64 {
        if let lastRule, lastRule.text == rule { return lastRule.id }
        let id = ruleIDs[rule] ?? {
            let next = Int64(ruleIDs.count + 1)
            ruleIDs[rule] = next
            return next
        }()
        lastRule = (rule, id)
        return id
    }

    // MARK: - GraphSink: sources and rejects

    public func beginSource(_ source: SourceFileInfo) throws -> Int64 {
        try ensureWritable()
        return try StoreError.wrap {
            try db.execute("INSERT INTO _sources(run, path, size, sha256, mapping) VALUES (?, ?, ?, ?, ?)",
                           arguments: [.integer(run), .text(source.path), .integer(source.size),
                                       .text(source.contentHash), .text(source.mapping)])
            let id = db.lastInsertRowID
            tallies.append(SourceTally(id: id, info: source))
            return id
        }
    }

    public func endSource(_ source: Int64, rowsRead: Int, contentHash: String) throws {
        try ensureWritable()
        let index = try tallyIndex(source)
        tallies[index].counts.rowsRead = rowsRead
        tallies[index].info.contentHash = contentHash
        try StoreError.wrap {
            try db.execute("UPDATE _sources SET sha256 = ? WHERE id = ?", arguments: [.text(contentHash), .integer(source)])
        }
        try StoreError.wrap {
            try db.execute("UPDATE _sources SET rows_read = ? WHERE id = ?", arguments: [.integer(Int64(rowsRead)), .integer(source)])
        }
    }

    public func add(_ reject: RejectRecord, source: Int64) throws {
        try ensureWritable()
        let index = try tallyIndex(source)
        try StoreError.wrap {
            try Self.insert(reject, run: run, source: source, into: db)
        }
        tallies[index].counts.rejects += 1
        if keptRejects.count < Self.keptRejectLimit {
            keptRejects.append((source, reject))
        } else {
            droppedRejects += 1
        }
    }

    static func insert(_ reject: RejectRecord, run: Int64, source: Int64, into db: Database) throws {
        let location = reject.location
        try db.execute("""
            INSERT INTO _rejects(run, source, line, "column", record, xml_path, rule, reason, raw_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [.integer(run), .integer(source), .integer(Int64(location.line)),
                             location.column.map { .integer(Int64($0)) } ?? .null,
                             location.record.map { .integer(Int64($0)) } ?? .null,
                             location.xmlPath.map { .text($0) } ?? .null,
                             reject.rule.map { .text($0) } ?? .null,
                             .text(reject.reason), .text(reject.rawText)])
    }
}
