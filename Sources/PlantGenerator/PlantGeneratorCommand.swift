import ArgumentParser
import Foundation

/// `loom-plantgen`: writes a synthetic manufacturing plant as SAP table extracts for
/// benchmarks and end-to-end tests. See datasets/README.md.
@main
struct PlantGeneratorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loom-plantgen",
        abstract: "Write a synthetic plant as SAP table extracts (MARA, STPO, PLPO, EKPO, ...) with known anomalies.",
        discussion: """
        Scale 1 is about 10,000 parts and 50,000 BOM lines; sizes grow linearly. The same seed gives \
        the same files on every machine. DIR gets erp/*.csv, loom.yaml (importable with \
        `loom import DIR/loom.yaml`), GROUND-TRUTH.md and ground-truth.csv.
        """
    )

    @Option(help: "Scale factor: 1 ≈ 10k parts / 50k BOM lines, 10 ≈ 100k / 500k, 100 ≈ 1M / 5M.")
    var scale: Double = 1

    @Option(help: "Seed of the generator's own pseudo-random numbers.")
    var seed: UInt64 = 42

    @Option(name: .customLong("out"), help: ArgumentHelp("Output folder (created if missing).", valueName: "DIR"))
    var output: String

    @Option(help: ArgumentHelp("Folder of the SAP mappings loom.yaml points at (default: ./mappings/sap).", valueName: "PATH"))
    var mappings: String = "mappings/sap"

    func validate() throws {
        guard scale > 0, scale.isFinite else { throw ValidationError(GeneratorError.invalidScale(scale).description) }
    }

    func run() throws {
        let started = Date()
        let shape = PlantShape(scale: scale, seed: seed)
        let generator = PlantGenerator(
            shape: shape,
            output: PlantGeneratorCommand.absolute(output),
            mappings: PlantGeneratorCommand.absolute(mappings),
            commandLine: "loom-plantgen --scale \(scale) --seed \(seed)")
        let truth = try generator.run()
        let parts = truth.nodes.first { $0.label == "Part" }?.count ?? 0
        let lines = truth.edges.first { $0.type == "HAS_COMPONENT" }?.count ?? 0
        let seconds = Date().timeIntervalSince(started)
        print("loom-plantgen: \(parts) parts, \(lines) BOM edges, \(truth.anomalies.count) anomalies (\(truth.rejectCount) rejects) in \(generator.output.path) [\(String(format: "%.1f", seconds)) s]")
    }

    /// A path made absolute against the current directory.
    static func absolute(_ path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return cwd.appendingPathComponent(path).standardizedFileURL
    }
}
