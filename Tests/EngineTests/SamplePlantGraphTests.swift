import Foundation
import Testing
import GraphModel
import GraphStore
import TestSupport
@testable import Engine

/// The sample plant's graph, read with plain SQL, against the hand-checked answers in
/// datasets/sample-plant/README.md (and the README's "Hand-checked answers").
@Suite struct SamplePlantGraphTests {
    static func importedStore() throws -> GraphStore {
        let db = try Fixtures.temporaryDirectory("sample-graph").appendingPathComponent("plant.sqlite").path
        let project = Fixtures.packageRoot.appendingPathComponent("datasets/sample-plant/loom.yaml").path
        _ = try Engine.importProject(ImportOptions(project: project, database: db))
        return try GraphStore.open(path: db, readOnly: true)
    }

    /// Multi-level explosion of one part as of a date, respecting effectivity; the README prints this query.
    static func explosion(of part: String, asOf date: String) -> String {
        """
        WITH RECURSIVE x(part, qty, level) AS (
          SELECT _id, 1.0, 0 FROM node_Part WHERE number = '\(part)'
          UNION ALL
          SELECT e._to, x.qty * e.quantity, x.level + 1
          FROM x JOIN edge_HAS_COMPONENT e ON e._from = x.part
          WHERE e.validFrom <= '\(date)' AND (e.validTo IS NULL OR e.validTo >= '\(date)'))
        """
    }

    @Test func kp50ExplosionMatchesTheHandCheckedTable() throws {
        let store = try Self.importedStore()
        defer { store.close() }
        let shape = try store.select(Self.explosion(of: "100103", asOf: "2025-03-01")
            + " SELECT count(*), count(DISTINCT part), max(level) FROM x WHERE level > 0")
        #expect(shape.rows == [[.integer(65), .integer(58), .integer(6)]])

        let totals = try store.select(Self.explosion(of: "100103", asOf: "2025-03-01") + """
             SELECT p.number, sum(x.qty) FROM x JOIN node_Part p ON p._id = x.part
             WHERE x.level > 0 AND p.number IN ('100428', '100420', '100500', '100501') GROUP BY p.number ORDER BY p.number
            """)
        // Bearing 6204 three times (shared sub-assembly on two paths), the superseded cable gland 100500 gone.
        #expect(totals.rows == [[.string("100420"), .float(2)], [.string("100428"), .float(3)], [.string("100501"), .float(1)]])

        let before = try store.select(Self.explosion(of: "100103", asOf: "2024-06-30") + """
             SELECT p.number FROM x JOIN node_Part p ON p._id = x.part WHERE p.number IN ('100500', '100501')
            """)
        #expect(before.rows == [[.string("100500")]])
    }

    @Test func decimalsKeepEveryDigitAndNegativeQuantitiesAreImportedAsTheyAre() throws {
        let store = try Self.importedStore()
        defer { store.close() }
        let result = try store.select("""
            SELECT e.quantity FROM edge_HAS_COMPONENT e JOIN node_Part p ON p._id = e._from JOIN node_Part c ON c._id = e._to
            WHERE p.number = '100258' AND c.number = '100456'
            """)
        #expect(result.rows == [[.string("-0.120")]])
    }

    @Test func thePartCountIsTheHandCheckedOne() throws {
        let store = try Self.importedStore()
        defer { store.close() }
        #expect(try store.select("SELECT count(*) FROM node_Part").rows == [[.integer(253)]])
        // README: 13 finished goods, 73 sub-assemblies, 162 raw parts, 5 packaging materials.
        #expect(try store.select("SELECT kind, count(*) FROM node_Part GROUP BY kind ORDER BY kind").rows == [
            [.string("assembly"), .integer(73)], [.string("finished"), .integer(13)],
            [.string("packaging"), .integer(5)], [.string("raw"), .integer(162)],
        ])
    }
}
