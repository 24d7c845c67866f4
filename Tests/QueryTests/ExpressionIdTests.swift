import Testing
@testable import Query

/// `id(n)` and `id(r)`: the row id spread over the labels (edge types) so that ids of different
/// labels never collide (answers on the sample plant in Tests/Fixtures/query-cases/expressions.cases).
@Suite struct ExpressionIdTests {
    @Test func nodeIdsSpreadOverTheLabels() throws {
        // The tiny plant has 3 labels: Part 0, WorkCentre 1, Operation 2.
        #expect(try compile("MATCH (p:Part) RETURN id(p) AS i").sql.hasPrefix("SELECT (n1._id * 3 + 0)"))
        #expect(try compile("MATCH (w:WorkCentre) RETURN id(w) AS i").sql.hasPrefix("SELECT (n1._id * 3 + 1)"))
    }

    @Test func relationshipIdsSpreadOverTheTypes() throws {
        // 4 edge types: HAS_COMPONENT 0 … REPLACES 3; a union reads its `_type` column.
        #expect(try compile("MATCH (a:Part)-[r:REPLACES]->(b) RETURN id(r) AS i").sql.hasPrefix("SELECT (r1._id * 4 + 3)"))
        #expect(try compile("MATCH (a:Part)-[r:HAS_COMPONENT|REPLACES]->(b) RETURN id(r) AS i").sql
            .hasPrefix("SELECT (r1._id * 4 + r1._type)"))
    }

    @Test func idIsAnIntegerAndNullOfNull() throws {
        #expect(compileMessage("MATCH (p:Part) WHERE id(p) = 'a' RETURN p") == "cannot compare integer with string")
        #expect(try compile("RETURN id(null) AS i").sql == "SELECT NULL")
        #expect(compileMessage("MATCH (p:Part) RETURN id(p.number) AS i") == "id() needs a node or relationship variable, found string")
    }
}
