import GraphModel
import Testing
@testable import Query

/// Compile-level tests of lists, maps, string, entity, numeric and temporal functions: the SQL
/// shape where it matters, and the errors. Answers on data are pinned by
/// Tests/Fixtures/query-cases/expressions.cases.
@Suite struct ExpressionBinderSQLTests {
    @Test func listIndexReadsJSONPathWithNegativeIndexFromTheEnd() {
        assertSQL("RETURN [1, 2, 3][-1] AS x",
                  "SELECT json_extract(json_array(?1, ?2, ?3), CASE WHEN ?4 < 0 THEN '$[#' || ?4 || ']' ELSE '$[' || ?4 || ']' END)")
    }

    @Test func comprehensionIsACorrelatedJSONEachSubquery() {
        assertSQL("RETURN [x IN [1, 2] WHERE x > 1 | x * 2] AS l",
                  "SELECT CASE WHEN json_array(?1, ?2) IS NULL THEN NULL ELSE (SELECT json_group_array((u1.value * ?2)) "
                  + "FROM json_each(json_array(?1, ?2)) AS u1 WHERE u1.value > ?1) END")
    }

    @Test func regexMatchCallsTheRegisteredFunction() {
        assertSQL("MATCH (p:Part) WHERE p.number =~ $pattern RETURN p.number",
                  "SELECT n1.\"number\"\nFROM \"node_Part\" AS n1\nWHERE regexp(?1, n1.\"number\")")
    }

    @Test func mapKeysAreBoundValues() throws {
        let compiled = try compile("RETURN {part: '100103'} AS m")
        #expect(compiled.sql == "SELECT json_object(?2, ?1)")
        #expect(compiled.parameters == [.literal(.string("100103")), .literal(.string("part"))])
    }

    @Test func reduceIsARecursiveCTE() throws {
        let sql = try compile("RETURN reduce(s = 0, x IN [1, 2] | s + x) AS s").sql
        #expect(sql.contains("WITH RECURSIVE u1(i, acc) AS (SELECT -1, ?3 UNION ALL SELECT u1.i + 1, (u1.acc + u2.value)"))
        #expect(sql.contains("JOIN json_each(json_array(?1, ?2)) AS u2 ON u2.key = u1.i + 1"))
    }

    @Test func booleansInListsAreJSONBooleans() throws {
        let sql = try compile("RETURN [true] AS l").sql
        #expect(sql == "SELECT json_array(CASE ?1 WHEN 1 THEN json('true') WHEN 0 THEN json('false') END)")
    }

    @Test func entityFunctionsUseTheCatalog() throws {
        let sql = try compile("MATCH (p:Part)-[r:HAS_COMPONENT]->(c) RETURN labels(p), type(r), elementId(c)").sql
        #expect(sql.hasPrefix("SELECT json_array('Part'), 'HAS_COMPONENT', 'Part:' || n2._key\n"))
    }

    @Test func durationLiteralIsParsedWhenCompiled() throws {
        let compiled = try compile("RETURN duration('P1Y2M3DT4H') AS d")
        #expect(compiled.parameters == [.literal(.integer(14)), .literal(.integer(3)), .literal(.integer(14_400))])
        #expect(CompilationContext.parseISODuration("P2W") ?? (0, 0, 0) == (0, 14, 0))
        #expect(CompilationContext.parseISODuration("PT-90M") ?? (0, 0, 0) == (0, 0, -5400))
        #expect(CompilationContext.parseISODuration("P1H") == nil)
        #expect(CompilationContext.parseISODuration("P") == nil)
    }

    @Test func typesFlowThroughListsAndComprehensions() throws {
        // A collected decimal element is read as a number in the comprehension.
        let sql = try compile("MATCH (p:Part) RETURN [x IN collect(p.unitCost) WHERE x > 1] AS l").sql
        #expect(sql.contains("WHERE CAST(u1.value AS REAL) > ?1"))
    }

