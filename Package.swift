// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "Glossa",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "glossa", targets: ["glossa"]),
        .executable(name: "glossa-bench", targets: ["GlossaBench"]),
        .executable(name: "glossa-train", targets: ["GlossaTrain"]),
        .executable(name: "glossa-train-linker", targets: ["GlossaLinkerTrain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Tests only: the small HTTP server that serves pages and feeds to `glossa import` on 127.0.0.1.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            path: "Sources/CNCurses",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "GlossaCore"),
        // `glossa import`: web pages and RSS/Atom feeds (libxml2) to articles in the library.
        .target(name: "Importing", dependencies: ["GlossaCore", "CLibXML2"]),
        .target(
            name: "Extraction",
            dependencies: ["GlossaCore", .product(name: "TOMLKit", package: "TOMLKit")],
            resources: [.copy("Resources/cities.tsv"), .copy("Resources/gazetteer.tsv"), .copy("Resources/first_names.txt"), .copy("Resources/lexicon.txt"), .copy("Resources/ner-model.bin")]
        ),
        // The library's database (annotations); the only target that imports GRDB.
        .target(name: "Store", dependencies: ["GlossaCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Cross-article event clusters.
        .target(name: "Linking", dependencies: ["GlossaCore", "Extraction"]),
        .target(name: "ReaderUI", dependencies: ["GlossaCore", "Extraction", "Linking"]),
        // Markdown and W3C Web Annotation exports of the annotations.
        .target(name: "Export", dependencies: ["GlossaCore", "Extraction"]),
        .target(name: "Terminal", dependencies: ["CNCurses", "ReaderUI"]),
        // The user's config.toml: keys, colours and layout for the reader.
        .target(name: "Configuration", dependencies: ["ReaderUI", .product(name: "TOMLKit", package: "TOMLKit")]),
        // Reading a large library in the background: the index's cache, full-text search, rescans.
        .target(name: "Indexing", dependencies: ["GlossaCore", "Extraction", "Linking", "Store"]),
        // The app layer: a reader session wires the indexer, the store and search into the reader's runtime.
        .target(name: "ReaderApp", dependencies: ["GlossaCore", "Extraction", "Linking", "Store", "Indexing", "ReaderUI"]),
        .executableTarget(
            name: "glossa",
            dependencies: [
                "GlossaCore", "Extraction", "ReaderUI", "Terminal", "Store", "Linking", "Export", "Indexing", "ReaderApp", "Importing", "Configuration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "GlossaBench", dependencies: ["GlossaCore", "Extraction", "Linking", "Indexing", "ReaderApp", "ReaderUI", "Store"]),
        // `make model`: trains the actor tagger on GermEval 2014 (training part) and the gold articles.
        .executableTarget(name: "GlossaTrain", dependencies: ["GlossaCore", "Extraction"]),
        .executableTarget(name: "GlossaLinkerTrain", dependencies: ["GlossaCore", "Extraction", "Linking",
                                                                  .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(name: "TestSupport", dependencies: ["GlossaCore", "ReaderUI"], path: "Tests/TestSupport", resources: [.copy("Pages")]),
        .testTarget(name: "GlossaCoreTests", dependencies: ["GlossaCore", "TestSupport"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "GlossaCore", "TestSupport"]),
        .testTarget(name: "ReaderUITests", dependencies: ["ReaderUI", "GlossaCore", "Extraction", "Linking", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "LinkingTests", dependencies: ["Linking", "Extraction", "GlossaCore", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "GlossaCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "IndexingTests", dependencies: ["Indexing", "Store", "GlossaCore", "Extraction", "Linking", "TestSupport"]),
        .testTarget(name: "ReaderAppTests", dependencies: ["ReaderApp", "ReaderUI", "Indexing", "GlossaCore", "Extraction", "TestSupport"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "ReaderUI", "TestSupport"]),
        .testTarget(name: "ImportingTests", dependencies: ["Importing", "GlossaCore", "TestSupport"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "GlossaCore", "Extraction", "TestSupport"]),
        // Writes annotations for the crash and two-writer tests (not part of the product).
        .executableTarget(name: "StoreWriter", dependencies: ["Store", "GlossaCore"], path: "Tests/StoreWriter"),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "Store", "GlossaCore", .product(name: "GRDB", package: "GRDB.swift"),
                                                         .product(name: "FlyingFox", package: "FlyingFox")]),
    ]
)

// The libFuzzer target needs `-sanitize=fuzzer -parse-as-library`, so it exists only for `make fuzz`.
if ProcessInfo.processInfo.environment["GLOSSA_FUZZ"] != nil {
    package.products.append(.executable(name: "glossa-fuzz", targets: ["GlossaFuzz"]))
    package.targets.append(.executableTarget(name: "GlossaFuzz", dependencies: ["GlossaCore", "Extraction", "Importing"]))
}
