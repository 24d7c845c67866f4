import ArgumentParser
import Engine

struct Loom: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loom",
        abstract: "Turn ERP, planning and CAD exports into one typed property graph in SQLite.",
        discussion: """
        Examples:
          loom import datasets/sample-plant/loom.yaml       build the sample plant's graph
          loom query datasets/sample-plant/loom.yaml 'MATCH (p:Part) RETURN count(*)'
          loom schema datasets/sample-plant/loom.yaml       labels, edge types, typed properties, counts
          loom stats --db datasets/sample-plant/sample-plant.sqlite
          loom rejects datasets/sample-plant/loom.yaml      rejected rows with file:line:column and reason
          loom dangling datasets/sample-plant/loom.yaml     edges whose endpoint does not exist, with source rows
          loom provenance datasets/sample-plant/loom.yaml --label Part --key 100234
          loom mapping check mappings/sap/mara.yaml         validate a mapping file

        Exit codes: 0 ok, 1 error, 2 usage, 3 import stopped because rejects exceeded --max-rejects.
        """,
        version: LoomVersion.current,
        subcommands: [ImportCommand.self, QueryCommand.self, ReplCommand.self, QueriesCommand.self, SchemaCommand.self, StatsCommand.self, RejectsCommand.self, DanglingCommand.self,
                      ConflictsCommand.self, ProvenanceCommand.self, MappingCommand.self]
    )
}

/// Where the graph is: a project file (its `database:`) or `--db PATH`.
struct GraphLocation: ParsableArguments {
    @Argument(help: "The project file (loom.yaml) whose database to read.")
    var project: String?

    @Option(name: .long, help: "Read this database file instead of the project's.")
    var db: String?

    /// The graph, opened read-only.
    func openGraph() throws -> GraphReport {
        try Engine.openGraph(project: project, database: db)
    }

    func validate() throws {
        if project == nil && db == nil {
            throw ValidationError("give a project file (loom.yaml) or --db PATH")
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The options every problem list shares (`rejects`, `dangling`, `conflicts`).
struct ProblemList: ParsableArguments {
    @OptionGroup var location: GraphLocation
    @Option(name: .customLong("run"), help: "The import run (default: the last one).") var runID: Int64?
    @Option(name: .long, help: "At most this many entries.") var limit: Int = 1000
    @Option(name: .long, help: "text or json") var format: OutputFormat = .text

    func openGraph() throws -> GraphReport {
        try location.openGraph()
    }
}
