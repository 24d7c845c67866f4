import Foundation
import Testing
import TestSupport

/// `loom query` on the tiny fixture plant (Tests/Fixtures/tiny-plant/README.md lists every record).
@Suite struct QueryCLITests {
    /// Imports a private copy of the tiny plant; returns its database path.
    func tinyGraph() throws -> String { try TinyPlant.importedDatabase() }

    @Test func countsParts() throws {
        let db = try tinyGraph()
        let result = try LoomProcess.run(["query", "--db", db, "MATCH (p:Part) RETURN count(*) AS parts", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "parts\n12\n")
    }

    @Test func directComponentsWithAParameter() throws {
        let db = try tinyGraph()
        let result = try LoomProcess.run([
            "query", "--db", db,
            "MATCH (a:Part)-[l:HAS_COMPONENT]->(c:Part) WHERE a.number = $part RETURN c.number AS component, l.quantity AS quantity ORDER BY component",
            "--param", "part=P-100", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // P-999 is a dangling reference, not an edge: it is not a component.
        #expect(result.stdout == "component,quantity\nP-110,1\nP-120,1\nP-140,8\n")
    }

    @Test func jsonKeepsTypes() throws {
        let db = try tinyGraph()
        let result = try LoomProcess.run([
            "query", "--db", db,
            "MATCH (p:Part) WHERE p.unitCost IS NOT NULL RETURN p.number AS number, p.unitCost AS cost, p.leadTimeDays AS days ORDER BY number LIMIT 2",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows.first?["number"] as? String == "P-121")
        #expect(rows.first?["days"] as? Int == 14)
        #expect(result.stdout.contains("\"cost\":18.40"))
    }

    @Test func aTypoInAPropertyIsAPositionedErrorWithASuggestion() throws {
        let db = try tinyGraph()
        let result = try LoomProcess.run(["query", "--db", db, "MATCH (p:Part) RETURN p.descripton"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: unknown property 'descripton' on Part (did you mean 'description'?)"))
        #expect(result.stderr.contains(" --> query:1:"))
        #expect(result.stderr.contains("^"))
    }

    @Test func aMissingParameterSaysHowToGiveIt() throws {
        let db = try tinyGraph()
        let result = try LoomProcess.run(["query", "--db", db, "MATCH (p:Part) WHERE p.number = $part RETURN p.description", "--param", "prat=P-100"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the query uses $part but no value was given: add --param part=VALUE (did you mean $prat?)"))
    }

    @Test func explainShowsThePlanAndTheSQLWithoutRunning() throws {
        let db = try tinyGraph()
        let result = try LoomProcess.run(["query", "--db", db, "EXPLAIN MATCH (p:Part) WHERE p.kind = 'ROH' RETURN p.number"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("plan:"))
        #expect(result.stdout.contains("sql:"))
        #expect(result.stdout.contains("\"node_Part\""))
        #expect(!result.stdout.contains("P-121"))
    }

    @Test func maxRowsCutsAndSaysSo() throws {
        let db = try tinyGraph()
        let result = try LoomProcess.run(["query", "--db", db, "MATCH (p:Part) RETURN p.number ORDER BY p.number", "--max-rows", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("P-100"))
        #expect(result.stdout.contains("P-110"))
        #expect(!result.stdout.contains("P-120"))
        #expect(result.stdout.contains("2 rows (more rows exist: raise --max-rows)"))
    }

    @Test func queriesCannotChangeTheGraph() throws {
        let db = try tinyGraph()
        let result = try LoomProcess.run(["query", "--db", db, "CREATE (p:Part {number: 'X'})"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("read-only"))
        let count = try LoomProcess.run(["query", "--db", db, "MATCH (p:Part) RETURN count(*)", "--format", "csv"])
        #expect(count.stdout.hasSuffix("\n12\n"))
    }

    @Test func queryFromAFileAndMarkdownOutput() throws {
        let db = try tinyGraph()
        let file = try Fixtures.temporaryDirectory().appendingPathComponent("q.cypher")
        try Fixtures.write("// Work centres by code\nMATCH (w:WorkCentre) RETURN w.code AS code ORDER BY code\n", to: file)
        let result = try LoomProcess.run(["query", "--db", db, "-f", file.path, "--format", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "| code |\n|---|\n| ASSY-1 |\n| LATHE-2 |\n| TEST-1 |\n")
    }
}

/// Named queries through the binary: by name, listed, and a misspelt name.
@Suite struct NamedQueryCLITests {
    @Test func runsANamedQueryByNameAndListsThem() throws {
        let project = Fixtures.packageRoot.appendingPathComponent("datasets/sample-plant/loom.yaml").path
        let db = try Fixtures.temporaryDirectory("named").appendingPathComponent("plant.sqlite").path
        let imported = try LoomProcess.run(["import", project, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try LoomProcess.run(["query", "--db", db, "cost-rollup", "--param", "part=100103", "--param", "asOf=2025-03-01", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "part,materialCost,isComplete\n100103,346.581,true\n")
        let list = try LoomProcess.run(["queries", project])
        #expect(list.status == 0)
        #expect(list.stdout.contains("bom-explosion "))
        #expect(list.stdout.contains("where-used "))
        let typo = try LoomProcess.run(["query", "--db", db, "cost-rolup"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("no named query 'cost-rolup' (did you mean 'cost-rollup'?)"))
    }
}
