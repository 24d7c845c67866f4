import Testing
@testable import Query

/// Equality and IN of lists and maps compile to a three-valued deep comparison over
/// `json_tree` (answers on real rows in Tests/Fixtures/query-cases/expressions.cases).
@Suite struct ExpressionListEqualityTests {
    @Test func listEqualityReadsBothSidesWithJsonTree() throws {
        let sql = try compile("RETURN [1, 2] = [1, 2] AS same").sql
        #expect(sql.hasPrefix("SELECT (CASE WHEN json_array(?1, ?2) IS NULL OR json_array(?1, ?2) IS NULL THEN NULL"))
        #expect(sql.contains("FROM json_tree(json_array(?1, ?2)) AS x JOIN json_tree(json_array(?1, ?2)) AS y ON y.fullkey = x.fullkey"))
        #expect(sql.contains("THEN 0 WHEN EXISTS"))
        let different = try compile("RETURN {a: 1} <> {a: 2} AS d").sql
        #expect(different.hasPrefix("SELECT NOT ((CASE WHEN json_object("))
    }

    @Test func scalarsAreQuotedAsJsonAndParametersKeptWhenTheyAreJson() throws {
        let sql = try compile("MATCH (p:Part) WHERE [p.unitCost, p.number] = $pair RETURN p.number").sql
        #expect(sql.contains("CASE WHEN json_valid(?1) THEN ?1 ELSE json_quote(?1) END"))
        #expect(sql.contains("json_array(CAST(n1.\"unitCost\" AS REAL), n1.\"number\")")
            || sql.contains("json_array(n1.\"unitCost\", n1.\"number\")"))
    }

    @Test func inWithListElements() throws {
        let literal = try compile("RETURN [1] IN [[1], [2]] AS found").sql
        #expect(literal.hasPrefix("SELECT ((CASE WHEN"))
        #expect(literal.contains(") OR (CASE WHEN json_array(?1) IS NULL OR json_array(?2) IS NULL"))
        let listed = try compile("WITH [[1], [2]] AS xs RETURN [1] IN xs AS found").sql
        #expect(listed.contains("SELECT CASE WHEN max((CASE WHEN"))
        #expect(listed.contains("FROM json_each(w1.c1) AS u1)"))
        #expect(listed.contains("WHEN 'array' THEN u1.value"))
        // Scalars keep the plain SQL IN.
        let scalar = try compile("RETURN 1 IN [1, 2] AS found").sql
        #expect(scalar.contains(" IN (?1, ?2)") && !scalar.contains("json_tree"))
    }

    @Test func errors() {
        #expect(compileMessage("RETURN [1] < [2] AS c")
            == "not supported yet: ordering lists with <; compare their elements (list[0] < other[0])")
        #expect(compileMessage("RETURN {a: 1} >= {a: 1} AS c")
            == "not supported yet: ordering maps with >=; compare their elements (list[0] < other[0])")
        #expect(compileMessage("RETURN [1] = 1 AS c") == "cannot compare list with integer")
        #expect(compileMessage("RETURN [1] = {a: 1} AS c") == "cannot compare list with map")
        #expect(compileMessage("MATCH (p:Part) RETURN collect(p.number) = ['1'] AS c")
            == "not supported yet: comparing lists or maps of an aggregate; aggregate in a WITH first (WITH collect(x) AS xs RETURN …)")
        #expect(compileMessage("WITH [2, 10] AS xs RETURN size(xs) AS n ORDER BY xs")
            == "not supported yet: ordering by a list; order by one of its elements (ORDER BY xs[0]) or by size(xs)")
    }
}
