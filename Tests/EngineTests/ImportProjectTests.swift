import Foundation
import Testing
import GraphModel
import GraphStore
import TestSupport
@testable import Engine

/// `loom import` through the engine facade on the tiny fixture plant.
@Suite struct ImportProjectTests {
    func counts(_ db: String) throws -> [String: Int] {
        let store = try GraphStore.open(path: db, readOnly: true)
        defer { store.close() }
        let stats = try store.stats()
        var result: [String: Int] = [:]
        for l in stats.labels { result[l.name] = l.count }
        for e in stats.edgeTypes { result[e.name] = e.count }
        return result
    }

    func database(of project: URL) -> String {
        project.deletingLastPathComponent().appendingPathComponent("tiny-plant.sqlite").path
    }

    @Test func importsTheTinyPlant() throws {
        let project = try TinyPlant.copy()
        let report = try Engine.importProject(ImportOptions(project: project.path))
        #expect(report.status == "ok")
        #expect(report.sources.map(\.rowsRead) == [12, 13, 3])
        #expect(report.totalRejects == 0)
        #expect(report.totalDangling == 1)
        #expect(try counts(database(of: project)) == ["Part": 12, "WorkCentre": 3, "Operation": 3,
                                                     "HAS_COMPONENT": 12, "HAS_OPERATION": 3, "PERFORMED_AT": 3])
        let store = try GraphStore.open(path: database(of: project), readOnly: true)
        defer { store.close() }
        let dangling = try store.dangling()
        #expect(dangling.count == 1)
        #expect(dangling.first?.line == 14)
        #expect(dangling.first?.toKey == "P-999")
        #expect(dangling.first?.source.hasSuffix("bom.csv") == true)
        let json = report.json()
        #expect(json.contains("\"dangling\":1"))
    }

    @Test func aMissingSourceFileIsReportedBeforeAnythingIsWritten() throws {
        let project = try TinyPlant.copy()
        try FileManager.default.removeItem(at: project.deletingLastPathComponent().appendingPathComponent("bom.csv"))
        #expect {
            try Engine.importProject(ImportOptions(project: project.path))
        } throws: { error in
            let text = "\(error)"
            return text.contains("loom.yaml:5:5: error: source file not found:") && text.contains("bom.csv")
        }
        #expect(!FileManager.default.fileExists(atPath: database(of: project)))
    }

    @Test func aBrokenMappingLeavesTheGraphAsItWas() throws {
        let project = try TinyPlant.copy()
        _ = try Engine.importProject(ImportOptions(project: project.path))
        let before = try counts(database(of: project))
        let mapping = project.deletingLastPathComponent().appendingPathComponent("bom.yaml")
        let text = try String(contentsOf: mapping, encoding: .utf8).replacingOccurrences(of: "properties:", with: "propertes:")
        try Fixtures.write(text, to: mapping)
        #expect {
            try Engine.importProject(ImportOptions(project: project.path))
        } throws: { error in
            "\(error)".contains("bom.yaml:7:5: error: unknown key 'propertes' in edges[0] (did you mean 'properties'?)")
        }
        #expect(try counts(database(of: project)) == before)
        let store = try GraphStore.open(path: database(of: project), readOnly: true)
        defer { store.close() }
        #expect(try store.runs().count == 1)
    }

    @Test func tooManyRejectsRollsBackAndKeepsTheRejects() throws {
        let project = try TinyPlant.copy()
        _ = try Engine.importProject(ImportOptions(project: project.path))
        let before = try counts(database(of: project))
        let parts = project.deletingLastPathComponent().appendingPathComponent("parts.csv")
        var text = try String(contentsOf: parts, encoding: .utf8)
        text += "P-900,Bad cost,ROH,EA,12.5x,1\nP-901,Bad kind,XYZ,EA,1,1\nP-902,Too,many,fields,here,1,2\n"
        try Fixtures.write(text, to: parts)
        #expect {
            try Engine.importProject(ImportOptions(project: project.path, maxRejects: 2))
        } throws: { error in
            guard case EngineError.rejectLimit(let message) = error else { return false }
            return message.contains("more than 2 rejected rows") && message.contains("parts.csv:16:30: row has 7 fields, the header has 6")
        }
        #expect(try counts(database(of: project)) == before)
        let store = try GraphStore.open(path: database(of: project), readOnly: true)
        defer { store.close() }
        let last = try #require(try store.lastRun())
        #expect(last.status == .rejectedLimit)
        let rejects = try store.rejects(run: last.id)
        #expect(rejects.map(\.line) == [14, 15, 16])
        #expect(rejects[0].reason == "column unit_cost: '12.5x' is not a decimal")
        #expect(rejects[0].column == 23)
    }

    @Test func importingAgainReplacesTheGraphWithWhatTheSourcesSayNow() throws {
        let project = try TinyPlant.copy()
        _ = try Engine.importProject(ImportOptions(project: project.path))
        let bom = project.deletingLastPathComponent().appendingPathComponent("bom.csv")
        let lines = try String(contentsOf: bom, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("P-100,P-140") }
        try Fixtures.write(lines.joined(separator: "\n") + "\n", to: bom)
        let report = try Engine.importProject(ImportOptions(project: project.path))
        #expect(report.run == 2)
        #expect(try counts(database(of: project))["HAS_COMPONENT"] == 11)
    }

    @Test func addingAPropertyExtendsTheSchemaAndATypeChangeNeedsARebuild() throws {
        let project = try TinyPlant.copy()
        _ = try Engine.importProject(ImportOptions(project: project.path))
        let mapping = project.deletingLastPathComponent().appendingPathComponent("parts.yaml")
        var yaml = try String(contentsOf: mapping, encoding: .utf8)
        yaml += "      source: { value: tiny }\n"
        try Fixtures.write(yaml, to: mapping)
        let report = try Engine.importProject(ImportOptions(project: project.path))
        #expect(report.schemaChanges.contains { $0.contains("source") })
        let store = try GraphStore.open(path: database(of: project), readOnly: true)
        #expect(try store.schema().labels.first { $0.label == "Part" }?.properties.first { $0.name == "source" }?.nonNullCount == 12)
        store.close()

        try Fixtures.write(yaml.replacingOccurrences(of: "unitCost: { column: unit_cost, type: decimal }",
                                                     with: "unitCost: { column: unit_cost, type: float }"), to: mapping)
        #expect {
            try Engine.importProject(ImportOptions(project: project.path))
        } throws: { error in
            let text = "\(error)"
            return text.contains("Part.unitCost") && text.contains("--rebuild")
        }
        let rebuilt = try Engine.importProject(ImportOptions(project: project.path, rebuild: true))
        #expect(rebuilt.status == "ok")
        let after = try GraphStore.open(path: database(of: project), readOnly: true)
        defer { after.close() }
        #expect(try after.schema().labels.first { $0.label == "Part" }?.properties.first { $0.name == "unitCost" }?.type == .float)
        #expect(try after.stats().labels.first { $0.name == "Part" }?.count == 12)
    }

    @Test func twoSourcesDisagreeingOnAPropertyAreReportedNotOverwritten() throws {
        let project = try TinyPlant.copy()
        let dir = project.deletingLastPathComponent()
        try Fixtures.write("number,description\nP-100,Pump assembly\nP-130,Impeller 5-blade\n", to: dir.appendingPathComponent("texts.csv"))
        try Fixtures.write("""
            source: { format: csv }
            nodes:
              - label: Part
                key: [number]
                properties:
                  number: number
                  description: description
            """, to: dir.appendingPathComponent("texts.yaml"))
        var yaml = try String(contentsOf: project, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "settings:", with: "  - path: texts.csv\n    mapping: texts.yaml\nsettings:")
        try Fixtures.write(yaml, to: project)
        let report = try Engine.importProject(ImportOptions(project: project.path))
        #expect(report.totalConflicts == 1)
        #expect(report.sources.last?.nodesMerged == 2)
        let store = try GraphStore.open(path: database(of: project), readOnly: true)
        defer { store.close() }
        let conflict = try #require(try store.conflicts().first)
        #expect(conflict.key == "P-130")
        #expect(conflict.keptValue == "Impeller")
        #expect(conflict.otherValue == "Impeller 5-blade")
        #expect(conflict.kept?.line == 7)
        #expect(conflict.other?.line == 3)
    }
}
