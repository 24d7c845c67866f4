import Foundation
import Testing
@testable import PlantGenerator

@Suite struct SplitMix64Tests {
    @Test func matchesReferenceSequence() {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var rng = SplitMix64(state: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func streamsDifferByIndexAndSeed() {
        var a = SplitMix64(seed: 42, stream: .part, index: 1)
        var b = SplitMix64(seed: 42, stream: .part, index: 2)
        var c = SplitMix64(seed: 43, stream: .part, index: 1)
        let first = a.next()
        #expect(first != b.next())
        #expect(first != c.next())
    }
}

@Suite struct CalendarDayTests {
    @Test func knownDays() {
        #expect(CalendarDay(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CalendarDay(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        #expect(CalendarDay(year: 2024, month: 2, day: 29).sapText == "20240229")
        #expect((CalendarDay(year: 2024, month: 6, day: 30) + 1).sapText == "20240701")
        #expect(CalendarDay(year: 9999, month: 12, day: 31).sapText == "99991231")
    }

    @Test func roundTripsEveryDayOfSeveralYears() {
        for n in CalendarDay(year: 2019, month: 1, day: 1).daysSinceEpoch...CalendarDay(year: 2026, month: 1, day: 1).daysSinceEpoch {
            let c = CalendarDay(daysSinceEpoch: n).components
            #expect(CalendarDay(year: c.year, month: c.month, day: c.day).daysSinceEpoch == n)
        }
    }
}

@Suite struct RowEncoderTests {
    @Test func quotesOnlyWhenNeededAndWritesDecimalComma() {
        var e = RowEncoder(utf16: false, delimiter: UInt8(ascii: ";"), decimalSeparator: UInt8(ascii: ","), lineEnding: [10], capacity: 64)
        e.textField("a,b")
        e.textField("x;y")
        e.textField("1/2\"")
        e.decimalField(-2_500, scale: 3)
        e.numberField(100234, width: 18)
        e.decimalField(1_000, scale: 3, junk: "x")
        e.endRow()
        #expect(String(decoding: e.bytes, as: UTF8.self) == "a,b;\"x;y\";\"1/2\"\"\";-2,500;000000000000100234;1,000x\n")
    }

    @Test func writesUTF16LittleEndianWithByteOrderMark() {
        var e = RowEncoder(utf16: true, delimiter: 9, decimalSeparator: 46, lineEnding: [13, 10], capacity: 64)
        e.textField("Gehäuse")
        e.numberField(7, width: 2)
        e.endRow()
        let expected: [UInt8] = [0xFF, 0xFE] + Array("Gehäuse\t07\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(e.bytes == expected)
    }
}

@Suite struct PlantShapeTests {
    @Test func scaleOneIsTenThousandParts() {
        let shape = PlantShape(scale: 1, seed: 42)
        #expect(shape.partCount == 10_000)
        #expect(shape.finished.count + shape.assemblies.count + shape.cycleAssemblies.count + shape.raw.count == 10_000)
        var covered = 0
        for level in 1...shape.levelCount {
            let range = shape.assemblies(atLevel: level)
            #expect(!range.isEmpty)
            covered += range.count
            for index in [range.lowerBound, range.upperBound - 1] { #expect(shape.level(ofAssembly: index) == level) }
        }
        #expect(covered == shape.assemblyCount)
    }

    @Test func cheapUnitAgreesWithFullFactsAndTextsFitMAKT() {
        let shape = PlantShape(scale: 0.5, seed: 7)
        for index in stride(from: 0, to: shape.partCount, by: 3) {
            let facts = PartFacts(shape: shape, index: index)
            #expect(PartFacts.unit(shape: shape, index: index) == facts.unit)
            #expect(facts.germanText.count <= 40 && facts.englishText.count <= 40, "\(facts.germanText)")
        }
    }

    @Test func nearDuplicatesDifferOnlyInCaseAndSpaces() {
        let shape = PlantShape(scale: 1, seed: 42)
        func normal(_ s: String) -> String { s.lowercased().split(separator: " ").joined(separator: " ") }
        for k in 0..<shape.nearDuplicateCount {
            let dup = shape.nearDuplicate(k)
            #expect(shape.nearDuplicateIndex(of: dup) == k)
            let a = PartFacts(shape: shape, index: dup), b = PartFacts(shape: shape, index: dup - 1)
            #expect(a.germanText != b.germanText)
            #expect(normal(a.germanText) == normal(b.germanText))
        }
    }
}

@Suite struct GeneratedPlantTests {
    func generate(scale: Double, seed: UInt64) throws -> (URL, GroundTruth) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plantgen-\(UUID().uuidString)")
        let truth = try PlantGenerator(shape: PlantShape(scale: scale, seed: seed), output: dir,
                                       mappings: URL(fileURLWithPath: "/repo/mappings/sap"), commandLine: "test").run()
        return (dir, truth)
    }

    func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let (a, _) = try generate(scale: 0.2, seed: 42)
        let (b, _) = try generate(scale: 0.2, seed: 42)
        let (c, _) = try generate(scale: 0.2, seed: 43)
        defer { for d in [a, b, c] { try? FileManager.default.removeItem(at: d) } }
        for file in ProjectFile.sources.map(\.file) + ["../ground-truth.csv"] {
            let x = try Data(contentsOf: a.appendingPathComponent("erp/\(file)"))
            #expect(x == (try Data(contentsOf: b.appendingPathComponent("erp/\(file)"))), "\(file)")
        }
        #expect(try Data(contentsOf: a.appendingPathComponent("erp/STPO.csv")) != Data(contentsOf: c.appendingPathComponent("erp/STPO.csv")))
    }

    @Test func anomaliesPointAtTheRowsThatCarryThem() throws {
        let (dir, truth) = try generate(scale: 1, seed: 42)
        defer { try? FileManager.default.removeItem(at: dir) }
        let stpo = try lines(dir.appendingPathComponent("erp/STPO.csv"))
        let plpo = try lines(dir.appendingPathComponent("erp/PLPO.csv"))
        let eket = try lines(dir.appendingPathComponent("erp/EKET.csv"))
        let kinds = Set(truth.anomalies.map(\.kind))
        #expect(kinds == ["cycle", "dangling-component", "unit-mismatch", "negative-quantity", "bad-decimal",
                          "bad-date", "delivery-before-order", "near-duplicate", "malformed-row"])
        for a in truth.anomalies {
            switch a.kind {
            case "bad-decimal": #expect(stpo[a.line - 1].split(separator: ";", omittingEmptySubsequences: false)[14].hasSuffix("x"))
            case "negative-quantity": #expect(stpo[a.line - 1].split(separator: ";", omittingEmptySubsequences: false)[14].hasPrefix("-"))
            case "dangling-component":
                let number = Int(stpo[a.line - 1].split(separator: ";", omittingEmptySubsequences: false)[13]) ?? 0
                #expect(number >= 90_000_000)
            case "malformed-row": #expect(plpo[a.line - 1].split(separator: ",", omittingEmptySubsequences: false).count == 19)
            case "bad-date": #expect(eket[a.line - 1].split(separator: ",")[4].dropFirst(4).hasPrefix("13"))
            case "delivery-before-order":
                let f = eket[a.line - 1].split(separator: ",")
                #expect(f[4] < f[8])
            default: break
            }
        }
        #expect(truth.rejectCount == truth.anomalies.filter { GroundTruth.rejectingKinds.contains($0.kind) }.count)
        let parts = truth.nodes.first { $0.label == "Part" }?.count
        #expect(parts == 10_000)
        let rows = truth.files.first { $0.name == "STPO.csv" }
        let edges = truth.edges.first { $0.type == "HAS_COMPONENT" }?.count ?? 0
        // Every STPO row is a text item (filtered), a rejected value, a dangling reference or an edge.
        #expect(rows.map { $0.rows - $0.filtered } == edges + truth.danglingCount
            + truth.anomalies.filter { $0.kind == "bad-decimal" }.count)
    }
}
