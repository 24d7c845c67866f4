// swift-tools-version: 6.0
import PackageDescription

// Module map: see ../shared/DESIGN.md and README "Contributing".
// Dependencies point one way; .ci/check-imports enforces the arrows.
let package = Package(
    name: "Loom",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "loom", targets: ["loom"]),
        .executable(name: "loom-plantgen", targets: ["PlantGenerator"]),
        // For the Benchmarks package (its own package, so users never resolve its dependencies).
        .library(name: "LoomEngine", targets: ["Engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // C libraries from Debian packages.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),

        // Pure values: catalog, Value, locations, diagnostics, the store's protocols.
        .target(name: "GraphModel"),
        // The one module that imports CSQLite.
        .target(name: "SQLiteDB", dependencies: ["CSQLite"]),
        // The property graph persisted in SQLite.
        .target(name: "GraphStore", dependencies: ["SQLiteDB", "GraphModel"]),
        // The one module that imports libxml2: a streaming pull reader.
        .target(name: "XMLStream", dependencies: ["CLibXML2", "GraphModel"]),
        // Streaming readers: files → records with locations.
        .target(name: "Readers", dependencies: ["XMLStream", "GraphModel"]),
        // The mapping language: YAML → rules; record → typed nodes and edges.
        .target(name: "Mapping", dependencies: ["GraphModel", .product(name: "Yams", package: "Yams")]),
        // Runs mappings over sources into a GraphSink.
        .target(name: "Import", dependencies: ["GraphModel", "Mapping", "Readers"]),
        // The query compiler (Cypher dialect): lexer, parser, AST so far; never touches SQLite.
        .target(name: "Query", dependencies: ["GraphModel"]),
        // The facade the CLI, REPL and tests use.
        .target(name: "Engine", dependencies: ["GraphModel", "GraphStore", "Import", "Mapping", "Query", "Readers",
                                               .product(name: "Yams", package: "Yams")]),
        // The REPL as a library: the one module that imports libedit.
        .target(name: "Shell", dependencies: ["Engine", "GraphModel", "CLibEdit"]),
        .executableTarget(name: "loom", dependencies: [
            "Engine", "GraphModel", "Shell", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Synthetic plant generator for benchmarks (datasets/README.md).
        .executableTarget(name: "PlantGenerator", dependencies: [
            "GraphModel", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .target(name: "TestSupport", dependencies: ["GraphModel"], path: "Tests/TestSupport"),
        .testTarget(name: "GraphModelTests", dependencies: ["GraphModel"]),
        .testTarget(name: "SQLiteDBTests", dependencies: ["SQLiteDB", "TestSupport"]),
        .testTarget(name: "GraphStoreTests", dependencies: ["GraphStore", "SQLiteDB", "TestSupport"]),
        .testTarget(name: "XMLStreamTests", dependencies: ["XMLStream", "TestSupport"]),
        .testTarget(name: "ReadersTests", dependencies: ["Readers", "TestSupport"]),
        .testTarget(name: "MappingTests", dependencies: ["Mapping", "TestSupport"]),
        .testTarget(name: "ImportTests", dependencies: ["Import", "Mapping", "Readers", "TestSupport"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "GraphStore", "SQLiteDB", "Query", "TestSupport"]),
        .testTarget(name: "PlantGeneratorTests", dependencies: ["PlantGenerator", "TestSupport"]),
        .testTarget(name: "LoomCLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "QueryTests", dependencies: ["Query"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Engine", "GraphModel", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
