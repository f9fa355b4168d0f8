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
            "a.md": "# A\n\n**Source**: x\n**Date Processed**: ①2025-02-30\n",
            // A paragraph with a line of another form is prose: no metadata, no date checked.
            "prose.md": "# P\n\n**Source**: x\n**Date Processed**: 2025-02-30\nnot metadata\n",
            "b.md": "# B\n\n**Date Processed**: ③10/28/2025\n",
            "c.md": "# C\n\n**Date Processed**: 2024-02-29\n\nProse with **bold**: not metadata.\n",
            "d.md": "---\ndate: ④2025-13-01\n---\n# D\n",
        ])
        #expect(found.map(\.message) == [
            "impossible date '2025-02-30': month 2 of 2025 has 28 days",
            "invalid date '10/28/2025': expected YYYY-MM-DD",
            "impossible date '2025-13-01': there is no month 13",
        ])
    }

    /// DESIGN §2a: a bold-led paragraph that is not all `**Key**: value`
    /// lines, or not the first after the H1, is prose, and every word of it
    /// reaches the page.
    @Test func boldLedProseStaysProse() throws {
        let scratch = try Scratch("bold-prose", files: [
            "notes/a.md": "# Backups\n\n**Why back up your data?**\nBecause disks fail.\n\n**Goal**: keep three copies.\nOne of them off-site.\n",
            "notes/b.md": "# B\n\nFirst prose.\n\n**Source**: later, so prose\n",
            // The help vault's sandbox page: no H1, and a bold phrase without a colon opens the first paragraph.
            "notes/c.md": "---\npermalink: sandbox\n---\n**Obsidian's sandbox vault** is a feature that lets you explore.\n",
        ])
        let notebook = try Pipeline.load(root: scratch.path("notes"))
        #expect(notebook.notes.allSatisfy { $0.metadata.allSatisfy(\.fromFrontMatter) }, "\(notebook.notes.map(\.metadata))")
        #expect(notebook.diagnostics.filter { $0.rule == "bad-metadata" }.isEmpty)
        let out = try SiteFixtures.build(scratch.path("notes"), in: scratch)
        let a = SiteFixtures.text(out, "notes/a.html"), b = SiteFixtures.text(out, "notes/b.html")
        for words in ["Why back up your data?", "Because disks fail.", "keep three copies.", "One of them off-site."] {
            #expect(a.contains(words), "the page lost '\(words)'")
        }
        #expect(b.contains("later, so prose"))
        let c = SiteFixtures.text(out, "notes/c.html")
        #expect(c.contains("<p><strong>Obsidian's sandbox vault</strong> is a feature that lets you explore.</p>"),
                "a bold phrase without a colon is prose, not a metadata key")
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
