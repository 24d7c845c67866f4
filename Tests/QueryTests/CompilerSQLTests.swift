import Testing
@testable import Query

/// Golden SQL: each query's SQL pinned (all were run against the tiny plant with sqlite3 while
/// writing them). Edge type REPLACES (Part → Part) exists only in the test catalog.
@Suite struct CompilerSQLTests {
    @Test func nodeScanOrderedAndLimited() {
        assertSQL("MATCH (p:Part) RETURN p.number, p.description ORDER BY p.number LIMIT 3", """
            SELECT n1."number", n1."description"
            FROM "node_Part" AS n1
            ORDER BY n1."number" ASC NULLS LAST
            LIMIT ?1
            """)
    }

    @Test func propertyMapAndDecimalArithmetic() {
        assertSQL("MATCH (a:Part {number: 'P-100'})-[r:HAS_COMPONENT]->(c) RETURN c.number AS component, r.quantity, c.unitCost * r.quantity AS cost ORDER BY component", """
            SELECT n2."number", r1."quantity", (CAST(n2."unitCost" AS REAL) * CAST(r1."quantity" AS REAL))
            FROM "node_Part" AS n1
            JOIN "node_Part" AS n2
            JOIN "edge_HAS_COMPONENT" AS r1
            WHERE (r1._from = n1._id AND r1._to = n2._id) AND (n1."number" = ?1)
            ORDER BY n2."number" ASC NULLS LAST
            """)
    }

    @Test func untypedUndirectedRelationshipReadsEveryFittingType() {
        assertSQL("MATCH (a:Part)-[r]-(b:Part) WHERE a.number = $n RETURN b.number, r.position", """
            SELECT n2."number", r1."position"
            FROM "node_Part" AS n1
            JOIN "node_Part" AS n2
            JOIN (SELECT 0 AS _type, _id, _from AS _left, _to AS _right, "position", "quantity", "unit", "validFrom", "validTo", NULL AS "since" FROM "edge_HAS_COMPONENT" UNION ALL SELECT 0 AS _type, _id, _to AS _left, _from AS _right, "position", "quantity", "unit", "validFrom", "validTo", NULL AS "since" FROM "edge_HAS_COMPONENT" WHERE _from <> _to UNION ALL SELECT 3 AS _type, _id, _from AS _left, _to AS _right, "position", NULL AS "quantity", NULL AS "unit", NULL AS "validFrom", NULL AS "validTo", "since" FROM "edge_REPLACES" UNION ALL SELECT 3 AS _type, _id, _to AS _left, _from AS _right, "position", NULL AS "quantity", NULL AS "unit", NULL AS "validFrom", NULL AS "validTo", "since" FROM "edge_REPLACES" WHERE _from <> _to) AS r1
            WHERE (r1._left = n1._id AND r1._right = n2._id) AND (n1."number" = ?1)
            """)
    }

    @Test func twoHopsOfOneTypeNeverReuseAnEdge() {
        assertSQL("MATCH (p:Part)-[:HAS_COMPONENT]->(c)-[:HAS_COMPONENT]->(d) RETURN p.number, d.number", """
            SELECT n1."number", n3."number"
            FROM "node_Part" AS n1
            JOIN "node_Part" AS n2
            JOIN "node_Part" AS n3
            JOIN "edge_HAS_COMPONENT" AS r1
            JOIN "edge_HAS_COMPONENT" AS r2
            WHERE (r1._from = n1._id AND r1._to = n2._id) AND (r2._from = n2._id AND r2._to = n3._id) AND (r1._id <> r2._id)
            """)
    }

    @Test func typeAlternativesUnionBothWays() {
        assertSQL("MATCH (a:Part)-[r:HAS_COMPONENT|REPLACES]-(b:Part {number: 'P-140'}) RETURN a.number, r.position", """
            SELECT n1."number", r1."position"
            FROM "node_Part" AS n1
            JOIN "node_Part" AS n2
            JOIN (SELECT 0 AS _type, _id, _from AS _left, _to AS _right, "position", "quantity", "unit", "validFrom", "validTo", NULL AS "since" FROM "edge_HAS_COMPONENT" UNION ALL SELECT 0 AS _type, _id, _to AS _left, _from AS _right, "position", "quantity", "unit", "validFrom", "validTo", NULL AS "since" FROM "edge_HAS_COMPONENT" WHERE _from <> _to UNION ALL SELECT 3 AS _type, _id, _from AS _left, _to AS _right, "position", NULL AS "quantity", NULL AS "unit", NULL AS "validFrom", NULL AS "validTo", "since" FROM "edge_REPLACES" UNION ALL SELECT 3 AS _type, _id, _to AS _left, _from AS _right, "position", NULL AS "quantity", NULL AS "unit", NULL AS "validFrom", NULL AS "validTo", "since" FROM "edge_REPLACES" WHERE _from <> _to) AS r1
            WHERE (r1._left = n1._id AND r1._right = n2._id) AND (n2."number" = ?1)
            """)
    }

