import Foundation
import Testing
import GraphModel
import TestSupport
@testable import Engine

/// One case of a query case file: a query, its parameters, and the expected CSV answer or error.
struct QueryCase: Sendable {
    enum Expectation: Sendable {
        /// The exact `--format csv` output, line by line (header first).
        case rows([String])
        /// The error's first line, and optionally the ` --> query:L:C` line after it.
        case error([String])
    }

    var name: String
    /// The line of the case's `===` header in its file.
    var line: Int
    var query: String
    var parameters: [String]
    var expectation: Expectation
}

/// The `.cases` file format (see /work/notes/session6.md and Tests/Fixtures/query-cases/README):
///
///     # a comment line
///     === short name of the case
///     MATCH (p:Part {number: $part}) RETURN p.description AS d
///     --- params
///     part=100103
///     --- rows
///     d
///     Kreiselpumpe KP-50
enum QueryCaseFile {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static var folder: URL { Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/query-cases") }

    /// The case files, by file name, sorted.
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".cases") }.sorted()
    }

    static func parse(_ text: String, file: String) throws -> [QueryCase] {
        enum Section { case none, query, params, rows, error }
        var cases: [QueryCase] = []
        var section = Section.none
        var name = "", start = 0
        var query: [String] = [], params: [String] = [], body: [String] = []
        var expectation: Section?

        func trimmed(_ lines: [String]) -> [String] {
            var lines = lines
            while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
            return lines
        }
        func finish() throws {
            guard section != .none else { return }
            let text = trimmed(query).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw ParseError(description: "\(file):\(start): case '\(name)' has no query") }
            let expected: QueryCase.Expectation
            switch expectation {
            case .rows: expected = .rows(trimmed(body))
            case .error: expected = .error(trimmed(body))
            default: throw ParseError(description: "\(file):\(start): case '\(name)' needs a '--- rows' or '--- error' block")
            }
            if case .error(let lines) = expected, lines.isEmpty || lines.count > 2 {
                throw ParseError(description: "\(file):\(start): case '\(name)': '--- error' takes one or two lines")
            }
            cases.append(QueryCase(name: name, line: start, query: text, parameters: params, expectation: expected))
        }

        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.hasPrefix("=== ") || line == "===" {
                try finish()
                name = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                start = offset + 1
                section = .query
                query = []; params = []; body = []; expectation = nil
                continue
            }
            if line.hasPrefix("--- ") {
                guard section != .none else { throw ParseError(description: "\(file):\(offset + 1): '\(line)' before any '=== case'") }
                switch line.dropFirst(4).trimmingCharacters(in: .whitespaces) {
                case "params": section = .params
                case "rows": section = .rows
                case "error": section = .error
                default: throw ParseError(description: "\(file):\(offset + 1): unknown block '\(line)' (params, rows or error)")
                }
                if section != .params {
                    if expectation != nil { throw ParseError(description: "\(file):\(offset + 1): case '\(name)' has two expected blocks") }
                    expectation = section
                }
                continue
            }
            switch section {
            case .none:
                guard line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw ParseError(description: "\(file):\(offset + 1): text before the first '=== case'")
                }
            case .query:
                // `#` never starts a Cypher line, so a comment (e.g. the SQL that checks the answer) may sit in the query.
                if line.hasPrefix("#") { continue }
                query.append(line)
            case .params:
                if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                params.append(line)
            case .rows, .error:
                if line.hasPrefix("#") { continue }
                body.append(line)
            }
        }
        try finish()
        return cases
    }

    /// A line diff: the lines both share at the start (`  `), then the rest of the expected
    /// lines (`- `) and the rest of the actual ones (`+ `).
    static func diff(expected: [String], actual: [String]) -> String {
        let common = zip(expected, actual).prefix { $0 == $1 }.count
        return (expected.prefix(common).map { "  " + $0 } + expected.dropFirst(common).map { "- " + $0 }
            + actual.dropFirst(common).map { "+ " + $0 }).joined(separator: "\n")
    }
}

/// Runs every `Tests/Fixtures/query-cases/*.cases` file against the sample plant (imported once
/// into a temporary directory): one test per file; a mismatch names the file, the case and a diff.
@Suite struct QueryCaseTests {
    static let database: Result<String, EngineError> = {
        let db = ((try? Fixtures.temporaryDirectory("query-cases"))
            ?? URL(fileURLWithPath: NSTemporaryDirectory())).appendingPathComponent("plant.sqlite").path
        let project = Fixtures.packageRoot.appendingPathComponent("datasets/sample-plant/loom.yaml").path
        do throws(EngineError) {
            _ = try Engine.importProject(ImportOptions(project: project, database: db))
            return .success(db)
        } catch {
            return .failure(error)
        }
    }()

    @Test func thereAreCaseFiles() {
        #expect(!QueryCaseFile.names.isEmpty, "no .cases files in \(QueryCaseFile.folder.path)")
    }

    @Test(arguments: QueryCaseFile.names)
    func caseFile(_ file: String) throws {
        let text = try String(contentsOf: QueryCaseFile.folder.appendingPathComponent(file), encoding: .utf8)
        let cases = try QueryCaseFile.parse(text, file: file)
        #expect(!cases.isEmpty, "\(file) has no cases")
        let graph = try Engine.openGraph(project: nil, database: try Self.database.get())
        for queryCase in cases {
            let actual = outcome(of: queryCase, on: graph)
            let expected: [String]
            let compared: [String]
            switch queryCase.expectation {
            case .rows(let rows):
                expected = rows
                compared = actual
            case .error(let lines):
                expected = lines
                compared = actual.first?.hasPrefix("error:") == true ? Array(actual.prefix(lines.count)) : actual
            }
            if compared != expected {
                Issue.record("""
                    \(file):\(queryCase.line): case '\(queryCase.name)' differs (- expected, + actual):
                    \(QueryCaseFile.diff(expected: expected, actual: compared))
                    """)
            }
        }
    }

    /// The CSV lines of the answer, or the error's lines.
    func outcome(of queryCase: QueryCase, on graph: GraphReport) -> [String] {
        do {
            let parameters = try QueryParameters.parse(queryCase.parameters)
            switch try graph.run(QueryRequest(text: queryCase.query, parameters: parameters)) {
            case .rows(let result), .profile(let result, _):
                var lines = result.render(.csv).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                while lines.last == "" { lines.removeLast() }
                return lines
            case .explain(let text):
                return text.split(separator: "\n").map(String.init)
            }
        } catch {
            return error.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func theFormatParses() throws {
        let cases = try QueryCaseFile.parse("""
            # comment
            === one
            MATCH (p:Part)
            RETURN p.number
            --- params
            part=100103
            --- rows
            p.number
            100103

            === two
            RETURN x
            --- error
            error: something
             --> query:1:8

            """, file: "t.cases")
        #expect(cases.count == 2)
        #expect(cases[0].query == "MATCH (p:Part)\nRETURN p.number")
        #expect(cases[0].parameters == ["part=100103"])
        guard case .rows(let rows) = cases[0].expectation, case .error(let error) = cases[1].expectation else {
            Issue.record("wrong expectations")
            return
        }
        #expect(rows == ["p.number", "100103"])
        #expect(error == ["error: something", " --> query:1:8"])
        #expect(throws: QueryCaseFile.ParseError.self) { try QueryCaseFile.parse("=== x\nRETURN 1\n", file: "t") }
        #expect(QueryCaseFile.diff(expected: ["a", "b"], actual: ["a", "c", "d"]) == "  a\n- b\n+ c\n+ d")
    }
}
