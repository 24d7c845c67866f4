import Foundation
import GraphModel
import Yams

/// A Loom project (`loom.yaml`): where the graph lives, which export files feed it through
/// which mapping, and import settings. Paths are relative to the project file's folder.
///
/// ```yaml
/// database: sample-plant.sqlite
/// sources:
///   - path: erp/MARA.csv
///     mapping: ../../mappings/sap/mara.yaml
///   - glob: erp/EKPO_*.csv
///     mapping: ../../mappings/sap/ekpo.yaml
/// settings:
///   max-rejects: 50
/// ```
public struct ProjectFile: Sendable {
    public struct SourceEntry: Sendable {
        /// A path or a glob pattern, as written (relative to the project folder).
        public var pattern: String
        public var isGlob: Bool
        public var mapping: String
        /// Where the entry stands in loom.yaml, for errors.
        public var location: SourceLocation
    }

    public var path: String
    public var database: String
    public var sources: [SourceEntry]
    public var maxRejects: Int?

    /// The folder paths in the project are relative to (as the user spelt it, so messages stay familiar).
    public var folder: String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    /// A project-relative path as the user can open it from the current directory.
    public func resolve(_ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        return ProjectFile.normalise(folder == "." ? relative : folder + "/" + relative)
    }

    /// Removes `.` and resolves `dir/..` without touching the file system (`a/b/../c` → `a/c`).
    static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    public static func load(path: String) throws(EngineError) -> ProjectFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .input(Diagnostic(.error, "project file not found (expected a loom.yaml)", at: SourceLocation(file: path, line: 1)))
        }
        return try parse(yaml: String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(yaml: String, path: String) throws(EngineError) -> ProjectFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw .input(YAMLPositions.diagnostic(for: error, file: path))
        } catch {
            throw .input(Diagnostic(.error, "\(error)", at: SourceLocation(file: path, line: 1)))
        }
        var problems: [Diagnostic] = []
        func at(_ node: Node?) -> SourceLocation { YAMLPositions.location(of: node, file: path) }

        guard let root, let top = root.mapping else {
            throw .input(Diagnostic(.error, "a project file is a mapping with `database`, `sources` and optional `settings`", at: at(root)))
        }
        YAMLPositions.checkKeys(top, allowed: ["database", "sources", "settings", "description"], file: path, into: &problems)

        var database = ""
        if let node = top["database"], let text = node.string, !text.isEmpty {
            database = text
        } else {
            problems.append(Diagnostic(.error, "missing `database:` (the SQLite file the graph is written to, e.g. `database: plant.sqlite`)", at: at(top["database"] ?? root)))
        }

        var sources: [SourceEntry] = []
        if let list = top["sources"]?.sequence {
            for item in list {
                guard let entry = item.mapping else {
                    problems.append(Diagnostic(.error, "each source is a mapping with `path:` (or `glob:`) and `mapping:`", at: at(item)))
                    continue
                }
                YAMLPositions.checkKeys(entry, allowed: ["path", "glob", "mapping"], file: path, into: &problems)
                let pathText = entry["path"]?.string
                let globText = entry["glob"]?.string
                guard let mapping = entry["mapping"]?.string, !mapping.isEmpty else {
                    problems.append(Diagnostic(.error, "source has no `mapping:` (the mapping file that reads it)", at: at(item)))
                    continue
                }
                switch (pathText, globText) {
                case (let p?, nil):
                    sources.append(SourceEntry(pattern: p, isGlob: false, mapping: mapping, location: at(item)))
                case (nil, let g?):
                    sources.append(SourceEntry(pattern: g, isGlob: true, mapping: mapping, location: at(item)))
                case (nil, nil):
                    problems.append(Diagnostic(.error, "source has neither `path:` nor `glob:`", at: at(item)))
                case (_?, _?):
                    problems.append(Diagnostic(.error, "source has both `path:` and `glob:`; give one", at: at(entry["glob"])))
                }
            }
        } else {
            problems.append(Diagnostic(.error, "missing `sources:` (a list of `- path: FILE` / `mapping: MAPPING.yaml`)", at: at(top["sources"] ?? root)))
        }

        var maxRejects: Int?
        if let settings = top["settings"] {
            if let map = settings.mapping {
                YAMLPositions.checkKeys(map, allowed: ["max-rejects"], file: path, into: &problems)
                if let node = map["max-rejects"] {
                    if let n = node.int, n >= 0 { maxRejects = n } else {
                        problems.append(Diagnostic(.error, "`max-rejects` must be a whole number ≥ 0", at: at(node)))
                    }
                }
            } else {
                problems.append(Diagnostic(.error, "`settings` must be a mapping", at: at(settings)))
            }
        }
        if !problems.isEmpty { throw .inputs(problems) }
        return ProjectFile(path: path, database: database, sources: sources, maxRejects: maxRejects)
    }
}
