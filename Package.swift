// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "Glossa",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "glossa", targets: ["glossa"]),
        .executable(name: "glossa-bench", targets: ["GlossaBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            path: "Sources/CNCurses",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "GlossaCore"),
        .target(name: "Extraction", dependencies: ["GlossaCore"]),
        .target(name: "ReaderUI", dependencies: ["GlossaCore", "Extraction"]),
        .target(name: "Terminal", dependencies: ["CNCurses", "ReaderUI"]),
        .executableTarget(
            name: "glossa",
            dependencies: [
                "GlossaCore", "Extraction", "ReaderUI", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "GlossaBench", dependencies: ["GlossaCore", "Extraction"]),
        .target(name: "TestSupport", dependencies: ["GlossaCore", "ReaderUI"], path: "Tests/TestSupport"),
        .testTarget(name: "GlossaCoreTests", dependencies: ["GlossaCore", "TestSupport"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "GlossaCore", "TestSupport"]),
        .testTarget(name: "ReaderUITests", dependencies: ["ReaderUI", "GlossaCore", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ]
)

// The libFuzzer target needs `-sanitize=fuzzer -parse-as-library`, so it exists only for `make fuzz`.
if ProcessInfo.processInfo.environment["GLOSSA_FUZZ"] != nil {
    package.products.append(.executable(name: "glossa-fuzz", targets: ["GlossaFuzz"]))
    package.targets.append(.executableTarget(name: "GlossaFuzz", dependencies: ["GlossaCore", "Extraction"]))
}
