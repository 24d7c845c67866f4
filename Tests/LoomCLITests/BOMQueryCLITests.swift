import Foundation
import Testing
import TestSupport

/// `CALL bom.*` through `loom query` on the bundled sample plant: the native BOM operators
/// composed with WHERE, ORDER BY and LIMIT, checked against the hand-checked answers in
/// datasets/sample-plant/README.md.
@Suite struct BOMQueryCLITests {

    /// The sample plant imported once into a private database (queries only read it).
    static let database = SamplePlant.importedDatabase("bom-query")

    /// Runs a query and returns its rows as JSON objects.
    func rows(_ query: String, _ parameters: [String] = []) throws -> [[String: Any]] {
        let db = try Self.database.get()
        let result = try LoomProcess.run(["query", "--db", db, query, "--format", "json"]
            + parameters.flatMap { ["--param", $0] })
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    func text(_ value: Any?) -> String? {
        (value as? String) ?? (value as? NSNumber)?.stringValue
    }

    @Test func kp50ExplosionAsOfADate() throws {
        let rows = try rows("""
            CALL bom.explode($part, {asOf: date('2025-03-01')}) YIELD component, quantity, level \
            RETURN component, quantity, level ORDER BY level, component
            """, ["part=100103"])
        #expect(rows.count == 58)
        let byPart = Dictionary(uniqueKeysWithValues: rows.compactMap { row in text(row["component"]).map { ($0, row) } })
        #expect(text(byPart["100428"]?["quantity"]) == "3")
        #expect(byPart["100428"]?["level"] as? Int == 3)
        #expect(byPart["100500"] == nil)
        #expect(text(byPart["100457"]?["quantity"]) == "0.09")
        let levels = rows.compactMap { $0["level"] as? Int }
        #expect(levels == levels.sorted())
        #expect(rows.prefix(8).compactMap { text($0["component"]) }
            == ["100203", "100238", "100256", "100407", "100416", "100532", "100533", "100802"])
    }

    @Test func explosionComposesWithWhereOrderByAndLimit() throws {
        let rows = try rows("""
            CALL bom.explode('100103', {asOf: date('2025-03-01')}) YIELD component, quantity WHERE quantity > 2 \
            RETURN component, quantity ORDER BY quantity DESC LIMIT 5
            """)
        #expect(rows.count == 5)
        let quantities = rows.compactMap { ($0["quantity"] as? NSNumber)?.doubleValue }
        #expect(quantities.count == 5)
        #expect(quantities == quantities.sorted(by: >))
        #expect(quantities.allSatisfy { $0 > 2 })
        let all = try self.rows("CALL bom.explode('100103', {asOf: date('2025-03-01')}) YIELD quantity RETURN quantity")
        let expected = all.compactMap { ($0["quantity"] as? NSNumber)?.doubleValue }.sorted(by: >).prefix(5)
        #expect(quantities == Array(expected))
    }

    @Test func whereUsedOfTheBearing() throws {
        let rows = try rows("""
            CALL bom.whereUsed('100428', {asOf: date('2025-03-01')}) YIELD assembly, quantity, level RETURN assembly, quantity
            """)
        let kp50 = try #require(rows.first { text($0["assembly"]) == "100103" })
        #expect(text(kp50["quantity"]) == "3")
        #expect(Set(rows.compactMap { text($0["assembly"]) }).count == rows.count)
    }

    @Test func costRollupOfKP50() throws {
        let rows = try rows("""
            CALL bom.rollup('unitCost', {asOf: date('2025-03-01'), parts: ['100103']}) YIELD part, value RETURN part, value
            """)
        #expect(rows.count == 1)
        #expect(text(rows.first?["part"]) == "100103")
        #expect(text(rows.first?["value"]) == "346.581")
    }

    @Test func theOneCycle() throws {
        let rows = try rows("CALL bom.cycles() YIELD cycle RETURN cycle")
        #expect(rows.count == 1)
        #expect(rows.first?["cycle"] as? String == "100266 → 100267 → 100268 → 100266")
        let standalone = try self.rows("CALL bom.cycles()")
        #expect(standalone.first?["parts"] as? [String] == ["100266", "100267", "100268"])
    }

    @Test func explodingAPartAboveTheCycleFailsWithItsPath() throws {
        let db = try Self.database.get()
        let result = try LoomProcess.run(["query", "--db", db, "CALL bom.explode('100109') YIELD component RETURN component"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(
            "error: the BOM of 100109 contains a cycle: 100266 → 100267 → 100268 → 100266; fix the BOM lines between these parts"))
        #expect(result.stdout.isEmpty)
    }

    @Test func runtimeErrorsReadCleanly() throws {
        let db = try Self.database.get()
        let unknown = try LoomProcess.run(["query", "--db", db, "CALL bom.explode('999') YIELD component RETURN component"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("error: unknown part '999'"))
        let edgeType = try LoomProcess.run(["query", "--db", db,
                                            "CALL bom.explode('100103', {edgeType: 'HAS_COMPONNT'}) YIELD component RETURN component"])
        #expect(edgeType.status == 1)
        #expect(edgeType.stderr.contains("unknown edge type 'HAS_COMPONNT' (did you mean 'HAS_COMPONENT'?)"))
        let date = try LoomProcess.run(["query", "--db", db, "CALL bom.explode('100103', {asOf: $d}) YIELD component RETURN component",
                                        "--param", "d=soon"])
        #expect(date.status == 1)
        #expect(date.stderr.hasPrefix("error: option 'asOf' of bom.explode must be a date"))
    }

    @Test func profileShowsTheNativeStep() throws {
        let db = try Self.database.get()
        let result = try LoomProcess.run(["query", "--db", db, """
            PROFILE CALL bom.explode('100103', {asOf: date('2025-03-01')}) YIELD component WHERE component STARTS WITH '1004' \
            RETURN count(*) AS n
            """, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let callLine = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("call ") })
        #expect(callLine.contains(" 58 "))
        #expect(callLine.hasSuffix("bom.explode('100103', {asOf: date('2025-03-01')})"))
    }
}
