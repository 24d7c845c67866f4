import Testing
@testable import Query

/// Binder errors pinned as the exact text a planner sees.
@Suite struct CompilerErrorTests {
    @Test func unknownPropertyGetsASuggestion() {
        #expect(compileError("MATCH (p:Part) WHERE p.descripton = 'x' RETURN p") == """
            error: unknown property 'descripton' on Part (did you mean 'description'?)
             --> query:1:24
              |
            1 | MATCH (p:Part) WHERE p.descripton = 'x' RETURN p
              |                        ^^^^^^^^^^
            """)
        #expect(compileMessage("MATCH (p:Part {numbr: 'P-100'}) RETURN p") == "unknown property 'numbr' on Part (did you mean 'number'?)")
        #expect(compileMessage("MATCH ()-[r:HAS_COMPONENT]->() RETURN r.quantty")
            == "unknown property 'quantty' on HAS_COMPONENT (did you mean 'quantity'?)")
    }

    @Test func unknownLabelAndRelationshipType() {
        #expect(compileError("MATCH (p:Prat) RETURN p") == """
            error: unknown label 'Prat' (did you mean 'Part'?)
             --> query:1:10
              |
            1 | MATCH (p:Prat) RETURN p
              |          ^^^^
            """)
        #expect(compileError("MATCH (p:Part)-[:HAS_COMPONANT]->(c) RETURN p") == """
            error: unknown relationship type 'HAS_COMPONANT' (did you mean 'HAS_COMPONENT'?)
             --> query:1:18
              |
            1 | MATCH (p:Part)-[:HAS_COMPONANT]->(c) RETURN p
              |                  ^^^^^^^^^^^^^
            """)
    }

    @Test func undefinedVariable() {
        #expect(compileError("MATCH (p:Part) RETURN q.number") == """
            error: undefined variable 'q' (did you mean 'p'?)
             --> query:1:23
              |
            1 | MATCH (p:Part) RETURN q.number
              |                       ^
            """)
    }

    @Test func aggregationMisuse() {
        #expect(compileMessage("MATCH (p:Part) WHERE count(*) > 1 RETURN p")
            == "aggregation misuse: count(*) cannot be used in a MATCH pattern or its WHERE")
        #expect(compileMessage("MATCH (p:Part) RETURN count(count(*))")
            == "aggregation misuse: count(*) cannot be used inside another aggregate")
        #expect(compileError("MATCH (p:Part) RETURN p.kind, p.number + count(*)") == """
            error: aggregation misuse: 'p' is used outside an aggregate in 'p.number + count(*)'; return it as its own column or move it inside the aggregate
             --> query:1:31
              |
            1 | MATCH (p:Part) RETURN p.kind, p.number + count(*)
              |                               ^
            """)
        #expect(compileMessage("MATCH (p:Part) RETURN p.number, p.number + count(*)") == "compiled")
        #expect(compileMessage("MATCH (p:Part) RETURN DISTINCT p.kind ORDER BY p.number")
            == "'p' is not returned; after RETURN DISTINCT or an aggregate, ORDER BY can only use returned columns")
    }

    @Test func notSupportedYetPointsAtTheConstruct() {
        #expect(compileError("MATCH (p:Part)-[:HAS_OPERATION*1..3]->(c) RETURN c") == """
            error: not supported yet: a variable-length relationship over HAS_OPERATION, which connects Part → Operation (each hop of a variable-length path must lead from a label back to itself, such as Part → Part)
             --> query:1:15
              |
            1 | MATCH (p:Part)-[:HAS_OPERATION*1..3]->(c) RETURN c
              |               ^^^^^^^^^^^^^^^^^^^^^^^^
            """)
        #expect(compileMessage("MATCH (a:Part)-[r:HAS_COMPONENT|REPLACES]->(b:Part) WITH r RETURN r")
            == "not supported yet: passing a relationship of several types through WITH")
        #expect(compileMessage("RETURN timestamp()") == "not supported yet: the function timestamp()")
        #expect(compileMessage("MATCH (p:Part) RETURN rand()") == "not supported yet: the function rand()")
        #expect(compileMessage("MATCH (p:Part) WHERE (p)-[r:HAS_COMPONENT]->() RETURN p")
            == "a pattern in WHERE cannot introduce the new variable 'r': bind it in MATCH first, or leave it unnamed")
        #expect(compileMessage("MATCH (p:Part)-[:HAS_COMPONENT|HAS_OPERATION]->(y) RETURN y")
            == "not supported yet: a node without a label that no relationship type determines; add one, e.g. (y:Part)")
    }

    @Test func typeMismatchesAreRejectedNotSilentlyConverted() {
        #expect(compileMessage("MATCH (a:Part)-[r:HAS_COMPONENT]->(b) WHERE r.validFrom < '2025-01-01' RETURN a")
            == "cannot compare date with string (write date('2025-01-31') for a date)")
        #expect(compileMessage("MATCH (p:Part) WHERE p.leadTimeDays = '2' RETURN p") == "cannot compare integer with string")
        #expect(compileMessage("MATCH (o:Operation)-[:HAS_OPERATION]->(p:Part) RETURN p")
            == "HAS_OPERATION never connects Operation → Part (it connects Part → Operation)")
        #expect(compileMessage("RETURN date('2025-02-30')") == "'2025-02-30' is not a date; write date('YYYY-MM-DD')")
        #expect(compileMessage("MATCH (p:Part) RETURN toUppr(p.number)") == "unknown function 'toUppr' (did you mean 'toUpper'?)")
        #expect(compileMessage("MATCH (p:Part) RETURN p.number, p.number") == "two columns are named 'p.number'; give one an alias with AS")
    }

    @Test func syntaxErrorsAreWrapped() {
        #expect(compileError("MATCH (p:Part RETURN p") == """
            error: expected ')' after the pattern, found 'RETURN'
             --> query:1:15
              |
            1 | MATCH (p:Part RETURN p
              |               ^^^^^^
            """)
    }
}
