import GraphModel
import SQLiteDB

extension GraphStore {
    // MARK: - Schema and statistics

    /// Every label and edge type with its properties, how many rows have each property, and counts.
    public func schema() throws -> GraphSchema {
        try StoreError.wrap {
            var labels: [LabelSchema] = []
            for node in catalog.nodeTypes {
                let (total, counts) = try columnCounts(Identifier.nodeTable(node.label), node.properties)
                labels.append(LabelSchema(label: node.label, key: node.key, properties: counts, nodeCount: total))
            }
            var edges: [EdgeTypeSchema] = []
            for edge in catalog.edgeTypes {
                let (total, counts) = try columnCounts(Identifier.edgeTable(edge.name), edge.properties)
                edges.append(EdgeTypeSchema(name: edge.name, from: edge.from, to: edge.to, properties: counts, edgeCount: total))
            }
            return GraphSchema(labels: labels, edgeTypes: edges)
        }
    }

    /// `SELECT count(*), count("a"), ... FROM table`
    private func columnCounts(_ table: String, _ properties: [PropertyDefinition]) throws -> (Int, [PropertySchema]) {
        let columns = properties.map { ", count(\(Identifier.quoted($0.name)))" }.joined()
        guard let row = try db.fetchAll("SELECT count(*)\(columns) FROM \(table)").first else { return (0, []) }
        func int(_ value: SQLiteValue) -> Int { if case .integer(let i) = value { return Int(i) } else { return 0 } }
        let counts = properties.enumerated().map { offset, property in
            PropertySchema(name: property.name, type: property.type, nonNullCount: int(row[offset + 1]))
        }
        return (int(row[0]), counts)
    }

    /// Counts per label and edge type, runs, the current run's problems and the file size.
    public func stats() throws -> GraphStats {
        try StoreError.wrap {
            let labels = try catalog.nodeTypes.map {
                NamedCount(name: $0.label, count: Int(try db.fetchInt64("SELECT count(*) FROM \(Identifier.nodeTable($0.label))") ?? 0))
            }
            let edges = try catalog.edgeTypes.map {
                NamedCount(name: $0.name, count: Int(try db.fetchInt64("SELECT count(*) FROM \(Identifier.edgeTable($0.name))") ?? 0))
            }
            let current = try currentRunID()
            var problems = (0, 0, 0)
            if let current, let row = try db.fetchAll("SELECT rejects, dangling, conflicts FROM _runs WHERE id = ?",
                                                      arguments: [.integer(current)]).first {
                problems = (Int(row[0].integerValue), Int(row[1].integerValue), Int(row[2].integerValue))
            }
            let pages = try db.fetchInt64("PRAGMA page_count") ?? 0
            let pageSize = try db.fetchInt64("PRAGMA page_size") ?? 0
            return GraphStats(labels: labels, edgeTypes: edges,
                              nodes: labels.reduce(0) { $0 + $1.count }, edges: edges.reduce(0) { $0 + $1.count },
                              runs: Int(try db.fetchInt64("SELECT count(*) FROM _runs") ?? 0),
                              currentRun: current, rejects: problems.0, dangling: problems.1, conflicts: problems.2,
                              fileSize: pages * pageSize)
        }
    }

    /// The last run that committed: the one the graph's data came from.
    func currentRunID() throws -> Int64? {
        try db.fetchInt64("SELECT max(id) FROM _runs WHERE status = 'ok'")
    }

    // MARK: - Runs

    /// Every recorded run, newest first, with its sources.
    public func runs() throws -> [RunInfo] {
        try StoreError.wrap { try readRuns(where: "", arguments: []) }
    }

    /// The newest run of any status (a failed run included), or nil before the first import.
    public func lastRun() throws -> RunInfo? {
        try StoreError.wrap { try readRuns(where: "WHERE id = (SELECT max(id) FROM _runs)", arguments: []).first }
    }

    /// One run by id.
    public func run(_ id: Int64) throws -> RunInfo? {
        try StoreError.wrap { try readRuns(where: "WHERE id = ?", arguments: [.integer(id)]).first }
    }

    private func readRuns(where clause: String, arguments: [SQLiteValue]) throws -> [RunInfo] {
        var runs: [RunInfo] = []
        try db.forEachRow("""
            SELECT id, started_at, finished_at, status, project, message,
                   rows_read, nodes_created, nodes_merged, edges, rejects, dangling, conflicts
            FROM _runs \(clause) ORDER BY id DESC
            """, arguments: arguments) { row in
            runs.append(RunInfo(id: row.int64(0), startedAt: row.string(1) ?? "", finishedAt: row.string(2),
                                status: RunStatus(rawValue: row.string(3) ?? "") ?? .failed, project: row.string(4) ?? "",
                                counts: Self.counts(row, from: 6), message: row.string(5), sources: []))
        }
        for index in runs.indices {
            try db.forEachRow("""
                SELECT id, path, mapping, size, sha256,
                       rows_read, nodes_created, nodes_merged, edges, rejects, dangling, conflicts
                FROM _sources WHERE run = ? ORDER BY id
                """, arguments: [.integer(runs[index].id)]) { row in
                runs[index].sources.append(SourceSummary(id: row.int64(0), path: row.string(1) ?? "", mapping: row.string(2) ?? "",
                                                         size: row.int64(3), sha256: row.string(4) ?? "",
                                                         counts: Self.counts(row, from: 5)))
            }
        }
        return runs
    }

    static func counts(_ row: Statement, from start: Int) -> ImportCounts {
        func int(_ offset: Int) -> Int { Int(row.int64(start + offset)) }
        return ImportCounts(rowsRead: int(0), nodesCreated: int(1), nodesMerged: int(2), edges: int(3),
                            rejects: int(4), dangling: int(5), conflicts: int(6))
    }
}

extension SQLiteValue {
    var integerValue: Int64 {
        switch self {
        case .integer(let i): i
        case .real(let d): Int64(d)
        default: 0
        }
    }
}
