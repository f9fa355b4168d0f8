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

@Suite struct MissingTitleTests {
    @Test func noH1() throws {
        let found = try LintHarness.expect(.missingTitle, [
            "a.md": "①Some text\n\n## TL;DR\nA study note.\n",
            "plain.md": "Some text\n\n## Section\n",
            "b.md": "①",
            "c.md": "Setext title\n============\n",
            "d.md": "---\ntitle: From front matter\n---\nBody\n",
            "e.md": "\n\n# Late title\n",
        ])
        #expect(found.map(\.message) == ["note has no H1 title", "empty file: a note needs at least an H1 title"])
        #expect(found.allSatisfy { $0.severity == .warning })
    }
}
