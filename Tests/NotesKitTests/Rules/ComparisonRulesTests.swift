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

@Suite struct MissingVerdictTests {
    @Test func topicWithoutVerdict() throws {
        try LintHarness.expect(.missingVerdict, [
            "a.md": "# A\n\n## Key Comparisons\n\n①### No verdict\n- **A**: x\n- **B**: y\n\n### Has one\n- **A**: x\n- **B**: y\n- **Verdict:** A\n",
        ])
    }
}

@Suite struct DuplicateVerdictTests {
    @Test func secondVerdict() throws {
        let found = try LintHarness.expect(.duplicateVerdict, [
            "a.md": "# A\n\n## Key Comparisons\n\n### T\n- **Verdict**: A\n- **A**: x\n- **B**: y\n- ①**verdict**: B\n",
        ])
        #expect(found.first?.message == "topic 'T' already has a verdict (line 6)")
    }
}

@Suite struct ThinComparisonTests {
    @Test func fewerThanTwoSubjects() throws {
        try LintHarness.expect(.thinComparison, [
            "a.md": """
            # A

            ## Key Comparisons

            ①### One subject twice
            - **A**: x
            - **A**: y
            - **Verdict**: A

            ### Split label counts as two
            - **GPT/LLaMA**: x
            - **Verdict**: tie

            ②### Empty

            """,
        ])
    }
}