    @Test func optionalMatchIsALeftJoinOfAGroup() {
        assertSQL("MATCH (p:Part) OPTIONAL MATCH (p)-[:HAS_OPERATION]->(o) RETURN p.number, count(o) AS ops ORDER BY p.number", """
            SELECT n1."number", count(n2._id)
            FROM "node_Part" AS n1
            LEFT JOIN ("node_Operation" AS n2 JOIN "edge_HAS_OPERATION" AS r1) ON r1._from = n1._id AND r1._to = n2._id
            GROUP BY n1."number"
            ORDER BY n1."number" ASC NULLS LAST
            """)
    }

    @Test func optionalMatchFirst() {
        assertSQL("OPTIONAL MATCH (p:Part {number: $n}) RETURN p.number", """
            SELECT n1."number"
            FROM (SELECT 1) AS _one
            LEFT JOIN "node_Part" AS n1 ON n1."number" = ?1
            """)
    }

    @Test func implicitGroupingOrderSkipLimit() {
        assertSQL("MATCH (p:Part) RETURN p.kind AS k, count(*) AS n, sum(p.leadTimeDays), collect(DISTINCT p.unit) ORDER BY n DESC, k SKIP 1 LIMIT $max", """
            SELECT n1."kind", count(*), coalesce(sum(n1."leadTimeDays"), 0), json_group_array(DISTINCT n1."unit") FILTER (WHERE n1."unit" IS NOT NULL)
            FROM "node_Part" AS n1
            GROUP BY n1."kind"
            ORDER BY count(*) DESC NULLS FIRST, n1."kind" ASC NULLS LAST
            LIMIT ?2 OFFSET ?1
            """)
    }

    @Test func stringPredicatesUseSubstrAndInstr() {
        assertSQL("MATCH (p:Part) WHERE p.number STARTS WITH 'P-1' OR p.description ENDS WITH 'x' OR p.description CONTAINS $word RETURN p.number", """
            SELECT n1."number"
            FROM "node_Part" AS n1
            WHERE ((substr(n1."number", 1, length(?1)) = ?1) OR (substr(n1."description", length(n1."description") - length(?2) + 1) = ?2)) OR (instr(n1."description", ?3) > 0)
            """)
    }

    @Test func xorAndInList() {
        assertSQL("MATCH (p:Part) WHERE p.unitCost > 5 XOR p.kind IN ['FERT', 'HALB'] RETURN p.number", """
            SELECT n1."number"
            FROM "node_Part" AS n1
            WHERE (CAST(n1."unitCost" AS REAL) > ?1) <> (n1."kind" IN (?2, ?3))
            """)
    }

    @Test func wholeNodeAsJSON() {
        assertSQL("MATCH (p:Part)-[:HAS_OPERATION]->(o) RETURN p", """
            SELECT json_object('_label', 'Part', '_key', n1._key, 'number', n1."number", 'description', n1."description", 'kind', n1."kind", 'unit', n1."unit", 'unitCost', n1."unitCost", 'leadTimeDays', n1."leadTimeDays")
            FROM "node_Part" AS n1
            JOIN "node_Operation" AS n2
            JOIN "edge_HAS_OPERATION" AS r1
            WHERE r1._from = n1._id AND r1._to = n2._id
            """)
    }

    @Test func listParameterAndDistinct() {
        assertSQL("MATCH (p:Part) WHERE p.number IN $numbers RETURN DISTINCT toUpper(p.kind) AS kind", """
            SELECT DISTINCT upper(n1."kind")
            FROM "node_Part" AS n1
            WHERE n1."number" IN (SELECT value FROM json_each(?1))
            """)
    }
}
