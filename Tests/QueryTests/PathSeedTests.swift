import Testing
@testable import Query

/// Where a variable-length walk starts inside pattern predicates and comprehensions (correlated
/// on the outer row), and through a fixed hop in front of it. The SQL was run against the sample
/// plant with sqlite3 while writing these (answers in Tests/Fixtures/query-cases/paths.cases).
@Suite struct PathSeedTests {
    @Test func aPatternPredicateWalksFromTheOuterRow() {
        assertSQL("MATCH (p:Part) WHERE NOT (p)-[:HAS_COMPONENT*1..3]->(:Part {kind: 'ROH'}) RETURN p.number", """
            SELECT n1."number"
            FROM "node_Part" AS n1
            WHERE NOT (EXISTS (WITH RECURSIVE vl1(_start, _end, _depth, _edges) AS (
            SELECT s._id, s._id, 0, ',' FROM "node_Part" AS s WHERE s._id = n1._id
            UNION ALL
            SELECT p._start, e._to, p._depth + 1, p._edges || (e._id * 4 + 0) || ','
            FROM vl1 AS p JOIN "edge_HAS_COMPONENT" AS e ON e._from = p._end
            WHERE (p._depth < 3) AND (instr(p._edges, ',' || (e._id * 4 + 0) || ',') = 0)
            )
            SELECT 1 FROM "node_Part" AS n2 JOIN vl1 WHERE (vl1._start = n1._id AND vl1._end = n2._id AND vl1._depth >= 1) AND (n2."kind" = ?1)))
            """)
    }

    @Test func bothEndsBoundSeedsFromTheLeftAndTheStatementNeedsNoRecursiveCTE() throws {
        let sql = try compile("MATCH (a:Part {kind: 'FERT'}), (b:Part {kind: 'ROH'}) WHERE (a)-[:HAS_COMPONENT*]->(b) RETURN count(*)").sql
        #expect(sql.hasPrefix("SELECT count(*)"))
        #expect(sql.contains("EXISTS (WITH RECURSIVE vl1("))
        #expect(sql.contains("WHERE s._id = n1._id\n"))
        #expect(sql.contains("vl1._start = n1._id AND vl1._end = n2._id"))
    }

    @Test func anOuterRowOnTheRightSeedsTheWalkBackwards() throws {
        let sql = try compile("MATCH (c:Part {kind: 'ROH'}) WHERE (:Part {kind: 'FERT'})-[:HAS_COMPONENT*]->(c) RETURN c.number").sql
        #expect(sql.contains("WHERE s._id = n1._id\n"))
        #expect(sql.contains("JOIN \"edge_HAS_COMPONENT\" AS e ON e._to = p._end"))
    }

    @Test func aPatternComprehensionWalksFromTheOuterRow() throws {
        let sql = try compile("MATCH (p:Part {number: $n}) RETURN [(p)-[:HAS_COMPONENT*]->(c:Part) WHERE c.kind = 'ROH' | c.number] AS raw").sql
        #expect(sql.hasPrefix("SELECT (WITH RECURSIVE vl1(_start, _end, _depth, _edges) AS ("))
        #expect(sql.contains("WHERE s._id = n1._id\n"))
        #expect(sql.contains("SELECT json_group_array(n2.\"number\") FROM \"node_Part\" AS n2 JOIN vl1"))
    }

    @Test func walksInSeveralSubqueriesGetTheirOwnNames() throws {
        let sql = try compile("""
            MATCH (a:Part)-[:HAS_COMPONENT*1..2]->(b:Part {number: $n})
            WHERE (a)-[:REPLACES*]->(:Part) AND NOT (b)-[:HAS_COMPONENT*1..2]->(a)
            RETURN a.number
            """).sql
        #expect(sql.hasPrefix("WITH RECURSIVE vl1("))
        #expect(sql.contains("EXISTS (WITH RECURSIVE vl2("))
        #expect(sql.contains("EXISTS (WITH RECURSIVE vl3("))
        #expect(!sql.contains("vl4"))
    }

    @Test func aFixedHopInFrontOfTheWalkSeedsIt() throws {
        let compiled = try compile("MATCH (a:Part {number: $n})-[:REPLACES]->(b)-[:HAS_COMPONENT*]->(c) RETURN c.number")
        #expect(compiled.sql.contains("""
            SELECT s._id, s._id, 0, ',' FROM "node_Part" AS s WHERE s._id IN (SELECT f._to FROM "edge_REPLACES" AS f \
            JOIN "node_Part" AS g ON g._id = f._from WHERE g."number" = ?1)
            """))
        #expect(compiled.plan.contains("from the left node (seeded by -[:REPLACES]-> from a node constrained by its property map)"))
    }

    @Test func aFixedHopBehindTheWalkSeedsItBackwardsWithTheHopsPropertyMap() throws {
        let compiled = try compile("""
            MATCH (c:Part)-[:HAS_COMPONENT*1..2]->(b:Part)<-[:REPLACES {position: 1}]-(a:Part) WHERE a.number = $n RETURN c.number
            """)
        #expect(compiled.sql.contains("""
            WHERE s._id IN (SELECT f._to FROM "edge_REPLACES" AS f JOIN "node_Part" AS g ON g._id = f._from \
            WHERE (g."number" = ?1) AND (f."position" = ?2))
            """))
        #expect(compiled.plan.contains("from the right node"))
    }

    @Test func aKeyedAnchorOneHopAwayBeatsAWeakConditionOnTheOtherEnd() throws {
        // c has its own condition (kind), b only the keyed a one hop away: the walk starts at b.
        let plan = try compile("""
            MATCH (a:Part {number: $n})-[:REPLACES]->(b:Part)-[:HAS_COMPONENT*]->(c:Part {kind: 'ROH'}) RETURN c.number
            """).plan
        #expect(plan.contains("from the left node (seeded by -[:REPLACES]-> from a node constrained by its property map)"))
        // Without a key the node's own condition wins.
        let weak = try compile("""
            MATCH (a:Part {kind: 'FERT'})-[:REPLACES]->(b:Part)-[:HAS_COMPONENT*]->(c:Part {kind: 'ROH'}) RETURN c.number
            """).plan
        #expect(weak.contains("from the right node (seeded by its property map)"))
    }
}
