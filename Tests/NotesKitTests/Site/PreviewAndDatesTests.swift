import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesSite
@testable import NotesParse
import NotesTestSupport

/// Hover previews (`previews/<k>.js`, several notes to a file), dates from git, the site's default
/// name and search text without highlight marks (issue 16).
@Suite struct PreviewAndDatesTests {
    @Test func previewHoldsTheOpeningAndEachSectionAsTheReaderSeesThem() throws {
        let html = Array("""
        <main><article class="note" aria-labelledby="note-title">
        <header class="note-header"><h1 id="note-title">Title TITLE-TEXT</h1><dl><dt>Date</dt></dl></header>
        <section><p>Fish &amp; chips &lt;b&gt; &#233;t&#xE9; <a href="x.html">link</a>.</p>
        <pre><code>CODE-TEXT</code></pre><svg><text>SVG-TEXT</text></svg>
        <h2 id="later">Later <a class="anchor" href="#later" aria-hidden="true">#</a></h2>
        <p>Section words<span class="block-anchor" id="^blk"></span> then more.</p></section>
        </article><aside>ASIDE-TEXT</aside></main>
        """.utf8)
        let (opening, sections) = try #require(NotePreview.extract(html))
        #expect(opening == "Fish & chips <b> été link. Later Section words then more.")
        #expect(!opening.contains("TITLE-TEXT") && !opening.contains("CODE-TEXT") && !opening.contains("SVG-TEXT") && !opening.contains("ASIDE"))
        #expect(sections.map(\.id) == ["later", "^blk"])
        #expect(sections[0].text == "Later Section words then more.", "the heading's own # anchor is not text")
        #expect(sections[1].text == "then more.")
    }

    @Test func longTextIsCutAtAWordAndSaysSo() throws {
        let words = Array(repeating: "word", count: 200).joined(separator: " ")
        let html = Array("<article class=\"note\"><p>\(words)</p></article>".utf8)
        let opening = try #require(NotePreview.extract(html)).opening
        #expect(opening.hasSuffix("word…") && opening.count <= NotePreview.length + 1, "\(opening.count)")
        let script = try #require(NotePreview.script(id: "a/b", title: "</script> T", html: html))
        let text = String(decoding: script, as: UTF8.self)
        #expect(text.hasPrefix("notescPreview(\"a/b\",{\"title\":\"\\u003c/script> T\""), "no </script> reaches a script")
    }

