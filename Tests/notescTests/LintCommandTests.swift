import Foundation
import Testing
import NotesTestSupport

@Suite struct LintCommandTests {
    @Test func sampleNotesLintWithoutErrors() throws {
        let result = try CLI.run(["lint", "Notes"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("7 files checked: 0 errors, 5 warnings, 0 infos\nclaims: 7 of 37 numeric claims verified (18.9%)\n"))
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
        var summary = json?["summary"] as? [String: Any]
        #expect(summary?.removeValue(forKey: "claims") as? [String: Int] == ["numeric": 3, "verified": 0])
        #expect(summary as? [String: Int] == ["files": 2, "errors": 3, "warnings": 7, "infos": 0])
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
        // What is left is the seed's $5.5M against the V3 report's $5.576M.
        let again = try CLI.run(["lint", "--format", "json", "Notes"], in: scratch)
        let left = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        let rules = (left?["diagnostics"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(rules == ["conflicting-claims"], "\(again.stdout)")
        // Other notes are untouched, byte for byte.
        for other in ["01-deepseek-v3-technical-report.md", "06-mla-explained.md"] {
            #expect(read(other) == FileManager.default.contents(atPath: Repository.path("Notes/" + other)))
        }
    }

    // MARK: - Claim coverage (DESIGN §9)

    /// Two numeric claims, one verified by a check: 50%.
    static func halfVerified() throws -> Scratch {
        try Scratch("cli", files: ["notes/a.md": """
            # A

            ## Key Comparisons

            ### Cost
            - **X**: $2M
            - **Y**: $3M, and a word
            - **Z**: cheap
            - **Verdict**: X

            ```calc
            cost = 2 * $1M
            check cost ≈ $2M
            ```
            """])
    }

    @Test func minVerifiedPassesAtOrAbove() throws {
        let scratch = try Self.halfVerified()
        for value in ["50", "50%", "0", "12.5%"] {
            let result = try CLI.run(["lint", "--min-verified", value, "notes"], in: scratch)
            #expect(result.status == 0, "--min-verified \(value): \(result.stderr)")
        }
    }

    @Test func minVerifiedFailsBelowAndSaysTheCoverage() throws {
        let scratch = try Self.halfVerified()
        let result = try CLI.run(["lint", "--min-verified", "51%", "notes"], in: scratch)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: 1 of 2 numeric claims verified (50%), below --min-verified 51%"))
        #expect(try CLI.run(["lint", "--min-verified", "100", "notes"], in: scratch).status == 1)
    }

    @Test func minVerifiedRefusesBadValues() throws {
        let scratch = try Self.halfVerified()
        for value in ["abc", "150", "-5", "50%%", ""] {
            let result = try CLI.run(["lint", "--min-verified", value, "notes"], in: scratch)
            #expect(result.status == 2, "--min-verified '\(value)'")
        }
    }

    @Test func everyFormatReportsTheCoverage() throws {
        let scratch = try Self.halfVerified()
        let human = try CLI.run(["lint", "notes"], in: scratch, environment: ["NO_COLOR": "1"])
        #expect(human.stdout.hasSuffix("claims: 1 of 2 numeric claims verified (50%)\n"))
        let json = try CLI.run(["lint", "--format", "json", "notes"], in: scratch)
        let summary = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any]
        #expect(summary?["claims"] as? [String: Int] == ["numeric": 2, "verified": 1])
        let sarif = try CLI.run(["lint", "--format", "sarif", "notes"], in: scratch)
        let runs = (try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])?["runs"] as? [[String: Any]]
        let properties = runs?.first?["properties"] as? [String: Any]
        #expect(properties?["claims"] as? [String: Int] == ["numeric": 2, "verified": 1])
        let github = try CLI.run(["lint", "--format", "github", "notes"], in: scratch)
        #expect(github.stdout.hasSuffix("::notice title=claims::1 of 2 numeric claims verified (50%25)\n"))
    }
}
