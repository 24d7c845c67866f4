import Testing
@testable import Query

/// A relationship variable bound by an earlier clause and named again in a pattern: the same
/// relationship, no new edge table, its endpoints tied to the pattern's nodes.
@Suite struct PathBoundRelationshipTests {
    @Test func aSecondMatchTiesTheBoundRelationshipsEndpoints() {
        assertSQL("MATCH (a:Part {number: $n})-[r:HAS_COMPONENT]->(b) MATCH (x)-[r]->(y) RETURN x.number, y.number", """
            SELECT n3."number", n4."number"
            FROM "node_Part" AS n1
            JOIN "node_Part" AS n2
            JOIN "edge_HAS_COMPONENT" AS r1
            JOIN "node_Part" AS n3
            JOIN "node_Part" AS n4
            WHERE (r1._from = n1._id AND r1._to = n2._id) AND (n1."number" = ?1) AND ((r1._from = n3._id AND r1._to = n4._id))
            """)
    }

    @Test func directionsAndPropertyMapsApplyToTheBoundRelationship() throws {
        let reversed = try compile("MATCH (a:Part)-[r:HAS_COMPONENT]->(b) WITH r MATCH (x)<-[r {position: 10}]-(y) RETURN x.number").sql
        #expect(reversed.contains("JOIN \"edge_HAS_COMPONENT\" AS r2 ON r2._id = w1.c1"))
        #expect(reversed.hasSuffix("WHERE ((r2._to = n3._id AND r2._from = n4._id)) AND (r2.\"position\" = ?1)"))
        let either = try compile("MATCH (a:Part)-[r:HAS_COMPONENT]->(b) MATCH (x)-[r]-(y) RETURN x.number").sql
        #expect(either.contains("(((r1._from = n3._id AND r1._to = n4._id) OR (r1._to = n3._id AND r1._from = n4._id)))"))
        let plan = try compile("MATCH (a:Part)-[r:HAS_COMPONENT]->(b) MATCH (x)-[r]->(y) RETURN x.number").plan
        #expect(plan.contains("Match (x)-[r]->(y): Part AS n3, Part AS n4, r bound before"))
    }

    @Test func aRelationshipOfSeveralTypesIsLookedUpInItsTypesTable() throws {
        let sql = try compile("MATCH (a:Part)-[r:HAS_COMPONENT|REPLACES]->(b) MATCH (x)-[r:REPLACES]->(y) RETURN y.number").sql
        #expect(sql.contains("""
            (r1._type = 3 AND EXISTS (SELECT 1 FROM "edge_REPLACES" AS q WHERE q._id = r1._id AND (q._from = n3._id AND q._to = n4._id)))
            """))
        #expect(!sql.contains("edge_HAS_COMPONENT\" AS q"))
    }

    @Test func otherRelationshipsOfTheMatchStayDifferentFromIt() throws {
        let sql = try compile("MATCH (a:Part)-[r:HAS_COMPONENT]->(b) MATCH (x)-[r]->(y)-[s:HAS_COMPONENT]->(z) RETURN z.number").sql
        #expect(sql.contains("r1._id <> r2._id"))
    }

    @Test func inAPatternPredicate() throws {
        let sql = try compile("MATCH (a:Part)-[r:HAS_COMPONENT]->(b) WHERE NOT (b)-[r]->(a) RETURN a.number").sql
        #expect(sql.hasSuffix("AND (NOT (EXISTS (SELECT 1 WHERE (r1._from = n2._id AND r1._to = n1._id))))"))
    }

    @Test func errors() {
        #expect(compileMessage("MATCH ()-[r:HAS_COMPONENT]->() MATCH ()-[r:REPLACES]->() RETURN 1")
            == "'r' is a HAS_COMPONENT relationship, never REPLACES")
        #expect(compileMessage("MATCH (a:Part)-[r:HAS_COMPONENT]->(b)-[r]->(c) RETURN c")
            == "not supported yet: the same relationship variable twice in one pattern")
        #expect(compileMessage("MATCH (a:Part)-[r:HAS_COMPONENT]->(b) MATCH (b)-[r*]->(c) RETURN c")
            == "not supported yet: the bound relationship 'r' as a variable-length relationship")
        #expect(compileMessage("WITH 1 AS r MATCH (a:Part)-[r:HAS_COMPONENT]->(b) RETURN b")
            == "'r' is a value, not a relationship")
        #expect(compileMessage("MATCH (a:Part)-[r:HAS_COMPONENT]->(b) MATCH (x:Part)-[r]->(o:Operation) RETURN o")
            == "'r' (HAS_COMPONENT) never connects Part → Operation (it connects Part → Part)")
    }
}
