import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesModel
@testable import NotesSite
import NotesTestSupport

/// DESIGN §2a: front matter keys a reader cares about are shown on the page;
/// the ones for tools (`cssclasses`, `publish`, `permalink`, …) stay in the
/// records. `description` is the meta description and the summary in lists.
@Suite struct FrontMatterPageTests {
    static let files = [
        "notes/plain.md": """
        ---
        cssclasses: [wide-TOOL-KEY]
        permalink: /TOOL-PERMALINK
        publish: true
        author: Ada Lovelace
        source: https://example.org/paper
        description: Handwritten summary of the plain note.
        ---
        # Plain

        **Owner**: the body's own metadata line

        Body text that is not the summary.
        """,
    ]

    @Test func toolKeysStayOffThePageAndDescriptionSummarises() throws {
        let scratch = try Scratch("front-matter", files: Self.files)
        _ = try BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"), cacheDir: scratch.cache))
        let page = try #require(FileManager.default.contents(atPath: scratch.path("site/notes/plain.html")).map { String(decoding: $0, as: UTF8.self) })
        #expect(!page.contains("TOOL-KEY") && !page.contains("TOOL-PERMALINK") && !page.contains("cssclasses"))
        #expect(!page.contains("<dt>publish</dt>"))
        #expect(page.contains("Ada Lovelace") && page.contains("https://example.org/paper"))
        #expect(page.contains("the body&#39;s own metadata line") || page.contains("the body's own metadata line"),
                "a **Key**: value line is the author's text and is shown")
        #expect(page.contains("<meta name=\"description\" content=\"Handwritten summary of the plain note.\">"))
        let index = try #require(FileManager.default.contents(atPath: scratch.path("site/index.html")).map { String(decoding: $0, as: UTF8.self) })
        #expect(index.contains("Handwritten summary of the plain note."), "lists summarise a note by its description")

        // The records keep every key, tools' included.
        let notebook = try Pipeline.load(root: scratch.path("notes"))
        let keys = notebook.notes[0].metadata.map(\.key)
        #expect(keys.contains("cssclasses") && keys.contains("permalink") && keys.contains("publish"))
    }

    /// Each alias gets a page beside the note's that sends the reader on;
    /// an alias that is another note's page, that two notes share, or that
    /// is no plain file name gets none, and drafts' aliases none either.
    @Test func aliasesGetRedirectPages() throws {
        let scratch = try Scratch("aliases", files: [
            "notes/sub/c.md": "---\naliases: [Old Name, ../escape, b, Shared]\n---\n# C\n",
            "notes/d.md": "---\naliases: [Shared, sub/c2]\n---\n# D\n",
            "notes/e.md": "---\naliases: [Shared]\n---\n# E\n",
            "notes/sub/b.md": "# B\n",
            "notes/wip.md": "---\ndraft: true\naliases: [Secret alias]\n---\n# WIP\n",
        ])
        _ = try BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"), cacheDir: scratch.cache))
        func page(_ path: String) -> String? {
            FileManager.default.contents(atPath: scratch.path("site/" + path)).map { String(decoding: $0, as: UTF8.self) }
        }
        let redirect = try #require(page("notes/sub/Old Name.html"))
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../notes/sub/c.html\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"../../notes/sub/c.html\">"))
        #expect(page("notes/sub/Shared.html") != nil, "one note has Shared in sub/")
        #expect(page("notes/Shared.html") == nil, "two notes of the root folder claim Shared")
        #expect(page("notes/sub/b.html")?.contains("<h1") == true, "a note's own page is never replaced by an alias")
        #expect(page("escape.html") == nil && page("notes/escape.html") == nil)
        #expect(page("notes/sub/c2.html") == nil, "an alias with a slash is no file name")
        #expect(page("notes/Secret alias.html") == nil, "a draft's alias is not published")
        let sitemap = try #require(page("sitemap.xml"))
        #expect(!sitemap.contains("Old"), "redirects are not in the sitemap")
    }
}

/// DESIGN §5: undated notes are left out of the feed, which is never dated
/// 1970: a folder with no dated note has no feed and no link to one, and the
/// first dated note brings both (every page re-rendered with the link).
@Suite struct FeedTests {
    @Test func noDatedNoteNoFeed() throws {
        let scratch = try Scratch("feed", files: ["notes/a.md": "# A\n\nUndated.\n", "notes/b.md": "# B\n\nUndated too.\n"])
        func build() throws { _ = try BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"), cacheDir: scratch.cache)) }
        try build()
        let site = Golden.files(scratch.path("site")).mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(site["feed.xml"] == nil)
        #expect(site.values.allSatisfy { !$0.contains("feed.xml") && !$0.contains("1970") }, "no page links to a feed")
        try scratch.edit("notes/b.md") { "---\ndate: 2026-03-04\n---\n" + $0 }
        try build()
        let feed = SiteFixtures.text(scratch.path("site"), "feed.xml")
        #expect(feed.contains("<updated>2026-03-04T00:00:00Z</updated>") && !feed.contains("1970"))
        #expect(SiteFixtures.text(scratch.path("site"), "notes/a.html").contains("href=\"../feed.xml\""), "an unchanged note's page links to the new feed")
    }
}
