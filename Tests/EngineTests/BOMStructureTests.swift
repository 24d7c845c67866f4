import Foundation
import Testing
import GraphModel
@testable import Engine

/// The BOM operators on structures built in memory: shared sub-assemblies at scale, cycles,
/// depth bounds, roll-up rules, cancellation and quantity parsing.
@Suite struct BOMStructureTests {
    /// `levels` diamonds stacked: a_k → b_k, a_k → c_k, b_k → a_(k+1), c_k → a_(k+1), every
    /// quantity 1. From a_0 to a_levels there are 2^levels paths and 4 × levels lines.
    static func diamonds(_ levels: Int) throws -> BOMStructure {
        var lines: [BOMLine] = []
        for k in 0..<levels {
            lines += [BOMLine(parent: "a\(k)", component: "b\(k)"), BOMLine(parent: "a\(k)", component: "c\(k)"),
                      BOMLine(parent: "b\(k)", component: "a\(k + 1)"), BOMLine(parent: "c\(k)", component: "a\(k + 1)")]
        }
        return try BOMStructure(lines: lines)
    }

    @Test func fortyDiamondsExplodePerLineNotPerPath() throws {
        var bom = try Self.diamonds(40)
        let paths = Decimal(sign: .plus, exponent: 0, significand: Decimal(UInt64(1) << 40))
        let rows = try bom.explode("a0")
        #expect(rows.count == 40 * 3)
        #expect(rows.last == BOMComponent(component: "a40", quantity: paths, level: 80, deepestLevel: 80))
        #expect(rows.first { $0.component == "b39" }?.quantity == paths / 2)
        // Upward and as a roll-up: the same 2^40.
        #expect(try bom.whereUsed("a40").last == BOMAssembly(assembly: "a0", quantity: paths, level: 80, deepestLevel: 80))
        #expect(try bom.rollup(values: ["a40": 1], parts: ["a0"]) == [BOMRolledUpValue(part: "a0", value: paths, isComplete: true)])
        // The level-by-level walk (depth bound) sums per level, not per path, and agrees.
        bom.maxDepth = 80
        #expect(try bom.explode("a0").last?.quantity == paths)
        bom.maxDepth = 2
        #expect(try bom.explode("a0").map(\.component) == ["b0", "c0", "a1"])
    }

