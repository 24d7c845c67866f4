import Foundation

/// Everything measured at one scale factor.
struct ScaleResult {
    var scale: Double
    var files: Int
    var inputBytes: Int
    /// Data rows of all files, from the ground truth.
    var dataRows: Int
    var floorRuns: [ChildRun] = []
    var loomRuns: [ChildRun] = []
    /// The import's own clock (`ImportReport.seconds`), per run.
    var loomReportedSeconds: [Double] = []
    var floorRows = 0
    var floorWarnings = 0
    var rowsRead = 0
    var loomDatabaseBytes = 0
    var floorDatabaseBytes = 0
    /// The 1-minute load average when the scale's runs began (other work on the machine).
    var loadAverage: String = ""
    /// Per-source times from the import report of the last run.
    var loomSources: [SourceTiming] = []
    /// Disagreements of Loom's graph with the ground truth (empty when all counts match).
    var mismatches: [String] = []

    var floorSeconds: Double { Median.of(floorRuns.map(\.wallSeconds)) }
    var loomSeconds: Double { Median.of(loomRuns.map(\.wallSeconds)) }
    var ratio: Double { loomSeconds / floorSeconds }
    /// The highest peak RSS over Loom's runs.
    var loomPeakRSS: Int { loomRuns.map(\.peakRSSBytes).max() ?? 0 }
    var floorPeakRSS: Int { floorRuns.map(\.peakRSSBytes).max() ?? 0 }
    var loomCPUSeconds: Double { Median.of(loomRuns.map { $0.userSeconds + $0.systemSeconds }) }
    /// The median of run i's Loom time over run i's floor time: less sensitive to drift in
    /// the machine's speed during the runs than the ratio of the medians.
    var pairedRatio: Double {
        Median.of(zip(loomRuns, floorRuns).map { $0.wallSeconds / $1.wallSeconds })
    }
    var floorCPUSeconds: Double { Median.of(floorRuns.map { $0.userSeconds + $0.systemSeconds }) }
    var rows: Int { dataRows > 0 ? dataRows : rowsRead }
}

/// One source's share of an import, from the import report.
struct SourceTiming {
    var file: String
    var rows: Int
    var seconds: Double
}

enum Median {
    static func of(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// The Markdown the benchmark prints and writes to `work/results-<date>.md`.
struct ResultsReport {
    static let ratioTarget = 2.0
    static let rssTargetBytes = 200_000_000

    var results: [ScaleResult]
    var machine: MachineInfo
    var seed: UInt64
    var repetitions: Int

    var table: String {
        var out = """
        | scale | files | input MB | data rows | floor `.import` s | Loom import s | ratio Loom/floor | Loom peak RSS MB | floor peak RSS MB | Loom rows/s | floor rows/s | counts vs ground truth |
        |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|

        """
        for r in results {
            out += "| \(ScaleText.of(r.scale)) | \(r.files) | \(f1(Double(r.inputBytes) / 1e6)) | \(group(r.rows)) | \(f2(r.floorSeconds)) | \(f2(r.loomSeconds)) | **\(f2(r.ratio))×** | \(f1(Double(r.loomPeakRSS) / 1e6)) | \(f1(Double(r.floorPeakRSS) / 1e6)) | \(group(Int(Double(r.rows) / r.loomSeconds))) | \(group(Int(Double(r.rows) / r.floorSeconds))) | \(r.mismatches.isEmpty ? "match" : "**\(r.mismatches.count) MISMATCH(ES)**") |\n"
        }
        return out
    }

    var details: String {
        var out = ""
        for r in results {
            out += "### Scale \(ScaleText.of(r.scale))\n\n"
            out += "- load average (1, 5, 15 min) before the runs: \(r.loadAverage)\n"
            out += "- floor runs (wall s): \(r.floorRuns.map { f2($0.wallSeconds) }.joined(separator: ", ")); CPU (user+sys, median) \(f2(r.floorCPUSeconds)) s; rows in the untyped tables: \(group(r.floorRows)); shell warnings: \(r.floorWarnings); database \(f1(Double(r.floorDatabaseBytes) / 1e6)) MB\n"
            out += "- Loom runs (wall s): \(r.loomRuns.map { f2($0.wallSeconds) }.joined(separator: ", ")); the import's own clock: \(r.loomReportedSeconds.map(f2).joined(separator: ", ")); CPU (user+sys, median) \(f2(r.loomCPUSeconds)) s; peak RSS per run (MB): \(r.loomRuns.map { f1(Double($0.peakRSSBytes) / 1e6) }.joined(separator: ", ")); database \(f1(Double(r.loomDatabaseBytes) / 1e6)) MB\n"
            out += "- ratio of the medians \(f2(r.ratio))×; median of the per-run ratios \(f2(r.pairedRatio))×; CPU time ratio \(f2(r.loomCPUSeconds / r.floorCPUSeconds))× (Loom reads and maps on a second thread)\n"
            out += "- rows read by Loom (report): \(group(r.rowsRead)); data rows in the ground truth: \(group(r.dataRows))\n"
            if !r.loomSources.isEmpty {
                let total = r.loomReportedSeconds.last ?? 0
                let sources = r.loomSources.sorted { $0.seconds > $1.seconds }.prefix(6)
                    .map { "\($0.file) \(f2($0.seconds)) s (\(group($0.rows)) rows)" }.joined(separator: ", ")
                let rest = total - r.loomSources.reduce(0) { $0 + $1.seconds }
                out += "- Loom's slowest sources (last run): \(sources); outside the per-source times (setup, edge resolution, commit): \(f2(rest)) s\n"
            }
            if r.mismatches.isEmpty {
                out += "- Loom's graph matches the ground truth (nodes per label, edges per type, rejects, dangling, rows read)\n"
            } else {
                out += "- **Loom's graph disagrees with the ground truth:**\n" + r.mismatches.map { "  - \($0)\n" }.joined()
            }
            out += "\n"
        }
        return out
    }

    var verdict: String {
        var lines: [String] = []
        if let largest = results.max(by: { $0.scale < $1.scale }) {
            let ratioMet = largest.ratio <= ResultsReport.ratioTarget
            lines.append("Speed target (≤ \(f1(ResultsReport.ratioTarget))× the floor at the largest scale, \(ScaleText.of(largest.scale))): \(f2(largest.ratio))× — \(ratioMet ? "met" : "NOT met").")
        }
        let worstRSS = results.map(\.loomPeakRSS).max() ?? 0
        lines.append("Memory target (peak RSS ≤ 200 MB at every scale): \(f1(Double(worstRSS) / 1e6)) MB — \(worstRSS <= ResultsReport.rssTargetBytes ? "met" : "NOT met").")
        return lines.joined(separator: "\n") + "\n"
    }

    var markdown: String {
        """
        # loom-bench import — \(ResultsReport.stamp())

        Seed \(seed), median of \(repetitions) run(s) per side, release build. MB = 10^6 bytes.

        \(machine.markdown)
        \(table)
        \(verdict)
        \(details)
        """
    }

    static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd-HHmmss"
        return formatter.string(from: Date())
    }

    private func f1(_ value: Double) -> String { String(format: "%.1f", value) }
    private func f2(_ value: Double) -> String { String(format: "%.2f", value) }
    private func group(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return String(out.reversed())
    }
}
