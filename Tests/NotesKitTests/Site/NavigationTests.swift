import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesSite
@testable import NotesModel
@testable import NotesParse
import NotesTestSupport

/// DESIGN §5: navigation fits the folder. Every folder has a page, a note in
/// a folder has breadcrumbs to its folders, the home page lists notes by
/// category where notes have categories and by folder otherwise, shows the
/// root's `index.md`/`Home.md`/`README.md` above the listing (§2a), and the
/// study parts appear only when some note is a study note.
@Suite struct NavigationTests {
    static let nested = [
        "notes/README.md": "# My TIL\n\nWelcome HOME-TEXT, see [[rebase]].\n",
        "notes/loose.md": "# Loose note\n\nAt the root.\n",
        "notes/tools/git/rebase.md": "# Rebase\n\nInteractive rebase.\n",
        "notes/tools/make.md": "# Make\n\nRules.\n",
        "notes/lang/swift.md": "# Swift\n\nActors.\n",
    ]

    func build(_ files: [String: String], _ name: String) throws -> [String: String] {
        let scratch = try Scratch(name, files: files)
        try BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"), cacheDir: scratch.cache))
        return SiteFixtures.html(scratch.path("site"))
    }

    @Test func everyFolderHasAPageWithBreadcrumbsSubfoldersAndNotes() throws {
        let site = try build(Self.nested, "nav-folders")
        #expect(site["folders/tools/index.html"] != nil && site["folders/tools/git/index.html"] != nil
                && site["folders/lang/index.html"] != nil)
        let tools = try #require(site["folders/tools/index.html"])
        #expect(tools.contains("<li><a href=\"../../index.html\">Home</a></li>"))
        #expect(tools.contains("href=\"../../folders/tools/git/index.html\">git/"), "links to its subfolder")
        #expect(tools.contains("href=\"../../notes/tools/make.html\">Make</a>"), "lists its own notes")
        #expect(!tools.contains("rebase.html"), "a subfolder's notes are on the subfolder's page")
        let git = try #require(site["folders/tools/git/index.html"])
        #expect(git.contains("<li><a href=\"../../../folders/tools/index.html\">tools</a></li>"))
        #expect(git.contains("href=\"../../../notes/tools/git/rebase.html\">Rebase</a>"))
    }

    @Test func aBigFolderIsPaginated() throws {
        var files: [String: String] = [:]
        for n in 1...(SitePaths.notesPerPage + 1) {
            files["notes/big/note-\(n).md"] = "---\ndate: 2026-01-01\n---\n# Note \(String(format: "%03d", n))\n"
        }
        let site = try build(files, "nav-pages")
        let first = try #require(site["folders/big/index.html"]), second = try #require(site["folders/big/2.html"])
        #expect(site["folders/big/3.html"] == nil)
        #expect(first.components(separatedBy: "class=\"note-item\"").count - 1 == SitePaths.notesPerPage)
        #expect(second.components(separatedBy: "class=\"note-item\"").count - 1 == 1)
        #expect(first.contains("<a href=\"../../folders/big/2.html\" rel=\"next\">")
                && second.contains("<a href=\"../../folders/big/index.html\" rel=\"prev\">"))
        #expect(second.contains("Note \(SitePaths.notesPerPage + 1)</a>"), "the last note by title is on the last page")
    }

    @Test func notePagesInFoldersHaveBreadcrumbs() throws {
        let site = try build(Self.nested, "nav-crumbs")
        let page = try #require(site["notes/tools/git/rebase.html"])
        let crumbs = ["<li><a href=\"../../../index.html\">Home</a></li>",
                      "<li><a href=\"../../../folders/tools/index.html\">tools</a></li>",
                      "<li><a href=\"../../../folders/tools/git/index.html\">git</a></li>",
                      "<li><a href=\"#note-title\" aria-current=\"page\">Rebase</a></li>"]
        let joined = crumbs.joined(separator: "\n")
        #expect(page.contains(joined))
        #expect(!(site["notes/loose.html"] ?? "").contains("class=\"breadcrumbs\""), "a root note has no trail")
    }

    @Test func homePageGroupsByFolderWithoutCategories() throws {
        let site = try build(Self.nested, "nav-by-folder")
        let home = try #require(site["index.html"])
        #expect(home.contains("Notes by folder") && !home.contains("Uncategorised"))
        let top = try #require(home.range(of: "Top level"))
        let lang = try #require(home.range(of: "<a href=\"folders/lang/index.html\">lang</a>"))
        let tools = try #require(home.range(of: "<a href=\"folders/tools/index.html\">tools</a>"))
        #expect(top.lowerBound < lang.lowerBound && lang.lowerBound < tools.lowerBound, "root notes first, then folders by name")
        // A top-level folder's group holds its subfolders' notes too.
        let rebase = try #require(home.range(of: "notes/tools/git/rebase.html\">Rebase"))
        #expect(tools.lowerBound < rebase.lowerBound)
    }

    @Test func homePageListsTheNewestOfEachFolder() throws {
        var files = Self.nested
        let extra = PageContext.notesPerFolder + 1
        for n in 1...extra { files["notes/lang/note-\(n).md"] = "---\ndate: 2026-01-\(String(format: "%02d", n))\n---\n# Lang \(n)\n" }
        let home = try #require(try build(files, "nav-newest")["index.html"])
        #expect(home.contains("<a href=\"folders/lang/index.html\">All \(extra + 1) notes in lang</a>"))
        #expect(home.contains(">Lang \(extra)</a>") && !home.contains("notes/lang/swift.html"), "the oldest is left to the folder's page")
        #expect(!home.contains("notes in tools</a>"), "a small folder is listed whole")
    }

    @Test func homePageGroupsByCategoryWhenNotesHaveThem() throws {
        var files = Self.nested
        files["notes/tools/make.md"] = "---\ncategory: Build\n---\n# Make\n\nRules.\n"
        let home = try #require(try build(files, "nav-by-category")["index.html"])
        #expect(home.contains("Notes by category") && home.contains("id=\"category-build\"") && home.contains("Uncategorised"))
        #expect(!home.contains("folders/tools/index.html\">tools</a> <span"))
    }

    @Test(arguments: ["README.md", "index.md", "Home.md"])
    func homePageShowsTheRootHomeNote(_ name: String) throws {
        var files = Self.nested
        files["notes/README.md"] = nil
        files["notes/" + name] = "# Welcome\n\nWelcome HOME-TEXT, see [[rebase]].\n"
        let site = try build(files, "nav-home")
        let home = try #require(site["index.html"])
        let text = try #require(home.range(of: "HOME-TEXT"))
        let listing = try #require(home.range(of: "id=\"by-category\""))
        #expect(text.lowerBound < listing.lowerBound, "above the listing")
        #expect(home.contains("see <a href=\"notes/tools/git/rebase.html\">rebase</a>"), "links relative to the home page")
        #expect(!home.contains("note-link\" href=\"notes/\(name.dropLast(3)).html\""), "not listed again")
        #expect(site["notes/\(name.dropLast(3)).html"] != nil, "it keeps its own page")
    }

    @Test func plainFolderHasNoStudyParts() throws {
        let scratch = try Scratch("nav-plain")
        let out = try SiteFixtures.build(SiteFixtures.notes("obsidian"), in: scratch)
        let site = SiteFixtures.html(out)
        #expect(site["systems/index.html"] == nil && site["topics/index.html"] == nil)
        for (name, page) in site {
            #expect(!page.contains("systems/index.html") && !page.contains("topics/index.html"), "\(name) links to study pages")
            #expect(!page.contains(" claims</li>") && !page.contains("verified by calculation"), "\(name) counts claims")
            #expect(!page.contains("dot-system") && !page.contains("systems they share"), "\(name) explains systems")
        }
    }

    @Test func studyNotesKeepTheirStudyParts() throws {
        let scratch = try Scratch("nav-study")
        let out = try SiteFixtures.build(Fixtures.repository.appendingPathComponent("Notes").path, in: scratch)
        let site = SiteFixtures.html(out)
        #expect(site["systems/index.html"] != nil && site["topics/index.html"] != nil)
        let home = try #require(site["index.html"])
        #expect(home.contains("systems/index.html\"><strong>") && home.contains("verified by calculation"))
        #expect(home.contains(">Systems</a></li>") && home.contains(">Topics</a></li>"))
        #expect((site["graph.html"] ?? "").contains("dot-system"), "the graph's legend explains systems")
    }

    /// The home page reads the home note whole, a folder page its notes' titles:
    /// after each edit (nil: the file removed) an incremental build gives what a clean build gives.
    @Test(arguments: [
        ("README.md", "# My TIL\n\nA NEW-HOME-TEXT.\n"),
        ("tools/make.md", "# Makefiles\n\nRules.\n"),
        ("tools/git/bisect.md", "# Bisect\n\nFind it.\n"),
        ("lang/swift.md", nil),
    ])
    func editsRedoTheFolderAndHomePages(_ file: String, _ text: String?) throws {
        let scratch = try Scratch("nav-incremental", files: Self.nested)
        let notes = scratch.path("notes"), out = scratch.path("site")
        let builds = SiteIncrementalTests()
        _ = try builds.build(notes, out, scratch)
        if let text { try text.write(toFile: notes + "/" + file, atomically: true, encoding: .utf8) }
        else { try FileManager.default.removeItem(atPath: notes + "/" + file) }
        _ = try builds.build(notes, out, scratch)
        try builds.expectCleanBuildsBytes(notes, out, after: "editing " + file)
        if text == nil { #expect(!FileManager.default.fileExists(atPath: out + "/folders/lang/index.html"), "an empty folder's page goes") }
    }
}
