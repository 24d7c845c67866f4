import GraphModel
import Testing
@testable import Query

/// Placeholders, result columns and their types, the plan, EXPLAIN/PROFILE.
@Suite struct CompilerParameterTests {
    @Test func parametersFollowPlaceholderNumbers() throws {
        let compiled = try compile("MATCH (p:Part {number: $part})-[:HAS_COMPONENT]->(c) WHERE c.leadTimeDays > 3 "
            + "AND c.number <> $part RETURN c.number SKIP 2 LIMIT 5")
        #expect(compiled.parameters == [.named("part"), .literal(.integer(3)), .literal(.integer(2)), .literal(.integer(5))])
        #expect(compiled.sql.contains("n1.\"number\" = ?1"))
        #expect(compiled.sql.contains("n2.\"number\" <> ?1"))
        #expect(compiled.sql.hasSuffix("LIMIT ?4 OFFSET ?3"))
    }

    @Test func valuesAreNeverInlined() throws {
        let compiled = try compile("MATCH (p:Part) WHERE p.description = 'x\\' OR 1=1 --' RETURN p.number, 2.5, true")
        #expect(!compiled.sql.contains("1=1"))
        #expect(compiled.parameters == [.literal(.string("x' OR 1=1 --")), .literal(.float(2.5)), .literal(.boolean(true))])
    }

    @Test func dateLiteralsAreCheckedAndTyped() throws {
        let compiled = try compile("MATCH ()-[r:HAS_COMPONENT]->() WHERE r.validFrom <= date('2025-01-01') RETURN r.validTo")
        #expect(compiled.parameters == [.literal(.date(try #require(LocalDate(iso: "2025-01-01"))))])
        #expect(compiled.columnTypes == [.date])
    }

    @Test func columnsAndTypes() throws {
        let compiled = try compile("MATCH (p:Part)-[r:HAS_COMPONENT]->(c) RETURN p.number AS part, c.kind, r.quantity, "
            + "count(*) AS lines, sum(r.quantity), collect(c.number), p, c.unitCost > 1")
        #expect(compiled.columns == ["part", "c.kind", "r.quantity", "lines", "sum(r.quantity)", "collect(c.number)", "p",
                                     "c.unitCost > 1"])
        #expect(compiled.columnTypes == [.string, .enumeration(["FERT", "HALB", "ROH"]), .decimal, .integer, .decimal, nil, nil,
                                         .boolean])
        #expect(compiled.sql.contains("GROUP BY n1.\"number\", n2.\"kind\", r1.\"quantity\", n1._id, "))
    }

    @Test func explainAndProfileSetFlagsAndThePlanHasOneStepPerLine() throws {
        let explained = try compile("EXPLAIN MATCH (p:Part) WHERE p.leadTimeDays > 5 RETURN p.kind, count(*) ORDER BY p.kind LIMIT 2")
        #expect(explained.isExplain && !explained.isProfile)
        #expect(explained.plan == """
            Match (p:Part): Part AS n1 WHERE p.leadTimeDays > 5
            Aggregate by p.kind
            Return p.kind, count(*)
            Sort p.kind
            Limit 2
            """)
        let profiled = try compile("PROFILE MATCH (p:Part) RETURN p.number")
        #expect(profiled.isProfile && !profiled.isExplain)
        let plain = try compile("MATCH (p:Part) RETURN p.number")
        #expect(!plain.isExplain && !plain.isProfile)
    }
}
