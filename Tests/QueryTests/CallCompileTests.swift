import GraphModel
import Testing
@testable import Query

/// `CALL bom.* YIELD ...`: the native step, its arguments, and the SQL over its temporary table.
@Suite struct CallCompileTests {
    @Test func explodeReadsTheYieldedColumnsFromTheTemporaryTable() throws {
        let compiled = try compile("""
            CALL bom.explode('P-100', {asOf: date('2025-03-01')}) YIELD component, quantity WHERE quantity > 2 \
            RETURN component, quantity ORDER BY quantity DESC LIMIT 5
            """)
        #expect(compiled.sql == """
            SELECT c."component", c."quantity"
            FROM temp."loom_call" AS c
            WHERE CAST(c."quantity" AS REAL) > ?1
            ORDER BY CAST(c."quantity" AS REAL) DESC NULLS FIRST
            LIMIT ?2
            """)
        #expect(compiled.parameters == [.literal(.integer(2)), .literal(.integer(5))])
        #expect(compiled.columns == ["component", "quantity"])
        #expect(compiled.columnTypes == [.string, .decimal])
        let call = try #require(compiled.nativeCall)
        #expect(call.procedure == "bom.explode")
        #expect(call.subject == .value(.literal(.string("P-100"))))
        #expect(call.options == ["asOf": .value(.literal(.date(try #require(LocalDate(iso: "2025-03-01")))))])
        #expect(call.columns.map(\.name) == ["component", "quantity", "level", "deepestLevel"])
        #expect(compiled.plan.hasPrefix("Call bom.explode('P-100', {asOf: date('2025-03-01')}) natively YIELD component, quantity\nFilter WHERE quantity > 2"))
    }

    @Test func parametersAliasesAndLists() throws {
        let compiled = try compile("""
            CALL bom.rollup('unitCost', {asOf: $date, parts: [$part, 'P-200'], skipCycles: true}) \
            YIELD part AS p, value RETURN p, value
            """)
        #expect(compiled.sql == "SELECT c.\"part\", c.\"value\"\nFROM temp.\"loom_call\" AS c")
        #expect(compiled.columns == ["p", "value"])
        let call = try #require(compiled.nativeCall)
        #expect(call.subject == .value(.literal(.string("unitCost"))))
        #expect(call.options["asOf"] == .value(.named("date")))
        #expect(call.options["parts"] == .list([.value(.named("part")), .value(.literal(.string("P-200")))]))
        #expect(call.options["skipCycles"] == .value(.literal(.boolean(true))))
    }

    @Test func aStandaloneCallReturnsEveryColumn() throws {
        let compiled = try compile("CALL bom.cycles()")
        #expect(compiled.columns == ["cycle", "parts", "length"])
        #expect(compiled.sql == "SELECT c.\"cycle\", c.\"parts\", c.\"length\"\nFROM temp.\"loom_call\" AS c")
        #expect(compiled.columnTypes == [.string, nil, .integer])
        let yielded = try compile("CALL bom.whereUsed($part) YIELD assembly")
        #expect(yielded.columns == ["assembly"])
        #expect(yielded.nativeCall?.subject == .value(.named("part")))
    }

    @Test func queriesWithoutCallHaveNoNativeStep() throws {
        #expect(try compile("MATCH (p:Part) RETURN p.number").nativeCall == nil)
    }

    @Test func unknownNamesGetSuggestions() {
        #expect(compileError("CALL bom.explod('P-100') YIELD component RETURN component") == """
            error: unknown procedure 'bom.explod' (did you mean 'bom.explode'?)
             --> query:1:6
              |
            1 | CALL bom.explod('P-100') YIELD component RETURN component
              |      ^^^^^^^^^^
            """)
        #expect(compileMessage("CALL db.labels() YIELD label RETURN label")
            == "unknown procedure 'db.labels'; Loom's procedures are bom.explode, bom.whereUsed, bom.rollup, bom.longestPath, bom.cycles")
        #expect(compileError("CALL bom.explode('P-100', {asof: date('2025-03-01')}) YIELD component RETURN component") == """
            error: bom.explode has no option 'asof' (did you mean 'asOf'?)
             --> query:1:28
              |
            1 | CALL bom.explode('P-100', {asof: date('2025-03-01')}) YIELD component RETURN component
              |                            ^^^^
            """)
        #expect(compileMessage("CALL bom.explode('P-100') YIELD quantiy RETURN quantiy")
            == "bom.explode yields no 'quantiy' (did you mean 'quantity'?); it yields component, quantity, level, deepestLevel")
        #expect(compileMessage("CALL bom.explode('P-100') YIELD component RETURN componet")
            == "undefined variable 'componet' (did you mean 'component'?)")
    }

    @Test func argumentsAreCheckedWhenWrittenInTheQuery() {
        #expect(compileMessage("CALL bom.explode('P-100', {asOf: '2025-03-01'}) YIELD component RETURN component")
            == "option 'asOf' of bom.explode must be a date, e.g. date('2025-03-01')")
        #expect(compileMessage("CALL bom.explode('P-100', {maxDepth: -1}) YIELD component RETURN component")
            == "option 'maxDepth' of bom.explode must be a non-negative integer")
        #expect(compileMessage("CALL bom.explode('P-100', {maxDepth: 'two'}) YIELD component RETURN component")
            == "option 'maxDepth' of bom.explode must be a non-negative integer")
        #expect(compileMessage("CALL bom.rollup(toUpper('unitcost')) YIELD part RETURN part")
            == "the property of bom.rollup must be a literal, a $parameter, date('YYYY-MM-DD') or a list of those")
        #expect(compileMessage("CALL bom.explode(true) YIELD component RETURN component")
            == "the part of bom.explode must be a part key, e.g. '100103'")
        #expect(compileMessage("CALL bom.explode() YIELD component RETURN component")
            == "bom.explode needs its part as the first argument, e.g. CALL bom.explode($part, {asOf: date('2025-03-01')}) YIELD component, quantity, level")
        #expect(compileMessage("CALL bom.explode('P-100', {}, 3) YIELD component RETURN component")
            == "bom.explode takes its part and an options map; remove this argument")
        #expect(compileMessage("CALL bom.explode('P-100', {asOf: date('2025-02-30')}) YIELD component RETURN component")
            == "'2025-02-30' is not a date; write date('YYYY-MM-DD')")
        #expect(compileMessage("CALL bom.rollup('unitCost', {maxDepth: 2}) YIELD part RETURN part").hasPrefix(
            "bom.rollup has no option 'maxDepth'; its options are asOf, edgeType"))
    }

    @Test func yieldBeforeOtherClausesAndOneCallPerQuery() {
        #expect(compileMessage("CALL bom.explode('P-100') RETURN 1")
            == "a CALL followed by other clauses needs YIELD, e.g. CALL bom.explode($part, {asOf: date('2025-03-01')}) YIELD component, quantity, level")
        #expect(compileMessage("CALL bom.cycles() YIELD cycle CALL bom.cycles() YIELD length RETURN cycle")
            == "not supported yet: a second CALL in one query")
        #expect(compileMessage("CALL bom.explode('P-100') YIELD component, level AS component RETURN component")
            == "'component' is yielded twice; rename one with AS")
    }
}
