import Testing
@testable import Query

/// Variable-length relationships: the recursive CTE, where its walk starts, its depth bound,
/// relationship uniqueness, and what is refused. The SQL was run against the sample plant with
/// sqlite3 while writing these (see Tests/Fixtures/query-cases/paths.cases for the answers).
@Suite struct PathCompileTests {
    @Test func anchoredStarWalksFromTheAnchorWithTheDefaultCap() throws {
        assertSQL("MATCH (a:Part {number: 'P-100'})-[:HAS_COMPONENT*]->(c) RETURN count(DISTINCT c)", """
            WITH RECURSIVE vl1(_start, _end, _depth, _edges) AS (
            SELECT s._id, s._id, 0, ',' FROM "node_Part" AS s WHERE s."number" = ?1
            UNION ALL
            SELECT p._start, e._to, p._depth + 1, p._edges || (e._id * 4 + 0) || ','
            FROM vl1 AS p JOIN "edge_HAS_COMPONENT" AS e ON e._from = p._end
            WHERE (p._depth < 15) AND (instr(p._edges, ',' || (e._id * 4 + 0) || ',') = 0)
            )
            SELECT count(DISTINCT n2._id)
            FROM "node_Part" AS n1
            JOIN "node_Part" AS n2
            JOIN vl1
            WHERE (vl1._start = n1._id AND vl1._end = n2._id AND vl1._depth >= 1) AND (n1."number" = ?1)
            """)
        let plan = try compile("MATCH (a:Part {number: 'P-100'})-[:HAS_COMPONENT*]->(c) RETURN c.number").plan
        #expect(plan.contains("HAS_COMPONENT*1..15 AS vl1"))
        #expect(plan.contains("seeded by its property map"))
        #expect(plan.contains("15: the cap of an unbounded '*'"))
    }

    @Test func lengthBounds() throws {
        let zero = try compile("MATCH (a:Part {number: $n})-[:HAS_COMPONENT*0..2]->(c) RETURN c.number").sql
        #expect(zero.contains("WHERE (p._depth < 2)"))
        #expect(zero.contains("vl1._start = n1._id AND vl1._end = n2._id)"))
        #expect(!zero.contains("_depth >="))
        let exact = try compile("MATCH (a:Part {number: $n})-[:HAS_COMPONENT*3]->(c) RETURN c.number").sql
        #expect(exact.contains("WHERE (p._depth < 3)"))
        #expect(exact.contains("vl1._depth >= 3"))
        let upTo = try compile("MATCH (a:Part {number: $n})-[:HAS_COMPONENT*..4]->(c) RETURN c.number").sql
        #expect(upTo.contains("WHERE (p._depth < 4)") && upTo.contains("vl1._depth >= 1"))
        let from = try compile("MATCH (a:Part {number: $n})-[:HAS_COMPONENT*2..]->(c) RETURN c.number")
        #expect(from.sql.contains("WHERE (p._depth < 15)") && from.sql.contains("vl1._depth >= 2"))
        #expect(from.plan.contains("HAS_COMPONENT*2..15"))
    }

    @Test func aWhereConditionOnTheFarEndSeedsTheWalkBackwards() {
        // (c)<-[*]-(a): the walk starts at a, the right node, and follows the edges from _from
        // to _to; edges are prepended so `_edges` stays in pattern order.
        assertSQL("MATCH (c:Part)<-[:HAS_COMPONENT*1..3]-(a:Part) WHERE a.number = $n RETURN c.number", """
            WITH RECURSIVE vl1(_start, _end, _depth, _edges) AS (
            SELECT s._id, s._id, 0, ',' FROM "node_Part" AS s WHERE s."number" = ?1
            UNION ALL
            SELECT p._start, e._to, p._depth + 1, ',' || (e._id * 4 + 0) || p._edges
            FROM vl1 AS p JOIN "edge_HAS_COMPONENT" AS e ON e._from = p._end
            WHERE (p._depth < 3) AND (instr(p._edges, ',' || (e._id * 4 + 0) || ',') = 0)
            )
            SELECT n1."number"
            FROM "node_Part" AS n1
            JOIN "node_Part" AS n2
            JOIN vl1
            WHERE (vl1._start = n2._id AND vl1._end = n1._id AND vl1._depth >= 1) AND (n2."number" = ?1)
            """)
    }

