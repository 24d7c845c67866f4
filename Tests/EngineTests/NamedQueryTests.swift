import Foundation
import Testing
import GraphModel
import GraphStore
import TestSupport
@testable import Engine

/// Every named query in queries/ on the sample plant, each answer checked against a plain SQL
/// query written separately here (or the hand-checked figure in datasets/sample-plant/README.md).
@Suite(.serialized) struct NamedQueryTests {
    static let database: String = {
        let db = (try? Fixtures.temporaryDirectory("named-queries"))?.appendingPathComponent("plant.sqlite").path ?? "/tmp/loom-named-queries.sqlite"
        let project = Fixtures.packageRoot.appendingPathComponent("datasets/sample-plant/loom.yaml").path
        _ = try? Engine.importProject(ImportOptions(project: project, database: db))
        return db
    }()

    func run(_ name: String, _ parameters: [String: Value] = [:]) throws -> QueryResult {
        let path = Fixtures.packageRoot.appendingPathComponent("queries/\(name).cypher").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(NamedQueries.question(in: text).count > 20, "\(name) has a Question: header")
        let graph = try Engine.openGraph(project: nil, database: Self.database)
        guard case .rows(let result) = try graph.run(QueryRequest(text: text, parameters: parameters)) else {
            Issue.record("\(name) returned no rows outcome")
            return QueryResult(columns: [], rows: [], truncated: false, seconds: 0)
        }
        return result
    }

    func sql(_ text: String) throws -> [[Value]] {
        let store = try GraphStore.open(path: Self.database, readOnly: true)
        defer { store.close() }
        return try store.select(text).rows
    }

    static func number(_ value: Value) -> Double {
        switch value {
        case .integer(let i): Double(i)
        case .float(let d): d
        case .decimal(let d): d.doubleValue
        case .string(let s): Double(s) ?? .nan
        default: .nan
        }
    }

    static let date = Value.date(LocalDate(year: 2025, month: 3, day: 1)!)

    @Test func bomExplosionMatchesARecursiveSQLExplosion() throws {
        let result = try run("bom-explosion", ["part": .string("100103"), "asOf": Self.date])
        let expected = try sql("""
            WITH RECURSIVE x(part, qty, level) AS (
              SELECT _id, 1.0, 0 FROM node_Part WHERE number = '100103'
              UNION ALL
              SELECT e._to, x.qty * e.quantity, x.level + 1 FROM x JOIN edge_HAS_COMPONENT e ON e._from = x.part
              WHERE e.validFrom <= '2025-03-01' AND (e.validTo IS NULL OR e.validTo >= '2025-03-01'))
            SELECT p.number, sum(x.qty), min(x.level), max(x.level) FROM x JOIN node_Part p ON p._id = x.part
            WHERE x.level > 0 GROUP BY p.number ORDER BY p.number
            """)
        #expect(result.rows.count == 58)
        #expect(expected.count == 58)
        let byPart = Dictionary(uniqueKeysWithValues: result.rows.map { ($0[0].description, $0) })
        for row in expected {
            let mine = try #require(byPart[row[0].description])
            #expect(abs(Self.number(mine[1]) - Self.number(row[1])) < 1e-9, "\(row[0])")
            #expect(mine[2] == row[2])
            #expect(mine[3] == row[3])
        }
    }

    @Test func whereUsedMatchesAnUpwardRecursiveSQL() throws {
        let result = try run("where-used", ["part": .string("100428"), "asOf": Self.date])
        let expected = try sql("""
            WITH RECURSIVE x(part, qty, level) AS (
              SELECT _id, 1.0, 0 FROM node_Part WHERE number = '100428'
              UNION ALL
              SELECT e._from, x.qty * e.quantity, x.level + 1 FROM x JOIN edge_HAS_COMPONENT e ON e._to = x.part
              WHERE e.validFrom <= '2025-03-01' AND (e.validTo IS NULL OR e.validTo >= '2025-03-01'))
            SELECT p.number, sum(x.qty) FROM x JOIN node_Part p ON p._id = x.part WHERE x.level > 0
            GROUP BY p.number ORDER BY p.number
            """)
        #expect(Set(result.rows.map { $0[0].description }) == Set(expected.map { $0[0].description }))
        let kp50 = try #require(result.rows.first { $0[0].description == "100103" })
        #expect(Self.number(kp50[1]) == 3)
    }

    @Test func costRollupIsTheHandCheckedFigure() throws {
        let result = try run("cost-rollup", ["part": .string("100103"), "asOf": Self.date])
        #expect(result.rows.map { $0.map(\.description) } == [["100103", "346.581", "true"]])
    }

