import Foundation
import Testing
import GraphModel
import GraphStore
import TestSupport
@testable import Engine

/// The BOM operators on the sample plant, against datasets/sample-plant/README.md's
/// hand-checked explosion of KP-50 and against plain recursive SQL written separately here.
@Suite struct BOMSamplePlantTests {
    /// One import shared by the suite's tests (each opens it read-only).
    static let database: Result<String, any Error> = Result {
        let db = try Fixtures.temporaryDirectory("bom-sample").appendingPathComponent("plant.sqlite").path
        let project = Fixtures.packageRoot.appendingPathComponent("datasets/sample-plant/loom.yaml").path
        _ = try Engine.importProject(ImportOptions(project: project, database: db))
        return db
    }

    static func store() throws -> GraphStore {
        try GraphStore.open(path: database.get(), readOnly: true)
    }

    static func bom(_ store: GraphStore, asOf date: String?, maxDepth: Int? = nil) throws -> BOMStructure {
        var options = BOMOptions()
        options.asOf = try date.map { try #require(LocalDate(iso: $0)) }
        options.maxDepth = maxDepth
        return try BOMStructure.load(from: store, options: options)
    }

    static func decimal(_ text: String) throws -> Decimal { try #require(Decimal(string: text)) }

    /// Valid BOM lines as of a date, in SQL.
    static func valid(_ date: String) -> String {
        """
        valid(f, t, q) AS (SELECT _from, _to, CAST(quantity AS REAL) FROM edge_HAS_COMPONENT
          WHERE (validFrom IS NULL OR validFrom <= '\(date)') AND (validTo IS NULL OR validTo >= '\(date)'))
        """
    }

    // MARK: - Explosion

    @Test func kp50ExplosionAggregatesTheHandCheckedLines() throws {
        let store = try Self.store()
        defer { store.close() }
        let rows = try Self.bom(store, asOf: "2025-03-01").explode("100103")
        let byPart = Dictionary(uniqueKeysWithValues: rows.map { ($0.component, $0) })
        #expect(rows.count == 58)
        #expect(rows.map(\.deepestLevel).max() == 6)
        #expect(rows.filter { $0.level == 1 }.map(\.component)
            == ["100203", "100238", "100256", "100407", "100416", "100532", "100533", "100802"])
        // Bearing 6204: twice under the shaft assembly (level 5), once in the hydraulics (level 3).
        #expect(byPart["100428"] == BOMComponent(component: "100428", quantity: 3, level: 3, deepestLevel: 5))
        #expect(byPart["100223"] == BOMComponent(component: "100223", quantity: 3, level: 2, deepestLevel: 4))
        // Exact decimals: 2 × 0.03 + 0.03, 0.15 + 0.2, 3 × 0.005.
        #expect(byPart["100457"]?.quantity == (try Self.decimal("0.09")))
        #expect(byPart["100457"]?.level == 4 && byPart["100457"]?.deepestLevel == 6)
        #expect(byPart["100446"]?.quantity == (try Self.decimal("0.35")))
        #expect(byPart["100448"]?.quantity == (try Self.decimal("0.015")))
        #expect(byPart["100451"]?.quantity == (try Self.decimal("2.35")))
        // The superseded cable gland is gone as of 2025-03-01, the new one is there.
        #expect(byPart["100500"] == nil)
        #expect(byPart["100501"]?.quantity == 1)

        let before = try Self.bom(store, asOf: "2024-06-30").explode("100103")
        #expect(before.count == 58)
        #expect(before.contains { $0.component == "100500" && $0.quantity == 1 && $0.level == 3 })
        #expect(!before.contains { $0.component == "100501" })
    }

    @Test func kp50ExplosionMatchesRecursiveSQL() throws {
        let store = try Self.store()
        defer { store.close() }
        let sql = try store.select("""
            WITH RECURSIVE \(Self.valid("2025-03-01")),
            x(part, qty, level) AS (SELECT _id, 1.0, 0 FROM node_Part WHERE number = '100103'
              UNION ALL SELECT v.t, x.qty * v.q, x.level + 1 FROM x JOIN valid v ON v.f = x.part)
            SELECT p.number, sum(x.qty), min(x.level), max(x.level) FROM x JOIN node_Part p ON p._id = x.part
            WHERE x.level > 0 GROUP BY p.number ORDER BY p.number
            """)
        let rows = try Self.bom(store, asOf: "2025-03-01").explode("100103").sorted { $0.component < $1.component }
        #expect(rows.map(\.component) == sql.rows.map { $0[0].description })
        for (row, expected) in zip(rows, sql.rows) {
            guard case .float(let total) = expected[1], case .integer(let low) = expected[2],
                  case .integer(let high) = expected[3] else { Issue.record("unexpected SQL row \(expected)"); continue }
            #expect(abs(NSDecimalNumber(decimal: row.quantity).doubleValue - total) < 1e-9, "\(row.component)")
            #expect(row.level == Int(low) && row.deepestLevel == Int(high), "\(row.component)")
        }
    }

    @Test func maxDepthCountsOnlyShortPaths() throws {
        let store = try Self.store()
        defer { store.close() }
        var bom = try Self.bom(store, asOf: "2025-03-01", maxDepth: 1)
        #expect(try bom.explode("100103").map(\.component)
            == ["100203", "100238", "100256", "100407", "100416", "100532", "100533", "100802"])
        // Three levels: the bearing only through the hydraulics (1 × 1 × 1), not the shaft (level 5).
        bom.maxDepth = 3
        let three = try bom.explode("100103")
        #expect(three.first { $0.component == "100428" } == BOMComponent(component: "100428", quantity: 1, level: 3, deepestLevel: 3))
        #expect(three.allSatisfy { $0.deepestLevel <= 3 })
        // A bound at or below the deepest level changes nothing.
        bom.maxDepth = 6
        let bounded = try bom.explode("100103")
        bom.maxDepth = nil
        #expect(bounded == (try bom.explode("100103")))
    }

