import Foundation
import Testing
import GraphModel
import GraphStore
import TestSupport
@testable import Engine

/// A partial load (only what is reachable from the parts asked about, through the edge indexes)
/// answers exactly as the whole structure does, on every part of the sample plant.
@Suite struct BOMReachableLoadTests {
    func options(_ date: String?) throws -> BOMOptions {
        var options = BOMOptions()
        options.asOf = try date.map { try #require(LocalDate(iso: $0)) }
        return options
    }

    @Test(arguments: ["2025-03-01", "2024-06-30", nil] as [String?])
    func explodeAndWhereUsedAgreeWithTheWholeStructure(_ date: String?) throws {
        let store = try BOMSamplePlantTests.store()
        defer { store.close() }
        let whole = try BOMStructure.load(from: store, options: try options(date))
        let parts = try store.select("SELECT number FROM node_Part ORDER BY number").rows.map(\.[0].description)
        #expect(parts.count == 253)
        var compared = 0
        for part in parts {
            let down = try BOMStructure.load(from: store, options: try options(date), reachableFrom: [part], reach: .down)
            let up = try BOMStructure.load(from: store, options: try options(date), reachableFrom: [part], reach: .up)
            switch (Result { try whole.explode(part) }, Result { try down.explode(part) }) {
            case (.success(let a), .success(let b)): #expect(a == b, "explode \(part)"); compared += 1
            case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)", "explode \(part)")
            default: Issue.record("explode \(part): one load failed, the other did not")
            }
            switch (Result { try whole.whereUsed(part) }, Result { try up.whereUsed(part) }) {
            case (.success(let a), .success(let b)): #expect(a == b, "whereUsed \(part)")
            case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)", "whereUsed \(part)")
            default: Issue.record("whereUsed \(part): one load failed, the other did not")
            }
        }
        #expect(compared > 200)
    }

    @Test func aPartialLoadStillStopsAtTheCycleAndKnowsUnknownParts() throws {
        let store = try BOMSamplePlantTests.store()
        defer { store.close() }
        let down = try BOMStructure.load(from: store, options: try options("2025-03-01"), reachableFrom: ["100109"], reach: .down)
        #expect(throws: BOMError.self) { try down.explode("100109") }
        do {
            _ = try down.explode("100109")
        } catch let error as BOMError {
            #expect(error.cycle == ["100266", "100267", "100268"])
        }
        let missing = try BOMStructure.load(from: store, options: try options(nil), reachableFrom: ["999999"], reach: .down)
        #expect(throws: BOMError.self) { try missing.explode("999999") }
        let rolled = try BOMStructure.load(from: store, options: try options("2025-03-01"), reachableFrom: ["100103"], reach: .down)
            .rollup("unitCost", from: store, parts: ["100103"])
        #expect(rolled.first?.value == Decimal(string: "346.581"))
    }
}