    @Test func quantitiesMultiplyAlongPathsAndAddOverPaths() throws {
        let bom = try BOMStructure(lines: [
            BOMLine(parent: "pump", component: "motor", quantity: 1),
            BOMLine(parent: "pump", component: "hydraulics", quantity: 2),
            BOMLine(parent: "motor", component: "bearing", quantity: 2),
            BOMLine(parent: "hydraulics", component: "bearing", quantity: Decimal(string: "1.5") ?? 0),
            BOMLine(parent: "bearing", component: "grease", quantity: Decimal(string: "0.005") ?? 0),
        ])
        let rows = try bom.explode("pump")
        #expect(rows == [
            BOMComponent(component: "hydraulics", quantity: 2, level: 1, deepestLevel: 1),
            BOMComponent(component: "motor", quantity: 1, level: 1, deepestLevel: 1),
            BOMComponent(component: "bearing", quantity: 5, level: 2, deepestLevel: 2),
            BOMComponent(component: "grease", quantity: Decimal(string: "0.025") ?? 0, level: 3, deepestLevel: 3),
        ])
        #expect(try bom.whereUsed("grease") == [
            BOMAssembly(assembly: "bearing", quantity: Decimal(string: "0.005") ?? 0, level: 1, deepestLevel: 1),
            BOMAssembly(assembly: "hydraulics", quantity: Decimal(string: "0.0075") ?? 0, level: 2, deepestLevel: 2),
            BOMAssembly(assembly: "motor", quantity: Decimal(string: "0.01") ?? 0, level: 2, deepestLevel: 2),
            BOMAssembly(assembly: "pump", quantity: Decimal(string: "0.025") ?? 0, level: 3, deepestLevel: 3),
        ])
        #expect(try bom.explode("grease") == [])
        #expect(throws: BOMError.self) { try bom.explode("nothing") }
    }

    @Test func everyCycleIsReportedOnceWithItsPath() throws {
        let bom = try BOMStructure(lines: [
            BOMLine(parent: "top", component: "x"),
            BOMLine(parent: "x", component: "y"), BOMLine(parent: "y", component: "z"), BOMLine(parent: "z", component: "x"),
            BOMLine(parent: "z", component: "w"), BOMLine(parent: "w", component: "y"),   // interlocked with x → y → z
            BOMLine(parent: "self", component: "self"),
            BOMLine(parent: "p", component: "q"), BOMLine(parent: "q", component: "p"),
            BOMLine(parent: "top", component: "fine"),
        ])
        #expect(try bom.cycles() == [
            BOMCycle(parts: ["p", "q"]), BOMCycle(parts: ["self"]), BOMCycle(parts: ["w", "y", "z"]),
        ])
        #expect(BOMCycle(parts: ["p", "q"]).description == "p → q → p")
        let error = try #require(throws: BOMError.self) { try bom.explode("top") }
        #expect(error.code == .cycle && error.cycle == ["w", "y", "z"])
        #expect(try #require(throws: BOMError.self) { try bom.explode("self") }.cycle == ["self"])
        #expect(try bom.explode("fine") == [])
        let rolled = try bom.rollup(values: ["fine": 7], parts: ["top", "fine"], skippingCycles: true)
        #expect(rolled == [
            BOMRolledUpValue(part: "top", value: nil, isComplete: false, reachesCycle: true),
            BOMRolledUpValue(part: "fine", value: 7, isComplete: true),
        ])
    }

    @Test func rollupRulesAndMissingValues() throws {
        let bom = try BOMStructure(lines: [
            BOMLine(parent: "unit", component: "frame", quantity: 1),
            BOMLine(parent: "unit", component: "screw", quantity: 4),
            BOMLine(parent: "frame", component: "steel", quantity: 2),
        ], parts: ["loose"])
        let values: [String: Decimal] = ["unit": 100, "frame": 50, "steel": 3, "screw": Decimal(string: "0.25") ?? 0]
        // Components replace an assembly's own value: frame = 2 × 3, unit = 6 + 4 × 0.25.
        #expect(try bom.rollup(values: values) == [
            BOMRolledUpValue(part: "frame", value: 6, isComplete: true),
            BOMRolledUpValue(part: "loose", value: nil, isComplete: false),
            BOMRolledUpValue(part: "screw", value: Decimal(string: "0.25") ?? 0, isComplete: true),
            BOMRolledUpValue(part: "steel", value: 3, isComplete: true),
            BOMRolledUpValue(part: "unit", value: 7, isComplete: true),
        ])
        // Own value added: frame = 50 + 6, unit = 100 + 56 + 1.
        #expect(try bom.rollup(values: values, parts: ["unit"], rule: .ownValuePlusComponents)
            == [BOMRolledUpValue(part: "unit", value: 157, isComplete: true)])
        // A missing raw value counts 0 and marks every assembly above it incomplete.
        #expect(try bom.rollup(values: ["screw": 1], parts: ["unit", "frame"]) == [
            BOMRolledUpValue(part: "unit", value: 4, isComplete: false),
            BOMRolledUpValue(part: "frame", value: nil, isComplete: false),
        ])
    }

    @Test func aLongWalkCanBeCancelled() throws {
        let lines = (0..<20_000).map { BOMLine(parent: "p\($0)", component: "p\($0 + 1)") }
        var bom = try BOMStructure(lines: lines)
        #expect(try bom.explode("p0").count == 20_000)
        bom.isCancelled = { true }
        let error = try #require(throws: BOMError.self) { try bom.explode("p0") }
        #expect(error.code == .cancelled)
        #expect(throws: BOMError.self) { try bom.cycles() }
    }

    /// Walks reuse their scratch arrays: answers stay the same in any order of calls, also after
    /// a walk that stopped at a cycle or was cancelled half-way.
    @Test func repeatedWalksOnOneStructureAgree() throws {
        var lines = (0..<5000).map { BOMLine(parent: "p\($0)", component: "p\($0 + 1)", quantity: $0 >= 4990 ? 2 : 1) }
        lines += [BOMLine(parent: "loop", component: "p5"), BOMLine(parent: "p5", component: "loop")]
        var bom = try BOMStructure(lines: lines)
        let fresh = try bom.explode("p4990")
        #expect(fresh.map(\.quantity) == (1...10).map { Decimal(sign: .plus, exponent: 0, significand: Decimal(UInt64(1) << $0)) })
        #expect(fresh.map(\.level) == Array(1...10))
        #expect(throws: BOMError.self) { try bom.explode("p0") }
        #expect(try bom.explode("p4990") == fresh)
        bom.isCancelled = { true }
        #expect(throws: BOMError.self) { try bom.cycles() }
        bom.isCancelled = nil
        #expect(try bom.explode("p4990") == fresh)
        #expect(try bom.whereUsed("p3").map(\.assembly) == ["p2", "p1", "p0"])
        #expect(try bom.cycles() == [BOMCycle(parts: ["loop", "p5"])])
    }

    @Test func quantitiesParseExactly() {
        #expect(BOMQuantity.parse("2.350") == Decimal(string: "2.35"))
        #expect(BOMQuantity.parse("-0.120") == Decimal(string: "-0.12"))
        #expect(BOMQuantity.parse("0.005") == Decimal(string: "0.005"))
        #expect(BOMQuantity.parse("1500") == 1500)
        #expect(BOMQuantity.parse("12345678901234567890.5") == Decimal(string: "12345678901234567890.5"))
        #expect(BOMQuantity.parse("12,5x") == nil)
        #expect(BOMQuantity.parse("") == nil)
        #expect(BOMQuantity.parse("1.2.3") == nil)
        #expect(BOMQuantity.value(Decimal(string: "0.09") ?? 0) == .decimal(ExactDecimal("0.09")!))
    }
}
