import Foundation

/// The tiny canonical fixture plant (Tests/Fixtures/tiny-plant, see its README), copied into a
/// fresh temporary folder so a test may edit files and write its database there.
public enum TinyPlant {
    public static let folder = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/tiny-plant")

    /// A private copy of the fixture plant; returns the path of its loom.yaml.
    public static func copy() throws -> URL {
        let dir = try Fixtures.temporaryDirectory("tiny-plant")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where !name.hasSuffix(".sqlite") && !name.contains(".sqlite-") {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        return dir.appendingPathComponent("loom.yaml")
    }

    /// A private copy of the fixture plant imported by the `loom` binary; returns the database
    /// path. Throws with `loom import`'s message when the import fails.
    public static func importedDatabase() throws -> String {
        let project = try copy()
        let db = project.deletingLastPathComponent().appendingPathComponent("tiny.sqlite").path
        let result = try LoomProcess.run(["import", project.path, "--db", db])
        guard result.status == 0 else { throw SamplePlant.ImportFailed(message: result.stderr) }
        return db
    }
}