    @Test func everyPlaceholderIsUsed() throws {
        for query in ["RETURN duration.inDays(date('2025-03-01'), date('2025-04-15')).days AS d",
                      "WITH {a: 1} AS m RETURN m.a AS a", "RETURN substring('abc', 1) AS s",
                      "RETURN date({year: 2025}) AS d", "RETURN reduce(s = '', x IN ['a'] | s + substring(x, 0)) AS s"] {
            let compiled = try compile(query)
            for index in compiled.parameters.indices {
                #expect(compiled.sql.contains("?\(index + 1)"), "\(query): ?\(index + 1) unused")
            }
        }
    }
}

@Suite struct ExpressionBinderErrorTests {
    @Test(arguments: [
        ("RETURN 'abc' =~ '[a' AS m", "invalid regular expression '[a': unclosed '['"),
        ("RETURN 'abc' =~ 'a)' AS m", "invalid regular expression 'a)': unmatched ')'"),
        ("RETURN 1 =~ 'a' AS m", "=~ needs strings, found integer"),
        ("RETURN [1, 2]['a'] AS x", "a list index must be an integer, found string"),
        ("RETURN [1, 2][1.5] AS x", "a list index must be an integer, found float"),
        ("RETURN 'abc'[0] AS x", "cannot index a string with [...]"),
        ("RETURN date('2025-03-01').hour AS h", "a date has no hour; use a datetime"),
        ("RETURN date('2025-03-01').yeer AS h", "unknown date component 'yeer' (did you mean 'year'?)"),
        ("RETURN duration({days: 1}).dayz AS d", "unknown duration component 'dayz' (did you mean 'days'?)"),
        ("RETURN duration({dayz: 1}) AS d", "unknown duration field 'dayz' (did you mean 'days'?)"),
        ("RETURN duration('1 day') AS d", "'1 day' is not a duration; write e.g. duration('P1M2D') or duration('PT1H30M')"),
        ("RETURN duration({days: 1.5}) AS d", "not supported yet: fractional durations (days must be a whole number)"),
        ("RETURN date('2025-03-01') - date('2025-01-01') AS d",
         "dates cannot be subtracted; use duration.between(a, b) or duration.inDays(a, b)"),
        ("RETURN size(1) AS s", "size() needs a string or a list, found integer"),
        ("RETURN head('abc') AS s", "head() needs a list, found string"),
        ("RETURN range(1, 5, 0) AS r", "range() needs a step other than 0"),
        ("RETURN range(1, 2.5) AS r", "range() needs an integer, found float"),
        ("RETURN substring('abc', -1) AS s", "substring() needs a start of 0 or more, found -1"),
        ("RETURN substring('abc') AS s", "substring() takes 2 or 3 arguments, found 1"),
        ("RETURN left(1, 2) AS s", "left() needs a string, found integer"),
        ("RETURN all(x IN [1] WHERE x + 1) AS a", "all(...) needs a boolean, found integer"),
        ("RETURN [x IN 5 | x] AS a", "a list comprehension needs a list, found integer"),
        ("MATCH (p:Part) RETURN [x IN [1] | count(x)] AS a",
         "aggregation misuse: count() cannot be used inside a list expression (aggregate in a WITH first)"),
        ("MATCH (p:Part) RETURN reduce(s = 0, x IN collect(p.leadTimeDays) | s + x) AS s",
         "not supported yet: reduce() of an aggregate; aggregate in a WITH first (WITH collect(x) AS xs RETURN …)"),
        ("MATCH (p:Part) RETURN labels(p.number) AS l", "labels() needs a node variable, found string"),
        ("MATCH (p:Part) RETURN type(p) AS t", "type() needs a relationship variable, found node (Part)"),
        ("RETURN {a: 1, a: 2} AS m", "the key 'a' is written twice in this map"),
        ("RETURN id(1) AS i", "id() needs a node or relationship variable, found integer"),
    ])
    func message(query: String, expected: String) {
        #expect(compileMessage(query) == expected)
    }

    @Test func errorPointsAtTheIndex() {
        #expect(compileError("RETURN [1, 2]['a'] AS x") == """
            error: a list index must be an integer, found string
             --> query:1:15
              |
            1 | RETURN [1, 2]['a'] AS x
              |               ^^^
            """)
    }
}
