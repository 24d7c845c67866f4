import Engine
import Foundation
import GraphModel
import GraphStore

/// Loom's side of the query benchmark: Q1, Q2, Q3 and Q5 are Cypher `CALL bom.*` queries run
/// through `GraphReport.run` (what `loom query` does) on a graph opened once; each timed run
/// includes compiling the query, loading the BOM lines valid at the date, the walk, and reading
/// the rows back. Q4 needs `WITH` (or CALL combined with MATCH), which the query language does
/// not support yet, so it is computed with the native BOM library: `BOMStructure.load` once,
/// `explode` of every finished good with an acyclic BOM, and one SQL query on SUPPLIES.
struct LoomQueries {
    let graph: GraphReport
    let database: String
    let workload: QueryWorkload

    init(database: String, workload: QueryWorkload) throws {
        graph = try Engine.openGraph(project: nil, database: database)
        self.database = database
        self.workload = workload
    }

    func text(_ query: QueryName) -> String? {
        let date = "date('\(workload.asOf)')"
        switch query {
        case .q1: return "CALL bom.explode($part, {asOf: \(date)}) YIELD component, quantity RETURN component, quantity"
        case .q2: return "CALL bom.whereUsed($part, {asOf: \(date)}) YIELD assembly, quantity RETURN assembly, quantity"
        case .q3: return "CALL bom.rollup('unitCost', {asOf: \(date), parts: $parts, skipCycles: true}) YIELD part, value RETURN part, value"
        case .q4: return nil
        case .q5: return "CALL bom.cycles({asOf: \(date)}) YIELD cycle, parts RETURN cycle, parts"
        }
    }

    /// Whether the query language accepts `WITH` yet (the message when it does not).
    func withClauseRefusal() -> String? {
        do {
            _ = try graph.run(QueryRequest(text: "MATCH (p:Part) WITH p RETURN count(p)"))
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Seconds `BOMStructure.load` takes (reading the parts and the lines valid at the date):
    /// the part of every `CALL bom.*` that does not depend on the question.
    func loadSeconds() throws -> Double {
        let store = try GraphStore.open(path: database, readOnly: true)
        defer { store.close() }
        var options = BOMOptions()
        options.asOf = LocalDate(iso: workload.asOf)
        let started = ContinuousClock.now
        let bom = try BOMStructure.load(from: store, options: options)
        _ = bom.lineCount
        return (ContinuousClock.now - started).seconds
    }

    /// Runs `query` once; returns the seconds it took and its answer.
    func run(_ query: QueryName) throws -> (Double, QueryAnswer) {
        guard let text = text(query) else { return try nativeSingleSourced() }
        let parameters: [String: Value] = [
            "part": .string(query == .q2 ? workload.rawPart : workload.finishedGood),
            "parts": .string(QueryWorkload.jsonList(workload.finishedGoods)),
        ]
        let started = ContinuousClock.now
        let outcome = try graph.run(QueryRequest(text: text, parameters: parameters))
        let seconds = (ContinuousClock.now - started).seconds
        guard case .rows(let result) = outcome else { throw ChildProcessError(description: "\(query.rawValue) returned no rows") }
        var values: [String: Double?] = [:]
        var rows = result.rows.count
        if query == .q5 {
            // One row per cycle; the answer compared is the set of parts on a cycle.
            for row in result.rows {
                let list = (try? JSONSerialization.jsonObject(with: Data(row[1].description.utf8))) as? [Any] ?? []
                for part in list { values["\(part)"] = .some(nil) }
            }
            rows = values.count
        } else {
            for row in result.rows { values[row[0].description] = Self.number(row[1]) }
        }
        return (seconds, QueryAnswer(rows: rows, values: values))
    }

    /// Q4 natively: the parts below any acyclic finished good, intersected with the parts that
    /// have exactly one supplier.
    private func nativeSingleSourced() throws -> (Double, QueryAnswer) {
        let started = ContinuousClock.now
        let store = try GraphStore.open(path: database, readOnly: true)
        defer { store.close() }
        var options = BOMOptions()
        options.asOf = LocalDate(iso: workload.asOf)
        let bom = try BOMStructure.load(from: store, options: options)
        var used = Set<String>()
        for good in workload.acyclicFinishedGoods {
            for line in try bom.explode(good) { used.insert(line.component) }
        }
        var values: [String: Double?] = [:]
        try store.forEachRow("""
            SELECT n._key FROM edge_SUPPLIES s JOIN node_Part n ON n._id = s._to
            GROUP BY s._to HAVING count(DISTINCT s._from) = 1
            """) { row in
            let key = row[0].description
            if used.contains(key) { values[key] = .some(nil) }
        }
        let seconds = (ContinuousClock.now - started).seconds
        return (seconds, QueryAnswer(rows: values.count, values: values))
    }

    static func number(_ value: Value) -> Double? {
        switch value {
        case .integer(let i): Double(i)
        case .float(let d): d
        case .decimal(let d): Double(d.description)
        case .string(let s): Double(s)
        default: nil
        }
    }
}
