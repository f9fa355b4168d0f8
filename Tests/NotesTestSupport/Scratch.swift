import Foundation

/// A fresh folder under the system's temporary folder for one test, removed
/// when the test lets go of it. It is the working folder of every `notesc`
/// the test runs (`CLI.run`) and holds their caches (`XDG_CACHE_HOME` is
/// `cache`); in-process builds take `cache` as their cache folder. So a test
/// never writes into the repository, nor into another test's folder.
/// Hold it in a local for the whole test: it is removed when released, at
/// the end of the test's scope in the debug builds `swift test` makes.
public final class Scratch: @unchecked Sendable {
    /// The folder.
    public let root: String
    /// The cache folder below it: `XDG_CACHE_HOME` of spawned notesc processes,
    /// `SiteOptions.cacheDir` of in-process builds. Made by whoever writes a
    /// cache first, so a new scratch folder is empty.
    public var cache: String { root + "/cache" }

    public init(_ label: String = "test") throws {
        root = NSTemporaryDirectory() + "notesc-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// A scratch folder with copies of repository paths (`"Notes"`, a fixture
    /// folder) at the same relative paths, so commands and their messages read as in the repository.
    public convenience init(_ label: String = "test", copying paths: [String]) throws {
        try self.init(label)
        for relative in paths { try copy(relative) }
    }

    /// A scratch folder with `files` (relative path → text).
    public convenience init(_ label: String = "test", files: [String: String]) throws {
        try self.init(label)
        try write(files)
    }

    deinit { remove() }

    /// `relative` below the scratch folder.
    public func path(_ relative: String) -> String { root + "/" + relative }

    /// Copies the repository's `relative` to `destination` (by default the same relative path); returns the copy's path.
    @discardableResult
    public func copy(_ relative: String, to destination: String? = nil) throws -> String {
        let target = path(destination ?? relative)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path(relative), toPath: target)
        return target
    }

    /// Writes each file (relative path → text), making folders as needed.
    public func write(_ files: [String: String]) throws {
        for (name, text) in files { try write(name, text) }
    }

    /// Writes one file, making folders as needed.
    public func write(_ relative: String, _ bytes: [UInt8]) throws {
        let target = path(relative)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
    }

    public func write(_ relative: String, _ text: String) throws { try write(relative, Array(text.utf8)) }

    /// Rewrites the text file at `relative` with `change`.
    public func edit(_ relative: String, _ change: (String) -> String) throws {
        let target = path(relative)
        try change(try String(contentsOfFile: target, encoding: .utf8)).write(toFile: target, atomically: true, encoding: .utf8)
    }

    /// A new folder below the scratch folder; returns its path.
    @discardableResult
    public func folder(_ relative: String) throws -> String {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
        return path(relative)
    }

    public func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// A scratch folder with a copy of the repository's `Notes/` in `notes/`
    /// to edit; builds run in it (their caches too) and write `out/`.
    public static func withNotes(_ label: String) throws -> Scratch {
        let scratch = try Scratch(label)
        try scratch.copy("Notes", to: "notes")
        return scratch
    }

    /// `notes/` of `withNotes`.
    public var notes: String { path("notes") }
    /// Where builds of `notes/` write.
    public var out: String { path("out") }
}
