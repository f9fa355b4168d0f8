import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesSite
import NotesTestSupport

/// Lists that grow with the folder are split into pages with stable URLs
/// (DESIGN §5): tags, categories, the notes at the root; the home page shows
/// each group's newest notes and links to the rest.
@Suite struct BoundedListTests {
    func build(_ files: [String: String], _ name: String) throws -> [String: String] {
        let scratch = try Scratch(name, files: files)
        try BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"), cacheDir: scratch.cache, gitDates: false))
        return SiteFixtures.html(scratch.path("site"))
    }

    static func count(_ html: String, _ needle: String) -> Int { html.components(separatedBy: needle).count - 1 }

    @Test func tagAndCategoryPagesArePaginatedWithoutCollidingWithNestedTags() throws {
        let n = SitePaths.notesPerPage + 5
        var files: [String: String] = [:]
        for i in 1...n {
            files["notes/n\(i).md"] = "---\ntags: [big]\ndate: 2024-01-\(String(format: "%02d", i % 28 + 1))\n---\n# Note \(i)\n\n**Category**: Cat\n"
        }
        files["notes/nested.md"] = "---\ntags: [big/2]\n---\n# Nested two\n"
        let site = try build(files, "bounded-tags")
        let first = try #require(site["tags/big.html"]), second = try #require(site["tags/big/_page/2.html"])
        #expect(Self.count(first, "href=\"../notes/n") == SitePaths.notesPerPage)
        #expect(Self.count(second, "href=\"../../../notes/n") == 6, "the other 5, and the nested tag's note: #big lists #big/2's")
        #expect(second.contains("Page 2 of 2") && second.contains("href=\"../../../tags/big.html\" rel=\"prev\""))
        let nested = try #require(site["tags/big/2.html"], "the nested tag big/2 keeps its own page")
        #expect(nested.contains("#big/2") && nested.contains("Nested two"))

        let category = try #require(site["categories/cat.html"])
        #expect(category.contains("<h1 id=\"entity-title\">Cat</h1>") && category.contains("rel=\"next\""))
        #expect(site["categories/cat/2.html"]?.contains("Page 2 of 2") == true)
        let home = try #require(site["index.html"])
        #expect(home.contains("href=\"categories/cat.html\">All \(n) notes in Cat</a>"))
        #expect(Self.count(home, "notes/n") < 40, "the home page lists a category's newest notes, not all \(n)")
        let note = try #require(site["notes/n1.html"])
        #expect(note.contains("<a href=\"../categories/cat.html\">Cat</a>"), "a note's category links to its page")
    }

    @Test func aFlatFolderListsItsNewestOnTheHomePageAndAllOnTheRootPage() throws {
        var files: [String: String] = [:]
        for i in 1...60 { files["notes/flat\(i).md"] = "# Flat \(i)\n" }
        files["notes/sub/deep.md"] = "# Deep\n"
        let site = try build(files, "bounded-root")
        let home = try #require(site["index.html"])
        #expect(Self.count(home, "href=\"notes/flat") == PageContext.notesAtTop)
        #expect(home.contains("href=\"folders/index.html\""))
        let root = try #require(site["folders/index.html"])
        #expect(Self.count(root, "href=\"../notes/flat") == 60)
        #expect(root.contains("href=\"../folders/sub/index.html\">sub/"), "the root page links to the top folders")
    }
}

extension BoundedListTests {
    /// A study note of `claims` claims about Alpha and Beta in one topic, dated `day`.
    static func study(_ i: Int, claims: Int, day: Int) -> String {
        var s = "# Study \(i)\n\n**Date Processed**: 2024-02-\(String(format: "%02d", day))\n\n## 📝 TL;DR\n\nSome text.\n\n## 🎯 Key Comparisons\n\n### Speed\n\n"
        for k in 0..<claims { s += "- **Alpha**: CLAIM-\(i)-\(k) runs 5 ms\n" }  // equal values: no dispute
        s += "- **Beta**: slower\n- **Verdict**: Alpha wins\n\n## 🔗 Connections\n\n- [[s\((i % 3) + 1)]] - related\n"
        return s
    }

