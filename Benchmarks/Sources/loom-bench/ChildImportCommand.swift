import ArgumentParser
import Engine
import Foundation

/// The measured side of the import benchmark: `loom-bench` re-runs itself with this hidden
/// subcommand so the import runs in a process of its own, whose wall time and peak RSS the
/// parent reads from `wait4`. Prints the import report as JSON on stdout.
struct ChildImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "child-import",
        abstract: "Import a project in this process (used by `loom-bench import`).",
        shouldDisplay: false
    )

    @Option(help: "The project file (loom.yaml).")
    var project: String

    @Option(help: "The database file to create (must not exist).")
    var db: String

    func run() throws {
        do {
            let report = try Engine.importProject(ImportOptions(project: project, database: db))
            print(report.json(), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("loom-bench child-import: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
