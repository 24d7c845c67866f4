import Engine
import Foundation

/// The counts `loom-plantgen` promises in `ground-truth.csv` (`count-nodes`, `count-edges`,
/// `count-rows`, `count-rejects`, `count-dangling` rows), and the comparison with what an
/// import actually produced.
struct GroundTruthCounts: Sendable {
    var nodes: [(label: String, count: Int)] = []
    var edges: [(type: String, count: Int)] = []
    /// Data rows per file name (`STPO.csv`).
    var rows: [String: Int] = [:]
    var rejects: Int?
    var dangling: Int?

    var totalRows: Int { rows.values.reduce(0, +) }

    static func load(plant: URL) throws -> GroundTruthCounts {
        let path = plant.appendingPathComponent("ground-truth.csv").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ChildProcessError(description: "cannot read \(path): the generator writes it next to loom.yaml")
        }
        var truth = GroundTruthCounts()
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) where line.hasPrefix("count-") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4, let count = Int(fields[3].trimmingCharacters(in: .whitespaces)) else { continue }
            switch fields[0] {
            case "count-nodes": truth.nodes.append((fields[1], count))
            case "count-edges": truth.edges.append((fields[1], count))
            case "count-rows": truth.rows[fields[1], default: 0] += count
            case "count-rejects": truth.rejects = count
            case "count-dangling": truth.dangling = count
            default: break
            }
        }
        return truth
    }
}

/// What one Loom import produced, read back from its database and report (untimed).
struct ImportedCounts: Sendable {
    var labels: [String: Int]
    var edgeTypes: [String: Int]
    var rejects: Int
    var dangling: Int
    var rowsRead: Int

    /// Reads `loom stats --format json` of the database and the child's report.
    static func read(database: String, reportJSON: Data) throws -> ImportedCounts {
        let statsText: String
        do {
            statsText = try Engine.openGraph(project: nil, database: database).statsJSON()
        } catch {
            throw ChildProcessError(description: "cannot read the stats of \(database): \(error)")
        }
        guard let stats = try JSONSerialization.jsonObject(with: Data(statsText.utf8)) as? [String: Any],
              let report = try JSONSerialization.jsonObject(with: reportJSON) as? [String: Any] else {
            throw ChildProcessError(description: "unexpected stats or report JSON from the import")
        }
        let sources = report["sources"] as? [[String: Any]] ?? []
        return ImportedCounts(
            labels: stats["labels"] as? [String: Int] ?? [:],
            edgeTypes: stats["edgeTypes"] as? [String: Int] ?? [:],
            rejects: report["rejects"] as? Int ?? -1,
            dangling: report["dangling"] as? Int ?? -1,
            rowsRead: sources.reduce(0) { $0 + ($1["rowsRead"] as? Int ?? 0) })
    }

    /// Every disagreement with the ground truth, one line each; empty when all counts match.
    func mismatches(against truth: GroundTruthCounts) -> [String] {
        var out: [String] = []
        for (label, expected) in truth.nodes where labels[label] != expected {
            out.append("nodes :\(label): expected \(expected), imported \(labels[label].map(String.init) ?? "none")")
        }
        for (type, expected) in truth.edges where edgeTypes[type] != expected {
            out.append("edges [:\(type)]: expected \(expected), imported \(edgeTypes[type].map(String.init) ?? "none")")
        }
        let knownLabels = Set(truth.nodes.map(\.label)), knownTypes = Set(truth.edges.map(\.type))
        for (label, count) in labels where !knownLabels.contains(label) { out.append("nodes :\(label): \(count) imported, not in the ground truth") }
        for (type, count) in edgeTypes where !knownTypes.contains(type) { out.append("edges [:\(type)]: \(count) imported, not in the ground truth") }
        if let expected = truth.rejects, expected != rejects { out.append("rejects: expected \(expected), import reported \(rejects)") }
        if let expected = truth.dangling, expected != dangling { out.append("dangling: expected \(expected), import reported \(dangling)") }
        if !truth.rows.isEmpty, truth.totalRows != rowsRead { out.append("rows read: expected \(truth.totalRows), import reported \(rowsRead)") }
        return out
    }
}
