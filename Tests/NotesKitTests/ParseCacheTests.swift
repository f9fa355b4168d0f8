import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesCalc
@testable import NotesCheck
@testable import NotesGraph
@testable import NotesMarkdown
@testable import NotesModel
@testable import NotesParse
@testable import NotesSite
@testable import NotesSupport
import NotesTestSupport

/// DESIGN §7: notes taken from the parse cache give the same records and
/// diagnostics, byte for byte, as notes parsed afresh; a damaged cache is ignored.
@Suite struct ParseCacheTests {
    /// The records and diagnostics of a notebook, as JSON with sorted keys.
    func json(_ notebook: Notebook) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(notebook), as: UTF8.self)
    }

    func compile(_ root: String, cache: String?) throws -> Notebook {
        let sources = try NoteSources.read(root: root)
        guard let cache else { return Pipeline.compile(sources, config: Config()).notebook }
        return Pipeline.load(sources, cache: ParseCache(path: cache))
    }

    /// Every fixture folder: Notes/, bad encodings, references, study notes.
    static let folders = ["Notes"] + ["bad", "encodings", "plain", "references", "study"].map { "Tests/NotesKitTests/Fixtures/records/\($0)/notes" }

    @Test(arguments: folders)
    func cachedNotesEqualParsedOnes(_ folder: String) throws {
        let root = Fixtures.repository.appendingPathComponent(folder).path
        let scratch = try Scratch("parse-cache")
        let work = scratch.root
        let cache = work + "/parse"
        let clean = try json(try compile(root, cache: nil))
        #expect(try json(try compile(root, cache: cache)) == clean, "the run that fills the cache")
        #expect(FileManager.default.fileExists(atPath: cache))
        #expect(try json(try compile(root, cache: cache)) == clean, "the run that reads the cache")
    }

    /// Every note, encoded and decoded on its own, gives back the same parse.
    @Test func encodingRoundTripsEveryField() throws {
        let root = Fixtures.repository.appendingPathComponent("Notes").path
        let sources = try NoteSources.read(root: root)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (i, file) in sources.files.enumerated() {
            guard case .success(let bytes) = sources.contents[i] else { continue }
            let parsed = NoteParser.parse(id: file.id, path: file.path, bytes: bytes)
            var w = CacheWriter()
            w.parsed(parsed)
            var r = CacheReader(w.bytes)
            let back = try r.parsed()
            #expect(r.atEnd)
            #expect(try encoder.encode(back.note) == encoder.encode(parsed.note), "\(file.path)")
            #expect(back.diagnostics == parsed.diagnostics)
            #expect(back.codeLines == parsed.codeLines)
            #expect(back.readable == parsed.readable)
        }
    }

    /// Edits, additions, removals and renames: the notes from a cache made
    /// before them equal a clean parse after them.
    @Test func changedNotesAreParsedAgain() throws {
        let scratch = try Scratch("parse-cache-edits")
        let work = scratch.root
        let notes = work + "/notes", cache = work + "/parse"
        try FileManager.default.copyItem(atPath: Fixtures.repository.appendingPathComponent("Notes").path, toPath: notes)
        _ = try compile(notes, cache: cache)
        let fm = FileManager.default
        let edits: [(String, () throws -> Void)] = [
            ("edit", {
                let path = notes + "/05-fp8-lm-paper.md"
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try (text + "\nA paragraph added at the end, linking [[06-mla-explained]].\n").write(toFile: path, atomically: true, encoding: .utf8)
            }),
            ("add", { try fm.copyItem(atPath: notes + "/06-mla-explained.md", toPath: notes + "/07-copy.md") }),
            ("remove", { try fm.removeItem(atPath: notes + "/03-deepseek-moe-paper.md") }),
            ("rename", { try fm.moveItem(atPath: notes + "/07-copy.md", toPath: notes + "/sub-07-renamed.md") }),
            ("move into a folder", {
                try fm.createDirectory(atPath: notes + "/deep", withIntermediateDirectories: true)
                try fm.moveItem(atPath: notes + "/sub-07-renamed.md", toPath: notes + "/deep/sub-07-renamed.md")
            }),
            ("break the encoding", { try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: notes + "/02-deepseek-v2-technical-report.md")) }),
        ]
        for (what, edit) in edits {
            try edit()
            #expect(try json(try compile(notes, cache: cache)) == json(try compile(notes, cache: nil)), "after \(what)")
            #expect(try json(try compile(notes, cache: cache)) == json(try compile(notes, cache: nil)), "after \(what), again")
        }
    }

    /// A truncated or corrupt cache file is ignored (or the damaged entries
    /// are): never a crash, never a different result.
    @Test func damagedCacheIsIgnored() throws {
        let root = Fixtures.repository.appendingPathComponent("Notes").path
        let scratch = try Scratch("parse-cache-damage")
        let work = scratch.root
        let cache = work + "/parse"
        let clean = try json(try compile(root, cache: nil))
        _ = try compile(root, cache: cache)
        let good = try Data(contentsOf: URL(fileURLWithPath: cache))
        var damaged: [Data] = [Data(), Data("garbage".utf8)]
        for cut in stride(from: 1, to: good.count, by: max(1, good.count / 97)) { damaged.append(good.prefix(cut)) }
        for at in stride(from: 0, to: good.count, by: max(1, good.count / 89)) {
            var flipped = good
            flipped[at] ^= 0x5A
            damaged.append(flipped)
        }
        damaged.append(good + Data([0]))
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: cache))
            #expect(try json(try compile(root, cache: cache)) == clean, "a cache of \(bytes.count) bytes")
        }
    }
}
