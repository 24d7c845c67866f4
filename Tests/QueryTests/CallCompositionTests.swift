import GraphModel
import Testing
@testable import Query

/// CALL composed with other clauses: MATCH after CALL (joined on the yielded names), and CALL
/// after MATCH / WITH / UNWIND, correlated when its part is an expression over their variables.
@Suite struct CallCompositionTests {
    @Test func matchAfterCallJoinsOnTheYieldedColumn() throws {
        let compiled = try compile("""
            CALL bom.explode($part, {asOf: $asOf}) YIELD component, quantity \
            MATCH (p:Part {number: component}) WHERE p.kind = 'ROH' \
            RETURN p.number, p.description, quantity ORDER BY p.number
            """)
        #expect(compiled.sql == """
            SELECT n1."number", n1."description", c."quantity"
            FROM temp."loom_call" AS c
            JOIN "node_Part" AS n1
            WHERE (n1."number" = c."component") AND (n1."kind" = ?1)
            ORDER BY n1."number" ASC NULLS LAST
            """)
        #expect(compiled.parameters == [.literal(.string("ROH"))])
        let call = try #require(compiled.nativeCall)
        #expect(call.input == nil)
        #expect(call.subject == .value(.named("part")))
        #expect(call.tableColumns == ["component", "quantity", "level", "deepestLevel"])
        #expect(compiled.plan.hasPrefix("Call bom.explode($part, {asOf: $asOf}) natively YIELD component, quantity\n"))
    }

    @Test func aCorrelatedCallReadsItsArgumentsFirstAndJoinsOnThem() throws {
        let compiled = try compile("""
            MATCH (a:Part)-[:REPLACES]->(fg:Part) WHERE a.kind = 'FERT' \
            CALL bom.explode(fg.number, {asOf: date('2025-03-01')}) YIELD component, quantity \
            RETURN a.number, component, a.leadTimeDays * quantity AS days
            """)
        let call = try #require(compiled.nativeCall)
        #expect(call.subject == nil)
        let input = try #require(call.input)
        #expect(input.text == "fg.number")
        // The clauses before the CALL, as the main SQL has them, projected to the argument.
        #expect(input.sql.hasPrefix("SELECT DISTINCT n2.\"number\"\nFROM \"node_Part\" AS n1\n"))
        #expect(input.sql.hasSuffix("(n1.\"kind\" = ?1)"))
        #expect(!input.sql.contains("loom_call"))
        #expect(input.parameterCount == 1)
        #expect(call.tableColumns == ["component", "quantity", "level", "deepestLevel", "_input"])
        #expect(compiled.sql.contains("\nJOIN temp.\"loom_call\" AS c\nWHERE "))
        #expect(compiled.sql.hasSuffix("AND (n1.\"kind\" = ?1) AND (c.\"_input\" = n2.\"number\")"))
        #expect(compiled.plan.contains("Call bom.explode(fg.number, {asOf: date('2025-03-01')}) natively for each distinct fg.number YIELD component, quantity"))
    }

    @Test func theArgumentsOfACallAfterWithReadTheCTE() throws {
        let compiled = try compile("""
            MATCH (p:Part) WITH p.number AS number WHERE number STARTS WITH 'P' \
            CALL bom.whereUsed(number) YIELD assembly WHERE assembly <> $skip RETURN number, assembly
            """)
        let input = try #require(compiled.nativeCall?.input)
        #expect(input.sql.hasPrefix("WITH RECURSIVE w1 AS (\nSELECT n1.\"number\" AS c1\nFROM \"node_Part\" AS n1\n)\n"))
        #expect(input.sql.contains("\nSELECT DISTINCT w1.c1\nFROM w1\nWHERE "))
        // $skip comes after the CALL: the argument SQL binds only the placeholders before it.
        #expect(input.parameterCount == 1)
        #expect(compiled.parameters.count == 2)
        #expect(compiled.sql.contains("JOIN temp.\"loom_call\" AS c\nWHERE "))
        #expect(compiled.sql.contains("c.\"_input\" = w1.c1"))
    }

    @Test func aCallAfterUnwindAndAnUncorrelatedCallAfterMatch() throws {
        let unwound = try compile("UNWIND ['P-1', 'P-2'] AS n CALL bom.explode(n) YIELD component RETURN n, component")
        #expect(unwound.nativeCall?.input?.sql == "SELECT DISTINCT u1.value\nFROM json_each(json_array(?1, ?2)) AS u1")
        #expect(unwound.nativeCall?.input?.parameterCount == 2)
        let cross = try compile("MATCH (w:WorkCentre) CALL bom.cycles() YIELD cycle RETURN w.code, cycle")
        #expect(cross.nativeCall?.input == nil)
        #expect(cross.sql == "SELECT n1.\"code\", c.\"cycle\"\nFROM \"node_WorkCentre\" AS n1\nJOIN temp.\"loom_call\" AS c")
    }

    @Test func correlatedArgumentsMustBePartKeys() {
        #expect(compileMessage("MATCH (p:Part) CALL bom.explode(p) YIELD component RETURN component")
            == "the part of bom.explode must be a part key, not a node: write p.number")
        #expect(compileMessage("MATCH (p:Part) CALL bom.explode(p.unitCost > 1) YIELD component RETURN component")
            == "the part of bom.explode must be a part key (text), found boolean")
        #expect(compileMessage("MATCH (p:Part) CALL bom.explode(p.number, {asOf: p.validFrom}) YIELD component RETURN component")
            == "option 'asOf' of bom.explode must be a literal, a $parameter, date('YYYY-MM-DD') or a list of those")
        #expect(compileMessage("MATCH (p:Part) CALL bom.rollup(p.description) YIELD part RETURN part")
            == "the property of bom.rollup must be a literal, a $parameter, date('YYYY-MM-DD') or a list of those")
        #expect(compileMessage("MATCH (p:Part) CALL bom.explode(p.number) YIELD component AS p RETURN p")
            == "'p' is already defined; rename the yielded column with AS")
        #expect(compileMessage("CALL bom.explode(q.number) YIELD component RETURN component")
            == "undefined variable 'q'")
    }

    @Test func longestPathTakesAPropertyAListOrNull() throws {
        let one = try compile("CALL bom.longestPath('leadTimeDays', {parts: [$p]}) YIELD part, total, path RETURN *")
        #expect(one.nativeCall?.subject == .value(.literal(.string("leadTimeDays"))))
        #expect(one.columnTypes == [.string, nil, .decimal])
        let list = try compile("CALL bom.longestPath(['leadTimeDays', 'inHouseDays'], {skipCycles: true}) YIELD total RETURN total")
        #expect(list.nativeCall?.subject == .list([.value(.literal(.string("leadTimeDays"))), .value(.literal(.string("inHouseDays")))]))
        let none = try compile("CALL bom.longestPath(null) YIELD part, total RETURN part, total")
        #expect(none.nativeCall?.subject == .value(.literal(.null)))
        #expect(compileMessage("CALL bom.longestPath(3) YIELD part RETURN part")
            == "the property of bom.longestPath must be a property name, a list of property names, or null, e.g. 'leadTimeDays'")
    }

    @Test func highestPlaceholderSkipsQuotedIdentifiers() {
        #expect(CallPlanner.highestPlaceholder(in: "SELECT \"a?9\" FROM t WHERE x = ?2 AND y = ?12 OR z = ?3") == 12)
        #expect(CallPlanner.highestPlaceholder(in: "SELECT 1") == 0)
    }
}
