import Foundation
import GraphModel
import Import
import Mapping

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything an import will read, checked before anything is written: every file exists and
/// opens, every mapping loads, every mapping matches its file's header, and the mappings agree
/// with each other on labels, keys and property types.
struct SourcePlan {
    var sources: [PreparedSource]
    var catalog: Catalog

    static func make(for project: ProjectFile) throws(EngineError) -> SourcePlan {
        var problems: [Diagnostic] = []
        var mappings: [String: Mapping] = [:]
        var prepared: [PreparedSource] = []
        var catalog = Catalog()

        for entry in project.sources {
            let files = expand(entry, in: project, problems: &problems)
            let mappingPath = project.resolve(entry.mapping)
            var mapping = mappings[mappingPath]
            if mapping == nil {
                if !FileManager.default.fileExists(atPath: mappingPath) {
                    problems.append(Diagnostic(.error, "mapping file not found: \(mappingPath)", at: entry.location))
                    continue
                }
                do {
                    let loaded = try Mapping.load(path: mappingPath)
                    mappings[mappingPath] = loaded
                    let evolution = catalog.evolution(to: loaded.catalog)
                    for conflict in evolution.conflicts {
                        problems.append(Diagnostic(.error, "\(conflict) in \(mappingPath), disagreeing with an earlier mapping of this project", at: entry.location))
                    }
                    catalog = evolution.merged
                    mapping = loaded
                } catch {
                    problems += error.diagnostics
                    continue
                }
            }
            guard let mapping else { continue }
            for file in files {
                do {
                    prepared.append(try PreparedSource(path: file, displayPath: file, mapping: mapping))
                } catch {
                    problems += diagnostics(of: error)
                }
            }
        }
        if !problems.isEmpty { throw .inputs(problems) }
        return SourcePlan(sources: prepared, catalog: catalog)
    }

    private static func expand(_ entry: ProjectFile.SourceEntry, in project: ProjectFile, problems: inout [Diagnostic]) -> [String] {
        let pattern = project.resolve(entry.pattern)
        if !entry.isGlob {
            if FileManager.default.fileExists(atPath: pattern) { return [pattern] }
            problems.append(Diagnostic(.error, "source file not found: \(pattern)", at: entry.location))
            return []
        }
        var result = glob_t()
        defer { globfree(&result) }
        var matches: [String] = []
        if glob(pattern, 0, nil, &result) == 0 {
            for i in 0..<Int(result.gl_pathc) {
                if let cString = result.gl_pathv[i] { matches.append(String(cString: cString)) }
            }
        }
        if matches.isEmpty {
            problems.append(Diagnostic(.error, "glob '\(entry.pattern)' matches no file (looked for \(pattern))", at: entry.location))
        }
        return matches.sorted()
    }

    static func diagnostics(of error: ImportError) -> [Diagnostic] {
        switch error {
        case .mapping(let e): return e.diagnostics
        case .reader(let e): return [Diagnostic(.error, e.message, at: e.location)]
        default: return [Diagnostic(.error, error.description.replacingOccurrences(of: "error: ", with: ""))]
        }
    }
}
