import Foundation
import Testing
import NotesTestSupport

@Suite struct CalcCommandTests {
    @Test func expression() throws {
        let result = try CLI.run(["calc", "-e", "2.788M * $2"])
        #expect(result.status == 0)
        #expect(result.stdout == "$5.576M\n")
    }

    @Test func badExpressionShowsWhereAndExitsOne() throws {
        let result = try CLI.run(["calc", "-e", "2 bit + $3"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error[calc-units]: cannot add bit and USD\n  2 bit + $3\n        ^\n"))
    }

    @Test func noteListing() throws {
        let result = try CLI.run(["calc", "Notes/02-deepseek-v2-technical-report.md", "--notes", "Notes"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("| check reduction ≈ 93.3%"))
        #expect(result.stdout.contains("✓ 93.34% (93.25%..93.35%)"))
        #expect(result.stdout.contains("= 25.31 KiB"))
        #expect(result.stdout.hasSuffix("5 of 5 checks hold\n"))
    }

    @Test func importsResolveFromTheNotesFolderByDefault() throws {
        let result = try CLI.run(["calc", "Notes/06-mla-explained.md"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("= 67.5 KiB"))
    }

    @Test func failingCheckExitsOne() throws {
        let scratch = try Scratch("cli", files: ["notes/a.md": "# A\n\n```calc\nr = 1 - 0.1776\ncheck r ≈ 93%\n```\n"])
        let result = try CLI.run(["calc", "notes/a.md"], in: scratch, environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("✗ 82.24%, stated 93% (92.5%..93.5%)"))
        #expect(result.stderr.contains("a.md:5:13: error[claim-failed]: r = 82.24%, stated 93% (92.5%..93.5%)"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run(["calc"]).status == 2)
        #expect(try CLI.run(["calc", "Notes/nope.md", "--notes", "Notes"]).status == 2)
    }
}
