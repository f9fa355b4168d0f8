import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesSite
@testable import NotesParse
import NotesTestSupport

/// Hover previews (`previews/<id>.js`), dates from git, the site's default
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

    @Test func everyNotePageHasAPreviewAndItFollowsThePage() throws {
        let scratch = try Scratch("previews", files: [
            "notes/a.md": "# A\n\nAlpha links [[b#Deep]].\n",
            "notes/sub/b.md": "# B\n\nOpening B.\n\n## Deep\n\nDEEP-TEXT here.\n",
        ])
        let request = BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"), cacheDir: scratch.cache)
        try BuildEngine.build(request)
        let b = try String(contentsOfFile: scratch.path("site/previews/sub/b.js"), encoding: .utf8)
        #expect(b.contains("\"text\":\"Opening B. Deep DEEP-TEXT here.\""))
        #expect(b.contains("\"deep\":\"Deep DEEP-TEXT here.\""))
        // An edit to B's section reaches its preview; A's is kept as it was.
        try "# B\n\nOpening B.\n\n## Deep\n\nNEW-TEXT here.\n".write(toFile: scratch.path("notes/sub/b.md"), atomically: false, encoding: .utf8)
        try BuildEngine.build(request)
        #expect(try String(contentsOfFile: scratch.path("site/previews/sub/b.js"), encoding: .utf8).contains("NEW-TEXT"))
        #expect(FileManager.default.fileExists(atPath: scratch.path("site/previews/a.js")))
        let page = try String(contentsOfFile: scratch.path("site/notes/a.html"), encoding: .utf8)
        #expect(page.contains("assets/preview.js\" defer"))
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
