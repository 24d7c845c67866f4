import Foundation

/// The floor: the sqlite3 shell's `.import` of the same export files into untyped tables of a
/// fresh database, all files in one run of the shell. It parses CSV and writes rows, nothing
/// else (no types, keys, edges, provenance), so no importer can be much faster.
struct FloorImport {
    let sqlite3: String
    /// The plant's sources; files that are not UTF-8 are replaced by UTF-8 copies (see `prepare`).
    let sources: [PlantSource]
    /// Folder for the script, the converted inputs and the databases.
    let scratch: URL

    /// Copies every non-UTF-8 file (MAKT is UTF-16LE with BOM) to UTF-8 under `scratch/input/`,
    /// since the shell cannot read UTF-16. Done once, before and outside any timing.
    static func prepare(sqlite3: String, sources: [PlantSource], scratch: URL) throws -> FloorImport {
        let input = scratch.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        var prepared: [PlantSource] = []
        for source in sources {
            guard source.delimiter.utf8.count == 1 else {
                throw ChildProcessError(description: "\(source.relativePath): the sqlite3 shell needs a one-character delimiter, the mapping has \"\(source.delimiter)\"")
            }
            guard !source.isUTF8 else { prepared.append(source); continue }
            var copy = source
            copy.absolutePath = input.appendingPathComponent((source.relativePath as NSString).lastPathComponent).path
            try convertToUTF8(from: source.absolutePath, encoding: source.encoding, to: copy.absolutePath)
            copy.encoding = "utf-8"
            prepared.append(copy)
        }
        return FloorImport(sqlite3: sqlite3, sources: prepared, scratch: scratch)
    }

    private static func convertToUTF8(from path: String, encoding: String, to target: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let decoded: String?
        switch encoding.lowercased() {
        case "utf-16", "utf16": decoded = String(data: data, encoding: .utf16)
        case "utf-16le": decoded = String(data: data, encoding: .utf16LittleEndian)
        case "utf-16be": decoded = String(data: data, encoding: .utf16BigEndian)
        case "windows-1252", "cp1252": decoded = String(data: data, encoding: .windowsCP1252)
        case "iso-8859-1", "latin-1", "latin1": decoded = String(data: data, encoding: .isoLatin1)
        default: decoded = nil
        }
        guard var text = decoded else {
            throw ChildProcessError(description: "cannot convert \(path) from \(encoding) to UTF-8 for the floor")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        try text.write(toFile: target, atomically: false, encoding: .utf8)
    }

    /// The shell script: CSV mode, then per file its separator and an `.import` that creates
    /// the table from the header line (all columns TEXT, no keys, no indexes). All files go in
    /// one transaction, as Loom's import does (left alone, the shell commits after each file).
    var script: String {
        var lines = [".bail on", ".mode csv", "BEGIN;"]
        for source in sources {
            let separator = source.delimiter == "\t" ? "\\t" : source.delimiter.replacingOccurrences(of: "\"", with: "\\\"")
            lines.append(".separator \"\(separator)\"")
            lines.append(".import \"\(source.absolutePath)\" \(source.tableName)")
        }
        lines.append("COMMIT;")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One timed run into a fresh database file. The shell reads the script from stdin.
    func run(database: String) throws -> ChildRun {
        DatabaseFiles.remove(database)
        let scriptPath = scratch.appendingPathComponent("floor-import.sql").path
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let errors = scratch.appendingPathComponent("floor-stderr.txt").path
        let run = try ChildProcess.run(sqlite3, ["-batch", database], stdin: scriptPath, stderr: errors)
        guard run.succeeded else {
            let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw ChildProcessError(description: "sqlite3 .import failed (exit \(run.exitCode)): \(message.prefix(2000))")
        }
        return run
    }

    /// Rows per table after a run (untimed), keyed by table name.
    func rowCounts(database: String) throws -> [String: Int] {
        let query = sources.map { "SELECT '\($0.tableName)', count(*) FROM \"\($0.tableName)\"" }.joined(separator: " UNION ALL ") + ";"
        let output = scratch.appendingPathComponent("floor-counts.txt").path
        let run = try ChildProcess.run(sqlite3, ["-batch", "-separator", "|", database, query], stdout: output)
        guard run.succeeded, let text = try? String(contentsOfFile: output, encoding: .utf8) else {
            throw ChildProcessError(description: "cannot count the floor's rows in \(database)")
        }
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "|")
            if parts.count == 2, let count = Int(parts[1]) { counts[String(parts[0])] = count }
        }
        return counts
    }

    /// Warnings the shell printed in the last run (short rows filled with NULL, etc.).
    var lastWarnings: [String] {
        let path = scratch.appendingPathComponent("floor-stderr.txt").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }
}

/// A SQLite database and its side files.
enum DatabaseFiles {
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    static func size(_ path: String) -> Int {
        var total = 0
        for suffix in ["", "-wal"] {
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix),
               let size = attributes[.size] as? NSNumber { total += size.intValue }
        }
        return total
    }
}
