import Foundation
import Testing
import TestSupport

/// `loom repl` when standard input is not a terminal: statements come from the pipe, results go
/// to standard output, errors to standard error, and the exit status says whether all succeeded.
@Suite struct ReplScriptTests {
    /// Imports a private copy of the tiny plant; returns its database path.
    func tinyGraph() throws -> String { try TinyPlant.importedDatabase() }

    @Test func runsTheStatementsOfStandardInput() throws {
        let db = try tinyGraph()
        let result = try LoomProcess.run(["repl", "--db", db, "--format", "csv"], stdin: """
            :param part P-100
            MATCH (a:Part)-[l:HAS_COMPONENT]->(c:Part)
            WHERE a.number = $part
            RETURN c.number AS component, l.quantity AS quantity ORDER BY component;
            MATCH (p:Part) RETURN count(*) AS parts
            """)
        #expect(result.status == 0, "\(result.stderr)")
        // Confirmations stay quiet in a script; the last statement may omit its `;`.
        #expect(result.stdout == "component,quantity\nP-110,1\nP-120,1\nP-140,8\nparts\n12\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func aFailedStatementIsReportedTheRestRunsAndTheStatusIsOne() throws {
        let db = try tinyGraph()
        let result = try LoomProcess.run(["repl", "--db", db, "--format", "csv"], stdin: """
            MATCH (p:Part) RETURN p.numbr;
            RETURN 2 AS after;
            """)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: unknown property 'numbr' on Part (did you mean 'number'?)\n --> <stdin>:1:25"))
        #expect(result.stdout == "after\n2\n")
    }

    @Test func failFastStopsAtTheFirstError() throws {
        let db = try tinyGraph()
        let result = try LoomProcess.run(["repl", "--db", db, "--format", "csv", "--fail-fast"], stdin: """
            RETURN 1 AS before;
            :nonsense
            RETURN 2 AS after;
            """)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: unknown command ':nonsense'"))
        #expect(result.stdout == "before\n1\n")
    }

    @Test func theInitFileRunsFirst() throws {
        let db = try tinyGraph()
        let folder = try Fixtures.temporaryDirectory("repl-init")
        let initFile = folder.appendingPathComponent("init.cypher")
        try Fixtures.write(":format csv\n:param part P-150\n", to: initFile)
        let result = try LoomProcess.run(["repl", "--db", db, "--init", initFile.path],
                                         stdin: "MATCH (a:Part)-[:HAS_COMPONENT]->(c:Part) WHERE a.number = $part RETURN c.number AS c;\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "c\nP-151\n")
        let missing = try LoomProcess.run(["repl", "--db", db, "--init", folder.appendingPathComponent("nope.cypher").path], stdin: "")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("init file not found"))
    }

    @Test func anErrorInAScriptNamesTheFileLineAndColumn() throws {
        let db = try tinyGraph()
        let folder = try Fixtures.temporaryDirectory("repl-positions")
        let initFile = folder.appendingPathComponent("setup.cypher")
        try Fixtures.write(":format csv\n\nMATCH (p:Part)\nRETURN p.numbr;\n", to: initFile)
        let fromFile = try LoomProcess.run(["repl", "--db", db, "--init", initFile.path], stdin: "")
        #expect(fromFile.status == 1)
        #expect(fromFile.stderr.contains("unknown property 'numbr' on Part (did you mean 'number'?)"))
        #expect(fromFile.stderr.contains(" --> \(initFile.path):4:10"), "\(fromFile.stderr)")
        // Standard input: the second statement of line 2.
        let piped = try LoomProcess.run(["repl", "--db", db], stdin: "RETURN 1 AS one;\nRETURN 2 AS two; RETURN x;\n")
        #expect(piped.status == 1)
        #expect(piped.stderr.contains(" --> <stdin>:2:25"), "\(piped.stderr)")
    }

    @Test func aMissingGraphIsAnErrorBeforeAnyPrompt() throws {
        let result = try LoomProcess.run(["repl", "--db", "/nonexistent/graph.sqlite"], stdin: "RETURN 1;\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("no graph at /nonexistent/graph.sqlite"))
    }
}
