import Testing
@testable import Query

@Suite struct PatternTests {
    /// The S-expression of the first pattern of `MATCH <pattern> RETURN 1`.
    func pattern(_ text: String) throws -> String {
        let statement = try Parser.parse("MATCH \(text) RETURN 1")
        guard case .match(let match) = statement.query.parts[0].clauses[0] else { return "" }
        return match.patterns.map(\.description).joined(separator: " ")
    }

    @Test(arguments: [
        ("(p)", "(node p)"),
        ("()", "(node)"),
        ("(:Part)", "(node :Part)"),
        ("(p:Part:Assembly)", "(node p :Part :Assembly)"),
        ("(p:Part {number: $n, kind: 'raw'})", "(node p :Part {number: $n, kind: 'raw'})"),
        ("(p:Part $props)", "(node p :Part $props)"),
        ("(`my part`:`Part Type`)", "(node `my part` :`Part Type`)"),
        ("(a)-->(b)", "(path (node a) (rel ->) (node b))"),
        ("(a)<--(b)", "(path (node a) (rel <-) (node b))"),
        ("(a)--(b)", "(path (node a) (rel --) (node b))"),
        ("(a)<-->(b)", "(path (node a) (rel --) (node b))"),
        ("(a)-[r:HAS_COMPONENT]->(b)", "(path (node a) (rel -> r :HAS_COMPONENT) (node b))"),
        ("(a)<-[:SUPPLIES|:MAKES]-(s)", "(path (node a) (rel <- :SUPPLIES|MAKES) (node s))"),
        ("(a)-[:A|B|C]-(b)", "(path (node a) (rel -- :A|B|C) (node b))"),
        ("(a)-[*]->(b)", "(path (node a) (rel -> *) (node b))"),
        ("(a)-[*3]->(b)", "(path (node a) (rel -> *3) (node b))"),
        ("(a)-[:HAS_COMPONENT*1..6]->(b)", "(path (node a) (rel -> :HAS_COMPONENT *1..6) (node b))"),
        ("(a)-[*..4]->(b)", "(path (node a) (rel -> *..4) (node b))"),
        ("(a)-[*2..]->(b)", "(path (node a) (rel -> *2..) (node b))"),
        ("(a)-[r {quantity: 2}]->(b)", "(path (node a) (rel -> r {quantity: 2}) (node b))"),
        ("p = (a)-[:X]->(b)<-[:Y]-(c)", "(path p = (node a) (rel -> :X) (node b) (rel <- :Y) (node c))"),
        ("(a), (b)-->(c)", "(node a) (path (node b) (rel ->) (node c))"),
    ])
    func patterns(text: String, expected: String) throws {
        #expect(try pattern(text) == expected)
    }

    @Test func relationshipLengthIsStructured() throws {
        let statement = try Parser.parse("MATCH (a)-[r:T*2..5]->(b) RETURN r")
        guard case .match(let match) = statement.query.parts[0].clauses[0] else {
            Issue.record("expected MATCH"); return
        }
        let relationship = try #require(match.patterns.first?.steps.first?.relationship)
        #expect(relationship.length == LengthRange(minimum: 2, maximum: 5))
        #expect(relationship.direction == .outgoing)
        #expect(relationship.types.map(\.name) == ["T"])
        #expect(relationship.variable?.span.column == 12)
    }

    @Test func patternPredicatesInWhere() throws {
        #expect(try ast("MATCH (p:Part) WHERE NOT (p)<-[:SUPPLIES]-(:Supplier) RETURN p") ==
            "(match (node p :Part) (where (not (exists (path (node p) (rel <- :SUPPLIES) (node :Supplier)))))) (return p)")
        #expect(try ast("MATCH (a), (b) WHERE (a)-->(b) AND a.x > 1 RETURN a") ==
            "(match (node a) (node b) (where (and (exists (path (node a) (rel ->) (node b))) (> (prop a x) 1)))) (return a)")
    }

    @Test func parenthesisedArithmeticIsNotAPattern() throws {
        #expect(try expr("(a) - (b)") == "(- a b)")
    }
}
