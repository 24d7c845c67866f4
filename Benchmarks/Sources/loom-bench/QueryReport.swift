import Foundation

/// The query benchmark's results: one side-by-side table (system × Q1..Q5, median seconds),
/// the answers each system gave compared with Loom's, the targets, and the method.
struct QueryReport {
    var scale: Double
    var workload: QueryWorkload
    var repetitions: Int
    var timeout: Double
    var machine: MachineInfo
    var loadAverage: String
    var startupSeconds = 0.0
    var systems: [(name: String, timings: [QueryName: QueryTiming])] = []
    var notes: [String] = []

    private func cell(_ timing: QueryTiming?) -> String {
        guard let timing else { return "—" }
        if let median = timing.median, timing.failure == nil { return String(format: "%.3f", median) }
        return timing.failure.map { $0.hasPrefix("skipped") ? "skipped" : ($0 == "timeout" ? "timeout (>\(Int(timeout)) s)" : "failed") } ?? "—"
    }

    var table: String {
        var out = "| system (median of \(repetitions), seconds) | " + QueryName.allCases.map(\.rawValue).joined(separator: " | ") + " |\n"
        out += "|---|" + QueryName.allCases.map { _ in "---:|" }.joined() + "\n"
        for system in systems {
            out += "| \(system.name) | " + QueryName.allCases.map { cell(system.timings[$0]) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    private var reference: [QueryName: QueryTiming] { systems.first?.timings ?? [:] }

    private func comparison(_ query: QueryName, _ timing: QueryTiming?) -> String {
        guard let answer = timing?.answer, timing?.failure == nil else { return timing?.failure.map { $0.hasPrefix("skipped") ? "skipped" : $0.prefix(60) + "" } ?? "—" }
        guard let loom = reference[query]?.answer else { return "\(answer.rows) rows" }
        let ignoring = query == .q3 ? workload.cyclicFinishedGoods : []
        let differences = answer.differences(from: loom, ignoring: ignoring)
        return "\(answer.rows) rows, " + (differences.isEmpty ? "same" : "**differs**: " + differences.joined(separator: "; "))
    }

    var answers: String {
        var out = "| system | " + QueryName.allCases.map(\.rawValue).joined(separator: " | ") + " |\n"
        out += "|---|" + QueryName.allCases.map { _ in "---|" }.joined() + "\n"
        for (index, system) in systems.enumerated() {
            out += "| \(system.name) | " + QueryName.allCases.map { query in
                index == 0 ? (system.timings[query]?.answer.map { "\($0.rows) rows" } ?? "—") : comparison(query, system.timings[query])
            }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    var hasDisagreement: Bool {
        systems.dropFirst().contains { system in
            QueryName.allCases.contains { comparison($0, system.timings[$0]).contains("**differs**") }
        }
    }

    var verdict: String {
        func median(_ system: Int, _ query: QueryName) -> Double? {
            guard system < systems.count, let t = systems[system].timings[query], t.failure == nil else { return nil }
            return t.median
        }
        func text(_ value: Double?) -> String { value.map { String(format: "%.3f s", $0) } ?? "no figure" }
        var lines = ["Targets:"]
        for query in [QueryName.q1, .q2] {
            let loom = median(0, query), cte = median(1, query)
            let met: String
            if let loom, let cte { met = loom <= cte ? "met" : "NOT met" }
            else if loom != nil, systems.count > 1, systems[1].timings[query]?.failure == "timeout" { met = "met (the CTE timed out)" }
            else { met = "unknown" }
            lines.append("- \(query.rawValue) no slower than the hand-written CTE: \(met) (Loom \(text(loom)), CTE \(text(cte)))")
        }
        let q3 = median(0, .q3), q5 = median(0, .q5)
        lines.append("- Q3 ≤ 1 s: \(q3.map { $0 <= 1 ? "met" : "NOT met" } ?? "unknown") (\(text(q3)))")
        lines.append("- Q5 ≤ 0.5 s: \(q5.map { $0 <= 0.5 ? "met" : "NOT met" } ?? "unknown") (\(text(q5)))")
        return lines.joined(separator: "\n")
    }

    var markdown: String {
        var out = "# Query benchmark, scale \(ScaleText.of(scale))\n\n"
        out += machine.markdown + "- load average at start: \(loadAverage)\n\n"
        out += "Workload (chosen by SQL, untimed): as of \(workload.asOf); finished good \(workload.finishedGood) "
        out += "(deepest acyclic BOM, \(workload.finishedGoodDepth) levels); raw part \(workload.rawPart) "
        out += "(direct component of \(workload.rawPartAssemblies) assemblies); \(workload.finishedGoods.count) finished goods, "
        out += "\(workload.cyclicFinishedGoods.count) of them above an injected cycle (Q3 compares the others; Q4 uses the "
        out += "\(workload.acyclicFinishedGoods.count) acyclic ones).\n\n"
        out += "## Times\n\n" + table + "\n"
        out += String(format: "The sqlite3 shell's start-up (`SELECT 1`, median of 5) is %.3f s and is included in every CTE figure.\n\n", startupSeconds)
        out += "## Answers (compared with Loom's; numbers to 6 significant digits)\n\n" + answers + "\n"
        out += verdict + "\n\n"
        if !notes.isEmpty { out += "## Notes\n\n" + notes.map { "- " + $0 }.joined(separator: "\n") + "\n\n" }
        out += "## Per-run seconds\n\n"
        for system in systems {
            for query in QueryName.allCases {
                let seconds = system.timings[query]?.seconds.map { String(format: "%.3f", $0) }.joined(separator: ", ") ?? ""
                out += "- \(system.name) \(query.rawValue): \(seconds.isEmpty ? (system.timings[query]?.failure ?? "—") : seconds)\n"
            }
        }
        out += "\n## The hand-written CTEs\n\n"
        for query in QueryName.allCases {
            var sql = SQLiteShell.cte(query, workload)
            if query == .q4 { sql = sql.replacingOccurrences(of: QueryWorkload.sqlList(workload.acyclicFinishedGoods), with: "…acyclic finished goods…") }
            out += "\(query.rawValue) (\(query.title)):\n\n```sql\n\(sql)\n```\n\n"
        }
        return out
    }
}
