import Foundation
import GraphModel
import GraphStore

/// A graph opened read-only for the reporting commands (`schema`, `stats`, `rejects`),
/// rendering the store's answers as text tables or JSON.
public final class GraphReport {
    let store: GraphStore
    public let path: String

    init(store: GraphStore, path: String) {
        self.store = store
        self.path = path
    }

    deinit { store.close() }

    // MARK: - schema

    public func schemaText() throws(EngineError) -> String {
        let schema = try readStore { try store.schema() }
        var out = ""
        for label in schema.labels {
            out += "(:\(label.label))  \(label.nodeCount) nodes, key (\(label.key.joined(separator: ", ")))\n"
            var table = TextTable(["property", "type", "non-null"], numeric: [2])
            for p in label.properties { table.add([p.name, p.type.description, "\(p.nonNullCount)"]) }
            out += table.render(indent: "    ")
        }
        for edge in schema.edgeTypes {
            out += "(:\(edge.from))-[:\(edge.name)]->(:\(edge.to))  \(edge.edgeCount) edges\n"
            if !edge.properties.isEmpty {
                var table = TextTable(["property", "type", "non-null"], numeric: [2])
                for p in edge.properties { table.add([p.name, p.type.description, "\(p.nonNullCount)"]) }
                out += table.render(indent: "    ")
            }
        }
        return out.isEmpty ? "The graph is empty: run `loom import` first.\n" : out
    }

    public func schemaJSON() throws(EngineError) -> String {
        let schema = try readStore { try store.schema() }
        func props(_ list: [PropertySchema]) -> String {
            JSONText.array(list.map { JSONText.object([("name", JSONText.string($0.name)), ("type", JSONText.string($0.type.description)), ("nonNull", "\($0.nonNullCount)")]) })
        }
        let labels = schema.labels.map {
            JSONText.object([("label", JSONText.string($0.label)), ("key", JSONText.array($0.key.map(JSONText.string))),
                             ("count", "\($0.nodeCount)"), ("properties", props($0.properties))])
        }
        let edges = schema.edgeTypes.map {
            JSONText.object([("type", JSONText.string($0.name)), ("from", JSONText.string($0.from)), ("to", JSONText.string($0.to)),
                             ("count", "\($0.edgeCount)"), ("properties", props($0.properties))])
        }
        return JSONText.object([("labels", JSONText.array(labels)), ("edgeTypes", JSONText.array(edges))]) + "\n"
    }

    // MARK: - stats

    public func statsText() throws(EngineError) -> String {
        let stats = try readStore { try store.stats() }
        let runs = try readStore { try store.runs() }
        var out = "\(path): \(stats.nodes) nodes, \(stats.edges) edges, \(stats.fileSize) bytes\n"
        var counts = TextTable(["label / edge type", "count"], numeric: [1])
        for l in stats.labels { counts.add([":\(l.name)", "\(l.count)"]) }
        for e in stats.edgeTypes { counts.add(["[:\(e.name)]", "\(e.count)"]) }
        out += counts.render()
        out += "current graph: run \(stats.currentRun.map(String.init) ?? "none"); \(stats.rejects) rejects, \(stats.dangling) dangling references, \(stats.conflicts) conflicts\n"
        if !runs.isEmpty {
            var table = TextTable(["run", "status", "started", "finished", "rows", "nodes", "edges", "rejects", "dangling"], numeric: [0, 4, 5, 6, 7, 8])
            for r in runs.suffix(10) {
                table.add(["\(r.id)", r.status.rawValue, r.startedAt, r.finishedAt ?? "", "\(r.counts.rowsRead)",
                           "\(r.counts.nodesCreated)", "\(r.counts.edges)", "\(r.counts.rejects)", "\(r.counts.dangling)"])
            }
            out += "import runs (last 10):\n" + table.render()
        }
        return out
    }

    public func statsJSON() throws(EngineError) -> String {
        let stats = try readStore { try store.stats() }
        let runs = try readStore { try store.runs() }
        let named = { (list: [NamedCount]) in JSONText.object(list.map { ($0.name, "\($0.count)") }) }
        let runItems = runs.map { r in
            JSONText.object([("run", "\(r.id)"), ("status", JSONText.string(r.status.rawValue)), ("startedAt", JSONText.string(r.startedAt)),
                             ("finishedAt", r.finishedAt.map(JSONText.string) ?? "null"), ("rowsRead", "\(r.counts.rowsRead)"),
                             ("nodes", "\(r.counts.nodesCreated)"), ("edges", "\(r.counts.edges)"), ("rejects", "\(r.counts.rejects)"),
                             ("dangling", "\(r.counts.dangling)"), ("conflicts", "\(r.counts.conflicts)"),
                             ("message", r.message.map(JSONText.string) ?? "null")])
        }
        return JSONText.object([
            ("database", JSONText.string(path)), ("nodes", "\(stats.nodes)"), ("edges", "\(stats.edges)"),
            ("labels", named(stats.labels)), ("edgeTypes", named(stats.edgeTypes)),
            ("currentRun", stats.currentRun.map { "\($0)" } ?? "null"), ("rejects", "\(stats.rejects)"),
            ("dangling", "\(stats.dangling)"), ("conflicts", "\(stats.conflicts)"), ("fileSize", "\(stats.fileSize)"),
            ("runs", JSONText.array(runItems)),
        ]) + "\n"
    }

    // MARK: - rejects

    private func rejectRun(_ run: Int64?) throws(EngineError) -> Int64? {
        if let run { return run }
        return try readStore { try store.lastRun()?.id }
    }

    public func rejectsText(run: Int64?, limit: Int) throws(EngineError) -> String {
        guard let runID = try rejectRun(run) else { return "No import run yet.\n" }
        let rejects = try readStore { try store.rejects(run: runID, limit: limit) }
        let info = try readStore { try store.run(runID) }
        var out = "run \(runID) (\(info?.status.rawValue ?? "unknown")): \(rejects.count) rejected row(s)\n"
        for r in rejects {
            out += "\(r.location): \(r.reason)\n"
            if let rule = r.rule { out += "    rule: \(rule)\n" }
            out += "    row:  \(r.rawText)\n"
        }
        return out
    }

    public func rejectsJSON(run: Int64?, limit: Int) throws(EngineError) -> String {
        guard let runID = try rejectRun(run) else { return "[]\n" }
        let rejects = try readStore { try store.rejects(run: runID, limit: limit) }
        return JSONText.array(rejects.map { r in
            JSONText.object([("run", "\(r.run)"), ("file", JSONText.string(r.source)), ("line", "\(r.line)"),
                             ("column", r.column.map(String.init) ?? "null"), ("record", r.record.map(String.init) ?? "null"),
                             ("rule", r.rule.map(JSONText.string) ?? "null"), ("reason", JSONText.string(r.reason)),
                             ("raw", JSONText.string(r.rawText))])
        }) + "\n"
    }
}
