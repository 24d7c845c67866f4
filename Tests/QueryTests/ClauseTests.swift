import Testing
@testable import Query

@Suite struct ClauseTests {
    @Test(arguments: [
        ("MATCH (p:Part {number: $n}) WHERE p.weight > 1.5 RETURN p",
         "(match (node p :Part {number: $n}) (where (> (prop p weight) 1.5))) (return p)"),
        ("match (a:Part), (b:Part) return a, b",
         "(match (node a :Part) (node b :Part)) (return a b)"),
        ("MATCH (p:Part) OPTIONAL MATCH (p)<-[:SUPPLIES]-(s) RETURN p, s",
         "(match (node p :Part)) (optional-match (path (node p) (rel <- :SUPPLIES) (node s))) (return p s)"),
        ("MATCH (p:Part) WITH p.kind AS kind, count(*) AS n WHERE n > 2 RETURN kind, n",
         "(match (node p :Part)) (with (as (prop p kind) kind) (as (fn count *) n) (where (> n 2))) (return kind n)"),
        ("MATCH (p) WITH DISTINCT p ORDER BY p.number SKIP 1 LIMIT 10 WHERE p.x = 1 RETURN *",
         "(match (node p)) (with distinct p (order-by (asc (prop p number))) (skip 1) (limit 10) (where (= (prop p x) 1))) (return *)"),
        ("UNWIND [1, 2, 3] AS x RETURN x",
         "(unwind [1, 2, 3] as x) (return x)"),
        ("UNWIND $parts AS number MATCH (p:Part {number: number}) RETURN p.number",
         "(unwind $parts as number) (match (node p :Part {number: number})) (return (prop p number))"),
        ("RETURN DISTINCT a.x AS x, b ORDER BY x DESC, b ASC, a.y DESCENDING LIMIT $max",
         "(return distinct (as (prop a x) x) b (order-by (desc x) (asc b) (desc (prop a y))) (limit $max))"),
        ("MATCH (n) RETURN *, n.x AS x", "(match (node n)) (return * (as (prop n x) x))"),
        ("RETURN 1 AS a UNION RETURN 2 AS a",
         "(union (query (return (as 1 a))) (query (return (as 2 a))))"),
        ("RETURN 1 AS a UNION ALL RETURN 2 AS a UNION RETURN 3 AS a",
         "(union (union-all (query (return (as 1 a))) (query (return (as 2 a)))) (query (return (as 3 a))))"),
        ("EXPLAIN MATCH (n) RETURN n", "(explain (match (node n)) (return n))"),
        ("profile MATCH (n) RETURN n;", "(profile (match (node n)) (return n))"),
        ("CALL bom.whereUsed($part) YIELD assembly AS a, quantity WHERE quantity > 1 RETURN a",
         "(call bom.whereUsed ($part) (yield (as assembly a) quantity) (where (> quantity 1))) (return a)"),
        ("CALL db.labels", "(call db.labels)"),
        ("CALL bom.cycles() YIELD *", "(call bom.cycles () (yield *))"),
        ("MATCH (`order`:Order) RETURN `order`.number", "(match (node order :Order)) (return (prop order number))"),
    ])
    func clauses(query: String, expected: String) throws {
        #expect(try ast(query) == expected)
    }

    @Test func realQueryTopFinishedGoods() throws {
        let query = """
            MATCH (fg:Part {kind: 'finished'})-[:HAS_COMPONENT*1..6]->(c:Part)
            WHERE c.unitCost > 10
            RETURN fg.number, count(DISTINCT c) AS parts ORDER BY parts DESC LIMIT 5
            """
        #expect(try ast(query) == """
            (match (path (node fg :Part {kind: 'finished'}) (rel -> :HAS_COMPONENT *1..6) (node c :Part)) \
            (where (> (prop c unitCost) 10))) \
            (return (prop fg number) (as (fn count distinct c) parts) (order-by (desc parts)) (limit 5))
            """)
    }

    @Test func realQueryExplosion() throws {
        let query = """
            CALL bom.explode($part, {asOf: date('2025-03-01')}) YIELD component, quantity, level
            RETURN component.number, quantity ORDER BY level
            """
        #expect(try ast(query) == """
            (call bom.explode ($part {asOf: (fn date '2025-03-01')}) (yield component quantity level)) \
            (return (prop component number) quantity (order-by (asc level)))
            """)
    }

    @Test func realQuerySingleSourceComponents() throws {
        let query = """
            // Components of a finished good with exactly one supplier.
            MATCH (fg:Part {number: $fg})-[:HAS_COMPONENT*]->(c:Part)<-[:SUPPLIES]-(s:Supplier)
            WITH c, collect(DISTINCT s.name) AS suppliers
            WHERE size(suppliers) = 1
            RETURN c.number AS part, suppliers[0] AS supplier
            ORDER BY part
            """
        #expect(try ast(query) == """
            (match (path (node fg :Part {number: $fg}) (rel -> :HAS_COMPONENT *) (node c :Part) (rel <- :SUPPLIES) \
            (node s :Supplier))) (with c (as (fn collect distinct (prop s name)) suppliers) \
            (where (= (fn size suppliers) 1))) (return (as (prop c number) part) (as (index suppliers 0) supplier) \
            (order-by (asc part)))
            """)
    }

    @Test func realQueryLateOrders() throws {
        let query = """
            MATCH (o:PurchaseOrder)-[:ORDERS]->(p:Part)
            WHERE o.status IN ['open', 'partial'] AND o.dueDate < date($today)
            RETURN o.number, p.number, duration.between(o.dueDate, date($today)).days AS daysLate
            ORDER BY daysLate DESC, o.number
            """
        #expect(try ast(query) == """
            (match (path (node o :PurchaseOrder) (rel -> :ORDERS) (node p :Part)) \
            (where (and (in (prop o status) ['open', 'partial']) (< (prop o dueDate) (fn date $today))))) \
            (return (prop o number) (prop p number) \
            (as (prop (fn duration.between (prop o dueDate) (fn date $today)) days) daysLate) \
            (order-by (desc daysLate) (asc (prop o number))))
            """)
    }

    @Test func unaliasedColumnsKeepTheirText() throws {
        let statement = try Parser.parse("MATCH (p) RETURN p.number,  count( * ) AS n")
        guard case .return(let ret) = statement.query.parts[0].clauses.last else {
            Issue.record("expected RETURN"); return
        }
        #expect(ret.projection.items.map(\.text) == ["p.number", "count( * )"])
        #expect(ret.projection.items[1].alias?.name == "n")
    }

    @Test func keywordsAreCaseInsensitive() throws {
        #expect(try ast("MaTcH (n) wHeRe n.x Is NoT nUlL rEtUrN n oRdEr By n.x DeSc") ==
            "(match (node n) (where (is-not-null (prop n x)))) (return n (order-by (desc (prop n x))))")
    }
}
