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

@Suite struct BadMetadataTests {
    @Test func datesAndMalformedLines() throws {
        let found = try LintHarness.expect(.badMetadata, [
            "a.md": "# A\n\n**Source**: x\n**Date Processed**: ①2025-02-30\n②not metadata\n",
            "b.md": "# B\n\n**Date Processed**: ③10/28/2025\n",
            "c.md": "# C\n\n**Date Processed**: 2024-02-29\n\nProse with **bold**: not metadata.\n",
            "d.md": "---\ndate: ④2025-13-01\n---\n# D\n",
        ])
        #expect(found.map(\.message) == [
            "impossible date '2025-02-30': month 2 of 2025 has 28 days",
            "malformed metadata line: expected '**Key**: value'",
            "invalid date '10/28/2025': expected YYYY-MM-DD",
            "impossible date '2025-13-01': there is no month 13",
        ])
    }
}

@Suite struct MojibakeRuleTests {
    @Test func macRomanAndWindows1252() throws {
        let found = try LintHarness.expect(.mojibake, [
            "a.md": "# A\n\n## ①\u{F8FF}üìù TL;DR\n\nIt②â€™s here. Café and naïve are fine.\n\n```\nüìù in code is left alone\n```\n",
        ])
        #expect(found.map(\.message) == [
            "mis-decoded text '\u{F8FF}üìù' (UTF-8 read as Mac Roman); did you mean '📝'?",
            "mis-decoded text 'â€™' (UTF-8 read as Windows-1252); did you mean '’'?",
        ])
    }
}

@Suite struct InvalidEncodingTests {
    @Test func invalidBytesAreReportedAndTheOtherNotesStillChecked() throws {
        let scratch = try Scratch("notes")
        try scratch.write("a.md", Array("# A\n\nok \u{E9}".utf8) + [0xE9, 0x20, 0x61, 0x0A])
        try scratch.write("b.md", "# B\n\n## Connections\n- **missing**: still checked\n")
        try scratch.write("c.md", [0xEF, 0xBB, 0xBF] + Array("# C\n".utf8))
        let notebook = try Pipeline.load(root: scratch.root)
        let invalid = notebook.diagnostics.filter { $0.rule == "invalid-encoding" }
        #expect(invalid.map { "\($0.file) \($0.line):\($0.column)" } == ["a.md 3:6"])
        #expect(notebook.diagnostics.contains { $0.file == "b.md" && $0.rule == "broken-connection" })
        #expect(notebook.note("c")?.title?.text == "C")
    }
}
