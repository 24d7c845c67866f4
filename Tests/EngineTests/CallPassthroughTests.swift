import Foundation
import Testing
import GraphModel
import Query
import TestSupport
@testable import Engine

/// `CALL … YIELD a, b RETURN a, b` answers straight from the procedure's rows (no temporary table,
/// no SQL); these tests pin that the answer is exactly the one the SQL route gives (forced here
/// with `SKIP 0`, which the shortcut does not take), and that `--max-rows` still cuts it.
@Suite(.serialized) struct CallPassthroughTests {
    static let database: String = {
        let db = (try? Fixtures.temporaryDirectory("call-passthrough"))?.appendingPathComponent("plant.sqlite").path
            ?? "/tmp/loom-call-passthrough.sqlite"
        let project = Fixtures.packageRoot.appendingPathComponent("datasets/sample-plant/loom.yaml").path
        _ = try? Engine.importProject(ImportOptions(project: project, database: db))
        return db
    }()

    func rows(_ text: String, maxRows: Int? = nil) throws -> QueryResult {
        let graph = try Engine.openGraph(project: nil, database: Self.database)
        let parameters: [String: Value] = ["part": .string("100103"), "bearing": .string("100428"),
                                           "asOf": .date(LocalDate(year: 2025, month: 3, day: 1)!)]
        guard case .rows(let result) = try graph.run(QueryRequest(text: text, parameters: parameters, maxRows: maxRows)) else {
            Issue.record("no rows outcome for \(text)")
            return QueryResult(columns: [], rows: [], truncated: false, seconds: 0)
        }
        return result
    }

    @Test(arguments: [
        "CALL bom.explode($part, {asOf: $asOf}) YIELD component, quantity, level RETURN component, quantity, level",
        "CALL bom.explode($part, {asOf: $asOf}) YIELD quantity AS q, component RETURN component, q",
        "CALL bom.whereUsed($bearing, {asOf: $asOf}) YIELD assembly, quantity RETURN assembly, quantity",
        "CALL bom.rollup('unitCost', {asOf: $asOf, parts: [$part]}) YIELD part, value RETURN part, value",
        "CALL bom.cycles() YIELD cycle, parts RETURN parts, cycle",
    ])
    func theShortcutGivesTheSQLRoutesAnswer(query: String) throws {
        let direct = try rows(query)
        let throughSQL = try rows(query + " SKIP 0")
        #expect(!direct.rows.isEmpty)
        #expect(direct.columns == throughSQL.columns)
        #expect(direct.rows == throughSQL.rows)
    }

    @Test func theCompilerTakesTheShortcutOnlyForPlainReturns() throws {
        let graph = try Engine.openGraph(project: nil, database: Self.database)
        let catalog = graph.store.catalog
        let plain = try QueryCompiler.compile(
            "CALL bom.explode('100103') YIELD component, quantity RETURN quantity, component", catalog: catalog)
        #expect(plain.passthrough == [1, 0])
        for other in [
            "CALL bom.explode('100103') YIELD component, quantity WHERE quantity > 1 RETURN component, quantity",
            "CALL bom.explode('100103') YIELD component, quantity RETURN component, quantity ORDER BY component",
            "CALL bom.explode('100103') YIELD component, quantity RETURN DISTINCT component",
            "CALL bom.explode('100103') YIELD component, quantity RETURN component, quantity * 2 AS twice",
            "CALL bom.explode('100103') YIELD component MATCH (p:Part {number: component}) RETURN component",
        ] {
            #expect(try QueryCompiler.compile(other, catalog: catalog).passthrough == nil, "\(other)")
        }
    }

    @Test func maxRowsCutsTheDirectAnswer() throws {
        let result = try rows("CALL bom.explode($part, {asOf: $asOf}) YIELD component RETURN component", maxRows: 5)
        #expect(result.rows.count == 5)
        #expect(result.truncated)
    }
}
