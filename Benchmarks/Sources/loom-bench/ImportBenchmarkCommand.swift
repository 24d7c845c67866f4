import ArgumentParser
import Foundation

/// `loom-bench import`: imports generated plants with Loom and, in the same run, with the
/// sqlite3 shell's `.import` (the floor); reports medians, the ratio and Loom's peak RSS.
struct ImportBenchmarkCommand: ParsableCommand, UsesBenchSetup {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Time Loom's import of generated plants against sqlite3 .import of the same files.",
        discussion: """
        For each scale: generate the plant (or reuse it), then REPEAT times: the sqlite3 shell \
        imports every export file into untyped tables of a fresh database (the floor), and Loom \
        imports the plant's loom.yaml into a fresh database in a child process. Wall time is the \
        parent's clock from spawn to reap; peak RSS is the child's ru_maxrss from wait4. Loom's \
        graph is checked against the generator's ground-truth.csv after every run.
        """
    )

    @Option(help: "Comma-separated scale factors (1 ≈ 10k parts / 50k BOM lines).")
    var scales: String = "1,10"


    @Option(name: .customLong("repeat"), help: "Timed runs of each side per scale; the median is reported.")
    var repetitions: Int = 3

    @OptionGroup var setup: BenchSetup

    @Flag(help: "Generate the plants again even when they exist with the same seed.")
    var regenerate = false

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard !parsedScales.isEmpty, parsedScales.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--scales wants positive numbers separated by commas, e.g. 1,10")
        }
    }

    private var parsedScales: [Double] {
        scales.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }

    func run() throws {
        let benchmarks = BenchmarkPaths.benchmarksFolder
        let workFolder = work.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? benchmarks.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        var workspace = PlantWorkspace(packageRoot: benchmarks.deletingLastPathComponent(), work: workFolder,
                                       seed: seed, plantgen: plantgen, regenerate: regenerate)
        let machine = MachineInfo.current(sqlite3: sqlite3, packageRoot: benchmarks.deletingLastPathComponent())
        var results: [ScaleResult] = []
        for scale in parsedScales {
            let plant = try workspace.plant(scale: scale)
            results.append(try measure(scale: scale, plant: plant))
        }
        let report = ResultsReport(results: results, machine: machine, seed: seed, repetitions: repetitions)
        print("")
        print(report.table)
        print(report.verdict)
        let file = workFolder.appendingPathComponent("results-\(ResultsReport.stamp()).md")
        try report.markdown.write(to: file, atomically: true, encoding: .utf8)
        print("written to \(file.path)")
        if results.contains(where: { !$0.mismatches.isEmpty }) { throw ExitCode(1) }
    }

    private func measure(scale: Double, plant: URL) throws -> ScaleResult {
        let sources = try PlantSources.load(plant: plant)
        let truth = try GroundTruthCounts.load(plant: plant)
        let scratch = plant.appendingPathComponent("bench")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let floor = try FloorImport.prepare(sqlite3: sqlite3, sources: sources, scratch: scratch)
        warmPageCache(sources.map(\.absolutePath) + floor.sources.map(\.absolutePath))

        let floorDB = scratch.appendingPathComponent("floor.sqlite").path
        let loomDB = scratch.appendingPathComponent("loom.sqlite").path
        let reportPath = scratch.appendingPathComponent("loom-report.json").path
        let errorPath = scratch.appendingPathComponent("loom-stderr.txt").path
        var result = ScaleResult(scale: scale, files: sources.count, inputBytes: sources.reduce(0) { $0 + $1.bytes },
                                 dataRows: truth.totalRows)
        result.loadAverage = MachineInfo.loadAverage
        for index in 1...repetitions {
            let floorRun = try floor.run(database: floorDB)
            result.floorRuns.append(floorRun)
            if index == 1 {
                result.floorRows = try floor.rowCounts(database: floorDB).values.reduce(0, +)
                result.floorWarnings = floor.lastWarnings.count
            }

            DatabaseFiles.remove(loomDB)
            let loomRun = try ChildProcess.run(ChildProcess.currentExecutable, ["child-import", "--project",
                                               plant.appendingPathComponent("loom.yaml").path, "--db", loomDB],
                                               stdout: reportPath, stderr: errorPath)
            guard loomRun.succeeded else {
                let message = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
                throw ChildProcessError(description: "Loom's import of \(plant.path) failed (exit \(loomRun.exitCode)):\n\(message.prefix(4000))")
            }
            result.loomRuns.append(loomRun)
            result.loomDatabaseBytes = DatabaseFiles.size(loomDB)
            let reportData = try Data(contentsOf: URL(fileURLWithPath: reportPath))
            if let report = try JSONSerialization.jsonObject(with: reportData) as? [String: Any] {
                if let seconds = report["seconds"] as? Double { result.loomReportedSeconds.append(seconds) }
                result.loomSources = (report["sources"] as? [[String: Any]] ?? []).map {
                    SourceTiming(file: (($0["path"] as? String ?? "?") as NSString).lastPathComponent,
                                 rows: $0["rowsRead"] as? Int ?? 0, seconds: $0["seconds"] as? Double ?? 0)
                }
            }
            let counts = try ImportedCounts.read(database: loomDB, reportJSON: reportData)
            result.mismatches = counts.mismatches(against: truth)
            result.rowsRead = counts.rowsRead
            print(String(format: "sf%@ run %d/%d: floor %.2f s (%.0f MB), loom %.2f s (%.0f MB)%@", ScaleText.of(scale), index, repetitions,
                         floorRun.wallSeconds, Double(floorRun.peakRSSBytes) / 1e6, loomRun.wallSeconds,
                         Double(loomRun.peakRSSBytes) / 1e6, result.mismatches.isEmpty ? ", counts match the ground truth" : ""))
            if !result.mismatches.isEmpty { printLoudly(result.mismatches, scale: scale) }
        }
        result.floorDatabaseBytes = DatabaseFiles.size(floorDB)
        return result
    }

    private func printLoudly(_ mismatches: [String], scale: Double) {
        let bar = String(repeating: "!", count: 72)
        print("\(bar)\n!!! sf\(ScaleText.of(scale)): Loom's graph DISAGREES with the generator's ground truth:")
        for line in mismatches { print("!!!   \(line)") }
        print(bar)
    }

    /// Reads every input once, untimed, so neither side pays for the first read from disk.
    private func warmPageCache(_ paths: [String]) {
        for path in Set(paths) {
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {}
            try? handle.close()
        }
    }
}

/// Where this package lives, from this source file's path (Benchmarks/Sources/loom-bench/...).
enum BenchmarkPaths {
    static var benchmarksFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
