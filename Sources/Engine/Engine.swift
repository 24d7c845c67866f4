import Foundation
import GraphModel
import GraphStore
import Import
import Mapping

/// The one facade the CLI, the REPL and the end-to-end tests use.
public enum Engine {
    /// Imports every source of a project in one transaction (see `loom import --help`).
    public static func importProject(_ options: ImportOptions) throws(EngineError) -> ImportReport {
        try GraphImport.run(options)
    }

    /// Opens a graph read-only, from a project file's `database:` or a database path.
    public static func openGraph(project: String?, database: String?) throws(EngineError) -> GraphReport {
        let path: String
        if let database {
            path = database
        } else if let project {
            let file = try ProjectFile.load(path: project)
            path = file.resolve(file.database)
        } else {
            throw .input(Diagnostic(.error, "give a project file (loom.yaml) or --db PATH"))
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw .input(Diagnostic(.error, "no graph at \(path): run `loom import` first"))
        }
        do {
            return GraphReport(store: try GraphStore.open(path: path, readOnly: true), path: path)
        } catch {
            throw .store("cannot open \(path): \(error)")
        }
    }

    /// Validates a mapping file; with `source`, also against that file's header.
    /// Returns what `loom mapping check` prints.
    public static func checkMapping(path: String, source: String?) throws(EngineError) -> String {
        let mapping: Mapping
        do {
            mapping = try Mapping.load(path: path)
        } catch {
            throw .inputs(error.diagnostics)
        }
        var out = "\(path): ok\n" + mapping.describe()
        if let source {
            do {
                let prepared = try PreparedSource(path: source, displayPath: source, mapping: mapping)
                out += "\(source): header matches (\(prepared.columns.count) columns)\n"
            } catch {
                throw .inputs(SourcePlan.diagnostics(of: error))
            }
        }
        return out
    }
}
