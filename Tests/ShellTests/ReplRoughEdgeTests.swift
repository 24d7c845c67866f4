import Foundation
import GraphModel
import Testing
import TestSupport
@testable import Shell

/// What a demanding planner ran into on the sample plant: list parameters, typos in `:run`,
/// a forgotten bracket, Ctrl-D halfway through a statement, `:schema part`, a bad `:output` path.
@Suite struct ReplRoughEdgeTests {
    typealias Capture = ReplSessionTests.Capture
    let helper = ReplSessionTests()

    func run(_ script: String, in session: ReplSession) -> Bool { helper.run(script, in: session) }

    @Test func aListParameterInCyphersSpellingWorksWithIN() throws {
        let capture = Capture()
        let repl = try helper.session(capture)
        #expect(run("""
        :param parts ['P-110', 'P-120']
        :format csv
        MATCH (p:Part) WHERE p.number IN $parts RETURN p.number AS n ORDER BY n;
        """, in: repl), "\(capture.err)")
        #expect(capture.out.contains("$parts = [\"P-110\",\"P-120\"] (list)\n"))
        #expect(capture.out.contains("n\nP-110\nP-120\n"))
    }

    /// A project folder with one named query whose header mentions a parameter it does not use.
    func projectWithANamedQuery() throws -> String {
        let folder = try Fixtures.temporaryDirectory("repl-run")
        try Fixtures.write("""
            // Question: which parts does this part use directly, valid on a date?
            // Parameters: $part, $asOf (e.g. 2025-03-01); not $other
            MATCH (a:Part)-[l:HAS_COMPONENT]->(c:Part) WHERE a.number = $part AND $asOf IS NOT NULL AND '$notAParameter' <> 'x'
            RETURN c.number AS c ORDER BY c

            """, to: folder.appendingPathComponent("queries/direct-components.cypher"))
        return folder.appendingPathComponent("loom.yaml").path
    }

    @Test func runRefusesAParameterNameTheQueryDoesNotUse() throws {
        let capture = Capture()
        let repl = try helper.session(capture, project: try projectWithANamedQuery())
        let query = try #require(repl.allNamedQueries().first { $0.name == "direct-components" })
        #expect(ReplSession.parameterNames(in: query.text) == ["part", "asOf"])
        #expect(!run(":run direct-components prat=P-120 asOf=2025-03-01", in: repl))
        #expect(capture.err == "error: direct-components has no parameter 'prat' (did you mean 'part'?); it takes part= asOf=\n")
        #expect(!capture.out.contains("c\n"))
    }

    @Test func runNamesEveryMissingParameterAtOnce() throws {
        let capture = Capture()
        let repl = try helper.session(capture, project: try projectWithANamedQuery())
        #expect(!run(":run direct-components", in: repl))
        #expect(capture.err == "error: :run direct-components needs $part, $asOf: add part=VALUE asOf=VALUE or set them with :param part VALUE\n")
        capture.err = ""
        #expect(run(":param asOf 2025-03-01\n:format csv\n:run direct-components part='P-120'", in: repl), "\(capture.err)")
        #expect(capture.out.hasSuffix("c\nP-121\nP-122\n"))
    }

    @Test func aForgottenBracketKeepsTheStatementOpenAndTheParserNamesItWhenItRuns() throws {
        // The rule: a statement is complete when its brackets balance and it ends in `;`.
        // In a script the unbalanced statement runs at the end of input and the parser points at
        // the line where the `)` was expected.
        let capture = Capture()
        let repl = try helper.session(capture)
        #expect(!run("MATCH (p:Part\nWHERE p.number = 'P-100';\nRETURN 'after' AS a;", in: repl))
        #expect(capture.err.contains("expected ')'"))
        #expect(capture.err.contains("query:2:1"))
    }

    @Test func schemaFindsALabelOrTypeWhateverItsCase() throws {
        let capture = Capture()
        let repl = try helper.session(capture)
        #expect(run(":schema part", in: repl), "\(capture.err)")
        #expect(capture.out.hasPrefix("(:Part)  key (number)\n"))
        #expect(run(":schema has_component", in: repl), "\(capture.err)")
        #expect(capture.out.contains("(:Part)-[:HAS_COMPONENT]->(:Part)\n    position"))
    }

    @Test func outputToAPathThatCannotBeWrittenKeepsTheCurrentFile() throws {
        let capture = Capture()
        let repl = try helper.session(capture)
        let folder = try Fixtures.temporaryDirectory("repl-output")
        let file = folder.appendingPathComponent("answers.csv")
        #expect(!run(":format csv\n:output \(file.path)\n:output \(folder.path)/missing/x.csv", in: repl))
        #expect(capture.err.contains("cannot create \(folder.path)/missing/x.csv (does its folder exist?)"))
        #expect(!run(":output \(folder.path)", in: repl))
        #expect(capture.err.contains("is a folder; give a file name"))
        #expect(run("RETURN 'kept' AS x;", in: repl))
        #expect(try String(contentsOf: file, encoding: .utf8) == "x\nkept\n")
    }

    /// Lines typed at a terminal, then Ctrl-D.
    final class TypedLines: LineSource {
        var lines: [String]
        var remembered: [String] = []
        var pending = ""
        var history: [String] { remembered }
        init(_ lines: [String]) { self.lines = lines }
        func readLine(prompt: String) -> LineRead { lines.isEmpty ? .endOfInput : .line(lines.removeFirst()) }
        func remember(_ entry: String) { remembered.append(entry) }
    }

    @Test func ctrlDHalfwayThroughAStatementKeepsItInTheHistory() throws {
        let capture = Capture()
        let repl = try helper.session(capture)
        let terminal = TypedLines(["RETURN 1 AS one;", "MATCH (p:Part)", "WHERE p.kind = 'raw' // only raw"])
        Repl.runLoop(repl, source: terminal, failFast: false, prompts: true)
        #expect(terminal.remembered == ["RETURN 1 AS one;", "MATCH (p:Part) WHERE p.kind = 'raw'"])
        #expect(capture.out.hasSuffix("\nthe unfinished statement is kept in the history (Up-arrow brings it back)\n"))
    }

    @Test func aFileThatIsNotAHistoryFileIsLeftAlone() throws {
        let folder = try Fixtures.temporaryDirectory("repl-history")
        let notes = folder.appendingPathComponent("notes.txt")
        try Fixtures.write("my notes\n", to: notes)
        #expect(!LineEditor.canKeepHistory(in: notes.path))
        let history = folder.appendingPathComponent("history")
        #expect(LineEditor.canKeepHistory(in: history.path))
        try Fixtures.write("", to: history)
        #expect(LineEditor.canKeepHistory(in: history.path))
        try Fixtures.write("_HiStOrY_V2_\nRETURN\\0401;\n", to: history)
        #expect(LineEditor.canKeepHistory(in: history.path))
    }
}
