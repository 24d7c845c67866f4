import Foundation

/// The bundled sample plant (`datasets/sample-plant`) imported by the real `loom` binary, for
/// end-to-end tests that only read the graph.
public enum SamplePlant {
    public static let project = Fixtures.packageRoot.appendingPathComponent("datasets/sample-plant/loom.yaml")

    /// Why the import a test needed did not happen: `loom import`'s own message.
    public struct ImportFailed: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Runs `loom import` of the sample plant into a fresh private database named after `folder`
    /// and returns its path (call it once per suite, from a `static let`).
    public static func importedDatabase(_ folder: String) -> Result<String, ImportFailed> {
        do {
            let db = try Fixtures.temporaryDirectory(folder).appendingPathComponent("plant.sqlite").path
            let result = try LoomProcess.run(["import", project.path, "--db", db])
            return result.status == 0 ? .success(db) : .failure(ImportFailed(message: result.stderr))
        } catch {
            return .failure(ImportFailed(message: "\(error)"))
        }
    }
}
