// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "notesc",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NotesKit", targets: ["NotesKit"]),
        .library(name: "NotesServe", targets: ["NotesServe"]),
        .executable(name: "notesc", targets: ["notesc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
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
        // `notesc serve`: the site on loopback, rebuilt on inotify events, pages
        // told to reload over server-sent events. Kept out of the core library.
        .target(
            name: "NotesServe",
            dependencies: [
                "NotesKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // Microsoft's mimalloc replaces malloc in the notesc binary: parsing
        // 10,000 notes makes millions of small allocations, a fifth of the
        // time with glibc's allocator.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        .executableTarget(
            name: "notesc",
            dependencies: ["NotesKit", "NotesServe", "CMimalloc", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "NotesKitTests", dependencies: ["NotesKit"], exclude: ["Fixtures"]),
        .testTarget(name: "notescTests", dependencies: ["notesc", "NotesKit"]),
        .testTarget(name: "NotesServeTests", dependencies: ["NotesServe", "NotesKit", "notesc"]),
    ],
    swiftLanguageModes: [.v5]
)