    // MARK: - Where-used

    @Test func whereUsedOfTheBearingMatchesRecursiveSQL() throws {
        let store = try Self.store()
        defer { store.close() }
        let sql = try store.select("""
            WITH RECURSIVE \(Self.valid("2025-03-01")),
            x(part, qty, level) AS (SELECT _id, 1.0, 0 FROM node_Part WHERE number = '100428'
              UNION ALL SELECT v.f, x.qty * v.q, x.level + 1 FROM x JOIN valid v ON v.t = x.part)
            SELECT p.number, sum(x.qty), min(x.level), max(x.level) FROM x JOIN node_Part p ON p._id = x.part
            WHERE x.level > 0 GROUP BY p.number ORDER BY p.number
            """)
        let rows = try Self.bom(store, asOf: "2025-03-01").whereUsed("100428").sorted { $0.assembly < $1.assembly }
        #expect(rows.count == sql.rows.count)
        #expect(rows.map(\.assembly) == sql.rows.map { $0[0].description })
        for (row, expected) in zip(rows, sql.rows) {
            guard case .float(let total) = expected[1], case .integer(let low) = expected[2],
                  case .integer(let high) = expected[3] else { Issue.record("unexpected SQL row \(expected)"); continue }
            #expect(abs(NSDecimalNumber(decimal: row.quantity).doubleValue - total) < 1e-9, "\(row.assembly)")
            #expect(row.level == Int(low) && row.deepestLevel == Int(high), "\(row.assembly)")
        }
        // Hand-checked: the bearing unit holds one bearing; KP-50 needs three.
        #expect(rows.first { $0.assembly == "100223" } == BOMAssembly(assembly: "100223", quantity: 1, level: 1, deepestLevel: 1))
        #expect(rows.first { $0.assembly == "100103" }?.quantity == 3)
    }

    // MARK: - Cycles

    @Test func theOneCycleIsFoundWithItsPath() throws {
        let store = try Self.store()
        defer { store.close() }
        for date in ["2025-03-01", nil] {
            let cycles = try Self.bom(store, asOf: date).cycles()
            #expect(cycles == [BOMCycle(parts: ["100266", "100267", "100268"])])
        }
        // Before the erroneous line 370 became valid (2023-03-01) there was no cycle.
        #expect(try Self.bom(store, asOf: "2023-02-28").cycles() == [])
    }

