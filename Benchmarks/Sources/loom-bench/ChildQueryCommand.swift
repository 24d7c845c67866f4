import ArgumentParser
import Engine
import Foundation
import GraphModel
import GraphStore

/// `loom-bench child-query`: runs one question of the query benchmark in this process, N
/// times, and prints each run's seconds. For profiling (`perf record … loom-bench child-query`)
/// without the sqlite3 baseline or the workload selection around it. The workload (finished
/// good, raw part, finished goods) comes from `query-workload.json`, which `loom-bench query`
/// writes next to the graph.
struct ChildQueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "child-query",
        abstract: "Run one benchmark question in-process N times (for profiling).",
        shouldDisplay: false
    )

    @Option(help: "The imported graph (work/sfN/bench/graph.sqlite).")
    var db: String

    @Option(help: "The workload file (default: query-workload.json next to the graph).")
    var workload: String?

    @Option(help: "q1 … q5.")
    var query: String = "q1"

    @Option(name: .customLong("repeat"), help: "Runs.")
    var repetitions: Int = 10

    @Flag(help: "Also run the question once with PROFILE and print its steps (compile, call, execute).")
    var profile = false

    @Flag(help: "Time the steps of the native BOM library (load, walk, rows) separately, best of --repeat.")
    var phases = false

    @Option(help: "Write the answer's rows (tab-separated, as the values print) to this file, to compare builds.")
    var dump: String?

    func run() throws {
        guard let name = QueryName(rawValue: query.uppercased()) else {
            throw ValidationError("unknown question \(query); use q1 … q5")
        }
        let file = workload ?? URL(fileURLWithPath: db).deletingLastPathComponent()
            .appendingPathComponent("query-workload.json").path
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any] ?? [:]
        let goods = object["finishedGoods"] as? [String] ?? []
        let acyclic = object["acyclicFinishedGoods"] as? [String] ?? []
        let loaded = QueryWorkload(asOf: object["asOf"] as? String ?? "2025-03-01",
                                   finishedGood: object["finishedGood"] as? String ?? "",
                                   finishedGoodDepth: 0, rawPart: object["rawPart"] as? String ?? "",
                                   rawPartAssemblies: 0, finishedGoods: goods, acyclicFinishedGoods: acyclic,
                                   cyclicFinishedGoods: Set(goods).subtracting(acyclic))
        let loom = try LoomQueries(database: db, workload: loaded)
        if phases { try timePhases(loaded); return }
        var times: [Double] = []
        for index in 1...repetitions {
            let cpu = Self.cpuSeconds()
            let (seconds, answer) = try loom.run(name)
            times.append(seconds)
            print(String(format: "%@ run %d: %.4f s (CPU %.4f s), %d rows", name.rawValue, index, seconds,
                         Self.cpuSeconds() - cpu, answer.rows))
        }
        let parameters: [String: Value] = [
            "part": .string(name == .q2 ? loaded.rawPart : loaded.finishedGood),
            "parts": .string(QueryWorkload.jsonList(loaded.finishedGoods)),
        ]
        if profile, let text = loom.text(name),
           case .profile(_, let steps) = try loom.graph.run(QueryRequest(text: "PROFILE " + text, parameters: parameters)) {
            print(steps, terminator: "")
        }
        if let dump, let text = loom.text(name) {
            guard case .rows(let result) = try loom.graph.run(QueryRequest(text: text, parameters: parameters)) else { return }
            let lines = result.rows.map { $0.map(\.description).joined(separator: "\t") }.sorted()
            try (lines.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        let sorted = times.sorted()
        print(String(format: "median %.4f s, min %.4f s", sorted[sorted.count / 2], sorted[0]))
    }

    /// User + system CPU seconds of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Best-of-N seconds of each step of the native library for the question.
    private func timePhases(_ workload: QueryWorkload) throws {
        let store = try GraphStore.open(path: db, readOnly: true)
        defer { store.close() }
        var options = BOMOptions()
        options.asOf = LocalDate(iso: workload.asOf)
        func best(_ name: String, _ body: () throws -> Int) rethrows {
            var times: [Double] = []
            var count = 0
            for _ in 0..<repetitions {
                let started = ContinuousClock.now
                count = try body()
                times.append((ContinuousClock.now - started).seconds)
            }
            print(String(format: "%-28@ best %.4f s, median %.4f s (%d)", name, times.min() ?? 0,
                         times.sorted()[times.count / 2], count))
        }
        let good = workload.finishedGood, raw = workload.rawPart
        try best("load down (partial)") { try BOMStructure.load(from: store, options: options, reachableFrom: [good], reach: .down).lineCount }
        try best("load up (partial)") { try BOMStructure.load(from: store, options: options, reachableFrom: [raw], reach: .up).lineCount }
        let down = try BOMStructure.load(from: store, options: options, reachableFrom: [good], reach: .down)
        let up = try BOMStructure.load(from: store, options: options, reachableFrom: [raw], reach: .up)
        try best("explode") { try down.explode(good).count }
        try best("whereUsed") { try up.whereUsed(raw).count }
        let exploded = try down.explode(good), used = try up.whereUsed(raw)
        best("explode rows (values)") { exploded.map { [Value.string($0.component), BOMQuantity.value($0.quantity)] }.count }
        best("whereUsed rows (values)") { used.map { [Value.string($0.assembly), BOMQuantity.value($0.quantity)] }.count }
        try best("load whole") { try BOMStructure.load(from: store, options: options).lineCount }
        let whole = try BOMStructure.load(from: store, options: options)
        try best("cycles") { try whole.cycles().count }
        try best("rollup (finished goods)") {
            try whole.rollup("unitCost", from: store, parts: workload.finishedGoods, skippingCycles: true).count
        }
        try best("SQL: edges scan only") {
            var n = 0
            try store.forEachRow("SELECT _from, _to, quantity FROM edge_HAS_COMPONENT WHERE (validFrom IS NULL OR validFrom <= ?) AND (validTo IS NULL OR validTo >= ?)",
                                 arguments: [.string(workload.asOf), .string(workload.asOf)]) { _ in n += 1 }
            return n
        }
    }
}
