import Foundation
import GraphModel
import Testing
import TestSupport
@testable import Engine
@testable import Shell

/// A session on the tiny fixture plant, without a terminal: what a user types and what is printed.
@Suite struct ReplSessionTests {
    final class Capture {
        var out = ""
        var err = ""
    }

    /// A session on a private import of the tiny plant, writing into `capture`.
    func session(_ capture: Capture, project: String? = nil) throws -> ReplSession {
        let tiny = try TinyPlant.copy()
        let database = tiny.deletingLastPathComponent().appendingPathComponent("tiny.sqlite").path
        _ = try Engine.importProject(ImportOptions(project: tiny.path, database: database))
        let graph = try Engine.openGraph(project: nil, database: database)
        let output = ReplOutput { stream, text in
            if stream == .standardOutput { capture.out += text } else { capture.err += text }
        }
        let session = ReplSession(graph: graph, project: project, output: output, style: .plain)
        session.interactive = true
        return session
    }

    /// Runs a script through the loop as standard input would feed it; returns whether all succeeded.
    func run(_ script: String, in session: ReplSession, failFast: Bool = false) -> Bool {
        Repl.runLoop(session, source: PlainScript(script), failFast: failFast, prompts: false)
    }

    @Test func runsAStatementAndPrintsATableWithTheRowCount() throws {
        let capture = Capture()
        let repl = try session(capture)
        #expect(run("MATCH (p:Part) RETURN count(*) AS parts;", in: repl))
        #expect(capture.out.hasPrefix("parts\n-----\n   12\n1 row, "))
        #expect(capture.err.isEmpty)
    }

    @Test func parametersSetWithParamAreUsedByLaterQueries() throws {
        let capture = Capture()
        let repl = try session(capture)
        #expect(run("""
        :param part P-100
        :format csv
        MATCH (a:Part)-[l:HAS_COMPONENT]->(c:Part)
        WHERE a.number = $part
        RETURN c.number AS component, l.quantity AS quantity ORDER BY component;
        """, in: repl))
        #expect(capture.out.contains("$part = 'P-100' (string)\nformat: csv\ncomponent,quantity\nP-110,1\nP-120,1\nP-140,8\n"))
    }

    @Test func anErrorIsPrintedAndTheSessionGoesOn() throws {
        let capture = Capture()
        let repl = try session(capture)
        #expect(!run("""
        MATCH (p:Part) RETURN p.numbr;
        :shema
        RETURN 1 AS still;
        """, in: repl))
        #expect(capture.err.contains("error: unknown property 'numbr' on Part (did you mean 'number'?)\n --> query:1:25"))
        #expect(capture.err.contains("error: unknown command ':shema' (did you mean ':schema'?)"))
        #expect(capture.out.contains("still\n-----\n    1\n"))
    }

    @Test func aMissingParameterIsExplainedInTheREPLsWords() throws {
        let capture = Capture()
        let repl = try session(capture)
        #expect(!run("MATCH (p:Part) WHERE p.number = $part RETURN p;", in: repl))
        #expect(capture.err.hasPrefix("error: the query uses $part but no value was given: set it with :param part VALUE (or name=value after :run NAME)"))
    }

    @Test func failFastStopsAtTheFirstError() throws {
        let capture = Capture()
        let repl = try session(capture)
        #expect(!run("RETURN 1 AS a;\nRETURN nope;\nRETURN 3 AS c;", in: repl, failFast: true))
        #expect(capture.out.contains("a\n-\n1\n"))
        #expect(!capture.out.contains("c\n-\n3"))
    }

    @Test func quitEndsTheLoop() throws {
        let capture = Capture()
        let repl = try session(capture)
        #expect(run("RETURN 1 AS a;\n:quit\nRETURN 2 AS b;", in: repl))
        #expect(repl.quitRequested)
        #expect(!capture.out.contains("b\n-"))
    }

    @Test func maxRowsCutsTheAnswerAndSaysSo() throws {
        let capture = Capture()
        let repl = try session(capture)
        #expect(run(":max-rows 2\n:timing off\nMATCH (p:Part) RETURN p.number AS n ORDER BY n;", in: repl))
        #expect(capture.out.contains("n\n-----\nP-100\nP-110\n2 rows (more exist: raise :max-rows)\n"))
    }

    @Test func outputAppendsResultsToAFileWithoutMessages() throws {
        let capture = Capture()
        let repl = try session(capture)
        let file = try Fixtures.temporaryDirectory("repl-output").appendingPathComponent("answers.csv")
        try Fixtures.write("earlier\n", to: file)
        #expect(run("""
        :format csv
        :output \(file.path)
        MATCH (p:Part) WHERE p.number IN ['P-100', 'P-110'] RETURN p.number AS n ORDER BY n;
        :output
        RETURN 'not copied' AS x;
        """, in: repl))
        #expect(try String(contentsOf: file, encoding: .utf8) == "earlier\nn\nP-100\nP-110\n")
        #expect(capture.out.contains("not copied"))
    }

    @Test func schemaOfOneLabelAndADidYouMeanForAnUnknownOne() throws {
        let capture = Capture()
        let repl = try session(capture)
        #expect(run(":schema Part", in: repl))
        #expect(capture.out.hasPrefix("(:Part)  key (number)\n"))
        #expect(capture.out.contains("(:Part)-[:HAS_COMPONENT]->(:Part)\n"))
        #expect(!run(":schema Prat", in: repl))
        #expect(capture.err.contains("error: no label or edge type 'Prat' (did you mean 'Part'?)"))
    }

    @Test func explainShowsTheSQLWithoutRunning() throws {
        let capture = Capture()
        let repl = try session(capture)
        #expect(run(":explain MATCH (p:Part) RETURN count(*);", in: repl))
        #expect(capture.out.contains("sql:"))
        #expect(capture.out.contains("node_Part"))
    }

    @Test func runFindsANamedQueryAndTakesItsParameters() throws {
        let capture = Capture()
        // Named queries are looked up in a queries folder next to the project file.
        let folder = try Fixtures.temporaryDirectory("repl-queries")
        try Fixtures.write("// Question: which parts does this part use directly?\n// Parameters: $part\nMATCH (a:Part)-[:HAS_COMPONENT]->(c:Part) WHERE a.number = $part RETURN c.number AS c ORDER BY c\n",
                           to: folder.appendingPathComponent("queries/direct-components.cypher"))
        let repl = try session(capture, project: folder.appendingPathComponent("loom.yaml").path)
        #expect(run(":format csv\n:run direct-components part=P-120", in: repl))
        #expect(capture.out.hasSuffix("c\nP-121\nP-122\n"))
        #expect(!run(":run direct-component part=P-120", in: repl))
        #expect(capture.err.contains("no named query 'direct-component' (did you mean 'direct-components'?)"))
        #expect(repl.completer.complete(":run direct-components ").candidates == ["part="])
    }

    @Test func theCompleterKnowsTheGraphsNamesAndTheSessionsParameters() throws {
        let capture = Capture()
        let repl = try session(capture)
        _ = run(":param part P-100", in: repl)
        #expect(repl.completer.complete("MATCH (w:Work").candidates == ["WorkCentre"])
        #expect(repl.completer.complete("RETURN $pa").candidates == ["part"])
    }
}
