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

/// Same input, same bytes; a failed build writes nothing; `--out` is checked;
/// only files an earlier build wrote are removed.
@Suite struct SiteOutputTests {
    @Test func sameInputSameBytes() throws {
        let root = Fixtures.repository.appendingPathComponent("Notes").path
        let first = try Scratch("site"), second = try Scratch("site")
        let a = SiteFixtures.files(try SiteFixtures.build(root, in: first))
        let b = SiteFixtures.files(try SiteFixtures.build(root, in: second))
        #expect(a.count > 20)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a where b[path] != data { Issue.record("\(path) differs between two builds") }
    }

    @Test func graphLayoutIsDeterministic() {
        let edges = (0..<300).map { ($0, ($0 * 7 + 3) % 500) }
        let first = GraphLayout.positions(count: 500, edges: edges)
        let second = GraphLayout.positions(count: 500, edges: edges)
        #expect(first == second)
        #expect(Set(first.map { "\($0.x),\($0.y)" }).count > 490, "nodes are spread out, not stacked")
    }

    @Test func failedBuildLeavesPreviousOutputUntouched() throws {
        let root = SiteFixtures.notes("study")
        let scratch = try Scratch("site")
        let out = try SiteFixtures.build(root, in: scratch, into: scratch.path("site/out"))
        let before = SiteFixtures.files(out)
        var notebook = try Pipeline.load(root: root)
        notebook.diagnostics.append(Diagnostic(file: "xss.md", range: nil, rule: .brokenConnection, message: "no note 'x'"))
        #expect(throws: SiteError.notesHaveErrors(1)) {
            try SiteBuilder.build(notebook, options: SiteOptions(notesRoot: root, outDir: out, cacheDir: scratch.cache))
        }
        #expect(SiteFixtures.files(out) == before)
        let parent = URL(fileURLWithPath: out).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"], "no staging folder is left behind")
    }

    @Test func failedTemplateLeavesPreviousOutputUntouched() throws {
        let root = SiteFixtures.notes("study")
        let scratch = try Scratch("site")
        let out = try SiteFixtures.build(root, in: scratch)
        let before = SiteFixtures.files(out)
        let templates = try scratch.folder("templates")
        try "{{#unclosed}}".write(toFile: templates + "/note.mustache", atomically: false, encoding: .utf8)
        let notebook = try Pipeline.load(root: root)
        #expect(throws: SiteError.self) {
            try SiteBuilder.build(notebook, options: SiteOptions(notesRoot: root, outDir: out, templatesDir: templates, cacheDir: scratch.cache))
        }
        #expect(SiteFixtures.files(out) == before)
    }

    @Test func refusesDangerousOutputFolders() throws {
        let scratch = try Scratch("refuse")
        let base = try scratch.folder("base")
        let notes = base + "/notes"
        try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: true)
        try "# A\n".write(toFile: notes + "/a.md", atomically: false, encoding: .utf8)
        let notebook = try Pipeline.load(root: notes)
        for out in [notes, base, notes + "/..", "/", NSHomeDirectory()] {
            #expect(throws: SiteError.self, "--out \(out) must be refused") {
                try SiteBuilder.build(notebook, options: SiteOptions(notesRoot: notes, outDir: out, cacheDir: scratch.cache))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: base) == ["notes"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes) == ["a.md"])
        // A folder inside the notes folder, or beside it, is fine.
        _ = try SiteBuilder.build(notebook, options: SiteOptions(notesRoot: notes, outDir: base + "/site", cacheDir: scratch.cache))
        #expect(FileManager.default.fileExists(atPath: base + "/site/notes/a.html"))
    }

    @Test func removesOnlyFilesAnEarlierBuildWrote() throws {
        let scratch = try Scratch("manifest")
        let base = try scratch.folder("base")
        let notes = base + "/notes", out = base + "/site"
        try FileManager.default.createDirectory(atPath: notes + "/deep", withIntermediateDirectories: true)
        try "# A\n".write(toFile: notes + "/a.md", atomically: false, encoding: .utf8)
        try "# B\n".write(toFile: notes + "/deep/b.md", atomically: false, encoding: .utf8)
        _ = try SiteFixtures.build(notes, in: scratch, into: out)
        #expect(FileManager.default.fileExists(atPath: out + "/notes/deep/b.html"))
        try "mine".write(toFile: out + "/CNAME", atomically: false, encoding: .utf8)
        try "mine too".write(toFile: out + "/notes/keep.txt", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: notes + "/deep/b.md")
        var notebook = try Pipeline.load(root: notes)
        notebook.diagnostics = []
        let report = try SiteBuilder.build(notebook, options: SiteOptions(notesRoot: notes, outDir: out, cacheDir: scratch.cache))
        #expect(report.removed == 2, "b's page and its folder's page; the files its preview and search document were in hold a's")
        #expect(!SiteFixtures.text(out, "previews/0.js").contains("deep/b") && !SiteFixtures.text(out, "search/d/0.js").contains("deep/b"))
        #expect(!FileManager.default.fileExists(atPath: out + "/notes/deep/b.html"))
        #expect(!FileManager.default.fileExists(atPath: out + "/folders/deep/index.html"))
        #expect(!FileManager.default.fileExists(atPath: out + "/notes/deep"), "a folder the old build made and that is now empty goes too")
        #expect(FileManager.default.fileExists(atPath: out + "/CNAME"))
        #expect(FileManager.default.fileExists(atPath: out + "/notes/keep.txt"))
        #expect(SiteFixtures.text(out, ".notesc-manifest").contains("\nnotes/a.html\n"))
    }

    /// A manifest edited by hand (or by someone else) names nothing outside
    /// the output folder that a build would then remove.
    @Test func manifestLinesThatLeaveTheFolderAreIgnored() throws {
        let scratch = try Scratch("manifest-lines")
        let base = scratch.root
        let lines = ["# Files written by `notesc build`", "index.html", "notes/a.html", "notes/.hidden", "a/...", "a/..b/c.html",
                     "../outside", "notes/../../outside", "/etc/passwd", "a//b", "./a", "a/.", "a/..", "notes/", "..", ".", "",
                     "a/b/c.html"]
        try (lines.joined(separator: "\n") + "\n").write(toFile: base + "/m", atomically: false, encoding: .utf8)
        #expect(OutputWriter.readManifest(base + "/m") == ["index.html", "notes/a.html", "notes/.hidden", "a/...", "a/..b/c.html", "a/b/c.html"])
    }
}
