import Foundation

/// What `loom import` prints: one line per source (rows read, nodes, edges, rejects,
/// dangling references, conflicts, time) and the totals. `--format json` prints the same for machines.
public struct ImportReport: Sendable {
    public struct SourceLine: Sendable, Hashable {
        public var path: String
        public var mapping: String
        public var rowsRead: Int
        public var rowsFiltered: Int
        public var nodesCreated: Int
        public var nodesMerged: Int
        public var edges: Int
        public var rejects: Int
        public var dangling: Int
        public var conflicts: Int
        public var seconds: Double
    }

    public var run: Int64
    public var database: String
    public var status: String
    public var sources: [SourceLine]
    public var seconds: Double
    /// How this run changed the graph's schema (labels, edge types, properties added).
    public var schemaChanges: [String]

    public var totalRejects: Int { sources.reduce(0) { $0 + $1.rejects } }
    public var totalDangling: Int { sources.reduce(0) { $0 + $1.dangling } }
    public var totalConflicts: Int { sources.reduce(0) { $0 + $1.conflicts } }

    public func text() -> String {
        var table = TextTable(["source", "rows", "filtered", "nodes", "merged", "edges", "rejects", "dangling", "conflicts", "time"],
                              numeric: Set(1...9))
        for s in sources {
            table.add([s.path, "\(s.rowsRead)", "\(s.rowsFiltered)", "\(s.nodesCreated)", "\(s.nodesMerged)", "\(s.edges)",
                       "\(s.rejects)", "\(s.dangling)", "\(s.conflicts)", String(format: "%.2fs", s.seconds)])
        }
        table.add(["total", "\(sources.reduce(0) { $0 + $1.rowsRead })", "\(sources.reduce(0) { $0 + $1.rowsFiltered })",
                   "\(sources.reduce(0) { $0 + $1.nodesCreated })", "\(sources.reduce(0) { $0 + $1.nodesMerged })",
                   "\(sources.reduce(0) { $0 + $1.edges })", "\(totalRejects)", "\(totalDangling)", "\(totalConflicts)",
                   String(format: "%.2fs", seconds)])
        var out = "Imported run \(run) into \(database) (\(status))\n" + table.render()
        for change in schemaChanges { out += "schema: \(change)\n" }
        if totalRejects > 0 { out += "\(totalRejects) rejected row(s): see `loom rejects`.\n" }
        if totalDangling > 0 { out += "\(totalDangling) dangling reference(s): edges whose endpoint does not exist were kept aside with their source rows.\n" }
        if totalConflicts > 0 { out += "\(totalConflicts) conflict(s): sources disagree on a property; the first value was kept.\n" }
        return out
    }

    public func json() -> String {
        let lines = sources.map { s in
            JSONText.object([
                ("path", JSONText.string(s.path)), ("mapping", JSONText.string(s.mapping)),
                ("rowsRead", "\(s.rowsRead)"), ("rowsFiltered", "\(s.rowsFiltered)"),
                ("nodesCreated", "\(s.nodesCreated)"), ("nodesMerged", "\(s.nodesMerged)"), ("edges", "\(s.edges)"),
                ("rejects", "\(s.rejects)"), ("dangling", "\(s.dangling)"), ("conflicts", "\(s.conflicts)"),
                ("seconds", JSONText.number(s.seconds)),
            ])
        }
        return JSONText.object([
            ("run", "\(run)"), ("database", JSONText.string(database)), ("status", JSONText.string(status)),
            ("seconds", JSONText.number(seconds)), ("rejects", "\(totalRejects)"), ("dangling", "\(totalDangling)"),
            ("conflicts", "\(totalConflicts)"), ("schemaChanges", JSONText.array(schemaChanges.map(JSONText.string))),
            ("sources", JSONText.array(lines)),
        ]) + "\n"
    }
}
