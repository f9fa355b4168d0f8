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
