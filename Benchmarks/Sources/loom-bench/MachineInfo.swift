import Foundation

/// The machine a benchmark ran on, for the results file: cores, memory, OS, compiler, sqlite3.
struct MachineInfo {
    var cores: Int
    var memoryGiB: Double
    var system: String
    var swiftVersion: String
    var sqliteVersion: String
    var cpuModel: String
    /// The main package's commit, and whether Sources/ had uncommitted changes.
    var revision: String

    static func current(sqlite3: String, packageRoot: URL) -> MachineInfo {
        let swift = ChildProcess.which("swift").flatMap { try? capture($0, ["--version"]) } ?? "unknown"
        let sqlite = (try? capture(sqlite3, ["--version"])) ?? "unknown"
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown"
        return MachineInfo(
            cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryGiB: Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824,
            system: ProcessInfo.processInfo.operatingSystemVersionString,
            swiftVersion: swift.split(separator: "\n").first.map(String.init) ?? swift,
            sqliteVersion: String(sqlite.split(separator: " ").prefix(2).joined(separator: " ")),
            cpuModel: model,
            revision: revision(of: packageRoot))
    }

    private static func revision(of root: URL) -> String {
        guard let git = ChildProcess.which("git"),
              let head = try? capture(git, ["-C", root.path, "rev-parse", "--short", "HEAD"]) else { return "unknown" }
        let dirty = (try? capture(git, ["-C", root.path, "status", "--porcelain", "--", "Sources", "Package.swift"])) ?? ""
        return head.trimmingCharacters(in: .whitespacesAndNewlines) + (dirty.isEmpty ? "" : " + uncommitted changes in Sources/")
    }

    var markdown: String {
        """
        - CPU: \(cpuModel), \(cores) cores available (shared machine)
        - memory: \(String(format: "%.1f", memoryGiB)) GiB
        - OS: \(system)
        - compiler: \(swiftVersion)
        - sqlite3 shell: \(sqliteVersion)
        - Loom revision: \(revision)

        """
    }

    /// The first three fields of /proc/loadavg ("" where there is none).
    static var loadAverage: String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: ", ")
    }

    /// Runs a short command and returns its standard output.
    static func capture(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ChildProcessError(description: "`\(executable) \(arguments.joined(separator: " "))` failed")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
