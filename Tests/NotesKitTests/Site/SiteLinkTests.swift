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

/// Every internal link of a built site leads to a file, and every `#fragment` to an id on that page.
@Suite struct SiteLinkTests {
    static let sites = ["fixture": SiteFixtures.notes("study"), "Notes": Fixtures.repository.appendingPathComponent("Notes").path]

    @Test(arguments: ["fixture", "Notes"])
    func everyInternalLinkResolves(_ site: String) throws {
        let scratch = try Scratch("site")
        let out = try SiteFixtures.build(Self.sites[site]!, in: scratch)
        let pages = SiteFixtures.html(out)
        #expect(pages.count > 5)
        var checked = 0
        for (page, html) in pages.sorted(by: { $0.key < $1.key }) {
            let folder = URL(fileURLWithPath: out + "/" + page).deletingLastPathComponent()
            for reference in SiteFixtures.references(in: html) {
                if reference.contains("://") || reference.hasPrefix("mailto:") { continue }
                #expect(!reference.hasPrefix("/"), "\(page): absolute link \(reference); links must be relative")
                let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                let fragment = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : nil
                let target = path.isEmpty ? URL(fileURLWithPath: out + "/" + page) : folder.appendingPathComponent(path).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "\(page): link \(reference) leads to no file")
                if let fragment, !fragment.isEmpty, target.pathExtension == "html",
                   let targetHTML = pages[String(target.path.dropFirst(URL(fileURLWithPath: out).standardizedFileURL.path.count + 1))] {
                    #expect(SiteFixtures.ids(in: targetHTML).contains(fragment), "\(page): link \(reference) names no id on \(target.lastPathComponent)")
                }
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test func wikilinksAndMarkdownLinksBecomePageLinks() throws {
        let scratch = try Scratch("site")
        let out = try SiteFixtures.build(SiteFixtures.notes("study"), in: scratch)
        let survey = SiteFixtures.text(out, "notes/llm-survey.html")
        #expect(survey.contains("<a href=\"../notes/papers/mla-paper.html\">the MLA paper</a>"))
        #expect(survey.contains("<a href=\"../notes/plain-note.html\">plain note</a>"))
        #expect(survey.contains("<a href=\"../notes/plain-note.html\">Plain note</a>"), "[[id]] reads as the note's title")
        let nested = SiteFixtures.text(out, "notes/papers/mla-paper.html")
        #expect(nested.contains("href=\"../../notes/llm-survey.html#training-cost\""), "fragments name the heading's anchor")
        #expect(nested.contains("href=\"../../assets/style.css\""))
        let plain = SiteFixtures.text(out, "notes/plain-note.html")
        #expect(plain.contains("<a href=\"../notes/llm-survey.html#tldr\">survey</a>"))
    }
}

@Suite struct ObsidianLinkPageTests {
    /// `[[#Heading]]` goes to the heading on the same page; `[[Note\|alias]]`
    /// in a table shows the alias and links the note.
    @Test func sameNoteHeadingAndTableAlias() throws {
        let scratch = try Scratch("obsidian-links", files: [
            "notes/a.md": "# A\n\nJump to [[#Details]] or [[#Details|below]].\n\n| see |\n|---|\n| [[b\\|the B note]] |\n\n## Details\n",
            "notes/b.md": "# B\n",
        ])
        let out = try SiteFixtures.build(scratch.path("notes"), in: scratch)
        let page = SiteFixtures.text(out, "notes/a.html")
        #expect(page.contains("<a href=\"#details\">Details</a>"))
        #expect(page.contains("<a href=\"#details\">below</a>"))
        #expect(page.contains("id=\"details\""))
        #expect(page.contains("b.html\">the B note</a>"))
        #expect(!page.contains("broken-link"))
    }
}
