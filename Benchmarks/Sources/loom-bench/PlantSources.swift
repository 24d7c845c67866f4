import Foundation

/// One export file of a generated plant as the floor needs it: where it is, the mapping that
/// reads it, its field delimiter and text encoding.
struct PlantSource: Sendable {
    /// Path relative to the plant folder, as loom.yaml spells it (`erp/STPO.csv`).
    var relativePath: String
    var absolutePath: String
    var mappingPath: String
    /// The field delimiter: from the mapping's `source.delimiter`, or detected from the header.
    var delimiter: String
    /// The mapping's `source.encoding` (`utf-8` when absent).
    var encoding: String
    var bytes: Int

    /// The untyped table the floor imports this file into (`STPO`, `EINA_EINE`).
    var tableName: String {
        let stem = ((relativePath as NSString).lastPathComponent as NSString).deletingPathExtension
        return String(stem.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    var isUTF8: Bool { ["utf-8", "utf8"].contains(encoding.lowercased()) }
}

/// Reads a generated plant's `loom.yaml` and the mappings it names, with a line scanner that
/// understands the plain shape `loom-plantgen` writes (`- path:` / `mapping:` pairs; a
/// mapping's `delimiter:` and `encoding:` lines). Enough for the benchmark; Loom itself
/// reads these files with its YAML parser.
enum PlantSources {
    static func load(plant: URL) throws -> [PlantSource] {
        let projectPath = plant.appendingPathComponent("loom.yaml").path
        guard let project = try? String(contentsOfFile: projectPath, encoding: .utf8) else {
            throw ChildProcessError(description: "cannot read \(projectPath)")
        }
        var sources: [PlantSource] = []
        var pendingPath: String?
        for rawLine in project.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("- glob:") {
                throw ChildProcessError(description: "\(projectPath): glob sources are not supported by the benchmark; list the files")
            }
            if let value = value(of: "- path:", in: line) {
                pendingPath = value
            } else if let value = value(of: "mapping:", in: line), let path = pendingPath {
                let mapping = value.hasPrefix("/") ? value : plant.appendingPathComponent(value).path
                sources.append(try source(plant: plant, relativePath: path, mapping: mapping))
                pendingPath = nil
            }
        }
        guard !sources.isEmpty else { throw ChildProcessError(description: "\(projectPath) names no sources") }
        return sources
    }

    private static func source(plant: URL, relativePath: String, mapping: String) throws -> PlantSource {
        let absolute = plant.appendingPathComponent(relativePath).path
        guard let text = try? String(contentsOfFile: mapping, encoding: .utf8) else {
            throw ChildProcessError(description: "cannot read mapping \(mapping)")
        }
        var delimiter: String?
        var encoding = "utf-8"
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let value = value(of: "delimiter:", in: line) { delimiter = value }
            if let value = value(of: "encoding:", in: line) { encoding = value }
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: absolute)
        let bytes = (attributes[.size] as? NSNumber)?.intValue ?? 0
        return PlantSource(relativePath: relativePath, absolutePath: absolute, mappingPath: mapping,
                           delimiter: try delimiter ?? detectDelimiter(path: absolute),
                           encoding: encoding, bytes: bytes)
    }

    /// The value after `key` on a line starting with it, unquoted; nil when the line is not that key.
    static func value(of key: String, in line: String) -> String? {
        guard line.hasPrefix(key) else { return nil }
        var value = line.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
        if let hash = value.range(of: " #"), !value.hasPrefix("\"") { value = String(value[..<hash.lowerBound]) }
        if value.hasPrefix("\""), let end = value.dropFirst().firstIndex(of: "\"") {
            return unescape(String(value[value.index(after: value.startIndex)..<end]))
        }
        if value.hasPrefix("'"), value.count >= 2, let end = value.dropFirst().firstIndex(of: "'") {
            return String(value[value.index(after: value.startIndex)..<end])
        }
        return value
    }

    /// YAML double-quoted escapes the mappings use: `\t`, `\\`, `\"`.
    private static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "t": out.append("\t")
                case "n": out.append("\n")
                default: out.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// The most frequent of `, ; \t |` in the file's first line (UTF-16 aware).
    static func detectDelimiter(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ChildProcessError(description: "cannot open \(path)")
        }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 8192)
        let text: String
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            text = String(data: head.prefix(head.count & ~1), encoding: .utf16) ?? ""
        } else {
            text = String(decoding: head, as: UTF8.self)
        }
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let candidates: [Character] = [",", ";", "\t", "|"]
        let best = candidates.max { a, b in header.filter { $0 == a }.count < header.filter { $0 == b }.count }
        return String(best ?? ",")
    }
}