    @Test func aVariableBoundBeforeSeedsFromTheRowsSoFar() throws {
        let sql = try compile("MATCH (a:Part {number: $n}) MATCH (a)-[:HAS_COMPONENT*]->(c) RETURN c.number").sql
        #expect(sql.contains("""
            SELECT s._id, s._id, 0, ',' FROM "node_Part" AS s WHERE s._id IN (SELECT n1._id FROM "node_Part" AS n1 WHERE n1."number" = ?1)
            """))
        let afterWith = try compile("MATCH (a:Part {number: $n}) WITH a MATCH (a)-[:HAS_COMPONENT*]->(c) RETURN c.number").sql
        #expect(afterWith.hasPrefix("WITH RECURSIVE w1 AS ("))
        #expect(afterWith.contains("WHERE s._id IN (SELECT n2._id FROM w1 JOIN \"node_Part\" AS n2 ON n2._id = w1.c1)"))
    }

    @Test func anUnconstrainedWalkStartsEverywhere() throws {
        let compiled = try compile("MATCH (a:Part)-[:HAS_COMPONENT*]->(c:Part) RETURN a.number, c.number")
        #expect(compiled.sql.contains("SELECT s._id, s._id, 0, ',' FROM \"node_Part\" AS s\nUNION ALL"))
        #expect(compiled.plan.contains("every Part: nothing constrains either end"))
    }

    @Test func allOverTheRelationshipsFiltersEveryEdgeInTheWalk() throws {
        let sql = try compile("""
            MATCH (a:Part {number: $n})-[r:HAS_COMPONENT*]->(c)
            WHERE all(l IN r WHERE l.validFrom <= $d) AND none(l IN r WHERE l.quantity < 0) AND c.kind = 'ROH'
            RETURN c.number
            """).sql
        #expect(sql.contains("""
            WHERE (p._depth < 15) AND (instr(p._edges, ',' || (e._id * 4 + 0) || ',') = 0) AND (e."validFrom" <= ?2) AND (NOT (CAST(e."quantity" AS REAL) < ?3))
            """))
        #expect(sql.hasSuffix("WHERE (vl1._start = n1._id AND vl1._end = n2._id AND vl1._depth >= 1) AND (n1.\"number\" = ?1) AND (n2.\"kind\" = ?4)"))
    }

    @Test func propertyMapOnTheRelationshipHoldsForEveryEdge() throws {
        let sql = try compile("MATCH (a:Part {number: $n})-[:HAS_COMPONENT* {unit: 'PC'}]->(c) RETURN c.number").sql
        #expect(sql.contains("AND (e.\"unit\" = ?2)\n)"))
    }

    @Test func undirectedAndAlternativesReadTheUnionBothWays() throws {
        let sql = try compile("MATCH (a:Part {number: $n})-[:HAS_COMPONENT|REPLACES*1..2]-(b) RETURN b.number").sql
        #expect(sql.contains("SELECT p._start, e._right, p._depth + 1, p._edges || (e._id * 4 + e._type) || ','"))
        #expect(sql.contains("FROM \"edge_REPLACES\" WHERE _from <> _to) AS e ON e._left = p._end"))
    }

    @Test func relationshipUniquenessAcrossTheMatch() throws {
        let fixed = try compile("MATCH (a:Part)-[r:HAS_COMPONENT]->(b)-[:HAS_COMPONENT*]->(c) RETURN c.number").sql
        #expect(fixed.contains("(instr(vl1._edges, ',' || (r1._id * 4 + 0) || ',') = 0)"))
        let two = try compile("MATCH (a:Part {number: $n})-[:HAS_COMPONENT*]->(b)-[:HAS_COMPONENT*]->(c) RETURN c.number").sql
        #expect(two.contains("NOT EXISTS (SELECT 1 FROM json_each('[' || trim(vl1._edges, ',') || ']') AS pj WHERE instr(vl2._edges, ',' || pj.value || ',') > 0)"))
        let otherType = try compile("MATCH (a:Part)-[:REPLACES]->(b)-[:HAS_COMPONENT*]->(c) RETURN c.number").sql
        #expect(!otherType.contains("instr(vl1._edges, ',' || (r1"))
    }

    @Test func labelsAreInferredThroughTheWalk() throws {
        let sql = try compile("MATCH (a:Part {number: $n})-[:HAS_COMPONENT*]->(c) RETURN c.description").sql
        #expect(sql.contains("JOIN \"node_Part\" AS n2"))
        let untyped = try compile("MATCH (a:Part {number: $n})-[*]->(c) RETURN c.number").sql
        #expect(untyped.contains("\"edge_HAS_COMPONENT\"") && untyped.contains("\"edge_REPLACES\"") && !untyped.contains("HAS_OPERATION"))
    }

    @Test func errors() {
        #expect(compileMessage("MATCH (a:Part)-[:HAS_COMPONENT*3..2]->(c) RETURN c")
            == "a variable-length relationship's minimum length (3) is above its maximum (2)")
        #expect(compileMessage("MATCH (a:Part)-[:HAS_COMPONET*]->(c) RETURN c")
            == "unknown relationship type 'HAS_COMPONET' (did you mean 'HAS_COMPONENT'?)")
        #expect(compileMessage("MATCH (a:Part)-[:HAS_COMPONENT|HAS_OPERATION*]->(c) RETURN c").hasPrefix(
            "not supported yet: a variable-length relationship over HAS_OPERATION, which connects Part → Operation"))
        #expect(compileMessage("MATCH (a:Part)-[:HAS_COMPONENT*]->(o:Operation) RETURN o")
            == "HAS_COMPONENT never connects Part → Operation (it connects Part → Part)")
        #expect(compileMessage("MATCH (a:Part)-[r:HAS_COMPONENT*]->(c) MATCH (c)-[r:HAS_COMPONENT]->(d) RETURN d")
            == "not supported yet: naming a variable-length relationship's list 'r' again in a pattern")
        #expect(compileError("MATCH (a:Part)-[:HAS_COMPONENT*]->(c) RETURN c") == "compiled")
    }
}
