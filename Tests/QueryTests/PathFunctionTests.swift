import Testing
@testable import Query

/// Named paths, the path functions, pattern predicates and pattern comprehensions.
@Suite struct PathFunctionTests {
    private let part = #"json_object('_label', 'Part', '_key', n1._key, 'number', n1."number", 'description', n1."description", 'kind', n1."kind", 'unit', n1."unit", 'unitCost', n1."unitCost", 'leadTimeDays', n1."leadTimeDays")"#

    @Test func aFixedPathIsAJSONObjectOfItsNodesAndRelationships() throws {
        let compiled = try compile("MATCH p = (a:Part)-[:HAS_OPERATION]->(o) RETURN p, length(p), nodes(p), relationships(p)")
        let path = "json_object('nodes', json_array(\(part), json_object('_label', 'Operation', '_key', n2._key, "
            + #"'part', n2."part", 'number', n2."number", 'setupMinutes', n2."setupMinutes", 'runMinutes', n2."runMinutes")), "#
            + "'relationships', json_array(json_object('_type', 'HAS_OPERATION')))"
        #expect(compiled.sql.hasPrefix("SELECT \(path), CAST(1 || '|' || n1._id || ',' || (r1._id * 4 + 1) AS INTEGER), "
            + "json_extract(\(path), '$.nodes'), json_extract(\(path), '$.relationships')\n"))
        #expect(compiled.columnTypes == [nil, .integer, nil, nil])
    }

    @Test func aVariableLengthPathReadsItsNodesAndEdgesBackFromTheWalk() throws {
        let sql = try compile("MATCH p = (a:Part {number: $n})-[r:HAS_COMPONENT*]->(c) RETURN length(p), size(r), length(r), r, p").sql
        #expect(sql.hasPrefix("WITH RECURSIVE vl1(_start, _end, _depth, _edges, _via) AS ("))
        #expect(sql.contains("CASE WHEN p._depth = 0 THEN ',' ELSE p._via || p._end || ',' END"))
        #expect(sql.contains("SELECT CAST((vl1._depth) || '|' || n1._id || vl1._edges AS INTEGER), "
            + "CAST(vl1._depth || '|' || vl1._edges AS INTEGER), CAST(vl1._depth || '|' || vl1._edges AS INTEGER), "))
        let relationships = "json('[' || substr(coalesce((SELECT group_concat(',' || (SELECT json_object('_type', 'HAS_COMPONENT', "
            + #"'position', pr."position", 'quantity', pr."quantity", 'unit', pr."unit", 'validFrom', pr."validFrom", 'validTo', pr."validTo") "#
            + "FROM \"edge_HAS_COMPONENT\" AS pr WHERE pr._id = pj.value / 4), '') FROM json_each('[' || trim(vl1._edges, ',') || ']') AS pj), ''), 2) || ']')"
        #expect(sql.contains(relationships))
        #expect(sql.contains("FROM json_each('[' || trim(vl1._via, ',') || ']') AS pj"))
    }

    @Test func withoutAPathTheWalkCarriesNoVia() throws {
        #expect(!(try compile("MATCH (a:Part {number: $n})-[r:HAS_COMPONENT*]->(c) RETURN r").sql.contains("_via")))
    }

    @Test func optionalPathsAreNull() throws {
        let sql = try compile("MATCH (a:Part) OPTIONAL MATCH p = (a)-[:HAS_OPERATION]->(o) RETURN p").sql
        #expect(sql.hasPrefix("SELECT CASE WHEN r1._id IS NULL THEN NULL ELSE json_object('nodes', "))
    }

    @Test func pathsPassThroughWith() throws {
        let sql = try compile("MATCH p = (a:Part)-[:HAS_OPERATION]->(o) WITH p RETURN length(p), nodes(p)").sql
        #expect(sql.hasSuffix("SELECT json_array_length(w1.c1, '$.relationships'), json_extract(w1.c1, '$.nodes')\nFROM w1"))
    }

    @Test func pathFunctionErrors() {
        #expect(compileMessage("MATCH (p:Part) RETURN length(p.number)")
            == "length() needs a path, found string; size() gives the length of a string or a list")
        #expect(compileMessage("MATCH (p:Part) RETURN nodes(p)") == "nodes() needs a path, found node (Part)")
        #expect(compileMessage("MATCH p = (a:Part)-->(b:Part) RETURN relationships(p, p)") == "relationships() takes 1 argument, found 2")
        #expect(compileMessage("MATCH p = (a:Part), p = (b:Part) RETURN p") == "'p' is already defined; a path needs a new name")
        #expect(compileMessage("MATCH (p:Part) MATCH p = (a:Part) RETURN p") == "'p' is already defined; a path needs a new name")
    }

    @Test func patternPredicatesAreCorrelatedExistsSubqueries() {
        assertSQL("MATCH (p:Part) WHERE NOT (p)<-[:HAS_COMPONENT]-() RETURN p.number", """
            SELECT n1."number"
            FROM "node_Part" AS n1
            WHERE NOT (EXISTS (SELECT 1 FROM "node_Part" AS n2 JOIN "edge_HAS_COMPONENT" AS r1 WHERE r1._to = n1._id AND r1._from = n2._id))
            """)
        assertSQL("MATCH (a:Part), (b:Part) WHERE (a)-[:REPLACES]->(b) RETURN a.number", """
            SELECT n1."number"
            FROM "node_Part" AS n1
            JOIN "node_Part" AS n2
            WHERE EXISTS (SELECT 1 FROM "edge_REPLACES" AS r1 WHERE r1._from = n1._id AND r1._to = n2._id)
            """)
        #expect(compileMessage("MATCH (p:Part) WHERE (p)-[:HAS_OPERATION]->(o) RETURN p")
            == "a pattern in WHERE cannot introduce the new variable 'o': bind it in MATCH first, or leave it unnamed")
        #expect(compileMessage("MATCH (p:Part) WHERE q = (p)-->() RETURN p") != "compiled")
    }

    @Test func aPatternComprehensionInReturnKeepsAggregatesAllowed() {
        #expect(compileMessage("MATCH (a:Part) RETURN [(a)-[:HAS_OPERATION]->(o) | o.number] AS operations, count(*) AS n")
            == "compiled")
    }

    @Test func patternComprehensionsCollectOverACorrelatedSubquery() {
        assertSQL("MATCH (a:Part) RETURN a.number, [(a)-[l:HAS_COMPONENT]->(c) WHERE l.quantity > 1 | c.number] AS many", """
            SELECT n1."number", (SELECT json_group_array(n2."number") FROM "node_Part" AS n2 JOIN "edge_HAS_COMPONENT" AS r1 WHERE (r1._from = n1._id AND r1._to = n2._id) AND (CAST(r1."quantity" AS REAL) > ?1))
            FROM "node_Part" AS n1
            """)
        #expect(compileMessage("MATCH (a:Part) RETURN [(a)-->(c:Part) | c] AS cs, c").hasPrefix("undefined variable 'c'"))
    }
}
