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

@Suite struct SelfConnectionTests {
    @Test func connectingToItself() throws {
        let found = try LintHarness.expect(.selfConnection, [
            "notes/a.md": "# A\n\n## Connections\n- **①a**: me by stem\n- **②notes/a**: me by id\n- **b**: other\n",
            "b.md": "# B\n",
        ])
        #expect(found.allSatisfy { $0.severity == .warning })
    }
}

@Suite struct DuplicateConnectionTests {
    @Test func secondMentionIsReported() throws {
        let found = try LintHarness.expect(.duplicateConnection, [
            "a.md": "# A\n\n## Connections\n- **b**: first\n- **c**: other\n- **①B**: same note, other case\n",
            "b.md": "# B\n",
            "c.md": "# C\n",
        ])
        #expect(found.first?.message == "'B' is already a connection (line 4)")
    }
}
