import ArgumentParser
import Engine
import Foundation

extension QueryResult.Format: ExpressibleByArgument {}

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Ask the graph a question in Cypher (read-only).",
        discussion: """
        The graph is opened read-only: no query can change it. Parameters are typed from their
        text: 42 integer, 1.5 float, 2025-03-01 date, true/false, null, '0042' a string.
        Prefix a query with EXPLAIN to see the plan and the SQL without running it, or with
        PROFILE to run it and see the time per step. See docs/query-language.md.

        Examples:
          loom query datasets/sample-plant/loom.yaml 'MATCH (p:Part) WHERE p.kind = "finished" RETURN p.number, p.description ORDER BY p.number'
          loom query --db plant.sqlite 'MATCH (a:Part)-[l:HAS_COMPONENT]->(c:Part) WHERE a.number = $part RETURN c.number, l.quantity' --param part=100103
          loom query datasets/sample-plant/loom.yaml -f my-question.cypher --format csv
          loom query datasets/sample-plant/loom.yaml bom-explosion --param part=100103 --param asOf=2025-03-01
          loom query datasets/sample-plant/loom.yaml 'EXPLAIN MATCH (p:Part) RETURN count(*)'
        """)

    @Argument(help: "The project file (loom.yaml), then the query or the name of a named query (see `loom queries`); with --db only the query.")
    var arguments: [String] = []

    @Option(name: .long, help: "Read this database file instead of the project's.")
    var db: String?

    @Option(name: [.customShort("f"), .long], help: "Read the query from this file.")
    var file: String?

    @Option(name: .customLong("param"), help: "A query parameter NAME=VALUE (repeatable).")
    var parameters: [String] = []

    @Option(name: .long, help: "Output format: table, csv, json, jsonl or markdown.")
    var format: QueryResult.Format = .table

    @Option(name: .long, help: "Return at most this many rows.")
    var maxRows: Int?

    func validate() throws {
        let needed = (db == nil ? 1 : 0) + (file == nil ? 1 : 0)
        guard arguments.count == needed else {
            switch (db == nil, file == nil) {
            case (true, true): throw ValidationError("give the project file (loom.yaml) and the query, e.g. loom query loom.yaml 'MATCH (p:Part) RETURN count(*)'")
            case (true, false): throw ValidationError("give the project file (loom.yaml), or --db PATH; the query comes from -f")
            case (false, true): throw ValidationError("give the query (or -f FILE); the graph comes from --db")
            case (false, false): throw ValidationError("with --db and -f, give no other arguments")
            }
        }
        if let maxRows, maxRows < 0 { throw ValidationError("--max-rows must be 0 or more") }
    }

    func run() throws {
        let project = db == nil ? arguments.first : nil
        var text = db == nil ? arguments.dropFirst().first : arguments.first
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw EngineError.input(.init(.error, "query file not found: \(file)"))
            }
            text = String(decoding: data, as: UTF8.self)
        }
        var origin = file.map { QueryOrigin(name: $0) }
        if let name = text, file == nil, NamedQueries.isName(name) {
            let named = try NamedQueries.find(name, project: project)
            text = named.text
            origin = QueryOrigin(name: named.path)
        }
        let graph = try Engine.openGraph(project: project, database: db)
        let request = QueryRequest(text: text ?? "", parameters: try QueryParameters.parse(parameters), maxRows: maxRows,
                                   origin: origin)
        switch try graph.run(request) {
        case .rows(let result):
            print(result.render(format), terminator: "")
        case .explain(let text):
            print(text, terminator: "")
        case .profile(let result, let profile):
            print(result.render(format), terminator: "")
            FileHandle.standardError.write(Data(profile.utf8))
        }
    }
}

struct QueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries",
        abstract: "List the named queries (queries/*.cypher) and the question each answers.",
        discussion: "Example: loom queries datasets/sample-plant/loom.yaml")

    @Argument(help: "A project file, to find a queries folder next to it or above it.")
    var project: String?

    func run() throws {
        let entries = NamedQueries.all(project: project)
        guard !entries.isEmpty else {
            throw EngineError.input(.init(.error, "no named queries found (looked in LOOM_QUERY_PATH, ./queries and next to the project)"))
        }
        let width = entries.map(\.name.count).max() ?? 0
        for entry in entries {
            print(entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.question)
        }
    }
}
