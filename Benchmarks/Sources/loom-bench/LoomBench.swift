import ArgumentParser

/// `loom-bench`: Loom's benchmarks. Run in release from the Benchmarks folder:
/// `swift run -c release loom-bench import --scales 1,10`.
@main
struct LoomBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loom-bench",
        abstract: "Loom's benchmarks (speed is measured here, never in tests).",
        subcommands: [ImportBenchmarkCommand.self, QueryBenchmarkCommand.self, ReplStartupBenchmarkCommand.self, ChildImportCommand.self, ChildQueryCommand.self]
    )
}
