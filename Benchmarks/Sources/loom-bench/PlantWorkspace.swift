import Foundation

/// Where the benchmark keeps its generated plants (`work/sf1`, `work/sf10`, ...) and how it
/// makes them: with the release build of `loom-plantgen` from the main package, once per
/// scale and seed (a stamp file records both; `--regenerate` forces a new plant).
struct PlantWorkspace {
    /// The main package (the folder above Benchmarks/).
    let packageRoot: URL
    let work: URL
    let seed: UInt64
    /// A `loom-plantgen` binary given on the command line; otherwise built in release.
    var plantgen: String?
    var regenerate: Bool

    func plantFolder(scale: Double) -> URL {
        work.appendingPathComponent("sf\(ScaleText.of(scale))")
    }

    /// The plant at `scale`, generated unless a plant with the same scale and seed is there.
    mutating func plant(scale: Double) throws -> URL {
        let folder = plantFolder(scale: scale)
        let stamp = folder.appendingPathComponent(".bench-stamp")
        let expected = "loom-plantgen --scale \(ScaleText.of(scale)) --seed \(seed)\n"
        if !regenerate, (try? String(contentsOf: stamp, encoding: .utf8)) == expected,
           FileManager.default.fileExists(atPath: folder.appendingPathComponent("ground-truth.csv").path) {
            print("reusing \(folder.path) (scale \(ScaleText.of(scale)), seed \(seed))")
            return folder
        }
        let generator = try plantgenBinary()
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        print("generating scale \(ScaleText.of(scale)) into \(folder.path) ...")
        try ChildProcess.runVisible(generator, [
            "--scale", ScaleText.of(scale), "--seed", "\(seed)", "--out", folder.path,
            "--mappings", packageRoot.appendingPathComponent("mappings/sap").path,
        ])
        try expected.write(to: stamp, atomically: true, encoding: .utf8)
        return folder
    }

    /// Builds `loom-plantgen` in release (`swift build -c release --product loom-plantgen
    /// --package-path ..`) the first time it is needed, unless a binary was given.
    private mutating func plantgenBinary() throws -> String {
        if let plantgen { return plantgen }
        guard let swift = ChildProcess.which("swift") else {
            throw ChildProcessError(description: "swift is not on PATH: pass --plantgen PATH to a built loom-plantgen")
        }
        print("building loom-plantgen (release) in \(packageRoot.path) ...")
        try ChildProcess.runVisible(swift, ["build", "-c", "release", "--product", "loom-plantgen", "--package-path", packageRoot.path])
        let binPath = try MachineInfo.capture(swift, ["build", "-c", "release", "--show-bin-path", "--package-path", packageRoot.path])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let binary = binPath + "/loom-plantgen"
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ChildProcessError(description: "built loom-plantgen but found no binary at \(binary)")
        }
        plantgen = binary
        return binary
    }
}

/// Scale factors as they appear in folder names and tables: `1`, `10`, `0.5`.
enum ScaleText {
    static func of(_ scale: Double) -> String {
        scale == scale.rounded() && abs(scale) < 1e15 ? String(Int(scale)) : String(scale)
    }
}
