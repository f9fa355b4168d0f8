import Testing
import NotesTestSupport
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

@Suite struct AmbiguousReferenceTests {
    @Test func sharedStemListsTheNotes() throws {
        let found = try LintHarness.expect(.ambiguousReference, [
            "papers/deepseek.md": "# P\n",
            "talks/deepseek.md": "# T\n",
            "index.md": "# I\n\nSee ①[[deepseek]] and [[papers/deepseek]].\n\n## Connections\n- **②deepseek**: which?\n- **talks/deepseek**: clear\n",
        ])
        #expect(found.first?.message == "'deepseek' could be any of 'papers/deepseek', 'talks/deepseek'")
    }

    /// DESIGN §2a: a stem several notes share names the one in the linking
    /// note's own folder when exactly one is there.
    @Test func theLinkingNotesFolderDecides() throws {
        try LintHarness.expect(.ambiguousReference, [
            "papers/deepseek.md": "# P\n",
            "talks/deepseek.md": "# T\n",
            "papers/summary.md": "# S\n\nSee [[deepseek]].\n",
            "other/x.md": "# X\n\nSee ①[[deepseek]].\n",
        ])
        let scratch = try Scratch("folder-decides", files: [
            "papers/deepseek.md": "# P\n", "talks/deepseek.md": "# T\n", "papers/summary.md": "# S\n\nSee [[deepseek]].\n",
        ])
        let notebook = try Pipeline.load(root: scratch.root)
        #expect(notebook.notes.first { $0.id == "papers/summary" }?.links.first?.resolved == "papers/deepseek")
    }

    /// `[[advanced/]]` names the folder's index note, as Quartz links it; a
    /// folder without one is a broken link.
    @Test func aFolderLinkNamesItsIndexNote() throws {
        try LintHarness.expect(.brokenLink, [
            "advanced/index.md": "# Advanced\n",
            "advanced/paths.md": "# Paths\n",
            "plain/x.md": "# X\n",
            "folder-page.md": "# F\n\nSee [[advanced/|Advanced]] and ①[[plain/]].\n",
        ])
        let scratch = try Scratch("folder-link", files: ["advanced/index.md": "# A\n", "f.md": "# F\n\n[[advanced/]]\n"])
        let notebook = try Pipeline.load(root: scratch.root)
        #expect(notebook.notes.first { $0.id == "f" }?.links.first?.resolved == "advanced/index")
    }
}
