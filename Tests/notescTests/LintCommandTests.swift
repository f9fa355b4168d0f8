import Foundation
import Testing
import NotesTestSupport

@Suite struct LintCommandTests {
    @Test func sampleNotesLintWithoutErrors() throws {
        let result = try CLI.run(["lint", "Notes"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("7 files checked: 0 errors, 4 warnings, 0 infos\n"))
        #expect(result.stdout.contains("Notes/04-big-llm-architecture-comparison.md:9:4: warning[mojibake]"))
    }

    @Test func strictFailsOnWarnings() throws {
        #expect(try CLI.run(["lint", "--strict", "Notes"]).status == 1)
    }

    @Test func errorsExitOne() throws {
        let result = try CLI.run(["lint", "--format", "github", "Tests/NotesKitTests/Fixtures/lint/mistakes/notes"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("::error file=Tests/NotesKitTests/Fixtures/lint/mistakes/notes/gqa-paper.md,line=15,col=5,endLine=15,endColumn=27,title=broken-connection::no note '13-multi-query-attenton'; did you mean '13-multi-query-attention'?"))
    }

    @Test func jsonSummaryCounts() throws {
        let result = try CLI.run(["lint", "--format", "json", "Tests/NotesKitTests/Fixtures/lint/mistakes/notes"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let summary = json?["summary"] as? [String: Int]
        #expect(summary == ["files": 2, "errors": 3, "warnings": 7, "infos": 0])
        #expect(json?["version"] as? Int == 1)
    }

    @Test func runFailuresExitTwo() throws {
        #expect(try CLI.run(["lint", "no/such/folder"]).status == 2)
        #expect(try CLI.run(["lint", "--format", "xml", "Notes"]).status == 2)
        let scratch = try Scratch("cli", files: ["notes/a.md": "# A\n", "notes/notesc.yml": "rules:\n  orphan-notes: off\n"])
        let result = try CLI.run(["lint", "notes"], in: scratch)
        #expect(result.status == 2)
        #expect(result.stderr.contains("notesc.yml:2: unknown rule 'orphan-notes'; did you mean 'orphan-note'?"))
        #expect(try CLI.run(["lint", "--config", "/no/such/notesc.yml", "Notes"]).status == 2)
    }

    @Test func configInTheNotesFolderApplies() throws {
        let scratch = try Scratch("cli", files: ["notes/a.md": "# A\n\n## Connections\n- **b**: x\n", "notes/b.md": "# B\n",
                                                 "notes/notesc.yml": "rules:\n  one-way-connection: error\n"])
        let result = try CLI.run(["lint", "--format", "json", "notes"], in: scratch)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"rule\": \"one-way-connection\",\n      \"severity\": \"error\""))
    }

    /// The seed fixed, then linted again: no mojibake left, nothing else changed.
    @Test func fixRepairsTheSeedAndNothingElse() throws {
        let scratch = try Scratch("cli", copying: ["Notes"])
        let name = "04-big-llm-architecture-comparison.md"
        func read(_ file: String) -> Data { FileManager.default.contents(atPath: scratch.path("Notes/" + file)) ?? Data() }
        let before = read(name)
        let result = try CLI.run(["lint", "--fix", "Notes"], in: scratch)
        #expect(result.status == 0)
        #expect(result.stderr.contains("fixed 4 mis-decoded runs in 1 file"))
        #expect(result.stderr.contains("\(name):9:4: '\u{F8FF}üìù' → '📝'"))
        let after = read(name)
        var expected = String(decoding: before, as: UTF8.self)
        for (bad, good) in [("\u{F8FF}üìù", "📝"), ("\u{F8FF}üéØ", "🎯"), ("\u{F8FF}üí≠", "💭"), ("\u{F8FF}üîó", "🔗")] {
            expected = expected.replacingOccurrences(of: bad, with: good)
        }
        #expect(after == Data(expected.utf8))
        #expect(after.count == before.count - 21)
        let again = try CLI.run(["lint", "--strict", "Notes"], in: scratch)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(!again.stdout.contains("mojibake"))
        // Other notes are untouched, byte for byte.
        for other in ["01-deepseek-v3-technical-report.md", "06-mla-explained.md"] {
            #expect(read(other) == FileManager.default.contents(atPath: Repository.path("Notes/" + other)))
        }
    }
}
