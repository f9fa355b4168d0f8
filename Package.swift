// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "notesc",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NotesKit", targets: ["NotesKit"]),
        .executable(name: "notesc", targets: ["notesc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Makes cmark-gfm's inline parsing safe on several threads; see its source.
        .target(name: "CCmarkThreads", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "NotesKit",
            dependencies: [
                "CCmarkGFM",
                "CCmarkThreads",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Microsoft's mimalloc replaces malloc in the notesc binary: parsing
        // 10,000 notes makes millions of small allocations, a fifth of the
        // time with glibc's allocator.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        .executableTarget(
            name: "notesc",
            dependencies: ["NotesKit", "CMimalloc", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Golden files, scratch folders and the CLI runner both test targets share.
        .target(name: "NotesTestSupport", path: "Tests/NotesTestSupport"),
        .testTarget(name: "NotesKitTests", dependencies: ["NotesKit", "NotesTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "notescTests", dependencies: ["notesc", "NotesKit", "NotesTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
