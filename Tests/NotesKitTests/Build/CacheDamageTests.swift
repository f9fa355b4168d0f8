import Foundation
import Testing
@testable import NotesBuild
@testable import NotesKit
@testable import NotesSite
@testable import NotesSupport
import NotesTestSupport

/// DESIGN §7: a damaged, truncated or foreign cache is ignored, never
/// trusted. Every cache file of a build, changed one byte at a time at
/// places spread over it (its header, lengths, checksums and bodies), must
/// give what a clean build gives.
@Suite struct CacheDamageTests {
    @Test func everyCacheFileDamagedAByteAtATimeGivesACleanBuild() throws {
        let scratch = try Scratch.withNotes("damage")
        // Two versions of the notes, A and B, each built clean once. Each
        // round damages one byte of a cache file, switches to the other
        // version (so the build reads the caches rather than stop at the
        // record) and expects that version's clean site and diagnostics.
        let path = scratch.notes + "/05-fp8-lm-paper.md"
        let versions = [try String(contentsOfFile: path, encoding: .utf8)]
            .flatMap { [$0, $0 + "\nA paragraph only version B has, with a [[06-mla-explained]] link.\n"] }
        var clean: [(diagnostics: [Diagnostic], files: [String: Data])] = []
        for (i, text) in versions.enumerated() {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let outcome = try scratch.build(into: "clean-\(i)", cache: scratch.root + "/fresh-\(i)")
            clean.append((outcome.diagnostics, SiteFixtures.files(scratch.root + "/clean-\(i)")))
        }
        var version = 0
        try versions[version].write(toFile: path, atomically: true, encoding: .utf8)
        _ = try scratch.build(into: "site")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.cache).sorted()
        #expect(Set(names.map { String($0.split(separator: "-")[0]) }) == ["parse", "compile", "site", "record"], "\(names)")
        for name in names {
            let file = URL(fileURLWithPath: scratch.cache + "/" + name)
            let size = try Data(contentsOf: file).count
            // The first 48 bytes one by one (magic, format, binary stamp,
            // the first lengths), then 24 places spread over the rest.
            let offsets = Array(0..<min(48, size)) + Array(stride(from: 48, to: size, by: max(1, (size - 48) / 24)))
            for offset in offsets {
                guard var damaged = try? Data(contentsOf: file), offset < damaged.count else { continue }
                damaged[offset] ^= 0x5A
                try damaged.write(to: file)
                version = 1 - version
                try versions[version].write(toFile: path, atomically: true, encoding: .utf8)
                let outcome = try scratch.build(into: "site")
                #expect(outcome.diagnostics == clean[version].diagnostics, "\(name) damaged at byte \(offset)")
                #expect(SiteFixtures.files(scratch.root + "/site") == clean[version].files,
                        "\(name) damaged at byte \(offset) gave another site than a clean build")
            }
        }
    }

    @Test func aBuildLeavesNothingInTheWorkingFolderOrTheNotes() throws {
        let scratch = try Scratch.withNotes("damage")
        let before = Set(try FileManager.default.subpathsOfDirectory(atPath: scratch.notes))
        let outcome = try BuildEngine.build(BuildRequest(notesRoot: scratch.notes, outDir: scratch.root + "/site", cacheDir: scratch.cache))
        #expect(outcome.site.pages > 0)
        #expect(Set(try FileManager.default.subpathsOfDirectory(atPath: scratch.notes)) == before)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: scratch.root)) == ["notes", "site", "cache"])
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/.notesc-cache"),
                "nothing in the process's working folder")
        // The default cache folder is one per notes root under $XDG_CACHE_HOME/notesc.
        let a = CacheFolder.path(notesRoot: scratch.notes, environment: ["XDG_CACHE_HOME": "/x/cache"])
        let b = CacheFolder.path(notesRoot: scratch.root + "/other/notes", environment: ["XDG_CACHE_HOME": "/x/cache"])
        #expect(a.hasPrefix("/x/cache/notesc/notes-") && b.hasPrefix("/x/cache/notesc/notes-") && a != b)
        #expect(CacheFolder.path(notesRoot: scratch.notes, environment: ["HOME": "/home/u"]).hasPrefix("/home/u/.cache/notesc/"))
        #expect(CacheFolder.path(notesRoot: "n", override: "/tmp/c") == "/tmp/c")
    }
}

extension Scratch {
    /// Builds `notes/` into `out` (below the scratch folder) with the engine, its caches in `cache` (by default the scratch folder's).
    func build(into out: String, cache: String? = nil) throws -> BuildOutcome {
        try BuildEngine.build(BuildRequest(notesRoot: notes, outDir: path(out), cacheDir: cache ?? self.cache))
    }
}