    @Test func bomCyclesFindsTheKnownCycle() throws {
        let result = try run("bom-cycles")
        #expect(result.rows.map { $0.map(\.description) } == [["100266 → 100267 → 100268 → 100266", "3"]])
    }

    @Test func lateOpenPurchaseOrdersMatchSQL() throws {
        let result = try run("late-open-purchase-orders", ["today": .date(LocalDate(year: 2025, month: 3, day: 20)!)])
        let expected = try sql("""
            SELECT l.orderNumber, l.item FROM node_PurchaseOrderLine l
            WHERE l.status = 'open' AND l.deliveryDate < '2025-03-20' ORDER BY l.deliveryDate, l.orderNumber, l.item
            """)
        #expect(!expected.isEmpty)
        #expect(result.rows.map { [$0[0].description, $0[1].description] } == expected.map { [$0[0].description, $0[1].description] })
    }

    @Test func workCentreLoadMatchesSQL() throws {
        let result = try run("work-centre-load")
        let expected = try sql("""
            SELECT w.code, count(*), round(sum(CAST(op.setupTime AS REAL) + CAST(op.runTime AS REAL) * CAST(o.quantity AS REAL) / CAST(op.baseQuantity AS REAL)))
            FROM node_ProductionOrder o
            JOIN edge_USES_ROUTING u ON u._from = o._id
            JOIN edge_HAS_OPERATION h ON h._from = u._to
            JOIN node_Operation op ON op._id = h._to
            JOIN edge_PERFORMED_AT pa ON pa._from = op._id
            JOIN node_WorkCentre w ON w._id = pa._to
            WHERE o.deliveryCompleted = 0 GROUP BY w._id
            """)
        #expect(!expected.isEmpty)
        let mine = Dictionary(uniqueKeysWithValues: result.rows.map { ($0[1].description, ($0[2], $0[3])) })
        for row in expected {
            let found = try #require(mine[row[0].description])
            #expect(Self.number(found.0) == Self.number(row[1]))
            #expect(Self.number(found.1) == Self.number(row[2]))
        }
        #expect(mine.count == expected.count)
    }

    @Test func bomChangesFindsTheSupersededCableGland() throws {
        let result = try run("bom-changes", ["from": .date(LocalDate(year: 2024, month: 6, day: 1)!),
                                             "to": .date(LocalDate(year: 2024, month: 7, day: 31)!)])
        let expected = try sql("""
            SELECT a.number, c.number FROM edge_HAS_COMPONENT l JOIN node_Part a ON a._id = l._from JOIN node_Part c ON c._id = l._to
            WHERE (l.validFrom BETWEEN '2024-06-01' AND '2024-07-31') OR (l.validTo BETWEEN '2024-06-01' AND '2024-07-31')
            ORDER BY a.number, l.validFrom, c.number
            """)
        #expect(result.rows.map { [$0[0].description, $0[1].description] } == expected.map { [$0[0].description, $0[1].description] })
        #expect(result.rows.map { $0[1].description } == ["100500", "100501"])
    }
}

/// Named queries whose interesting answer needs data the sample plant does not have: they run on
/// a private copy of it with records added for the test.
@Suite struct NamedQueryEditedPlantTests {
    /// A copy of the sample plant in which part 100999 (a copy of raw part 100915) exists in MARA
    /// and MARC but has no purchasing info record, so no supplier.
    func plantWithAnUnsuppliedPart() throws -> String {
        let source = Fixtures.packageRoot.appendingPathComponent("datasets/sample-plant")
        let dir = try Fixtures.temporaryDirectory("edited-plant")
        let copy = dir.appendingPathComponent("sample-plant")
        try FileManager.default.copyItem(at: source, to: copy)
        for name in try FileManager.default.contentsOfDirectory(atPath: copy.path) where name.contains(".sqlite") {
            try FileManager.default.removeItem(at: copy.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("mappings"),
                                                   withDestinationURL: Fixtures.packageRoot.appendingPathComponent("mappings"))
        // loom.yaml points at ../../mappings: put the copy two levels below a folder that has mappings/.
        let nested = dir.appendingPathComponent("datasets")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: copy, to: nested.appendingPathComponent("sample-plant"))
        let erp = nested.appendingPathComponent("sample-plant/erp")
        for table in ["MARA.csv", "MARC.csv"] {
            let url = erp.appendingPathComponent(table)
            let text = try String(contentsOf: url, encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first { $0.contains("000000000000100915") })
            try Fixtures.write(text + line.replacingOccurrences(of: "000000000000100915", with: "000000000000100999") + "\n", to: url)
        }
        let db = dir.appendingPathComponent("plant.sqlite").path
        let report = try Engine.importProject(ImportOptions(project: nested.appendingPathComponent("sample-plant/loom.yaml").path, database: db))
        #expect(report.totalRejects == 3)
        return db
    }

