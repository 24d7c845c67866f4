import Testing
@testable import Query

@Suite struct LiteralTests {
    @Test(arguments: [
        ("42", "42"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("1.5", "1.5"),
        ("'it\\'s'", "'it\\'s'"),
        ("\"double\"", "'double'"),
        ("TRUE", "true"),
        ("false", "false"),
        ("NULL", "null"),
        ("[1, 'a', [2]]", "[1, 'a', [2]]"),
        ("[]", "[]"),
        ("{asOf: date('2025-03-01'), depth: 3}", "{asOf: (fn date '2025-03-01'), depth: 3}"),
        ("{}", "{}"),
        ("$part", "$part"),
        ("`unit cost`", "`unit cost`"),
    ])
    func literal(text: String, expected: String) throws {
        #expect(try expr(text) == expected)
    }

    @Test func integerRange() {
        #expect(throws: QuerySyntaxError.self) { try expr("9223372036854775808") }
        #expect(throws: QuerySyntaxError.self) { try expr("-9223372036854775809") }
    }
}

@Suite struct PrecedenceTests {
    @Test(arguments: [
        // Boolean operators: NOT > AND > XOR > OR.
        ("true OR true XOR true", "(or true (xor true true))"),
        ("true XOR false AND false", "(xor true (and false false))"),
        ("NOT true AND false", "(and (not true) false)"),
        ("NOT false >= false", "(not (>= false false))"),
        // Null and list predicates bind tighter than comparisons, looser than arithmetic.
        ("false = true IS NULL", "(= false (is-null true))"),
        ("NOT false IS NULL", "(not (is-null false))"),
        ("x IS NOT NULL", "(is-not-null x)"),
        ("false = true IN [true, false]", "(= false (in true [true, false]))"),
        ("[1]+2 IN [3]+4", "(in (+ [1] 2) (+ [3] 4))"),
        // Arithmetic.
        ("1 + 2 * 3 - 4", "(- (+ 1 (* 2 3)) 4)"),
        ("2 * 3 ^ 2 % 5", "(% (* 2 (^ 3 2)) 5)"),
        ("2 ^ 3 ^ 2", "(^ (^ 2 3) 2)"),
        ("-2 ^ 2", "(^ -2 2)"),
        ("-x ^ 2", "(^ (neg x) 2)"),
        ("- (1 + 2)", "(neg (+ 1 2))"),
        ("a / b / c", "(/ (/ a b) c)"),
        // Chained comparisons expand to AND.
        ("a < b < c", "(and (< a b) (< b c))"),
        ("1 <= x <> 3 = y", "(and (and (<= 1 x) (<> x 3)) (= 3 y))"),
        // String predicates.
        ("p.name STARTS WITH 'A' AND p.name ends with 'z'", "(and (starts-with (prop p name) 'A') (ends-with (prop p name) 'z'))"),
        ("n.code CONTAINS '-' OR n.code =~ 'P-[0-9]+'", "(or (contains (prop n code) '-') (=~ (prop n code) 'P-[0-9]+'))"),
        // Postfix operators.
        ("[5, [6, 7]][1][0]", "(index (index [5, [6, 7]] 1) 0)"),
        ("list[1..3]", "(slice list 1 3)"),
        ("list[..-1]", "(slice list _ -1)"),
        ("list[2..]", "(slice list 2 _)"),
        ("[1] + [5, 6][1]", "(+ [1] (index [5, 6] 1))"),
        ("a.b.c", "(prop (prop a b) c)"),
        ("n:Part:Assembly AND m:Part", "(and (has-labels n :Part :Assembly) (has-labels m :Part))"),
        ("p.`unit cost` * 2", "(* (prop p `unit cost`) 2)"),
    ])
    func precedence(text: String, expected: String) throws {
        #expect(try expr(text) == expected)
    }
}

@Suite struct CompoundExpressionTests {
    @Test(arguments: [
        ("count(*)", "(fn count *)"),
        ("COUNT(DISTINCT c)", "(fn COUNT distinct c)"),
        ("coalesce(p.cost, 0.0)", "(fn coalesce (prop p cost) 0.0)"),
        ("date.truncate('month', d)", "(fn date.truncate 'month' d)"),
        ("rand()", "(fn rand)"),
        ("CASE p.kind WHEN 'raw' THEN 1 WHEN 'finished' THEN 3 ELSE 2 END",
         "(case (prop p kind) (when 'raw' 1) (when 'finished' 3) (else 2))"),
        ("case when x > 1 then 'big' end", "(case (when (> x 1) 'big'))"),
        ("[x IN range(1, 10) WHERE x % 2 = 0 | x * x]",
         "(list-comp x (fn range 1 10) (where (= (% x 2) 0)) (| (* x x)))"),
        ("[x IN xs]", "(list-comp x xs)"),
        ("[x IN xs | x.name]", "(list-comp x xs (| (prop x name)))"),
        ("reduce(total = 0, q IN quantities | total + q)", "(reduce total 0 q quantities (+ total q))"),
        ("all(x IN xs WHERE x > 0)", "(all x xs (where (> x 0)))"),
        ("none(x IN xs WHERE x IS NULL)", "(none x xs (where (is-null x)))"),
        ("[(a)-[:SUPPLIES]->(p) | a.name]", "(pattern-comp (path (node a) (rel -> :SUPPLIES) (node p)) (| (prop a name)))"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        ("(p)", "p"),
        ("(n:Part)", "(has-labels n :Part)"),
    ])
    func compound(text: String, expected: String) throws {
        #expect(try expr(text) == expected)
    }

    @Test func expressionSpansCoverTheirText() throws {
        let e = try Parser.parseExpression("  a.b + f(1, 2)")
        #expect(e.span.start == 2 && e.span.end == 15)
        guard case .binary(_, let left, let right) = e.kind else {
            Issue.record("expected a binary expression"); return
        }
        #expect(left.span.column == 3 && left.span.length == 3)
        #expect(right.span.column == 9 && right.span.length == 7)
    }
}
