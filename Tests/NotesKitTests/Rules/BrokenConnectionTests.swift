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

@Suite struct BrokenConnectionTests {
    @Test func reportsTheTargetWithANearMiss() throws {
        let found = try LintHarness.expect(.brokenConnection, [
            "13-multi-query-attention.md": LintHarness.study("MQA", connections: ["a"]),
            "a.md": "# A\n\n## Connections\n- **①13-multi-query-attenton**: typo\n- **13-multi-query-attention**: fine\n- **②nothing-like-it**: gone\n",
        ])
        #expect(found.map(\.message) == ["no note '13-multi-query-attenton'; did you mean '13-multi-query-attention'?", "no note 'nothing-like-it'"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.endColumn == 27)
    }

    @Test func stemsAndFullIdsResolve() throws {
        try LintHarness.expect(.brokenConnection, [
            "papers/x.md": "# X\n\n## Connections\n- **notes-y**: stem\n- **sub/notes-y**: full id\n- **./sub/notes-y**: dot\n",
            "sub/notes-y.md": "# Y\n",
        ])
    }
}