    @Test func aSystemWithManyClaimsLeadsWithItsSummaryAndPagesThroughTheRest() throws {
        var files: [String: String] = [:]
        for i in 1...3 { files["notes/s\(i).md"] = Self.study(i, claims: 90, day: i) }
        let site = try build(files, "bounded-system")
        let first = try #require(site["systems/alpha.html"]), second = try #require(site["systems/alpha/2.html"])
        #expect(site["systems/alpha/3.html"] == nil, "270 claims take two pages of \(SitePaths.claimsPerPage)")
        #expect(Self.count(first, "<li class=\"claim") == SitePaths.claimsPerPage + PageContext.leadItems, "a page of claims and the latest")
        #expect(first.contains("<h2 id=\"by-topic\">By topic</h2>") && first.contains("<td>270</td><td>3</td>"))
        #expect(first.contains("Verdicts in its favour") && first.contains("Latest claims"))
        // The latest are the newest note's.
        let latest = try #require(first.components(separatedBy: "id=\"latest-claims\"").last?.components(separatedBy: "</section>").first)
        #expect(latest.contains("CLAIM-3-0 ") && !latest.contains("CLAIM-1-"))
        #expect(!second.contains("By topic") && second.contains("(continued)") && second.contains("Page 2 of 2"))
        #expect(Self.count(second, "<li class=\"claim") == 270 - SitePaths.claimsPerPage)
        let small = try #require(site["systems/beta.html"])
        #expect(!small.contains("Latest claims") && !small.contains("class=\"pagination\""), "one page: no latest, no pages")
    }
}

extension BoundedListTests {
    @Test func aTopicTablePagesByNotesAndKeepsItsCounts() throws {
        let n = SitePaths.topicNotesPerPage + 3
        var files: [String: String] = [:]
        for i in 1...n { files["notes/s\(i).md"] = Self.study(i, claims: 1, day: i % 28 + 1) }
        let site = try build(files, "bounded-topic")
        let first = try #require(site["topics/speed.html"]), second = try #require(site["topics/speed/2.html"])
        #expect(first.contains("<li><strong>\(n)</strong> notes</li>") && second.contains("<li><strong>\(n)</strong> notes</li>"),
                "the counts are the topic's")
        #expect(Self.count(first, "CLAIM-") == SitePaths.topicNotesPerPage && Self.count(second, "CLAIM-") == 3)
        #expect(second.contains("Page 2 of 2") && first.contains("rel=\"next\""))
        #expect(Self.count(second, "Alpha wins") == 3, "a page shows its notes' verdicts")
    }
}

extension BoundedListTests {
    /// Later pages of a list are signed from its first page's signature: an
    /// edit that moves nothing but shows on page 2 still rebuilds page 2.
    @Test func anEditToANoteOnALaterPageReachesThatPage() throws {
        let n = SitePaths.notesPerPage + 5
        var files: [String: String] = [:]
        for i in 1...n {
            files["notes/n\(i).md"] = "---\ntags: [big]\ndate: 2024-02-\(String(format: "%02d", i <= 5 ? 1 : 2 + i % 27))\n---\n# Note \(i)\n"
        }
        let scratch = try Scratch("bounded-edit", files: files)
        let request = BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"), cacheDir: scratch.cache, gitDates: false)
        try BuildEngine.build(request)
        let page2 = scratch.path("site/tags/big/_page/2.html")
        #expect(try String(contentsOfFile: page2, encoding: .utf8).contains(">Note 3<"), "the oldest notes are on page 2")
        try "---\ntags: [big]\ndate: 2024-02-01\n---\n# Renamed three\n".write(toFile: scratch.path("notes/n3.md"), atomically: false, encoding: .utf8)
        let outcome = try BuildEngine.build(request)
        #expect(outcome.site.rendered > 0)
        let after = try String(contentsOfFile: page2, encoding: .utf8)
        #expect(after.contains(">Renamed three<") && !after.contains(">Note 3<"))
    }
}