    @Test func partsWithoutSupplierFindsThePartWithoutInfoRecord() throws {
        let db = try plantWithAnUnsuppliedPart()
        let text = try String(contentsOfFile: Fixtures.packageRoot.appendingPathComponent("queries/parts-without-supplier.cypher").path, encoding: .utf8)
        guard case .rows(let result) = try Engine.openGraph(project: nil, database: db).run(QueryRequest(text: text)) else {
            Issue.record("no rows")
            return
        }
        let store = try GraphStore.open(path: db, readOnly: true)
        defer { store.close() }
        let expected = try store.select("""
            SELECT p.number FROM node_Part p WHERE p.procurementType = 'purchased'
            AND NOT EXISTS (SELECT 1 FROM edge_SUPPLIES s WHERE s._to = p._id) ORDER BY p.number
            """).rows
        #expect(expected.map { $0[0].description } == ["100999"])
        #expect(result.rows.map { $0[0].description } == ["100999"])
    }
}

extension NamedQueryTests {
    @Test func singleSourcePartsMatchSQL() throws {
        let result = try run("single-source-parts")
        let expected = try sql("""
            SELECT p.number FROM node_Part p JOIN edge_SUPPLIES s ON s._to = p._id
            GROUP BY p._id HAVING count(*) = 1 ORDER BY p.number
            """)
        #expect(expected.count == 112)
        #expect(result.rows.map { $0[0].description } == expected.map { $0[0].description })
        let oring = try #require(result.rows.first { $0[0].description == "100915" })
        #expect(oring[2].description == "[\"Dichtungstechnik Weber GmbH\"]")
    }
}

/// The named queries that compose CALL with MATCH (issue 3's second half), each checked against
/// recursive SQL written here. `valid` keeps the BOM lines valid on 2025-03-01.
extension NamedQueryTests {
    static let valid = "e.validFrom <= '2025-03-01' AND (e.validTo IS NULL OR e.validTo >= '2025-03-01')"

    @Test func cumulativeLeadTimeIsTheLongestPathOverEveryPath() throws {
        let result = try run("cumulative-lead-time", ["part": .string("100103"), "asOf": Self.date])
        // Every path from KP-50 enumerated (its BOM has no cycle), summing each part's own days.
        let expected = try sql("""
            WITH RECURSIVE x(part, total, path) AS (
              SELECT _id, inHouseDays + leadTimeDays + goodsReceiptDays, json_array(number) FROM node_Part WHERE number = '100103'
              UNION ALL
              SELECT e._to, x.total + p.inHouseDays + p.leadTimeDays + p.goodsReceiptDays, json_insert(x.path, '$[#]', p.number)
              FROM x JOIN edge_HAS_COMPONENT e ON e._from = x.part JOIN node_Part p ON p._id = e._to WHERE \(Self.valid))
            SELECT total, path FROM x ORDER BY total DESC, path LIMIT 1
            """)
        #expect(result.columns == ["part", "leadTimeDays", "criticalPath"])
        #expect(result.rows.count == 1)
        let row = try #require(result.rows.first)
        #expect(row[0].description == "100103")
        #expect(Self.number(row[1]) == Self.number(expected[0][0]))
        #expect(Self.number(row[1]) == 72)
        #expect(row[2].description == expected[0][1].description)
    }

    @Test func singleSourceComponentsOfKP50MatchSQL() throws {
        let result = try run("single-source-components", ["part": .string("100103"), "asOf": Self.date])
        let expected = try sql("""
            WITH RECURSIVE x(part, qty, level) AS (
              SELECT _id, 1.0, 0 FROM node_Part WHERE number = '100103'
              UNION ALL
              SELECT e._to, x.qty * e.quantity, x.level + 1 FROM x JOIN edge_HAS_COMPONENT e ON e._from = x.part WHERE \(Self.valid)),
            c AS (SELECT part, sum(qty) AS q FROM x WHERE level > 0 GROUP BY part)
            SELECT p.number, min(c.q), min(s.name) FROM c JOIN node_Part p ON p._id = c.part
            JOIN edge_SUPPLIES su ON su._to = p._id JOIN node_Supplier s ON s._id = su._from
            GROUP BY p._id HAVING count(*) = 1 ORDER BY p.number
            """)
        #expect(expected.count == 32)
        #expect(result.rows.map { $0[0].description } == expected.map { $0[0].description })
        for (mine, theirs) in zip(result.rows, expected) {
            #expect(abs(Self.number(mine[2]) - Self.number(theirs[1])) < 1e-9, "\(theirs[0])")
            #expect(mine[3].description == theirs[2].description)
        }
    }