    /// The preview file holding note `id`'s, in a site of `count` notes, as text.
    func previews(_ site: String, of id: String, notes count: Int) throws -> String {
        let path = site + "/" + SitePaths.previewFile(NotePreview.file(of: id, files: NotePreview.fileCount(count)))
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func everyNotePageHasAPreviewAndItFollowsThePage() throws {
        let scratch = try Scratch("previews", files: [
            "notes/a.md": "# A\n\nAlpha links [[b#Deep]].\n",
            "notes/sub/b.md": "# B\n\nOpening B.\n\n## Deep\n\nDEEP-TEXT here.\n",
        ])
        let request = BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"), cacheDir: scratch.cache)
        try BuildEngine.build(request)
        let b = try previews(scratch.path("site"), of: "sub/b", notes: 2)
        #expect(b.contains("notescPreview(\"sub/b\",{"))
        #expect(b.contains("\"text\":\"Opening B. Deep DEEP-TEXT here.\""))
        #expect(b.contains("\"deep\":\"Deep DEEP-TEXT here.\""))
        #expect(SiteFixtures.text(scratch.path("site"), SitePaths.previewIndex) == "notescPreviewFiles(1);\n")
        // An edit to B's section reaches its preview; A's is kept as it was.
        let a = try previews(scratch.path("site"), of: "a", notes: 2).split(separator: "\n").first { $0.hasPrefix("notescPreview(\"a\",") }
        try "# B\n\nOpening B.\n\n## Deep\n\nNEW-TEXT here.\n".write(toFile: scratch.path("notes/sub/b.md"), atomically: false, encoding: .utf8)
        try BuildEngine.build(request)
        #expect(try previews(scratch.path("site"), of: "sub/b", notes: 2).contains("NEW-TEXT"))
        #expect(try previews(scratch.path("site"), of: "a", notes: 2).split(separator: "\n").first { $0.hasPrefix("notescPreview(\"a\",") } == a)
        let page = try String(contentsOfFile: scratch.path("site/notes/a.html"), encoding: .utf8)
        #expect(page.contains("assets/preview.js\" defer"))
    }

    /// A note's file is the FNV-1a hash of its id modulo a power of two that
    /// grows with the folder; the browser works it out the same way.
    @Test func aNotesFileIsItsIdsHashAsTheBrowserWorksItOut() throws {
        // FNV-1a's published test values (32 bits): "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
        #expect(NotePreview.file(of: "", files: 1 << 31) == 0x811C_9DC5 % (1 << 31))
        #expect(NotePreview.file(of: "a", files: 1 << 31) == 0xE40C_292C % (1 << 31))
        #expect(NotePreview.file(of: "foobar", files: 1 << 31) == 0xBF9C_F968 % (1 << 31))
        #expect([0, 1, 8, 9, 16, 17, 10_000].map(NotePreview.fileCount) == [1, 1, 1, 2, 2, 4, 2048])
        let script = try #require(DefaultTemplates.files["assets/preview.js"])
        #expect(script.contains("var h = 0x811c9dc5;") && script.contains("Math.imul(h ^ b, 0x01000193) >>> 0") && script.contains("return h % files;"))
    }

    /// Files of previews after edits that add and remove notes (across the
    /// doubling of the file count), a file removed by hand and a line taken
    /// out of a file: each time the site is a clean build's, and a file
    /// none of whose notes changed is left as it was.
    @Test func previewFilesFollowEditsAndAreRestored() throws {
        var files: [String: String] = [:]
        for i in 0..<8 { files["notes/n\(i).md"] = "# Note \(i)\n\nText of note \(i), linking [[n\((i + 1) % 8)]].\n" }
        let scratch = try Scratch("preview-files", files: files)
        let notes = scratch.path("notes"), out = scratch.path("site")
        let request = BuildRequest(notesRoot: notes, outDir: out, cacheDir: scratch.cache, gitDates: false)
        func expectClean(_ after: String) throws {
            let clean = try Scratch("preview-files-clean")
            try BuildEngine.build(BuildRequest(notesRoot: notes, outDir: clean.path("site"), cacheDir: clean.cache, gitDates: false))
            let built = SiteFixtures.files(out), fresh = SiteFixtures.files(clean.path("site"))
            #expect(Set(built.keys) == Set(fresh.keys), "the files after \(after)")
            for (name, data) in fresh where built[name] != data { Issue.record("\(name) differs from a clean build after \(after)") }
        }
        try BuildEngine.build(request)
        #expect(SiteFixtures.files(out).keys.filter { $0.hasPrefix("previews/") }.sorted() == ["previews/0.js", "previews/index.js"])
        // A ninth note: two files now, every note in the one its id hashes to.
        try "# Note 8\n\nThe ninth.\n".write(toFile: notes + "/n8.md", atomically: false, encoding: .utf8)
        try BuildEngine.build(request)
        try expectClean("a ninth note")
        #expect(SiteFixtures.text(out, SitePaths.previewIndex) == "notescPreviewFiles(2);\n")
        // An edit to one note: the other file is left as it was.
        let other = NotePreview.file(of: "n3", files: 2) == 0 ? 1 : 0
        let before = SiteFixtures.files(out)[SitePaths.previewFile(other)]
        try "# Note 3\n\nText of note 3, edited.\n".write(toFile: notes + "/n3.md", atomically: false, encoding: .utf8)
        try BuildEngine.build(request)
        try expectClean("an edit")
        #expect(SiteFixtures.files(out)[SitePaths.previewFile(other)] == before)
        // A file removed by hand is made again, its notes' pages rendered for their lines.
        try FileManager.default.removeItem(atPath: out + "/" + SitePaths.previewFile(other))
        try "# Note 3\n\nText of note 3, edited again.\n".write(toFile: notes + "/n3.md", atomically: false, encoding: .utf8)
        try BuildEngine.build(request)
        try expectClean("a file of previews removed")
        // A line taken out of a file is put back when the file is made again.
        let mine = SitePaths.previewFile(NotePreview.file(of: "n3", files: 2))
        let neighbour = try #require(try (0..<9).map { "n\($0)" }.first { $0 != "n3" && NotePreview.file(of: $0, files: 2) == NotePreview.file(of: "n3", files: 2) })
        let text = SiteFixtures.text(out, mine)
        try text.split(separator: "\n").filter { !$0.hasPrefix("notescPreview(\"\(neighbour)\",") }.map { $0 + "\n" }.joined()
            .write(toFile: out + "/" + mine, atomically: false, encoding: .utf8)
        try "# Note 3\n\nText of note 3, edited a third time.\n".write(toFile: notes + "/n3.md", atomically: false, encoding: .utf8)
        try BuildEngine.build(request)
        try expectClean("a line taken out")
        // Back to eight notes: one file again.
        try FileManager.default.removeItem(atPath: notes + "/n8.md")
        try BuildEngine.build(request)
        try expectClean("the ninth note removed")
        #expect(SiteFixtures.text(out, SitePaths.previewIndex) == "notescPreviewFiles(1);\n")
    }

    /// Runs git in `dir` with a fixed identity and date.
    func git(_ dir: String, _ arguments: [String], date: String = "2024-03-05T10:00:00Z") throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"] + arguments
        p.environment = ProcessInfo.processInfo.environment.merging(["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "git \(arguments)")
    }

    @Test func undatedNotesAreDatedByTheirLastCommit() throws {
        let scratch = try Scratch("git-dates", files: [
            "repo/notes/old.md": "# Old\n\nFirst.\n",
            "repo/notes/dir/edited twice.md": "# Edited\n\nFirst.\n",
            "repo/notes/stated.md": "---\ndate: 2020-01-02\n---\n# Stated\n",
        ])
        let repo = scratch.path("repo")
        try git(repo, ["init", "-q"])
        try git(repo, ["add", "."])
        try git(repo, ["commit", "-qm", "one"], date: "2024-03-05T10:00:00Z")
        try "# Edited\n\nSecond.\n".write(toFile: repo + "/notes/dir/edited twice.md", atomically: false, encoding: .utf8)
        try git(repo, ["commit", "-qam", "two"], date: "2024-06-07T23:30:00Z")
        try "# New\n".write(toFile: repo + "/notes/untracked.md", atomically: false, encoding: .utf8)

        let request = BuildRequest(notesRoot: repo + "/notes", outDir: scratch.path("site"), cacheDir: scratch.cache)
        try BuildEngine.build(request)
        let feed = try String(contentsOfFile: scratch.path("site/feed.xml"), encoding: .utf8)
        #expect(feed.contains("<title>Edited</title>") && feed.contains("2024-06-07T00:00:00Z"), "the last commit's day")
        #expect(feed.contains("<title>Old</title>") && feed.contains("2024-03-05T00:00:00Z"))
        #expect(feed.contains("2020-01-02T00:00:00Z"), "a stated date wins over git's")
        #expect(!feed.contains("<title>New</title>"), "an untracked note has no date and is not in the feed")
        #expect(!feed.contains("1970"))

        // A new commit dates the new note: the build is not taken as up to date.
        try git(repo, ["add", "."])
        try git(repo, ["commit", "-qm", "three"], date: "2024-09-01T08:00:00Z")
        let outcome = try BuildEngine.build(request)
        #expect(!outcome.upToDate)
        #expect(try String(contentsOfFile: scratch.path("site/feed.xml"), encoding: .utf8).contains("<title>New</title>"))

        // Out of a repository, nothing is dated by git; asked not to, neither.
        var off = request
        off.gitDates = false
        off.outDir = scratch.path("site-off")
        try BuildEngine.build(off)
        #expect(try String(contentsOfFile: scratch.path("site-off/feed.xml"), encoding: .utf8).components(separatedBy: "<entry>").count == 2,
                "only the stated date")
    }

    @Test func aPlainFolderIsNamedByItsHomeNoteOrItsFolder() throws {
        func title(_ files: [String: String], root: String) throws -> String {
            let scratch = try Scratch("title", files: files)
            try BuildEngine.build(BuildRequest(notesRoot: scratch.path(root), outDir: scratch.path("site"), cacheDir: scratch.cache))
            let index = try String(contentsOfFile: scratch.path("site/index.html"), encoding: .utf8)
            // <a class="brand" href="index.html"><img …> NAME</a>
            let brand = try #require(index.range(of: "<a class=\"brand\"")).upperBound
            let end = try #require(index[brand...].range(of: "</a>")).lowerBound
            return String(index[brand..<end])
        }
        #expect(try title(["notes/README.md": "# My TIL\n\nHi.\n", "notes/a.md": "# A\n"], root: "notes").hasSuffix("My TIL"))
        #expect(try title(["garden/a.md": "# A\n"], root: "garden").hasSuffix("garden"))
        #expect(try title(["notes/a.md": "# A\n\n## 📝 TL;DR\n\nStudy.\n"], root: "notes").hasSuffix("Study notes"))
        #expect(try title(["notes/README.md": "# My TIL\n", "notes/notesc.yml": "title: Chosen\n"], root: "notes").hasSuffix("Chosen"))
    }

    @Test func searchTextHasNoHighlightMarks() {
        #expect(NoteParser.withoutHighlightMarks("a ==marked== word") == "a marked word")
        #expect(NoteParser.withoutHighlightMarks("==whole==") == "whole")
        #expect(NoteParser.withoutHighlightMarks("if a == b") == "if a == b")
        #expect(NoteParser.withoutHighlightMarks("x===y and a==b") == "x===y and a==b")
    }
}
