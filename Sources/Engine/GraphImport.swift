import Foundation
import GraphModel
import GraphStore
import Import

/// What `loom import` was asked to do.
public struct ImportOptions: Sendable {
    public var project: String
    /// Overrides the project's `database:`.
    public var database: String?
    /// Overrides the project's `settings.max-rejects`; default 1000.
    public var maxRejects: Int?
    /// Build into a new file and swap it in atomically.
    public var rebuild: Bool

    public init(project: String, database: String? = nil, maxRejects: Int? = nil, rebuild: Bool = false) {
        self.project = project
        self.database = database
        self.maxRejects = maxRejects
        self.rebuild = rebuild
    }

    public static let defaultMaxRejects = 1000
}

/// One import run: check everything, then stream every source into the store inside one
/// transaction, then resolve edges and commit — or roll back and keep the previous graph.
enum GraphImport {
    static func run(_ options: ImportOptions) throws(EngineError) -> ImportReport {
        let started = Date()
        let project = try ProjectFile.load(path: options.project)
        let plan = try SourcePlan.make(for: project)
        let database = options.database ?? project.resolve(project.database)
        let limit = options.maxRejects ?? project.maxRejects ?? ImportOptions.defaultMaxRejects

        let folder = (database as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
            throw .input(Diagnostic(.error, "cannot write the graph to \(database): the folder \(folder) does not exist"))
        }
        let target = options.rebuild ? database + ".rebuild-\(ProcessInfo.processInfo.processIdentifier)" : database
        if options.rebuild { removeDatabaseFiles(target) }
        let store: GraphStore
        let session: ImportSession
        do {
            store = try GraphStore.open(path: target, readOnly: false)
            session = try store.beginImport(catalog: plan.catalog, project: options.project)
        } catch {
            if options.rebuild { removeDatabaseFiles(target) }
            throw .store("\(error)")
        }

        defer { store.close() }
        let budget = RejectBudget(limit: limit)
        let stats: [SourceReadStats]
        do {
            stats = try SourceImport.run(plan.sources, into: session, budget: budget)
        } catch {
            let rejectLimitHit: Bool
            if case .tooManyRejects = error { rejectLimitHit = true } else { rejectLimitHit = false }
            _ = try? session.abort(status: rejectLimitHit ? .rejectedLimit : .failed, message: error.description)
            if options.rebuild { removeDatabaseFiles(target) }
            if rejectLimitHit {
                throw .rejectLimit("\(error.description)\nThe import was rolled back: the graph in \(database) is unchanged. See the rejected rows with `loom rejects --db \(database)`.")
            }
            throw .store(error.description + "\nThe import was rolled back: the graph in \(database) is unchanged.")
        }

        let summary: RunSummary
        do {
            summary = try session.finish()
        } catch {
            if options.rebuild { removeDatabaseFiles(target) }
            throw .store("\(error)\nThe import was rolled back: the graph in \(database) is unchanged.")
        }
        if options.rebuild {
            store.close()
            do { try GraphStore.replace(path: database, with: target) } catch { throw .store("\(error)") }
        }

        var lines: [ImportReport.SourceLine] = []
        for (index, source) in plan.sources.enumerated() {
            let counts = summary.sources[index].counts
            let read = stats[index]
            lines.append(.init(path: source.displayPath, mapping: source.mapping.path, rowsRead: read.rowsRead,
                               rowsFiltered: read.rowsFiltered, nodesCreated: counts.nodesCreated, nodesMerged: counts.nodesMerged,
                               edges: counts.edges, rejects: counts.rejects, dangling: counts.dangling,
                               conflicts: counts.conflicts, seconds: read.seconds))
        }
        return ImportReport(run: summary.run, database: database, status: "ok", sources: lines,
                            seconds: Date().timeIntervalSince(started), schemaChanges: summary.schemaChanges)
    }

    private static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
