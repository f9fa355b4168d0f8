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

@Suite struct AmbiguousReferenceTests {
    @Test func sharedStemListsTheNotes() throws {
        let found = try LintHarness.expect(.ambiguousReference, [
            "papers/deepseek.md": "# P\n",
            "talks/deepseek.md": "# T\n",
            "index.md": "# I\n\nSee ①[[deepseek]] and [[papers/deepseek]].\n\n## Connections\n- **②deepseek**: which?\n- **talks/deepseek**: clear\n",
        ])
        #expect(found.first?.message == "'deepseek' could be any of 'papers/deepseek', 'talks/deepseek'")
    }
}
