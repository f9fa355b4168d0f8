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

@Suite struct MissingSectionTests {
    @Test func studyNotesNeedTheThreeSections() throws {
        let found = try LintHarness.expect(.missingSection, [
            "a.md": "①②# A\n\n## 📝 TL;DR\n\nx\n",
            "plain.md": "# Plain\n\n## Usage\n\nNo study sections, no warning.\n",
            "full.md": LintHarness.study("Full", connections: ["a"]),
        ])
        #expect(found.map(\.message) == ["study note has no Connections section", "study note has no Key Comparisons section"])
    }
}

@Suite struct EmptySectionTests {
    @Test func knownSectionWithNothingUnderIt() throws {
        try LintHarness.expect(.emptySection, [
            "a.md": "# A\n\n①## TL;DR\n\n---\n\n## Key Comparisons\n\n### T\n\n②## 🔗 Connections\n\n## Other\n",
        ])
    }
}

@Suite struct UnknownSectionTests {
    @Test func infoForOtherHeadingsAndWarningForNearMisses() throws {
        let found = try LintHarness.expect(.unknownSection, [
            "a.md": "# A\n\n## TL;DR\n\nx\n\n①## Background\n\ny\n\n②## 🔗 Conections\n\n- **b**: c\n",
            "plain.md": "# P\n\n## Background\n\n③## Sumary\n",
        ])
        #expect(found.map(\.severity) == [.info, .warning, .warning])
        #expect(found[1].message == "unknown section 'Conections'; did you mean 'Connections'?")
    }
}
