import GraphModel
import Testing
@testable import Query

/// The tiny plant's catalog with suppliers added (SUPPLIES: Supplier → Part), for the
/// single-source question.
let supplierPlant = Catalog(
    nodeTypes: tinyPlant.nodeTypes + [
        NodeType(label: "Supplier", key: ["code"], properties: [PropertyDefinition("code", .string), PropertyDefinition("name", .string)]),
    ],
    edgeTypes: tinyPlant.edgeTypes + [EdgeType(name: "SUPPLIES", from: "Supplier", to: "Part", properties: [])])

/// Golden SQL for WITH, UNWIND, UNION and RETURN * (each run against the tiny plant with
/// sqlite3 while writing them; the answers are pinned end to end in QueryClauseCLITests).
@Suite struct CompilerClauseTests {
    @Test func withAggregatesIntoACTEAndReJoinsThePassedNode() throws {
        let compiled = try QueryCompiler.compile("""
            MATCH (s:Supplier)-[:SUPPLIES]->(p:Part) WITH p, count(s) AS suppliers WHERE suppliers = 1 \
            RETURN p.number, suppliers ORDER BY p.number
            """, catalog: supplierPlant)
        #expect(compiled.sql == """
            WITH w1 AS (
            SELECT n2._id AS c1, count(n1._id) AS c2
            FROM "node_Supplier" AS n1
            JOIN "node_Part" AS n2
            JOIN "edge_SUPPLIES" AS r1
            WHERE r1._from = n1._id AND r1._to = n2._id
            GROUP BY n2._id
            )
            SELECT n3."number", w1.c2
            FROM w1
            JOIN "node_Part" AS n3 ON n3._id = w1.c1
            WHERE w1.c2 = ?1
            ORDER BY n3."number" ASC NULLS LAST
            """)
        #expect(compiled.columns == ["p.number", "suppliers"])
        #expect(compiled.columnTypes == [.string, .integer])
        #expect(compiled.parameters == [.literal(.integer(1))])
        #expect(compiled.plan == """
            Match (s:Supplier)-[:SUPPLIES]->(p:Part): Supplier AS n1, Part AS n2, SUPPLIES AS r1
            Aggregate by p
            With p, suppliers
            Filter WHERE suppliers = 1
            Return p.number, suppliers
            Sort p.number
            """)
    }

    @Test func withGroupsByAPropertyThenReturnOrdersByTheCount() {
        assertSQL("MATCH (p:Part) WITH p.kind AS kind, count(*) AS n RETURN kind, n ORDER BY n DESC", """
            WITH w1 AS (
            SELECT n1."kind" AS c1, count(*) AS c2
            FROM "node_Part" AS n1
            GROUP BY n1."kind"
            )
            SELECT w1.c1, w1.c2
            FROM w1
            ORDER BY w1.c2 DESC NULLS FIRST
            """)
    }

    @Test func withDistinctOrderAndLimitStayInsideTheCTE() {
        // The DISTINCT is numbered around a subquery; the RETURN keeps the WITH's order.
        assertSQL("MATCH (p:Part) WITH DISTINCT p.kind AS kind ORDER BY kind SKIP 1 LIMIT 2 RETURN kind", """
            WITH w1 AS (
            SELECT c1, row_number() OVER (ORDER BY k1 ASC NULLS LAST) AS ord FROM (
            SELECT DISTINCT n1."kind" AS c1, n1."kind" AS k1
            FROM "node_Part" AS n1
            )
            ORDER BY ord
            LIMIT ?2 OFFSET ?1
            )
            SELECT w1.c1
            FROM w1
            ORDER BY w1.ord
            """)
    }

    @Test func matchAfterWithJoinsOnThePassedNode() {
        assertSQL("MATCH (p:Part) WHERE p.kind = 'FERT' WITH p MATCH (p)-[:HAS_OPERATION]->(o) RETURN p.number, o.number", """
            WITH w1 AS (
            SELECT n1._id AS c1
            FROM "node_Part" AS n1
            WHERE n1."kind" = ?1
            )
            SELECT n2."number", n3."number"
            FROM w1
            JOIN "node_Part" AS n2 ON n2._id = w1.c1
            JOIN "node_Operation" AS n3
            JOIN "edge_HAS_OPERATION" AS r1
            WHERE r1._from = n2._id AND r1._to = n3._id
            """)
    }

    @Test func anOptionalNodeIsLeftJoinedBackAndTwoWithsChain() {
        assertSQL("MATCH (p:Part) OPTIONAL MATCH (p)-[:HAS_OPERATION]->(o) WITH p, o WITH o AS op, p.number AS n RETURN n, op.number", """
            WITH w1 AS (
            SELECT n1._id AS c1, n2._id AS c2
            FROM "node_Part" AS n1
            LEFT JOIN ("node_Operation" AS n2 JOIN "edge_HAS_OPERATION" AS r1) ON r1._from = n1._id AND r1._to = n2._id
            ),
            w2 AS (
            SELECT n4._id AS c1, n3."number" AS c2
            FROM w1
            JOIN "node_Part" AS n3 ON n3._id = w1.c1
            LEFT JOIN "node_Operation" AS n4 ON n4._id = w1.c2
            )
            SELECT w2.c2, n5."number"
            FROM w2
            LEFT JOIN "node_Operation" AS n5 ON n5._id = w2.c1
            """)
    }

    @Test func unwindReadsJSONEach() {
        assertSQL("UNWIND [1, 2, 3] AS x RETURN x", """
            SELECT u1.value
            FROM json_each(json_array(?1, ?2, ?3)) AS u1
            ORDER BY u1.key
            """)
        assertSQL("UNWIND $parts AS n MATCH (p:Part {number: n}) RETURN p.number", """
            SELECT n1."number"
            FROM json_each(?1) AS u1
            JOIN "node_Part" AS n1
            WHERE n1."number" = u1.value
            ORDER BY u1.key
            """)
        assertSQL("MATCH (a:Part)-[:HAS_COMPONENT]->(c:Part) WITH a, collect(c.number) AS cs UNWIND cs AS c RETURN a.number, c", """
            WITH w1 AS (
            SELECT n1._id AS c1, json_group_array(n2."number") FILTER (WHERE n2."number" IS NOT NULL) AS c2
            FROM "node_Part" AS n1
            JOIN "node_Part" AS n2
            JOIN "edge_HAS_COMPONENT" AS r1
            WHERE r1._from = n1._id AND r1._to = n2._id
            GROUP BY n1._id
            )
            SELECT n3."number", u1.value
            FROM w1
            JOIN "node_Part" AS n3 ON n3._id = w1.c1
            JOIN json_each(w1.c2) AS u1
            """)
    }

    @Test func unionWrapsEachPart() throws {
        assertSQL("MATCH (p:Part) RETURN p.number AS n ORDER BY n LIMIT 1 UNION ALL MATCH (w:WorkCentre) RETURN w.code AS n", """
            SELECT * FROM (
            SELECT n1."number"
            FROM "node_Part" AS n1
            ORDER BY n1."number" ASC NULLS LAST
            LIMIT ?1
            )
            UNION ALL
            SELECT * FROM (
            SELECT n2."code"
            FROM "node_WorkCentre" AS n2
            )
            """)
        let compiled = try compile("MATCH (p:Part) WITH p.kind AS k RETURN k AS n UNION RETURN 1 AS n")
        #expect(compiled.sql.hasPrefix("WITH w1 AS (\nSELECT n1.\"kind\" AS c1"))
        #expect(compiled.sql.contains(")\nUNION\nSELECT * FROM (\nSELECT ?1\n)"))
        #expect(compiled.columnTypes == [nil])
        #expect(compiled.plan.contains("\nUnion\n"))
    }

    @Test func returnStarReturnsEveryVariableAlphabetically() throws {
        let compiled = try compile("MATCH (p:Part)-[r:HAS_COMPONENT]->(c) RETURN *, r.quantity AS q")
        #expect(compiled.columns == ["c", "p", "r", "q"])
        let after = try compile("MATCH (p:Part) WITH p.number AS number, p.kind AS kind RETURN *")
        #expect(after.columns == ["kind", "number"])
        #expect(after.sql.hasSuffix("SELECT w1.c2, w1.c1\nFROM w1"))
    }

    @Test func scopingAndShapeErrors() {
        #expect(compileError("MATCH (s:Part)-[:HAS_COMPONENT]->(p:Part) WITH p, count(s) AS n RETURN s.number") == """
            error: 's' is not in scope: the WITH before it does not pass it on; add it to the WITH's items (did you mean 'p'?)
             --> query:1:72
              |
            1 | MATCH (s:Part)-[:HAS_COMPONENT]->(p:Part) WITH p, count(s) AS n RETURN s.number
              |                                                                        ^
            """)
        #expect(compileMessage("MATCH (p:Part) WITH p.number, count(*) AS n RETURN n")
            == "an expression in WITH needs a name: write p.number AS name")
        #expect(compileMessage("MATCH (p:Part) WITH p.kind AS kind WHERE count(*) > 1 RETURN kind")
            == "aggregation misuse: count(*) cannot be used in WHERE (aggregate in the WITH, then filter on its name)")
        #expect(compileMessage("MATCH (p:Part) WITH p.kind AS kind, p.number + count(*) AS x RETURN kind")
            == "aggregation misuse: 'p' is used outside an aggregate in 'p.number + count(*)'; return it as its own column or move it inside the aggregate")
        #expect(compileMessage("RETURN 1 AS a UNION RETURN 2 AS b")
            == "every part of a UNION must return the same columns: this part returns b, the first a")
        #expect(compileMessage("RETURN 1 AS a UNION RETURN 2 AS a UNION ALL RETURN 3 AS a") == "a query cannot mix UNION and UNION ALL")
        #expect(compileMessage("MATCH (p:Part) UNWIND p.number AS x RETURN x")
            == "UNWIND needs a list: a list literal [...], a $parameter, or a collect(...) passed on by WITH; found string")
        #expect(compileMessage("MATCH (p:Part) UNWIND [1] AS p RETURN p") == "'p' is already defined; UNWIND needs a new name")
        #expect(compileMessage("RETURN *") == "RETURN * needs a variable in scope, and there is none")
    }
}
