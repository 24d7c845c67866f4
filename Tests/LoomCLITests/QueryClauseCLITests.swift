import Foundation
import Testing
import TestSupport

/// WITH, UNWIND, UNION and RETURN * through the `loom` binary on the tiny fixture plant
/// (Tests/Fixtures/tiny-plant/README.md lists every record, so each answer is checked by hand).
@Suite struct QueryClauseCLITests {
    /// Imports a private copy of the tiny plant; returns its database path.
    func tinyGraph() throws -> String { try TinyPlant.importedDatabase() }

    func csv(_ db: String, _ query: String, _ extra: [String] = []) throws -> String {
        let result = try LoomProcess.run(["query", "--db", db, query, "--format", "csv"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func withCountThenWhereFindsPartsUsedByOneAssemblyOnly() throws {
        let db = try tinyGraph()
        // Every component has one parent except P-140 (in P-100 and P-110); P-100 is no one's component.
        let out = try csv(db, """
            MATCH (a:Part)-[:HAS_COMPONENT]->(c:Part) WITH c, count(a) AS parents WHERE parents = 1 \
            RETURN c.number, c.description, parents ORDER BY c.number LIMIT 3
            """)
        #expect(out == "c.number,c.description,parents\nP-110,Motor unit,1\nP-120,Housing,1\nP-121,Housing casting,1\n")
        let all = try csv(db, "MATCH (a:Part)-[:HAS_COMPONENT]->(c:Part) WITH c, count(a) AS parents WHERE parents > 1 RETURN c.number, parents")
        #expect(all == "c.number,parents\nP-140,2\n")
    }

    @Test func withGroupsByKind() throws {
        let db = try tinyGraph()
        let out = try csv(db, "MATCH (p:Part) WITH p.kind AS kind, count(*) AS n RETURN kind, n ORDER BY n DESC")
        #expect(out == "kind,n\nHALB,6\nROH,5\nFERT,1\n")
    }

    @Test func withDistinctOrderLimitThenMatchAgain() throws {
        let db = try tinyGraph()
        // The first two parts by number, then their operations (only P-100 has any among them).
        let out = try csv(db, """
            MATCH (p:Part) WITH p ORDER BY p.number LIMIT 2 \
            OPTIONAL MATCH (p)-[:HAS_OPERATION]->(o)-[:PERFORMED_AT]->(w) RETURN p.number, o.number, w.code ORDER BY p.number, o.number
            """)
        #expect(out == "p.number,o.number,w.code\nP-100,10,ASSY-1\nP-100,20,TEST-1\nP-110,,\n")
    }

    @Test func unwindALiteralAParameterAndACollectedList() throws {
        let db = try tinyGraph()
        #expect(try csv(db, "UNWIND [3, 1, 2] AS x RETURN x, x * 10 AS y ORDER BY x") == "x,y\n1,10\n2,20\n3,30\n")
        #expect(try csv(db, "UNWIND $parts AS n MATCH (p:Part {number: n}) RETURN p.number, p.unitCost ORDER BY p.number",
                        ["--param", #"parts=["P-122","P-121","P-404"]"#]) == "p.number,p.unitCost\nP-121,18.40\nP-122,0.35\n")
        #expect(try csv(db, """
            MATCH (a:Part {number: 'P-100'})-[:HAS_COMPONENT]->(c:Part) WITH a, collect(c.number) AS components \
            UNWIND components AS component RETURN a.number, component ORDER BY component
            """) == "a.number,component\nP-100,P-110\nP-100,P-120\nP-100,P-140\n")
    }

    @Test func unionRemovesDuplicatesAndUnionAllKeepsThem() throws {
        let db = try tinyGraph()
        let union = try csv(db, """
            MATCH (p:Part {kind: 'FERT'}) RETURN p.number AS name \
            UNION MATCH (w:WorkCentre) RETURN w.code AS name \
            UNION MATCH (p:Part {kind: 'FERT'}) RETURN p.number AS name
            """)
        #expect(Set(union.split(separator: "\n").dropFirst()) == ["P-100", "ASSY-1", "LATHE-2", "TEST-1"])
        #expect(union.split(separator: "\n").count == 5)
        let all = try csv(db, "MATCH (p:Part {kind: 'FERT'}) RETURN p.number AS n UNION ALL MATCH (p:Part {kind: 'FERT'}) RETURN p.number AS n")
        #expect(all == "n\nP-100\nP-100\n")
        let mismatch = try LoomProcess.run(["query", "--db", db, "RETURN 1 AS a UNION RETURN 2 AS b"])
        #expect(mismatch.status == 1)
        #expect(mismatch.stderr.contains("error: every part of a UNION must return the same columns: this part returns b, the first a"))
    }

    @Test func returnStarAndADroppedVariable() throws {
        let db = try tinyGraph()
        #expect(try csv(db, "MATCH (p:Part {number: 'P-150'}) WITH p.number AS number, p.leadTimeDays AS days RETURN *")
            == "days,number\n2,P-150\n")
        let dropped = try LoomProcess.run(["query", "--db", db, "MATCH (a:Part)-[:HAS_COMPONENT]->(c:Part) WITH c RETURN a.number"])
        #expect(dropped.status == 1)
        #expect(dropped.stderr.contains("error: 'a' is not in scope: the WITH before it does not pass it on; add it to the WITH's items"))
        #expect(dropped.stderr.contains(" --> query:1:"))
    }

    @Test func singleSourcePartsOnTheSamplePlant() throws {
        let project = Fixtures.packageRoot.appendingPathComponent("datasets/sample-plant/loom.yaml")
        let db = try Fixtures.temporaryDirectory("sample-plant").appendingPathComponent("plant.sqlite").path
        let imported = try LoomProcess.run(["import", project.path, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let single = try csv(db, """
            MATCH (s:Supplier)-[:SUPPLIES]->(p:Part) WITH p, count(s) AS suppliers WHERE suppliers = 1 \
            RETURN p.number, suppliers ORDER BY p.number
            """)
        // Independently: every part's supplier count without WITH, filtered here.
        let counts = try csv(db, "MATCH (s:Supplier)-[:SUPPLIES]->(p:Part) RETURN p.number AS part, count(s) AS n ORDER BY part")
        let expected = counts.split(separator: "\n").dropFirst().filter { $0.hasSuffix(",1") }
        #expect(expected.count > 10)
        #expect(Array(single.split(separator: "\n").dropFirst()) == expected)
    }
}
