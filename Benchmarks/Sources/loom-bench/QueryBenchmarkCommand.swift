import ArgumentParser
import Engine
import Foundation

/// `loom-bench query`: times Loom's native BOM queries (Q1–Q5) on the imported SF=N plant
/// against hand-written SQLite recursive CTEs run by the sqlite3 shell on the same database
/// file, and against networkx and Kùzu when they can be pip-installed; checks the answers agree.
struct QueryBenchmarkCommand: ParsableCommand, UsesBenchSetup {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Time Loom's BOM queries against SQLite recursive CTEs, networkx and Kùzu.",
        discussion: """
        Imports the plant once into work/sfN/bench/graph.sqlite (reused while newer than the plant), \
        picks the finished good with the deepest acyclic BOM and the raw part used in the most \
        assemblies (SQL, deterministic), then times Q1 explosion, Q2 where-used, Q3 cost roll-up of \
        every finished good, Q4 single-source parts used in any finished good and Q5 cycle detection.
        """
    )

    @Option(help: "Scale factor of the plant (10 ≈ 100k parts / 507k BOM lines).")
    var scale: Double = 10


    @Option(name: .customLong("repeat"), help: "Timed runs per system and question; the median is reported.")
    var repetitions: Int = 3

    @Option(name: .customLong("as-of"), help: "The date the BOM lines must be valid at.")
    var asOf: String = "2025-03-01"

    @Option(help: "Seconds after which a CTE (or Kùzu query) is stopped and reported as a timeout.")
    var timeout: Double = 60

    @OptionGroup var setup: BenchSetup

    @Flag(help: "Do not run networkx and Kùzu.")
    var noPeers = false

    @Option(help: "Only these questions, comma-separated (e.g. q1,q2); the peers still answer all of them.")
    var only: String?

    /// The questions to time (`--only`, default all).
    private var questions: [QueryName] {
        guard let only else { return QueryName.allCases }
        let names = Set(only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() })
        return QueryName.allCases.filter { names.contains($0.rawValue) }
    }

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard !questions.isEmpty else { throw ValidationError("--only names no question; use q1 … q5") }
    }

    func run() throws {
        let benchmarks = BenchmarkPaths.benchmarksFolder
        let workFolder = work.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? benchmarks.appendingPathComponent("work")
        var workspace = PlantWorkspace(packageRoot: benchmarks.deletingLastPathComponent(), work: workFolder,
                                       seed: seed, plantgen: plantgen, regenerate: false)
        let plant = try workspace.plant(scale: scale)
        let scratch = plant.appendingPathComponent("bench")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let database = try importedGraph(plant: plant, scratch: scratch)
        let machine = MachineInfo.current(sqlite3: sqlite3, packageRoot: benchmarks.deletingLastPathComponent())

        let workload = try QueryWorkload.choose(database: database, sqlite3: sqlite3, asOf: asOf, scratch: scratch)
        print("finished good \(workload.finishedGood) (\(workload.finishedGoodDepth) levels), raw part \(workload.rawPart) "
              + "(in \(workload.rawPartAssemblies) assemblies), \(workload.finishedGoods.count) finished goods, "
              + "\(workload.cyclicFinishedGoods.count) of them above a cycle; as of \(asOf)")
        var report = QueryReport(scale: scale, workload: workload, repetitions: repetitions, timeout: timeout,
                                 machine: machine, loadAverage: MachineInfo.loadAverage)

        let loom = try LoomQueries(database: database, workload: workload)
        if let refusal = loom.withClauseRefusal() {
            report.notes.append("Q4 for Loom uses the native BOM library (`BOMStructure.explode` of every acyclic finished good, "
                                + "then SQL on SUPPLIES): `loom query` refuses WITH (\(refusal.prefix(120))).")
        } else {
            report.notes.append("Q4 for Loom uses the native BOM library (WITH is accepted by `loom query`, but CALL cannot follow MATCH yet).")
        }
        report.startupSeconds = try shellStartup(database: database, scratch: scratch)
        let loads = try (0..<3).map { _ in try loom.loadSeconds() }.sorted()
        report.notes.append(String(format: "Every `CALL bom.*` (and Q4) loads the BOM lines valid at the date from SQLite first: "
                                   + "`BOMStructure.load` alone takes %.3f s (median of 3), included in every Loom figure.", loads[1]))

        var loomTimings: [QueryName: QueryTiming] = [:], cteTimings: [QueryName: QueryTiming] = [:]
        for query in questions {
            var loomTiming = QueryTiming(), cteTiming = QueryTiming()
            let sql = SQLiteShell.cte(query, workload)
            for index in 1...repetitions {
                do {
                    let (seconds, answer) = try loom.run(query)
                    loomTiming.seconds.append(seconds)
                    loomTiming.answer = answer
                } catch {
                    loomTiming.failure = "failed: \(error)"
                }
                if cteTiming.failure == nil {
                    let (seconds, rows) = try SQLiteShell.timed(sqlite3: sqlite3, database: database, sql: sql,
                                                                scratch: scratch, timeout: timeout)
                    if let seconds, let rows {
                        cteTiming.seconds.append(seconds)
                        cteTiming.answer = SQLiteShell.answer(query, rows: rows)
                    } else {
                        cteTiming.failure = "timeout"
                    }
                }
                print(String(format: "%@ run %d/%d: loom %@, sqlite3 CTE %@", query.rawValue, index, repetitions,
                             loomTiming.seconds.last.map { String(format: "%.3f s", $0) } ?? (loomTiming.failure ?? "-"),
                             cteTiming.failure ?? cteTiming.seconds.last.map { String(format: "%.3f s", $0) } ?? "-"))
            }
            loomTimings[query] = loomTiming
            cteTimings[query] = cteTiming
        }
        report.systems = [("Loom (`CALL bom.*`)", loomTimings), ("SQLite recursive CTE (sqlite3 shell)", cteTimings)]

        if !noPeers {
            var notes: [String] = []
            if let python = QueryPeers.python(benchmarks: benchmarks, notes: &notes) {
                print("running networkx and Kùzu (scripts/query_peers.py) ...")
                do {
                    let peers = try QueryPeers.run(python: python, benchmarks: benchmarks, database: database, workload: workload,
                                                   repetitions: repetitions, timeout: timeout, scratch: scratch)
                    for name in ["networkx", "kuzu"] {
                        if let timings = peers[name] { report.systems.append((name == "kuzu" ? "Kùzu" : name, timings)) }
                    }
                } catch {
                    notes.append("peers failed: \(error)")
                }
            }
            report.notes += notes
        }

        print("")
        print(report.table)
        print(report.answers)
        print(report.verdict)
        let file = workFolder.appendingPathComponent("results-query-\(ResultsReport.stamp()).md")
        try report.markdown.write(to: file, atomically: true, encoding: .utf8)
        print("written to \(file.path)")
        if report.hasDisagreement { throw ExitCode(1) }
    }

    /// work/sfN/bench/graph.sqlite: imported with `Engine.importProject` unless it is newer
    /// than the plant (its loom.yaml and generator stamp).
    private func importedGraph(plant: URL, scratch: URL) throws -> String {
        let database = scratch.appendingPathComponent("graph.sqlite").path
        func modified(_ path: String) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        }
        let plantDate = [plant.appendingPathComponent("loom.yaml").path, plant.appendingPathComponent(".bench-stamp").path]
            .compactMap(modified).max() ?? .distantFuture
        if let graphDate = modified(database), graphDate > plantDate {
            print("reusing \(database)")
            return database
        }
        DatabaseFiles.remove(database)
        print("importing \(plant.path) into \(database) (untimed) ...")
        _ = try Engine.importProject(ImportOptions(project: plant.appendingPathComponent("loom.yaml").path, database: database))
        return database
    }

    /// Median wall time of the sqlite3 shell running `SELECT 1` on the database: the start-up
    /// that every CTE timing includes.
    private func shellStartup(database: String, scratch: URL) throws -> Double {
        var timing = QueryTiming()
        for _ in 0..<5 {
            if let seconds = try SQLiteShell.timed(sqlite3: sqlite3, database: database, sql: "SELECT 1;",
                                                   scratch: scratch, timeout: timeout).seconds {
                timing.seconds.append(seconds)
            }
        }
        return timing.median ?? 0
    }
}
