import Foundation
import Testing
import TestSupport

/// The `loom` binary on the tiny fixture plant: output, errors and exit codes as a user sees them.
@Suite struct TinyPlantCLITests {
    @Test func importPrintsASummaryPerSource() throws {
        let project = try TinyPlant.copy()
        let result = try LoomProcess.run(["import", project.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Imported run 1 into ") == true)
        let bom = try #require(lines.first { $0.contains("bom.csv") })
        // rows filtered nodes merged edges rejects dangling conflicts
        #expect(bom.split(separator: " ").dropFirst().prefix(8).joined(separator: " ") == "13 0 0 0 12 0 1 0")
        #expect(result.stdout.contains("1 dangling reference(s)"))
    }

    @Test func jsonSummaryIsMachineReadable() throws {
        let project = try TinyPlant.copy()
        let db = project.deletingLastPathComponent().appendingPathComponent("other.sqlite").path
        let result = try LoomProcess.run(["import", project.path, "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["database"] as? String == db)
        #expect(json["dangling"] as? Int == 1)
        let sources = try #require(json["sources"] as? [[String: Any]])
        #expect(sources.map { $0["rowsRead"] as? Int } == [12, 13, 3])
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func schemaStatsDanglingAndProvenanceReadTheGraph() throws {
        let project = try TinyPlant.copy()
        _ = try LoomProcess.run(["import", project.path])
        let schema = try LoomProcess.run(["schema", project.path])
        #expect(schema.status == 0)
        #expect(schema.stdout.contains("(:Part)  12 nodes, key (number)"))
        let unitCost = schema.stdout.split(separator: "\n").first { $0.contains("unitCost") }.map { $0.split(separator: " ").map(String.init) }
        #expect(unitCost == ["unitCost", "decimal", "5"])
        #expect(schema.stdout.contains("(:Part)-[:HAS_COMPONENT]->(:Part)  12 edges"))

        let stats = try LoomProcess.run(["stats", project.path, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(json["nodes"] as? Int == 18)
        #expect(json["edges"] as? Int == 18)

        let dangling = try LoomProcess.run(["dangling", project.path])
        #expect(dangling.stdout.contains("bom.csv:14: HAS_COMPONENT P-100 → P-999: (:Part P-999) does not exist"))

        let provenance = try LoomProcess.run(["provenance", project.path, "--label", "Operation", "--key", "P-150/10"])
        #expect(provenance.status == 0, "\(provenance.stderr)")
        #expect(provenance.stdout.contains("routing.csv:4 (run 1"))
    }

    @Test func badInputGetsAPositionedErrorAndExitCode1() throws {
        let project = try TinyPlant.copy()
        let mapping = project.deletingLastPathComponent().appendingPathComponent("routing.yaml")
        let yaml = try String(contentsOf: mapping, encoding: .utf8).replacingOccurrences(of: "column: setup_min", with: "column: setup_mins")
        try Fixtures.write(yaml, to: mapping)
        let result = try LoomProcess.run(["import", project.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("routing.yaml:13:"))
        #expect(result.stderr.contains("'setup_mins'"))
        #expect(result.stderr.contains("did you mean 'setup_min'?"))
        #expect(!FileManager.default.fileExists(atPath: project.deletingLastPathComponent().appendingPathComponent("tiny-plant.sqlite").path))
    }

    @Test func rejectLimitExitsWith3AndRejectsStayVisible() throws {
        let project = try TinyPlant.copy()
        let parts = project.deletingLastPathComponent().appendingPathComponent("parts.csv")
        try Fixtures.write(try String(contentsOf: parts, encoding: .utf8) + "P-900,\"stray \"quote,ROH,EA,1,1\n", to: parts)
        let result = try LoomProcess.run(["import", project.path, "--max-rejects", "0"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("rolled back"))
        let rejects = try LoomProcess.run(["rejects", project.path])
        #expect(rejects.status == 0)
        #expect(rejects.stdout.contains("rejected-limit"))
        #expect(rejects.stdout.contains("parts.csv:14:"))
    }

    @Test func aDatabaseInAMissingFolderIsRefusedClearly() throws {
        let project = try TinyPlant.copy()
        let result = try LoomProcess.run(["import", project.path, "--db", "/nonexistent-loom-folder/plant.sqlite"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: cannot write the graph to /nonexistent-loom-folder/plant.sqlite: the folder /nonexistent-loom-folder does not exist\n")
        let missing = try LoomProcess.run(["import", "/nonexistent-loom-folder/loom.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("project file not found"))
    }

    @Test func usageErrorsExitWith2() throws {
        let result = try LoomProcess.run(["import"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Missing expected argument"))
        let unknown = try LoomProcess.run(["frobnicate"])
        #expect(unknown.status == 2)
    }

    @Test func versionAndHelp() throws {
        let version = try LoomProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try LoomProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit codes: 0 ok, 1 error, 2 usage, 3"))
    }

    @Test func mappingCheckShowsDeclarationsOrPositionedErrors() throws {
        let ok = try LoomProcess.run(["mapping", "check", TinyPlant.folder.appendingPathComponent("routing.yaml").path,
                                      "--source", TinyPlant.folder.appendingPathComponent("routing.csv").path])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("WorkCentre"))
        #expect(ok.stdout.contains("header matches (5 columns)"))

        let dir = try Fixtures.temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.yaml")
        try Fixtures.write("source: { format: csv }\nnodes:\n  - label: Part\n    key: [number]\n    properties:\n      number: { colum: A }\n", to: bad)
        let result = try LoomProcess.run(["mapping", "check", bad.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.yaml:6:"))
        #expect(result.stderr.contains("did you mean 'column'?"))
    }
}
