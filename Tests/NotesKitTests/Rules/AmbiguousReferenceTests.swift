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

    /// DESIGN §2a: front matter `aliases` name the note too; a note called
    /// that wins, and an alias two notes share is ambiguous.
    @Test func aliasesNameTheirNote() throws {
        let found = try LintHarness.expect(.ambiguousReference, [
            "papers/deepseek-v3.md": "---\naliases: [DeepSeek V3, the big one]\n---\n# DeepSeek-V3\n",
            "papers/other.md": "---\naliases: [The Big One]\n---\n# Other\n",
            "shared.md": "---\naliases: [deepseek v3]\n---\n# A note named like an alias\n",
            "index.md": "# I\n\n[[DeepSeek V3]], ①[[the big one]], [[shared]].\n",
        ])
        #expect(found.first?.message == "'the big one' could be any of 'papers/deepseek-v3', 'papers/other'")
        let scratch = try Scratch("aliases-resolve", files: [
            "papers/deepseek-v3.md": "---\naliases: [DeepSeek V3]\n---\n# DeepSeek-V3\n",
            "named.md": "# Named\n",
            "other.md": "---\naliases: [named]\n---\n# Other\n",
            "index.md": "# I\n\nSee [[deepseek v3|the report]] and [[named]].\n",
        ])
        let notebook = try Pipeline.load(root: scratch.root)
        let links = notebook.notes.first { $0.id == "index" }?.links.map(\.resolved)
        #expect(links == ["papers/deepseek-v3", "named"], "an alias resolves; a note's own name wins over another's alias")
        #expect(notebook.diagnostics.filter { $0.severity == .error }.isEmpty)
    }
}
