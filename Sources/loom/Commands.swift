import ArgumentParser
import Engine
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import every source of a project into its graph, in one transaction.",
        discussion: """
        Reads each source file through its mapping and replaces the graph's nodes and edges with
        what the sources say now. Nothing is written when a file is missing or a mapping is broken;
        a failure or kill part-way leaves the previous graph intact.

        Examples:
          loom import datasets/sample-plant/loom.yaml
          loom import loom.yaml --db /tmp/test.sqlite --format json
          loom import loom.yaml --max-rejects 0        fail on the first rejected row
          loom import loom.yaml --rebuild              build a new file and swap it in (after a type change)
        """
    )

    @Argument(help: "The project file (loom.yaml).")
    var project: String

    @Option(name: .long, help: "Write to this database file instead of the project's `database:`.")
    var db: String?

    @Option(name: .long, help: "How many rejected rows are tolerated before the import fails and is rolled back (default: the project's settings.max-rejects, else 1000).")
    var maxRejects: Int?

    @Flag(name: .long, help: "Build the graph in a new file and atomically replace the old one (needed after an incompatible schema change).")
    var rebuild = false

    @Option(name: .long, help: "Summary format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let report = try Engine.importProject(ImportOptions(project: project, database: db, maxRejects: maxRejects, rebuild: rebuild))
        print(format == .json ? report.json() : report.text(), terminator: "")
    }
}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Show labels, edge types and their typed properties with counts.",
        discussion: "Example: loom schema datasets/sample-plant/loom.yaml")

    @OptionGroup var location: GraphLocation
    @Option(name: .long, help: "text or json") var format: OutputFormat = .text

    func run() throws {
        let graph = try location.openGraph()
        print(format == .json ? try graph.schemaJSON() : try graph.schemaText(), terminator: "")
    }
}

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show node and edge counts, the last import runs, rejects and dangling references.",
        discussion: "Example: loom stats --db datasets/sample-plant/sample-plant.sqlite")

    @OptionGroup var location: GraphLocation
    @Option(name: .long, help: "text or json") var format: OutputFormat = .text

    func run() throws {
        let graph = try location.openGraph()
        print(format == .json ? try graph.statsJSON() : try graph.statsText(), terminator: "")
    }
}

struct RejectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejects",
        abstract: "List rejected rows with file:line:column, the mapping rule and the reason.",
        discussion: """
        Shows the rejects of the last import run (also of a run that was rolled back for too many rejects).
        Examples:
          loom rejects datasets/sample-plant/loom.yaml
          loom rejects --db plant.sqlite --run 3 --format json
        """)

    @OptionGroup var list: ProblemList

    func run() throws {
        let graph = try list.openGraph()
        print(list.format == .json ? try graph.rejectsJSON(run: list.runID, limit: list.limit)
                                   : try graph.rejectsText(run: list.runID, limit: list.limit), terminator: "")
    }
}

struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping",
        abstract: "Work with mapping files.",
        subcommands: [MappingCheckCommand.self]
    )
}

struct MappingCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a mapping file and show what it declares.",
        discussion: """
        Reports every problem with line:column in the YAML and a did-you-mean where it can.
        With --source, also checks the mapping against that file's header.
        Examples:
          loom mapping check mappings/sap/mara.yaml
          loom mapping check mappings/sap/stpo.yaml --source datasets/sample-plant/erp/STPO.csv
        """)

    @Argument(help: "The mapping file (YAML).") var file: String
    @Option(name: .long, help: "A source file whose header the mapping must match.") var source: String?

    func run() throws {
        print(try Engine.checkMapping(path: file, source: source), terminator: "")
    }
}

struct DanglingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dangling",
        abstract: "List edges kept aside because an endpoint does not exist, with their source rows.",
        discussion: "Example: loom dangling datasets/sample-plant/loom.yaml")

    @OptionGroup var list: ProblemList

    func run() throws {
        let graph = try list.openGraph()
        print(list.format == .json ? try graph.danglingJSON(run: list.runID, limit: list.limit)
                                   : try graph.danglingText(run: list.runID, limit: list.limit), terminator: "")
    }
}

struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List properties two sources disagree on, with both values and both source rows.",
        discussion: "Example: loom conflicts datasets/sample-plant/loom.yaml")

    @OptionGroup var list: ProblemList

    func run() throws {
        let graph = try list.openGraph()
        print(list.format == .json ? try graph.conflictsJSON(run: list.runID, limit: list.limit)
                                   : try graph.conflictsText(run: list.runID, limit: list.limit), terminator: "")
    }
}

struct ProvenanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provenance",
        abstract: "Show where a node came from: its properties, the source row that created it and every row merged into it.",
        discussion: """
        Examples:
          loom provenance datasets/sample-plant/loom.yaml --label Part --key 100234
          loom provenance --db plant.sqlite --label PurchaseOrderLine --key 4500000001/10
        """)

    @OptionGroup var location: GraphLocation
    @Option(name: .long, help: "The node's label.") var label: String
    @Option(name: .long, help: "The node's key (parts of a composite key separated by /).") var key: String

    func run() throws {
        let graph = try location.openGraph()
        print(try graph.provenanceText(label: label, key: key), terminator: "")
    }
}
