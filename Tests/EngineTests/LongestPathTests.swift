import Foundation
import Testing
@testable import Engine

/// `BOMStructure.longestPath` and the cycle-tolerant walks on small BOMs built in memory.
@Suite struct LongestPathTests {
    /// A diamond: A → B, A → C, B → D, C → D, and D → E.
    static let diamond = [
        BOMLine(parent: "A", component: "B"), BOMLine(parent: "A", component: "C"),
        BOMLine(parent: "B", component: "D", quantity: 2), BOMLine(parent: "C", component: "D", quantity: 3),
        BOMLine(parent: "D", component: "E"),
    ]

    @Test func theLongestLeadTimeGoesThroughTheSlowerBranch() throws {
        let bom = try BOMStructure(lines: Self.diamond)
        let values: [String: Decimal] = ["A": 1, "B": 10, "C": 4, "D": 2, "E": 5]
        let rows = try bom.longestPath(values: values, parts: ["A"])
        // A(1) + B(10) + D(2) + E(5) = 18, not through C (1 + 4 + 2 + 5 = 12).
        #expect(rows == [BOMLongestPath(part: "A", total: 18, path: ["A", "B", "D", "E"])])
        let all = try bom.longestPath(values: values)
        #expect(all.map(\.part) == ["A", "B", "C", "D", "E"])
        #expect(all.map(\.total) == [18, 17, 11, 7, 5])
        #expect(all[2].path == ["C", "D", "E"])
        #expect(all[4].path == ["E"])
    }

    @Test func tiesGoToTheSmallestKeyAndMissingValuesCountZero() throws {
        let bom = try BOMStructure(lines: [BOMLine(parent: "A", component: "Z"), BOMLine(parent: "A", component: "M")])
        let rows = try bom.longestPath(values: ["A": 1], parts: ["A"])
        #expect(rows == [BOMLongestPath(part: "A", total: 1, path: ["A", "M"])])
    }

    @Test func withoutValuesTheTotalIsTheDepthInLevels() throws {
        let bom = try BOMStructure(lines: Self.diamond, parts: ["LONE"])
        let rows = try bom.longestPath(values: nil, parts: ["A", "D", "E", "LONE"])
        #expect(rows.map(\.total) == [3, 1, 0, 0])
        #expect(rows[0].path == ["A", "B", "D", "E"])
    }

    /// A → B → C → B (a cycle between B and C), A → D, and X → D beside it.
    static let cyclic = [
        BOMLine(parent: "A", component: "B"), BOMLine(parent: "B", component: "C"),
        BOMLine(parent: "C", component: "B"), BOMLine(parent: "A", component: "D"),
        BOMLine(parent: "X", component: "D"),
    ]

    @Test func aCycleIsReportedWithItsPathNotLooped() throws {
        let bom = try BOMStructure(lines: Self.cyclic)
        #expect {
            _ = try bom.longestPath(values: ["A": 1], parts: ["A"])
        } throws: { error in
            guard let error = error as? BOMError else { return false }
            return error.code == .cycle && error.cycle == ["B", "C"]
                && error.message.hasPrefix("the BOM of A contains a cycle: B → C → B")
        }
    }

    @Test func skippingCyclesMarksThePartsInOrAboveTheCycle() throws {
        let bom = try BOMStructure(lines: Self.cyclic)
        let rows = try bom.longestPath(values: ["A": 1, "D": 4, "X": 2], skippingCycles: true)
        #expect(rows.map(\.part) == ["A", "B", "C", "D", "X"])
        #expect(rows.map(\.reachesCycle) == [true, true, true, false, false])
        #expect(rows.map(\.total) == [nil, nil, nil, 4, 6])
        #expect(rows[4].path == ["X", "D"])
        #expect(rows[0].path.isEmpty)
    }

    @Test func onlyValidLinesCount() throws {
        // A line outside the date is not loaded, so it is not on any path: the structure's
        // lines are the valid ones; here the slow branch simply is not part of the BOM.
        let bom = try BOMStructure(lines: [BOMLine(parent: "A", component: "B")], parts: ["SLOW"])
        let rows = try bom.longestPath(values: ["A": 1, "B": 2, "SLOW": 100], parts: ["A"])
        #expect(rows.first?.total == 3)
    }

    @Test func anUnknownPartIsAnError() throws {
        let bom = try BOMStructure(lines: Self.diamond)
        #expect(throws: BOMError.self) { try bom.longestPath(values: nil, parts: ["NOPE"]) }
    }

    // MARK: - Explosion and where-used skipping cycles

    @Test func explodingPastACycleGivesNullQuantitiesBelowIt() throws {
        let bom = try BOMStructure(lines: Self.cyclic + [BOMLine(parent: "C", component: "E", quantity: 2)])
        let rows = try bom.explodeSkippingCycles("A")
        #expect(rows.map(\.part) == ["B", "D", "C", "E"])
        #expect(rows.map(\.level) == [1, 1, 2, 3])
        #expect(rows.map(\.quantity) == [nil, 1, nil, nil])
        #expect(rows.map(\.deepestLevel) == [nil, 1, nil, nil])
        #expect(throws: BOMError.self) { try bom.explode("A") }
    }

    @Test func withoutACycleSkippingCyclesIsTheExplosion() throws {
        let bom = try BOMStructure(lines: Self.diamond)
        let rows = try bom.explodeSkippingCycles("A")
        let exploded = try bom.explode("A")
        #expect(rows.map(\.part) == exploded.map(\.component))
        #expect(rows.map(\.quantity) == exploded.map { Optional($0.quantity) })
        #expect(rows.first { $0.part == "E" }?.quantity == 5)
        let used = try bom.whereUsedSkippingCycles("E")
        #expect(used.map(\.part) == ["D", "B", "C", "A"])
        #expect(used.map(\.quantity) == [1, 2, 3, 5])
    }

    @Test func whereUsedAboveACycle() throws {
        let bom = try BOMStructure(lines: Self.cyclic)
        let rows = try bom.whereUsedSkippingCycles("D")
        #expect(rows.map(\.part) == ["A", "X"])
        #expect(rows.map(\.quantity) == [1, 1])
        let above = try bom.whereUsedSkippingCycles("C")
        #expect(above.map(\.part) == ["B", "A"])
        #expect(above.map(\.quantity) == [nil, nil])
    }
}
