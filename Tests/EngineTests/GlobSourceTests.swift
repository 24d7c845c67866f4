import Foundation
import Testing
import GraphStore
import TestSupport
@testable import Engine

/// `glob:` sources: several export files read through one mapping, in name order.
@Suite struct GlobSourceTests {
    @Test func aGlobReadsEveryMatchingFileInNameOrder() throws {
        let project = try TinyPlant.copy()
        let dir = project.deletingLastPathComponent()
        let lines = try String(contentsOf: dir.appendingPathComponent("bom.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        try Fixtures.write(([lines[0]] + lines[1...6]).joined(separator: "\n") + "\n", to: dir.appendingPathComponent("bom-2024-01.csv"))
        try Fixtures.write(([lines[0]] + lines[7...]).joined(separator: "\n") + "\n", to: dir.appendingPathComponent("bom-2024-02.csv"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("bom.csv"))
        let yaml = try String(contentsOf: project, encoding: .utf8).replacingOccurrences(of: "path: bom.csv", with: "glob: bom-*.csv")
        try Fixtures.write(yaml, to: project)

        let report = try Engine.importProject(ImportOptions(project: project.path))
        #expect(report.sources.map { ($0.path as NSString).lastPathComponent } == ["parts.csv", "bom-2024-01.csv", "bom-2024-02.csv", "routing.csv"])
        #expect(report.sources.map(\.rowsRead) == [12, 6, 7, 3])
        #expect(report.sources.map(\.edges) == [0, 6, 6, 6])
        #expect(report.sources.map(\.dangling) == [0, 0, 1, 0])
    }

    @Test func aGlobMatchingNothingIsAnErrorBeforeAnythingIsWritten() throws {
        let project = try TinyPlant.copy()
        let yaml = try String(contentsOf: project, encoding: .utf8).replacingOccurrences(of: "path: bom.csv", with: "glob: stpo-*.csv")
        try Fixtures.write(yaml, to: project)
        #expect {
            try Engine.importProject(ImportOptions(project: project.path))
        } throws: { error in
            "\(error)".contains("loom.yaml:5:5: error: glob 'stpo-*.csv' matches no file")
        }
        #expect(!FileManager.default.fileExists(atPath: project.deletingLastPathComponent().appendingPathComponent("tiny-plant.sqlite").path))
    }
}
