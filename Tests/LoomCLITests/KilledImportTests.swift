import Foundation
import Testing
import TestSupport

/// A batch job killed in the middle of an import must leave the previous graph intact.
@Suite struct KilledImportTests {
    @Test func aKillMidImportLeavesThePreviousGraphIntact() throws {
        let project = try TinyPlant.copy()
        let dir = project.deletingLastPathComponent()
        let first = try LoomProcess.run(["import", project.path])
        #expect(first.status == 0, "\(first.stderr)")

        // A parts file large enough that the import is still running when it is killed.
        var text = "number,description,kind,unit,unit_cost,lead_days\n"
        text.reserveCapacity(40_000_000)
        for i in 0..<1_000_000 { text += "X-\(i),Generated part \(i),ROH,EA,1.5,3\n" }
        try Fixtures.write(text, to: dir.appendingPathComponent("parts.csv"))

        let process = Process()
        process.executableURL = LoomProcess.executable("loom")
        process.arguments = ["import", project.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(wasRunning, "the import finished within 1.5 s; the kill did not land mid-import")
        #expect(process.terminationReason == .uncaughtSignal)

        let stats = try LoomProcess.run(["stats", project.path, "--format", "json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect((json["labels"] as? [String: Any])?["Part"] as? Int == 12)
        #expect(json["edges"] as? Int == 18)
        #expect(json["currentRun"] as? Int == 1)
    }
}
