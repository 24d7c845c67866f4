import Foundation
import Testing
import TestSupport

/// The query language's later slices through the `loom` binary on the sample plant: variable-length
/// patterns, named paths, a CALL correlated with MATCH (named query by name), list expressions,
/// EXPLAIN of a recursive walk and a runtime error. Where two independent routes exist (a native
/// BOM operator and a recursive-CTE pattern) the test checks they give the same answer.
@Suite struct QueryLanguageCLITests {
    static let database = SamplePlant.importedDatabase("query-language")

    /// Lines valid on 2025-03-01, written as a predicate over every relationship of the walk `r`.
    static let validOnDate = "all(l IN r WHERE l.validFrom <= date('2025-03-01') AND (l.validTo IS NULL OR l.validTo >= date('2025-03-01')))"

    func csv(_ query: String, _ parameters: [String] = []) throws -> [String] {
        let db = try Self.database.get()
        let result = try LoomProcess.run(["query", "--db", db, query, "--format", "csv"] + parameters.flatMap { ["--param", $0] })
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func aVariableLengthPatternFindsTheHandCheckedExplosion() throws {
        // 58 distinct parts below KP-50 on 2025-03-01 (datasets/sample-plant/README.md).
        let lines = try csv("MATCH (a:Part {number: $part})-[r:HAS_COMPONENT*]->(c) WHERE \(Self.validOnDate) "
            + "RETURN count(DISTINCT c) AS parts, max(size(r)) AS depth", ["part=100103"])
        #expect(lines == ["parts,depth", "58,6"])
    }

    @Test func theNativeOperatorAndTheRecursivePatternAgreeOnSuppliersPerFinishedGood() throws {
        let named = try csv("suppliers-by-finished-goods", ["asOf=2025-03-01"])
        let pattern = try csv("""
            MATCH (fg:Part {kind: 'finished'})-[r:HAS_COMPONENT*]->(p)<-[:SUPPLIES]-(s) WHERE \(Self.validOnDate)
            RETURN s.name AS supplier, count(DISTINCT fg) AS finishedGoods, count(DISTINCT p) AS parts
            ORDER BY finishedGoods DESC, parts DESC, supplier
            """)
        #expect(named.count > 5)
        #expect(named == pattern)
    }

    @Test func aNamedPathGivesItsLengthNodesAndRelationships() throws {
        // 100103 -> 100238 -> 100244 is a two-level chain of the sample plant's BOM (STPO.csv).
        let lines = try csv("""
            MATCH p = (a:Part {number: '100103'})-[:HAS_COMPONENT]->(:Part {number: '100238'})-[:HAS_COMPONENT]->(c:Part {number: '100244'})
            RETURN length(p) AS hops, [n IN nodes(p) | n.number] AS parts, size(relationships(p)) AS lines
            """)
        #expect(lines == ["hops,parts,lines", "2,\"[\"\"100103\"\",\"\"100238\"\",\"\"100244\"\"]\",2"])
    }

    @Test func theCriticalPathNamedQueryRunsFromItsFile() throws {
        let file = Fixtures.packageRoot.appendingPathComponent("queries/cumulative-lead-time.cypher").path
        let db = try Self.database.get()
        let result = try LoomProcess.run(["query", "--db", db, "-f", file, "--param", "part=100103",
                                          "--param", "asOf=2025-03-01", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        let path = try #require(rows.first?["criticalPath"] as? [String])
        #expect(path.first == "100103")
        #expect(path.count >= 2)
    }

    @Test func explainShowsTheBoundedRecursiveWalk() throws {
        let db = try Self.database.get()
        let result = try LoomProcess.run(["query", "--db", db,
                                          "EXPLAIN MATCH (a:Part {number: '100103'})-[:HAS_COMPONENT*]->(c) RETURN count(c)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("WITH RECURSIVE"))
        #expect(result.stdout.contains("VariableLength"))
        #expect(result.stdout.contains("15"), "the default cap of an unbounded * is stated")
    }

    @Test func listExpressionsAndDurationsEvaluate() throws {
        let lines = try csv("""
            RETURN [x IN range(1, 5) WHERE x % 2 = 1 | x * 10] AS odd, reduce(s = 0, x IN [1, 2, 3] | s + x) AS total,
                   date('2025-01-31') + duration({months: 1}) AS nextMonth, 'KP-50' =~ 'KP-[0-9]+' AS matches
            """)
        #expect(lines == ["odd,total,nextMonth,matches", "\"[10,30,50]\",6,2025-02-28,true"])
    }

    @Test func aRuntimeErrorNamesTheProblemWithoutTheSQL() throws {
        let db = try Self.database.get()
        let result = try LoomProcess.run(["query", "--db", db, "RETURN 'abc' =~ $p AS m", "--param", "p=[a"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: the query failed while running: invalid regular expression '[a'"))
        #expect(!result.stderr.contains("SELECT"))
    }

    @Test func anErrorInAQueryFileNamesTheFile() throws {
        let db = try Self.database.get()
        let file = try Fixtures.temporaryDirectory("query-file-error").appendingPathComponent("question.cypher")
        try Fixtures.write("// which parts?\nMATCH (p:Part)\nRETURN p.descripton\n", to: file)
        let result = try LoomProcess.run(["query", "--db", db, "-f", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: unknown property 'descripton' on Part (did you mean 'description'?)"))
        #expect(result.stderr.contains(" --> \(file.path):3:10"), "\(result.stderr)")
    }
}
