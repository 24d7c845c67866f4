import GraphModel
import SQLiteDB

extension ImportSession {
    // MARK: - Finishing

    /// Resolves every staged edge with set-based joins on `_key` (missing endpoints go to
    /// `_dangling`), fills the run's and sources' counts, marks the run ok and commits.
    /// When it throws, the session stays open: call `abort` to roll back and record the failure.
    public func finish() throws -> RunSummary {
        try ensureWritable()
        return try StoreError.wrap {
            for writer in nodeWriters.values { try writer.flush() }
            try contributions?.flush()
            let rules = "temp.\"_stage_rules\""
            try db.execute("DROP TABLE IF EXISTS \(rules)")
            try db.execute("CREATE TABLE \(rules) (id INTEGER PRIMARY KEY, rule TEXT NOT NULL)")
            let insertRule = try db.prepare("INSERT INTO \(rules)(id, rule) VALUES (?, ?)")
            for (rule, id) in ruleIDs {
                try insertRule.bind(id, at: 1)
                try insertRule.bind(rule, at: 2)
                try insertRule.execute()
            }
            for writer in edgeWriters.values.sorted(by: { $0.edge.name < $1.edge.name }) {
                try writer.resolve(in: db, run: run, rules: rules)
            }
            try db.execute("DROP TABLE \(rules)")
            // Building the endpoint indexes once after the bulk insert is cheaper than maintaining them.
            for edge in catalog.edgeTypes {
                for statement in SchemaDDL.createEdgeIndexes(edge) { try db.execute(statement) }
            }

            var dangling: [Int64: Int] = [:]
            try db.forEachRow("SELECT source, count(*) FROM _dangling WHERE run = ? GROUP BY source",
                              arguments: [.integer(run)]) { dangling[$0.int64(0)] = Int($0.int64(1)) }
            for index in tallies.indices {
                let id = tallies[index].id
                tallies[index].counts.dangling = dangling[id] ?? 0
                tallies[index].counts.edges = tallies[index].edgesAdded - (dangling[id] ?? 0)
            }
            for tally in tallies {
                try db.execute("""
                    UPDATE _sources SET rows_read = ?, nodes_created = ?, nodes_merged = ?, edges = ?,
                        rejects = ?, dangling = ?, conflicts = ? WHERE id = ?
                    """, arguments: Self.countArguments(tally.counts) + [.integer(tally.id)])
            }
            let totals = tallies.reduce(ImportCounts()) { $0 + $1.counts }
            try db.execute("""
                UPDATE _runs SET rows_read = ?, nodes_created = ?, nodes_merged = ?, edges = ?,
                    rejects = ?, dangling = ?, conflicts = ?, status = 'ok',
                    finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?
                """, arguments: Self.countArguments(totals) + [.integer(run)])
            try db.commit()
            state = .finished
            store.catalog = catalog
            if store.activeSession === self { store.activeSession = nil }
            releaseWriters()
            store.switchToWALIfDeferred()
            // Fold the run's pages into the main file and let the planner see the new tables.
            try? db.execute("PRAGMA optimize")
            try? db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return RunSummary(run: run, status: .ok, sources: tallies.map(summary), totals: totals,
                              schemaChanges: schemaChanges, message: nil)
        }
    }

    // MARK: - Aborting

    /// Rolls back everything this run wrote (the graph stays exactly as before), then records
    /// the run with `status` and `message`, its sources and its rejects in a separate small
    /// transaction, so `loom rejects` can show why it failed. Returns the recorded run (its id
    /// differs from `run`, whose row was rolled back).
    @discardableResult
    public func abort(status: RunStatus = .failed, message: String? = nil) throws -> RunSummary {
        try ensureOpen()
        state = .aborted
        if store.activeSession === self { store.activeSession = nil }
        releaseWriters()
        try StoreError.wrap { try db.rollback() }
        var text = message
        if droppedRejects > 0 {
            text = (text.map { $0 + " " } ?? "") + "(\(droppedRejects) further rejects were not kept)"
        }
        let failedRun = try StoreError.wrap {
            try db.inTransaction(.immediate) {
                try db.execute("""
                    INSERT INTO _runs(started_at, finished_at, status, project, message)
                    VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?)
                    """, arguments: [.text(startedAt), .text(status.rawValue), .text(project), text.map { .text($0) } ?? .null])
                let recorded = db.lastInsertRowID
                var sourceIDs: [Int64: Int64] = [:]
                var sources: [SourceSummary] = []
                for tally in tallies {
                    let counts = ImportCounts(rowsRead: tally.counts.rowsRead, rejects: tally.counts.rejects)
                    try db.execute("""
                        INSERT INTO _sources(run, path, size, sha256, mapping, rows_read, rejects) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [.integer(recorded), .text(tally.info.path), .integer(tally.info.size),
                                         .text(tally.info.contentHash), .text(tally.info.mapping),
                                         .integer(Int64(counts.rowsRead)), .integer(Int64(counts.rejects))])
                    sourceIDs[tally.id] = db.lastInsertRowID
                    var recordedTally = tally
                    recordedTally.id = db.lastInsertRowID
                    recordedTally.counts = counts
                    sources.append(summary(recordedTally))
                }
                for (source, reject) in keptRejects {
                    try Self.insert(reject, run: recorded, source: sourceIDs[source] ?? source, into: db)
                }
                let totals = sources.reduce(ImportCounts()) { $0 + $1.counts }
                try db.execute("UPDATE _runs SET rows_read = ?, rejects = ? WHERE id = ?",
                               arguments: [.integer(Int64(totals.rowsRead)), .integer(Int64(totals.rejects)), .integer(recorded)])
                keptRejects.removeAll()
                return RunSummary(run: recorded, status: status, sources: sources, totals: totals,
                                  schemaChanges: [], message: text)
            }
        }
        store.switchToWALIfDeferred()
        return failedRun
    }

    /// Finalizes the run's prepared statements and drops its key indexes.
    func releaseWriters() {
        nodeWriters.removeAll()
        edgeWriters.removeAll()
        lastNodeWriter = nil
        lastEdgeWriter = nil
        contributions = nil
    }

    private func summary(_ tally: SourceTally) -> SourceSummary {
        SourceSummary(id: tally.id, path: tally.info.path, mapping: tally.info.mapping, size: tally.info.size,
                      sha256: tally.info.contentHash, counts: tally.counts)
    }

    static func countArguments(_ counts: ImportCounts) -> [SQLiteValue] {
        [counts.rowsRead, counts.nodesCreated, counts.nodesMerged, counts.edges, counts.rejects,
         counts.dangling, counts.conflicts].map { .integer(Int64($0)) }
    }
}
