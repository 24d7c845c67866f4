import Foundation
import Testing
import TestSupport

/// `loom-plantgen` writes a plant whose import matches the generator's own ground truth.
@Suite struct GeneratedPlantCLITests {
    @Test func importOfAGeneratedPlantMatchesItsGroundTruth() throws {
        let dir = try Fixtures.temporaryDirectory("plantgen")
        let mappings = Fixtures.packageRoot.appendingPathComponent("mappings/sap").path
        let gen = try LoomProcess.run(["--scale", "0.1", "--seed", "7", "--out", dir.path, "--mappings", mappings], program: "loom-plantgen")
        #expect(gen.status == 0, "\(gen.stderr)")

        let truth = try String(contentsOf: dir.appendingPathComponent("ground-truth.csv"), encoding: .utf8)
        var expectedCounts: [String: Int] = [:]
        var expectedRejects: Set<String> = []
        var expectedDangling: Set<String> = []
        for line in truth.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 3 else { continue }
            switch cells[0] {
            case "count-nodes", "count-edges": expectedCounts[cells[1]] = Int(cells[3])
            case "bad-decimal", "bad-date", "malformed-row": expectedRejects.insert("\(cells[1]):\(cells[2])")
            case "dangling-component": expectedDangling.insert("\(cells[1]):\(cells[2])")
            default: break
            }
        }
        #expect(!expectedCounts.isEmpty)
        #expect(!expectedDangling.isEmpty)

        let project = dir.appendingPathComponent("loom.yaml").path
        let imported = try LoomProcess.run(["import", project])
        #expect(imported.status == 0, "\(imported.stderr)")

        let stats = try LoomProcess.run(["stats", project, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        var found = (json["labels"] as? [String: Int]) ?? [:]
        found.merge((json["edgeTypes"] as? [String: Int]) ?? [:]) { a, _ in a }
        #expect(found == expectedCounts)

        func locations(_ command: String) throws -> Set<String> {
            let result = try LoomProcess.run([command, project, "--format", "json"])
            let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            return Set(list.compactMap { item in
                guard let file = item["file"] as? String, let line = item["line"] as? Int else { return nil }
                return (file as NSString).lastPathComponent + ":\(line)"
            })
        }
        #expect(try locations("rejects") == expectedRejects)
        #expect(try locations("dangling") == expectedDangling)
    }
}
