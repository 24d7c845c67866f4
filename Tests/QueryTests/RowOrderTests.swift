import Testing
@testable import Query

/// The order a `WITH … ORDER BY` establishes carries through to the answer (openCypher's TCK
/// "WithOrderBy"): the WITH's CTE numbers its rows (`ord`) and later clauses order by it, until
/// an aggregation, a DISTINCT or an ORDER BY of their own ends it. End-to-end answers are in
/// Tests/Fixtures/query-cases/clauses.cases.
@Suite struct RowOrderTests {
    /// The last line of the compiled SQL (where the final ORDER BY, if any, is).
    private func lastLine(_ query: String) throws -> String {
        try #require(try compile(query).sql.split(separator: "\n").last.map(String.init))
    }

    @Test func anOrderedWithNumbersItsRowsAndTheReturnKeepsTheOrder() {
        assertSQL("MATCH (p:Part) WITH p ORDER BY p.number DESC LIMIT 3 RETURN p.number", """
            WITH w1 AS (
            SELECT n1._id AS c1, row_number() OVER (ORDER BY n1."number" DESC NULLS FIRST) AS ord
            FROM "node_Part" AS n1
            ORDER BY ord
            LIMIT ?1
            )
            SELECT n2."number"
            FROM w1
            JOIN "node_Part" AS n2 ON n2._id = w1.c1
            ORDER BY w1.ord
            """)
    }

    @Test func anAggregatingWithNumbersItsGroups() throws {
        let sql = try compile("MATCH (p:Part) WITH p.kind AS kind, count(*) AS n ORDER BY n DESC RETURN kind, n").sql
        #expect(sql.contains("SELECT n1.\"kind\" AS c1, count(*) AS c2, row_number() OVER (ORDER BY count(*) DESC NULLS FIRST) AS ord"))
        #expect(sql.contains("GROUP BY n1.\"kind\"\nORDER BY ord\n)"))
        #expect(sql.hasSuffix("ORDER BY w1.ord"))
    }

    @Test func matchUnwindAndWhereKeepTheOrderAndUnwindAddsTheElementIndex() throws {
        #expect(try lastLine("MATCH (p:Part) WITH p ORDER BY p.number LIMIT 2 UNWIND [5, 6] AS x RETURN p.number, x")
            == "ORDER BY w1.ord, u1.key")
        #expect(try lastLine("MATCH (p:Part) WITH p ORDER BY p.number MATCH (p)-[:HAS_COMPONENT]->(c) "
            + "WHERE c.kind = 'ROH' RETURN p.number, c.number") == "ORDER BY w1.ord")
        #expect(try lastLine("MATCH (p:Part) WITH p ORDER BY p.number OPTIONAL MATCH (p)-[:HAS_OPERATION]->(o) "
            + "RETURN p.number, o.number") == "ORDER BY w1.ord")
        #expect(try lastLine("UNWIND [3, 1, 2] AS x RETURN x") == "ORDER BY u1.key")
    }

    @Test func aWithWithoutOrderByRenumbersInTheIncomingOrder() throws {
        let sql = try compile("MATCH (p:Part) WITH p ORDER BY p.unitCost LIMIT 4 WITH p LIMIT 2 RETURN p.number").sql
        #expect(sql.contains("""
            SELECT n2._id AS c1, row_number() OVER (ORDER BY w1.ord) AS ord
            FROM w1
            JOIN "node_Part" AS n2 ON n2._id = w1.c1
            ORDER BY ord
            LIMIT ?2
            """))
        #expect(sql.hasSuffix("ORDER BY w2.ord"))
    }

    @Test func aggregationDistinctOrTheirOwnOrderByEndTheCarriedOrder() throws {
        let ordered = "MATCH (p:Part) WITH p ORDER BY p.number DESC "
        #expect(try !lastLine(ordered + "RETURN count(*) AS n").contains("ORDER BY"))
        #expect(try !lastLine(ordered + "RETURN DISTINCT p.kind").contains("ORDER BY"))
        #expect(try lastLine(ordered + "RETURN p.number ORDER BY p.kind") == "ORDER BY n2.\"kind\" ASC NULLS LAST")
        let grouped = try compile(ordered + "WITH p.kind AS kind, collect(p.number) AS numbers RETURN kind, numbers").sql
        #expect(!grouped.contains("w2.ord") && !grouped.hasSuffix("ORDER BY w2.ord"))
        // The grouped WITH reads the numbered rows in order, so collect() sees them in order.
        #expect(grouped.contains("ORDER BY ord\n),\nw2 AS ("))
    }

    @Test func unorderedRowsGetNoOrderBy() throws {
        #expect(try !compile("MATCH (p:Part) RETURN p.number").sql.contains("ORDER BY"))
        #expect(try !compile("MATCH (p:Part) UNWIND [1, 2] AS x RETURN p.number, x").sql.contains("ORDER BY"))
        #expect(try !compile("MATCH (p:Part) WITH p RETURN p.number").sql.contains("ORDER BY"))
        #expect(try !compile("MATCH (p:Part) WITH p.kind AS kind, count(*) AS n RETURN kind").sql.contains("ord"))
    }

    @Test func eachUnionPartKeepsItsOwnOrder() throws {
        let sql = try compile("MATCH (p:Part) WITH p ORDER BY p.number LIMIT 1 RETURN p.number AS n "
            + "UNION ALL MATCH (q:Part) RETURN q.number AS n").sql
        let parts = sql.components(separatedBy: "\nUNION ALL\n")
        try #require(parts.count == 2)
        #expect(parts[0].hasSuffix("ORDER BY w1.ord\n)"))
        #expect(!parts[1].contains("ORDER BY"))
    }
}
