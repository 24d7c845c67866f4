// swift-tools-version: 6.0
import PackageDescription

// Loom's benchmarks: their own package, so users of Loom never resolve benchmark
// dependencies. Run from this folder: `swift run -c release loom-bench import --scales 1,10`.
// A path dependency's identity is its folder's name (`main`, `loom`, ...), so take it from the
// folder above this one instead of spelling it.
let loomIdentity = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "loom"

let package = Package(
    name: "LoomBenchmarks",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "loom-bench", targets: ["loom-bench"]),
    ],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(name: "loom-bench", dependencies: [
            .product(name: "LoomEngine", package: loomIdentity),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
