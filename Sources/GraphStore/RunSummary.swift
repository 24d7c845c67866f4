/// How an import run ended, as stored in `_runs.status`.
public enum RunStatus: String, Hashable, Sendable, CaseIterable {
    /// The run's transaction is open (or the process died during it: its data was never committed).
    case running
    /// Committed: the graph holds what this run's sources said.
    case ok
    /// Rolled back after an error or an interrupt; the graph is as before the run.
    case failed
    /// Rolled back because too many rows were rejected; the rejects are kept for `loom rejects`.
    case rejectedLimit = "rejected-limit"
}

/// Counts of what an import did, for one source or a whole run.
public struct ImportCounts: Hashable, Sendable {
    /// Data records read from the source (header and skipped lines not counted).
    public var rowsRead: Int
    /// Nodes created (first record with that label and key).
    public var nodesCreated: Int
    /// Records merged into a node an earlier record created.
    public var nodesMerged: Int
    /// Edges whose endpoints both exist.
    public var edges: Int
    /// Rows rejected with a reason.
    public var rejects: Int
    /// Edges kept in `_dangling` because an endpoint is missing.
    public var dangling: Int
    /// Property values that disagreed with the kept value of a merged node.
    public var conflicts: Int

    public init(rowsRead: Int = 0, nodesCreated: Int = 0, nodesMerged: Int = 0, edges: Int = 0,
                rejects: Int = 0, dangling: Int = 0, conflicts: Int = 0) {
        self.rowsRead = rowsRead
        self.nodesCreated = nodesCreated
        self.nodesMerged = nodesMerged
        self.edges = edges
        self.rejects = rejects
        self.dangling = dangling
        self.conflicts = conflicts
    }

    public static func + (a: ImportCounts, b: ImportCounts) -> ImportCounts {
        ImportCounts(rowsRead: a.rowsRead + b.rowsRead, nodesCreated: a.nodesCreated + b.nodesCreated,
                     nodesMerged: a.nodesMerged + b.nodesMerged, edges: a.edges + b.edges,
                     rejects: a.rejects + b.rejects, dangling: a.dangling + b.dangling,
                     conflicts: a.conflicts + b.conflicts)
    }
}

/// One source file of a run with its counts.
public struct SourceSummary: Hashable, Sendable {
    /// The `_sources.id` provenance columns point at.
    public var id: Int64
    public var path: String
    public var mapping: String
    public var size: Int64
    public var sha256: String
    public var counts: ImportCounts

    public init(id: Int64, path: String, mapping: String, size: Int64, sha256: String, counts: ImportCounts) {
        self.id = id
        self.path = path
        self.mapping = mapping
        self.size = size
        self.sha256 = sha256
        self.counts = counts
    }
}

/// What `ImportSession.finish()` (or `abort`) reports: the run, its sources and totals.
public struct RunSummary: Hashable, Sendable {
    public var run: Int64
    public var status: RunStatus
    public var sources: [SourceSummary]
    public var totals: ImportCounts
    /// Schema changes this run applied, e.g. `added property Part.weight (decimal)`.
    public var schemaChanges: [String]
    public var message: String?

    public init(run: Int64, status: RunStatus, sources: [SourceSummary], totals: ImportCounts,
                schemaChanges: [String], message: String?) {
        self.run = run
        self.status = status
        self.sources = sources
        self.totals = totals
        self.schemaChanges = schemaChanges
        self.message = message
    }
}
