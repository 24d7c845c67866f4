import Foundation
import Testing
@testable import Query

/// Parses the openCypher TCK queries as a measurement of language coverage.
///
/// Reads every `When executing query:` block of `features/clauses/{match,return,with,unwind,union}*`
/// and `features/expressions/*` in `../shared/data/opencypher-tck` (Scenario Outlines expanded
/// with their Examples). Queries that update the graph (CREATE, MERGE, SET, DELETE, REMOVE,
/// FOREACH) must be rejected with the read-only message; of the rest, scenarios expecting a
/// compile-time SyntaxError are counted apart.
///
/// Measured 2026-11-29 (TCK in ../shared/data): 2897 of the 2906 read-only queries expected to
/// compile parse; the 9 others are `EXISTS { ... }` subqueries, which Loom does not support (they
/// get a clear error). All 35 scenarios expecting a syntactic error (UnexpectedSyntax,
/// IntegerOverflow, InvalidNumberLiteral, InvalidUnicode*, FloatingPointOverflow) are rejected;
/// the other 490 expected SyntaxErrors are semantic (UndefinedVariable, VariableTypeConflict,
/// InvalidArgumentType ...) and are the binder's job. All 38 updating queries get the read-only
/// error. Run with TCK_VERBOSE=1 to list the failures.
@Suite struct TCKParseTests {
    static let floor = 2897

    struct Case {
        var file: String
        var query: String
        var expectsSyntaxError: Bool
        /// The TCK's error detail, e.g. `UnexpectedSyntax` or `UndefinedVariable`.
        var errorKind: String?
    }

    /// TCK error kinds that a parser (rather than a binder) must raise.
    static let lexicalKinds: Set<String> = ["UnexpectedSyntax", "IntegerOverflow", "InvalidNumberLiteral",
                                            "InvalidUnicodeLiteral", "InvalidUnicodeCharacter", "FloatingPointOverflow"]

    static var featuresFolder: URL? {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let folder = url.deletingLastPathComponent().appendingPathComponent("shared/data/opencypher-tck/tck/features")
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }

    @Test func tckQueriesParse() throws {
        guard let features = Self.featuresFolder else {
            print("TCKParseTests: ../shared/data/opencypher-tck is absent; skipping the TCK measurement")
            return
        }
        let cases = try Self.cases(in: features)
        try #require(!cases.isEmpty)
        var parsed = 0, valid = 0, rejectedAsExpected = 0, expectingError = 0, updating = 0, readOnlyErrors = 0
        var lexical = 0, lexicalRejected = 0
        var failures: [String] = []
        for item in cases {
            let error = syntaxError(item.query)
            if Self.isUpdating(item.query) {
                updating += 1
                if error?.message.hasPrefix("Loom's query language is read-only") == true {
                    readOnlyErrors += 1
                } else {
                    failures.append("UPDATING \(item.file): \(item.query)\n\(error.map(String.init(describing:)) ?? "parsed")")
                }
            } else if item.expectsSyntaxError {
                expectingError += 1
                if error != nil { rejectedAsExpected += 1 }
                if let kind = item.errorKind, Self.lexicalKinds.contains(kind) {
                    lexical += 1
                    if error != nil { lexicalRejected += 1 } else { failures.append("NOT REJECTED \(kind) \(item.file): \(item.query)") }
                }
            } else {
                valid += 1
                if let error { failures.append("\(item.file): \(item.query)\n\(error)") } else { parsed += 1 }
            }
        }
        print("TCK: \(parsed) of \(valid) read-only queries parse; \(rejectedAsExpected) of \(expectingError) "
              + "SyntaxError scenarios rejected (\(lexicalRejected) of \(lexical) syntactic ones); \(readOnlyErrors) of \(updating) updating queries get the read-only error")
        if ProcessInfo.processInfo.environment["TCK_VERBOSE"] != nil {
            for failure in failures { print(failure + "\n") }
        }
        #expect(parsed >= Self.floor)
        #expect(readOnlyErrors == updating)
        #expect(lexicalRejected == lexical)
    }

    static func isUpdating(_ query: String) -> Bool {
        let words = Set(query.uppercased().split { !$0.isLetter }.map(String.init))
        return !words.isDisjoint(with: ["CREATE", "MERGE", "SET", "DELETE", "REMOVE", "FOREACH"])
    }

    static func cases(in features: URL) throws -> [Case] {
        let prefixes = ["clauses/match", "clauses/return", "clauses/with", "clauses/unwind", "clauses/union", "expressions/"]
        let files = FileManager.default.enumerator(at: features, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "feature" }
            .filter { url in
                let relative = String(url.path.dropFirst(features.path.count + 1))
                return prefixes.contains { relative.hasPrefix($0) }
            }
            .sorted { $0.path < $1.path } ?? []
        return try files.flatMap { url in
            try scenarios(in: String(contentsOf: url, encoding: .utf8)).map {
                Case(file: url.lastPathComponent, query: $0.query, expectsSyntaxError: $0.errorKind != nil, errorKind: $0.errorKind)
            }
        }
    }

    /// The queries of a feature file: the `"""` block after `When executing query:`, expanded
    /// once per Examples row for Scenario Outlines.
    static func scenarios(in text: String) -> [(query: String, errorKind: String?)] {
        var result: [(String, String?)] = []
        let blocks = text.components(separatedBy: "\n  Scenario")
        for block in blocks.dropFirst() {
            let lines = block.components(separatedBy: "\n")
            guard let when = lines.firstIndex(where: { $0.contains("When executing query:") }),
                  when + 1 < lines.count, lines[when + 1].trimmingCharacters(in: .whitespaces) == "\"\"\"",
                  let close = lines[(when + 2)...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "\"\"\"" })
            else { continue }
            let query = lines[(when + 2)..<close].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
            let marker = "SyntaxError should be raised at compile time: "
            let expectsError = lines[close...].first { $0.contains(marker) }
                .flatMap { $0.components(separatedBy: marker).last?.trimmingCharacters(in: .whitespaces) }
            for expanded in expand(query, examples: lines) { result.append((expanded, expectsError)) }
        }
        return result
    }

    /// Substitutes `<name>` placeholders from each row of the Examples tables.
    static func expand(_ query: String, examples lines: [String]) -> [String] {
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Examples") }) else {
            return [query]
        }
        let rows = lines[(start + 1)...]
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("|") }
            .map { row in row.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) } }
        guard let header = rows.first else { return [query] }
        return rows.dropFirst().map { row in
            var text = query
            for (name, value) in zip(header, row) { text = text.replacingOccurrences(of: "<\(name)>", with: value) }
            return text
        }
    }
}
