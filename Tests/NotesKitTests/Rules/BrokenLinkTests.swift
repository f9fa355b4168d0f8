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

@Suite struct BrokenLinkTests {
    @Test func wikilinksAndMarkdownLinks() throws {
        let found = try LintHarness.expect(.brokenLink, [
            "a.md": "# A\n\nSee [[b]], ①[[c|label]], [ok](b.md), ②[bad](c.md) and [web](https://x.org/c.md).\n\n`[[code]]` and\n\n    [[indented]]\n",
            "b.md": "# B\n\nBack to [[a#top]] and [up](./a.md).\n",
        ])
        #expect(found.map(\.message) == ["link [[c]] points to no note", "link c.md points to no note"])
    }

    @Test func relativePathsResolveFromTheNotesFolder() throws {
        try LintHarness.expect(.brokenLink, [
            "deep/one.md": "# One\n\n[two](../two.md), [self](one.md), ①[escape](../../two.md)\n",
            "two.md": "# Two\n",
        ])
    }

    /// Obsidian's `[[#Heading]]` (this note) and `[[Note\|alias]]` (the bar
    /// escaped inside a table) are links, not broken ones.
    @Test func sameNoteHeadingsAndTableAliases() throws {
        try LintHarness.expect(.brokenLink, [
            "a.md": "# A\n\nJump to [[#Details]].\n\n| see |\n|---|\n| [[b\\|the B note]] |\n| ①[[c\\|no such]] |\n\n## Details\n",
            "b.md": "# B\n",
        ])
    }
}
