// swift-tools-version:6.0
import PackageDescription
import Foundation

// Release builds optimise across the stage targets, so a hot path that
// calls into an earlier stage is inlined and specialised as it was when the
// stages were one module. Plain -cross-module-optimization leaves `package`
// declarations out: a one-note rebuild at 10k notes took 1.04 s against
// 0.86 s before the split; with -enable-cmo-everything 0.90 s (hyperfine,
// 10 runs each, one run).
let optimized: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization", "-Xfrontend", "-enable-cmo-everything"],
                 .when(configuration: .release)),
]

let package = Package(
    name: "notesc",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NotesKit", targets: ["NotesKit"]),
        .library(name: "NotesServe", targets: ["NotesServe"]),
        .executable(name: "notesc", targets: ["notesc"]),
    ],
    // Exact versions, the ones this project's machines mirror: Package.resolved
    // is not committed (the mirror's commit ids are not GitHub's), so a range
    // would let a clone build against a release nobody here has tested.
    // swift-mustache is the reference renderer that notesc's own template
    // renderer is held to byte for byte (CompiledTemplatesTests).
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Makes cmark-gfm's inline parsing safe on several threads; see its source.
        .target(name: "CCmarkThreads", linkerSettings: [.linkedLibrary("dl")]),
        // The pipeline's stages, each a target that may import only the ones
        // above it, so a later stage can never reach back into an earlier one:
        // support → model → markdown, calc → parse → check → graph → site → build.
        .target(name: "NotesSupport", swiftSettings: optimized),
        .target(name: "NotesModel", dependencies: ["NotesSupport"], swiftSettings: optimized),
        .target(name: "NotesMarkdown", dependencies: ["NotesModel", "CCmarkGFM", "CCmarkThreads", .product(name: "Yams", package: "Yams")],
                swiftSettings: optimized),
        .target(name: "NotesCalc", dependencies: ["NotesModel"], swiftSettings: optimized),
        .target(name: "NotesParse", dependencies: ["NotesMarkdown", "NotesCalc"], swiftSettings: optimized),
        .target(name: "NotesCheck", dependencies: ["NotesParse"], swiftSettings: optimized),
        .target(name: "NotesGraph", dependencies: ["NotesCheck", .product(name: "GRDB", package: "GRDB.swift"),
                                                 .product(name: "GRDBSQLite", package: "GRDB.swift")], swiftSettings: optimized),
        .target(name: "NotesSite", dependencies: ["NotesGraph", .product(name: "Mustache", package: "swift-mustache")],
                swiftSettings: optimized),
        .target(name: "NotesBuild", dependencies: ["NotesSite"], swiftSettings: optimized),
        // The library users import: every stage, re-exported.
        .target(name: "NotesKit", dependencies: ["NotesBuild"], swiftSettings: optimized),
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
        // Golden files, scratch folders and the CLI runner both test targets share.
        .target(name: "NotesTestSupport", path: "Tests/NotesTestSupport"),
        .testTarget(name: "NotesKitTests", dependencies: ["NotesKit", "NotesTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "notescTests", dependencies: ["notesc", "NotesKit", "NotesTestSupport"]),
        .testTarget(name: "NotesServeTests", dependencies: ["NotesServe", "NotesKit", "notesc", "NotesTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)

// libFuzzer targets (`make fuzz`), only in the package when NOTESC_FUZZ is
// set: they have no main of their own (libFuzzer's is linked in by
// -sanitize=fuzzer), so a plain `swift build` could not link them.
if ProcessInfo.processInfo.environment["NOTESC_FUZZ"] != nil {
    for (name, stage) in [("FuzzNoteParser", "NotesSite"), ("FuzzCalc", "NotesCalc"), ("FuzzFrontMatter", "NotesParse")] {
        package.products.append(.executable(name: name, targets: [name]))
        package.targets.append(.executableTarget(name: name, dependencies: [.target(name: stage)],
                                                 swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    }
}
