import ArgumentParser
import Engine
import Foundation
import Shell

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "An interactive shell on the graph: Cypher statements, named queries, the schema.",
        discussion: """
        Statements end with `;` and may span lines. Tab completes keywords, labels, relationship
        types, properties, parameters, commands and named queries; Ctrl-R searches the history;
        Ctrl-C cancels a running query or clears the line; Ctrl-D quits. `:help` lists the
        commands (:schema, :param, :run, :format, :output, ...). See docs/repl.md.

        When standard input is not a terminal, statements are read from it, results printed, and
        the exit status is 1 if a statement failed (--fail-fast stops at the first one).

        Examples:
          loom repl datasets/sample-plant/loom.yaml
          loom repl --db plant.sqlite --init setup.cypher
          loom repl datasets/sample-plant/loom.yaml --format csv < questions.cypher > answers.csv
        """)

    @OptionGroup var location: GraphLocation

    @Option(name: .long, help: ArgumentHelp("The history file (default: $LOOM_HISTORY, else ~/.loom_history; empty: none).", valueName: "FILE"))
    var history: String?

    @Option(name: .customLong("init"), help: ArgumentHelp("Run the statements of this file first.", valueName: "FILE"))
    var initFile: String?

    @Flag(name: .long, help: "Stop at the first statement that fails (scripts and --init).")
    var failFast = false

    @Option(name: .long, help: "Output format: table, csv, json, jsonl or markdown (:format changes it).")
    var format: QueryResult.Format = .table

    @Option(name: .long, help: "Return at most this many rows (default: 1000 on a terminal, all for a script).")
    var maxRows: Int?

    func validate() throws {
        if let maxRows, maxRows < 1 { throw ValidationError("--max-rows must be 1 or more") }
    }

    func run() throws {
        let status = try Repl.run(ReplOptions(project: location.project, database: location.db, history: history,
                                              initFile: initFile, failFast: failFast, format: format, maxRows: maxRows))
        if status != 0 { Foundation.exit(status) }
    }
}
