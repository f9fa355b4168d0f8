import Foundation
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

/// Golden output of every `--format` for a folder full of mistakes, and the
/// SARIF output validated against the official 2.1.0 schema.
@Suite struct LintFormatTests {
    static let root = Fixtures.path("lint/mistakes/notes")

    func report() throws -> LintReport {
        let root = Self.root
        let notebook = try Pipeline.load(root: root)
        // Paths print relative to the repository, as in CI.
        return LintReport(diagnostics: notebook.diagnostics, filesChecked: notebook.notes.count,
                          root: "Tests/NotesKitTests/Fixtures/lint/mistakes/notes",
                          sourceLine: { [lines = SourceLines(root: root)] in lines.line($0, $1) })
    }

    @Test(arguments: [(LintFormat.human, "human.txt"), (.json, "json.json"), (.sarif, "sarif.json"), (.github, "github.txt")])
    func formatMatchesGolden(_ format: LintFormat, _ golden: String) throws {
        Fixtures.expectGolden(format.reporter().render(try report()), "lint/mistakes/expected/\(golden)")
    }

    @Test func expectedFolderHasNoExtraFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("lint/mistakes/expected")).sorted()
        #expect(files == ["github.txt", "human.txt", "json.json", "sarif.json"])
    }

    @Test func everyMistakeIsFound() throws {
        let rules = Set(try report().diagnostics.map(\.rule))
        #expect(rules == ["bad-metadata", "broken-link", "broken-connection", "duplicate-verdict", "thin-comparison",
                          "mojibake", "unknown-section", "self-connection", "missing-section", "missing-verdict"])
    }

    @Test func sarifValidatesAgainstTheOfficialSchema() throws {
        let sarif = LintFormat.sarif.reporter().render(try report())
        let scratch = try Scratch("sarif")
        let file = scratch.path("lint.sarif")
        try Data(sarif.utf8).write(to: URL(fileURLWithPath: file))
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            doc = json.load(open(sys.argv[2]))
            jsonschema.validate(doc, schema)
            results = doc["runs"][0]["results"]
            assert results and all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)
            print(len(results))
            """
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                        ["python3", "-c", script, Fixtures.path("schemas/sarif-schema-2.1.0.json"), file], in: scratch.root)
        let text = result.stdout + result.stderr
        #expect(result.status == 0, "SARIF does not validate: \(text)")
        #expect(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == (try report().diagnostics.count))
    }

    @Test func githubCommandsEscapeTheirData() {
        let d = Diagnostic(file: "a,b:c.md", range: SourceRange(line: 2, column: 3, length: 4), severity: .error,
                           rule: "broken-link", message: "100% wrong\nsecond line", suggestion: nil)
        let out = GitHubReporter().render(LintReport(diagnostics: [d], filesChecked: 1, root: ".", sourceLine: { _, _ in nil }))
        #expect(out == "::error file=a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=6,title=broken-link::100%25 wrong%0Asecond line\n")
    }

    @Test func sarifColumnsCountCodePoints() throws {
        let d = Diagnostic(file: "x.md", range: SourceRange(line: 1, column: 8, length: 4), severity: .warning,
                           rule: "mojibake", message: "m", suggestion: nil)
        let report = LintReport(diagnostics: [d], filesChecked: 1, root: ".", sourceLine: { _, _ in "## 📝 abcd" })
        let sarif = SARIFReporter().render(report)
        #expect(sarif.contains("\"startColumn\": 5"))
        #expect(sarif.contains("\"endColumn\": 9"))
    }
}
