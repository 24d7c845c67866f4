import ArgumentParser
import Foundation

/// The options every benchmark shares: which plant (seed), where to work, and the tools it runs.
struct BenchSetup: ParsableArguments {
    @Option(help: "Generator seed.")
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("Scratch folder for plants, databases and results.", valueName: "DIR"))
    var work: String?

    @Option(help: ArgumentHelp("The sqlite3 shell.", valueName: "PATH"))
    var sqlite3: String = "/usr/bin/sqlite3"

    @Option(help: ArgumentHelp("A built loom-plantgen (default: build it in release).", valueName: "PATH"))
    var plantgen: String?

    func validate() throws {
        guard FileManager.default.isExecutableFile(atPath: sqlite3) else {
            throw ValidationError("no sqlite3 shell at \(sqlite3): install it (apt-get install sqlite3) or pass --sqlite3 PATH")
        }
    }
}

/// A benchmark command with the shared options, readable as if they were its own.
protocol UsesBenchSetup {
    var setup: BenchSetup { get }
}

extension UsesBenchSetup {
    var seed: UInt64 { setup.seed }
    var work: String? { setup.work }
    var sqlite3: String { setup.sqlite3 }
    var plantgen: String? { setup.plantgen }
}