    @Test func suppliersByFinishedGoodsMatchSQL() throws {
        let result = try run("suppliers-by-finished-goods", ["asOf": Self.date])
        // Reachability with UNION terminates on DP-10's cycle and still counts the parts below it.
        let expected = try sql("""
            WITH RECURSIVE x(fg, part) AS (
              SELECT _id, _id FROM node_Part WHERE kind = 'finished'
              UNION SELECT x.fg, e._to FROM x JOIN edge_HAS_COMPONENT e ON e._from = x.part WHERE \(Self.valid))
            SELECT s.name, count(DISTINCT x.fg) AS f, count(DISTINCT x.part) AS p
            FROM x JOIN edge_SUPPLIES su ON su._to = x.part JOIN node_Supplier s ON s._id = su._from
            WHERE x.part <> x.fg GROUP BY s._id ORDER BY f DESC, p DESC, s.name
            """)
        #expect(expected.count == 15)
        #expect(result.rows.map { $0.map(\.description) } == expected.map { $0.map(\.description) })
        #expect(result.rows.first?.map(\.description) == ["Kartonagen Feldmann GmbH", "13", "9"])
    }

    @Test func ordersShortOfABearingMatchSQL() throws {
        let result = try run("orders-short-component", ["part": .string("100428"), "asOf": Self.date])
        let expected = try sql("""
            WITH RECURSIVE x(part, qty, level) AS (
              SELECT _id, 1.0, 0 FROM node_Part WHERE number = '100428'
              UNION ALL
              SELECT e._from, x.qty * e.quantity, x.level + 1 FROM x JOIN edge_HAS_COMPONENT e ON e._to = x.part WHERE \(Self.valid)),
            a AS (SELECT part, sum(qty) AS q FROM x WHERE level > 0 GROUP BY part)
            SELECT o.number, p.number, o.quantity * a.q FROM a JOIN node_Part p ON p._id = a.part
            JOIN edge_PRODUCES pr ON pr._to = p._id JOIN node_ProductionOrder o ON o._id = pr._from
            WHERE o.deliveryCompleted = 0 ORDER BY o.startDate, o.number
            """)
        #expect(expected.map { $0[0].description } == ["1000122", "1000123", "1000124"])
        #expect(result.rows.map { [$0[0].description, $0[1].description] } == expected.map { [$0[0].description, $0[1].description] })
        #expect(result.rows.map { Self.number($0[5]) } == expected.map { Self.number($0[2]) })
    }

    @Test func anOrderAboveTheCycleNeedsTheORingButHasNoQuantity() throws {
        // O-ring 100420 is in seal 100260 and in valve insert 100268, inside DP-10's cycle:
        // open order 1000126 (DP-10) needs it, how many is unbounded.
        let result = try run("orders-short-component", ["part": .string("100420"), "asOf": Self.date])
        let dp10 = try #require(result.rows.first { $0[0].description == "1000126" })
        #expect(dp10[1].description == "100109")
        #expect(dp10[5].isNull)
        #expect(result.rows.filter { !$0[5].isNull }.allSatisfy { Self.number($0[5]) > 0 })
    }

    @Test func bomDepthPerFinishedGoodMatchesSQL() throws {
        let result = try run("bom-depth", ["asOf": Self.date])
        // Deepest level of a walk capped at 15 levels: a BOM with a cycle reaches the cap.
        let expected = try sql("""
            WITH RECURSIVE x(root, part, level) AS (
              SELECT number, _id, 0 FROM node_Part WHERE kind = 'finished'
              UNION SELECT x.root, e._to, x.level + 1 FROM x JOIN edge_HAS_COMPONENT e ON e._from = x.part
              WHERE \(Self.valid) AND x.level < 15)
            SELECT root, max(level) FROM x GROUP BY root ORDER BY root
            """)
        #expect(result.rows.count == 13)
        #expect(result.rows.map { $0[0].description } == expected.map { $0[0].description })
        for (mine, theirs) in zip(result.rows, expected) {
            if theirs[1] == .integer(15) {
                #expect(mine[2].isNull && mine[4] == .boolean(true), "\(theirs[0]) reaches the cycle")
            } else {
                #expect(Self.number(mine[2]) == Self.number(theirs[1]), "\(theirs[0])")
                #expect(mine[4] == .boolean(false))
            }
        }
        #expect(result.rows.first { $0[0].description == "100109" }?[4] == .boolean(true))
    }
}
