import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesModel
@testable import NotesSite
import NotesTestSupport

/// DESIGN §2a: a note with `draft: true` or `publish: false` is not
/// published — no page, no entry in lists, search, feed, sitemap or the
/// site's graph — and links to it read as plain text (`draft-link`, info).
@Suite struct DraftTests {
    static let files = [
        "notes/published.md": """
        ---
        date: 2026-01-02
        tags: [shared]
        ---
        # Published note

        See [[wip]] and [the other](other.md) for more.

        ## 🔗 Connections
        - **wip**: a draft it builds on
        """,
        "notes/wip.md": """
        ---
        draft: true
        date: 2026-01-03
        tags: [shared, draft-only-tag]
        ---
        # Work in progress PRIVATE-TITLE

        PRIVATE-BODY text. Links back to [[published]].
        """,
        "notes/other.md": """
        ---
        publish: false
        ---
        # Unpublished PRIVATE-OTHER
        """,
    ]

    func build(_ scratch: Scratch, into out: String = "site") throws -> BuildOutcome {
        try BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path(out), cacheDir: scratch.cache))
    }

    @Test func draftsAreLeftOutAndLinksToThemReadAsText() throws {
        let scratch = try Scratch("drafts", files: Self.files)
        let outcome = try build(scratch)
        let site = Golden.files(scratch.path("site")).mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(site["notes/published.html"] != nil)
        #expect(site["notes/wip.html"] == nil && site["notes/other.html"] == nil)
        #expect(site["tags/draft-only-tag.html"] == nil, "a tag only a draft has gets no page")
        for (name, text) in site {
            #expect(!text.contains("PRIVATE"), "\(name) shows a draft")
            #expect(!text.contains("wip.html") && !text.contains("other.html"), "\(name) links to a draft")
        }
        let page = try #require(site["notes/published.html"])
        #expect(page.contains("<span class=\"unpublished\">wip</span>"))
        #expect(page.contains("<span class=\"unpublished\">the other</span>"))
        #expect(!page.contains("broken-link"), "a link to a draft is not a broken link")
        // Lint: one info per link and connection to a draft, and nothing broken.
        let draftLinks = outcome.diagnostics.filter { $0.rule == "draft-link" }
        #expect(draftLinks.map(\.line) == [7, 7, 10], "\(outcome.diagnostics)")
        #expect(draftLinks.allSatisfy { $0.severity == .info && $0.file == "published.md" })
        #expect(!outcome.diagnostics.contains { $0.rule == "broken-link" || $0.rule == "broken-connection" })
    }

    @Test func explicitPublishingTakesOnlyNotesSayingSo() throws {
        var files = Self.files
        files["notes/notesc.yml"] = "publish: explicit\n"
        files["notes/chosen.md"] = "---\npublish: true\n---\n# Chosen\n\nSee [[published]].\n"
        let scratch = try Scratch("drafts-explicit", files: files)
        let outcome = try build(scratch)
        let pages = Golden.files(scratch.path("site")).keys.filter { $0.hasPrefix("notes/") }.sorted()
        #expect(pages == ["notes/chosen.html"])
        #expect(outcome.diagnostics.filter { $0.rule == "draft-link" }.map(\.file) == ["chosen.md"])
        #expect(throws: Error.self) { try Config.parse("publish: some") }
    }

    @Test func publishingADraftGivesWhatACleanBuildGives() throws {
        let scratch = try Scratch("drafts-rebuild", files: Self.files)
        _ = try build(scratch)
        let wip = scratch.path("notes/wip.md")
        for (step, text) in [("publishing", "draft: false"), ("drafting again", "draft: true")] {
            try (try String(contentsOfFile: wip, encoding: .utf8)).replacingOccurrences(of: step == "publishing" ? "draft: true" : "draft: false", with: text)
                .write(toFile: wip, atomically: true, encoding: .utf8)
            let cached = try build(scratch)
            let clean = try Scratch("drafts-clean", copying: [])
            try FileManager.default.copyItem(atPath: scratch.path("notes"), toPath: clean.path("notes"))
            let fresh = try build(clean)
            #expect(cached.diagnostics == fresh.diagnostics, "after \(step)")
            #expect(Golden.files(scratch.path("site")) == Golden.files(clean.path("site")), "site after \(step)")
            #expect(FileManager.default.fileExists(atPath: scratch.path("site/notes/wip.html")) == (step == "publishing"))
        }
    }
}
