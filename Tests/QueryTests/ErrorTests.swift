import Testing
@testable import Query

/// Syntax errors pinned as the exact text a planner sees.
@Suite struct ErrorTests {
    func rendered(_ query: String) -> String {
        syntaxError(query)?.description ?? "parsed"
    }

    @Test func unclosedNodePattern() {
        #expect(rendered("MATCH (p:Part RETURN p") == """
            error: expected ')' after the pattern, found 'RETURN'
             --> query:1:15
              |
            1 | MATCH (p:Part RETURN p
              |               ^^^^^^
            """)
    }

    @Test func missingLabelName() {
        #expect(rendered("MATCH (p:) RETURN p") == """
            error: expected a label name after ':', found ')'
             --> query:1:10
              |
            1 | MATCH (p:) RETURN p
              |          ^
            """)
    }

    @Test func misspelledClauseGetsASuggestion() {
        #expect(rendered("MACTH (p) RETURN p") == """
            error: expected a clause such as MATCH or RETURN, found 'MACTH' (did you mean 'MATCH'?)
             --> query:1:1
              |
            1 | MACTH (p) RETURN p
              | ^^^^^
            """)
        #expect(syntaxError("MATCH (p) RETRUN p")?.message ==
            "expected a clause or the end of the query, found 'RETRUN' (did you mean 'RETURN'?)")
        #expect(syntaxError("MATCH (p) WHERE p.x = 1 ADN p.y = 2 RETURN p")?.message ==
            "expected a clause or the end of the query, found 'ADN' (did you mean 'AND'?)")
    }

    @Test func errorsOnLaterLinesShowThatLine() {
        #expect(rendered("MATCH (p:Part)\nWHERE p.cost >\nRETURN p") == """
            error: expected an expression, found the keyword 'RETURN'
             --> query:3:1
              |
            3 | RETURN p
              | ^^^^^^
            """)
        let error = syntaxError("MATCH (p)\nWHERE p.x = 'abc\nRETURN p")
        #expect(error?.message == "unterminated string: add a closing '")
        #expect(error?.line == 2 && error?.column == 13)
    }

    @Test func wideLineNumbersWidenTheGutter() {
        let query = String(repeating: "\n", count: 9) + "MATCH (p) RETURN p p"
        #expect(rendered(query) == """
            error: expected a clause or the end of the query, found 'p'
              --> query:10:20
               |
            10 | MATCH (p) RETURN p p
               |                    ^
            """)
    }

    @Test func updatingClausesAreReadOnlyErrors() {
        #expect(rendered("MATCH (p:Part) SET p.cost = 0 RETURN p") == """
            error: Loom's query language is read-only: SET is not supported
             --> query:1:16
              |
            1 | MATCH (p:Part) SET p.cost = 0 RETURN p
              |                ^^^
            """)
        #expect(syntaxError("CREATE (p:Part {number: 'X'})")?.message ==
            "Loom's query language is read-only: CREATE is not supported")
        #expect(syntaxError("MATCH (p) DETACH DELETE p")?.message ==
            "Loom's query language is read-only: DETACH DELETE is not supported")
        #expect(syntaxError("MERGE (p:Part {number: 'X'}) RETURN p")?.message ==
            "Loom's query language is read-only: MERGE is not supported")
        // Property keys, labels and map keys spelled like update keywords are fine.
        #expect(syntaxError("MATCH (p:Set {merge: 1}) RETURN p.create, p.delete") == nil)
    }

    @Test(arguments: [
        ("MATCH (p) WHERE p.x = 1", "a query cannot end with MATCH; finish it with RETURN"),
        ("MATCH (p) WITH p", "a query cannot end with WITH; finish it with RETURN"),
        ("MATCH (p) RETURN p RETURN p", "RETURN must be the last clause; use WITH to pass values on"),
        ("MATCH (p Part) RETURN p", "expected ':' before the label or ')' after the pattern, found 'Part'"),
        ("MATCH (match) RETURN 1", "expected a node name, found the keyword 'match' (back-quote it to use it as a name)"),
        ("MATCH (a)-[:X->(b) RETURN a", "expected ']' to close the relationship, found '-'"),
        ("MATCH (a)-->(b)-- RETURN a", "expected '(' after the relationship: a pattern ends with a node, found 'RETURN'"),
        ("MATCH (a)-[*1.5]->(b) RETURN a", "a path length must be a whole number, found '1.5'"),
        ("MATCH p RETURN p", "expected '(' to start a node pattern, found 'p'"),
        ("RETURN 1 +", "expected an expression, found the end of the query"),
        ("RETURN CASE WHEN 1 THEN 2", "expected END to close CASE, found the end of the query"),
        ("RETURN [1, 2", "expected ']' to close the list, found the end of the query"),
        ("RETURN {a 1}", "expected ':' after the property name 'a', found '1'"),
        ("RETURN x IS 1", "expected NULL after IS (IS NULL or IS NOT NULL), found '1'"),
        ("RETURN 'a' STARTS 'b'", "expected WITH after STARTS (STARTS WITH), found 'b'"),
        ("UNWIND [1] x RETURN x", "expected AS after the UNWIND list (UNWIND list AS name), found 'x'"),
        ("MATCH (p) RETURN p ORDER p", "expected BY after ORDER, found 'p'"),
        ("RETURN a LIMIT 1 SKIP 2", "SKIP must come before LIMIT"),
        ("MATCH (p) RETURN p.", "expected a property name after '.', found the end of the query"),
        ("OPTIONAL (p) RETURN p", "expected MATCH after OPTIONAL, found '('"),
        ("RETURN 1; RETURN 2", "Loom runs one statement at a time; remove the text after ';'"),
        ("CALL bom.explode($p) YIELD RETURN x",
         "expected a result field name after YIELD, found the keyword 'RETURN' (back-quote it to use it as a name)"),
        ("", "expected a clause such as MATCH or RETURN, found the end of the query"),
        ("MATCH (n) RETURN (n)-->()",
         "a pattern can only be used as a condition in WHERE; to use its matches here, write a pattern comprehension such as [(a)-->(b) | b]"),
        ("MATCH (n) WHERE exists { (n)-->() } RETURN n",
         "EXISTS { ... } subqueries are not supported; use a pattern predicate such as WHERE (a)-[:R]->(b)"),
        ("MATCH p = shortestPath((a)-->(b)) RETURN p",
         "shortestPath is not supported; use a variable-length pattern with ORDER BY length(p) LIMIT 1"),
        ("RETURN 9223372036854775808", "integer literal 9223372036854775808 is too large (integers are 64-bit)"),
        ("RETURN 'a\\qb'", "unknown escape '\\q' in string (use \\\\ for a backslash)"),
        ("RETURN 1 # 2", "unexpected character '#'"),
    ])
    func message(query: String, expected: String) {
        #expect(syntaxError(query)?.message == expected)
    }

    @Test func errorCarriesTokenPosition() throws {
        let error = try #require(syntaxError("MATCH (p:Part)\n  RETURN p ORDER BY p.x LIMT 5"))
        #expect(error.line == 2 && error.column == 25 && error.length == 4)
        #expect(error.message == "expected a clause or the end of the query, found 'LIMT' (did you mean 'LIMIT'?)")
    }

    @Test func rendererIsReusableForLaterStages() throws {
        let query = "MATCH (p:Part) RETURN p.descripton"
        let statement = try Parser.parse(query)
        guard case .return(let ret) = statement.query.parts[0].clauses[1] else {
            Issue.record("expected RETURN"); return
        }
        let span = ret.projection.items[0].expression.span
        #expect(DiagnosticRenderer.render(message: "unknown property 'descripton' on Part (did you mean 'description'?)",
                                          span: span, in: query) == """
            error: unknown property 'descripton' on Part (did you mean 'description'?)
             --> query:1:23
              |
            1 | MATCH (p:Part) RETURN p.descripton
              |                       ^^^^^^^^^^^^
            """)
    }
}

@Suite struct RobustnessTests {
    @Test func deepNestingIsAnErrorNotACrash() {
        let query = "RETURN " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(syntaxError(query)?.message == "the expression is nested too deeply (more than 200 levels)")
        let fine = "RETURN " + String(repeating: "[", count: 50) + "1" + String(repeating: "]", count: 50)
        #expect(syntaxError(fine) == nil)
    }
}