    @Test func explodingTheMeteringPumpStopsAtTheCycle() throws {
        let store = try Self.store()
        defer { store.close() }
        let bom = try Self.bom(store, asOf: "2025-03-01")
        let error = try #require(throws: BOMError.self) { try bom.explode("100109") }
        #expect(error.code == .cycle)
        #expect(error.cycle == ["100266", "100267", "100268"])
        #expect(error.description
            == "error: the BOM of 100109 contains a cycle: 100266 → 100267 → 100268 → 100266; fix the BOM lines between these parts")
        // Where-used of a part in the cycle, and a roll-up through it, stop the same way.
        #expect(throws: BOMError.self) { try bom.whereUsed("100267") }
        let rollup = try #require(throws: BOMError.self) { try bom.rollup("unitCost", from: store, parts: ["100109"]) }
        #expect(rollup.cycle == ["100266", "100267", "100268"])
    }

    // MARK: - Roll-up

    @Test func kp50MaterialCostMatchesTheReadmeAndRecursiveSQL() throws {
        let store = try Self.store()
        defer { store.close() }
        for (date, readme) in [("2025-03-01", "346.581"), ("2024-06-30", "345.331")] {
            let bom = try Self.bom(store, asOf: date)
            let rows = try bom.rollup("unitCost", from: store, parts: ["100103"])
            // README: Σ total quantity × unitCost over the parts without a BOM of their own.
            #expect(rows == [BOMRolledUpValue(part: "100103", value: try Self.decimal(readme), isComplete: true)])
            let sql = try store.select("""
                WITH RECURSIVE \(Self.valid(date)),
                x(part, qty) AS (SELECT _id, 1.0 FROM node_Part WHERE number = '100103'
                  UNION ALL SELECT v.t, x.qty * v.q FROM x JOIN valid v ON v.f = x.part)
                SELECT sum(x.qty * CAST(p.unitCost AS REAL)), count(*) - count(p.unitCost)
                FROM x JOIN node_Part p ON p._id = x.part
                WHERE NOT EXISTS (SELECT 1 FROM valid v WHERE v.f = x.part)
                """)
            guard case .float(let total) = sql.rows[0][0] else { Issue.record("no SQL total"); continue }
            #expect(abs(total - (Double(readme) ?? 0)) < 1e-9)
            #expect(sql.rows[0][1] == .integer(0))
        }
    }

    @Test func rollingUpEveryPartSkipsOnlyWhatReachesTheCycle() throws {
        let store = try Self.store()
        defer { store.close() }
        let bom = try Self.bom(store, asOf: "2025-03-01")
        #expect(throws: BOMError.self) { try bom.rollup("unitCost", from: store) }
        let rows = try bom.rollup("unitCost", from: store, skippingCycles: true)
        #expect(rows.count == 253)
        let byPart = Dictionary(uniqueKeysWithValues: rows.map { ($0.part, $0) })
        #expect(byPart["100103"]?.value == (try Self.decimal("346.581")))
        #expect(byPart["100109"]?.reachesCycle == true && byPart["100109"]?.value == nil)
        #expect(byPart["100266"]?.reachesCycle == true)
        // A raw part is worth its own unit cost.
        let bearing = try store.select("SELECT unitCost FROM node_Part WHERE number = '100428'").rows[0][0]
        #expect(byPart["100428"]?.value == BOMQuantity.parse(bearing.description))
        // Exactly the cycle and everything above it (UNION, not UNION ALL, so SQLite stops).
        let above = try store.select("""
            WITH RECURSIVE \(Self.valid("2025-03-01")),
            up(part) AS (SELECT _id FROM node_Part WHERE number = '100266' UNION SELECT v.f FROM up JOIN valid v ON v.t = up.part)
            SELECT p.number FROM up JOIN node_Part p ON p._id = up.part ORDER BY p.number
            """)
        #expect(rows.filter(\.reachesCycle).map(\.part) == above.rows.map { $0[0].description })
        #expect(above.rows.count > 3)
    }

    // MARK: - Names from options

    @Test func unknownNamesGetDidYouMean() throws {
        let store = try Self.store()
        defer { store.close() }
        func message(_ options: BOMOptions) -> String? {
            do { _ = try BOMStructure.load(from: store, options: options); return nil } catch { return "\(error)" }
        }
        #expect(message(BOMOptions(edgeType: "HAS_COMPONNET")).map {
            $0.hasPrefix("error: unknown edge type 'HAS_COMPONNET' (did you mean 'HAS_COMPONENT'?)") } == true)
        #expect(message(BOMOptions(quantity: "quantiy"))
            == "error: unknown property 'quantiy' on HAS_COMPONENT (did you mean 'quantity'?)")
        #expect(message(BOMOptions(validFrom: "validFom", asOf: LocalDate(iso: "2025-03-01")))
            == "error: unknown property 'validFom' on HAS_COMPONENT (did you mean 'validFrom'?)")
        #expect(message(BOMOptions(quantity: "unit"))
            == "error: property 'unit' on HAS_COMPONENT is string; a BOM quantity must be integer, float or decimal")
        #expect(message(BOMOptions(edgeType: "SUPPLIES"))
            == "error: SUPPLIES connects Supplier → Part; a BOM edge type must connect Supplier to Supplier")
        #expect(message(BOMOptions(keyProperty: "numbr"))
            == "error: unknown property 'numbr' on Part (did you mean 'number'?)")

        let bom = try Self.bom(store, asOf: "2025-03-01")
        let cost = try #require(throws: BOMError.self) { try bom.rollup("unitCots", from: store, parts: ["100103"]) }
        #expect(cost.description == "error: unknown property 'unitCots' on Part (did you mean 'unitCost'?)")
        let part = try #require(throws: BOMError.self) { try bom.explode("109999") }
        #expect(part.description == "error: unknown part '109999': no Part has key '109999'")
    }

    @Test func anotherKeyPropertyNamesTheParts() throws {
        let store = try Self.store()
        defer { store.close() }
        var options = BOMOptions(asOf: LocalDate(iso: "2025-03-01"), keyProperty: "number")
        let byNumber = try BOMStructure.load(from: store, options: options).explode("100103")
        options.keyProperty = nil
        #expect(byNumber == (try BOMStructure.load(from: store, options: options).explode("100103")))
    }
}
