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

@Suite struct OneWayConnectionTests {
    @Test func reverseConnectionMissing() throws {
        let found = try LintHarness.expect(.oneWayConnection, [
            "a.md": "# A\n\n## Connections\n- **①b**: one way\n- **c**: both ways\n",
            "b.md": "# B\n\nLinks do not count: [[a]]\n",
            "c.md": "# C\n\n## Connections\n- **a**: back\n",
        ])
        #expect(found.first?.message == "'b' does not connect back to 'a'")
        #expect(found.first?.severity == .info)
    }
}

@Suite struct OrphanNoteTests {
    @Test func noConnectionsOrLinks() throws {
        try LintHarness.expect(.orphanNote, [
            "a.md": "①# A\n\nAlone.\n",
            "b.md": "# B\n\n[[c]]\n",
            "c.md": "# C\n",
            "d.md": "# D\n\n## Connections\n- **missing**: broken ones do not count\n- **d**: nor itself\n",
        ].merging(["d.md": "①# D\n\n## Connections\n- **missing**: broken ones do not count\n- **d**: nor itself\n"]) { $1 })
    }
}

@Suite struct DuplicateIDTests {
    @Test func caseTwins() throws {
        let found = try LintHarness.expect(.duplicateID, [
            "Notes.md": "# One\n",
            "notes.md": "①# Two\n",
            "sub/NOTES.md": "# Other folder, other id\n",
        ])
        #expect(found.first?.message == "note id 'notes' differs only in case from 'Notes'")
    }
}

@Suite struct SuppressionAndConfigTests {
    @Test func inlineSuppressions() throws {
        try LintHarness.expect(.brokenConnection, [
            "a.md": """
            # A

            ## Connections
            <!-- notesc-disable-next-line broken-connection -->
            - **gone-1**: silenced
            - **①gone-2**: reported
            <!-- notesc-disable broken-connection -->
            - **gone-3**: silenced
            <!-- notesc-enable broken-connection -->
            - **②gone-4**: reported
            <!-- notesc-disable-next-line -->
            - **gone-5**: silenced by an all-rules directive
            <!-- notesc-disable-next-line orphan-note -->
            - **③gone-6**: another rule's directive

            """,
        ])
    }

    @Test func configTurnsRulesOffAndChangesSeverity() throws {
        let config = try Config.parse("rules:\n  orphan-note: off\n  one-way-connection: error\n")
        let files = ["a.md": "# A\n\n## Connections\n- **b**: one way\n", "b.md": "# B\n", "c.md": "# C\n"]
        #expect(try LintHarness.run(.orphanNote, files, config: config).found.isEmpty)
        #expect(try LintHarness.run(.orphanNote, files).found.count == 1)
        #expect(try LintHarness.run(.oneWayConnection, files, config: config).found.map(\.severity) == [.error])
    }

    @Test func malformedConfigNamesTheLine() {
        #expect(throws: NotesError.invalidConfig("notesc.yml:3: unknown rule 'orphan-notes'; did you mean 'orphan-note'?")) {
            try Config.parse("title: x\nrules:\n  orphan-notes: off\n")
        }
        #expect(throws: NotesError.invalidConfig("notesc.yml:2: rule 'orphan-note': 'loud' is not off, info, warning or error")) {
            try Config.parse("rules:\n  orphan-note: loud\n")
        }
        #expect(throws: NotesError.invalidConfig("notesc.yml:1: unknown setting 'titel'; did you mean 'title'?")) {
            try Config.parse("titel: x\n")
        }
        #expect(throws: (any Error).self) { try Config.parse("rules: [unclosed\n") }
    }

    @Test func aliasesMergeSystems() throws {
        let config = try Config.parse("aliases:\n  LLaMA: [Llama, Llama-family]\n")
        let scratch = try Scratch("notes")
        try scratch.write("a.md", "# A\n\n## Key Comparisons\n\n### T\n- **Llama**: x\n- **LLaMA**: y\n- **Verdict**: Llama wins\n")
        let notebook = try Pipeline.load(root: scratch.root, config: config)
        #expect(notebook.systems.map(\.slug) == ["llama"])
        #expect(notebook.systems.first?.name == "LLaMA")
        #expect(notebook.notes[0].comparisons[0].verdicts[0].favors == ["llama"])
    }
}
