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

/// Calc blocks evaluated in the pipeline: imports across notes, diagnostics
/// at their positions, and claims verified by passing checks.
@Suite struct CalcStageTests {
    func load(_ files: [String: String]) throws -> Notebook {
        let scratch = try Scratch("notes")
        for (name, text) in files { try scratch.write(name, text) }
        return try Pipeline.load(root: scratch.root)
    }

    @Test func sampleNotesVerifyTheSeedClaims() throws {
        let notebook = try Pipeline.load(root: Fixtures.repository.appendingPathComponent("Notes").path)
        let seed = try #require(notebook.note("04-big-llm-architecture-comparison"))
        let claims = seed.comparisons.flatMap(\.claims)
        let kv = try #require(claims.first { $0.text == "MLA (93% KV cache reduction)" })
        #expect(kv.verifiedBy.map(\.note) == ["02-deepseek-v2-technical-report"])
        let cost = try #require(claims.first { $0.text == "$5.5M for 671B params" })
        #expect(cost.verifiedBy.map(\.note) == ["01-deepseek-v3-technical-report"])
        #expect(claims.filter(\.verified).count == 2)
        let v2 = try #require(notebook.note("02-deepseek-v2-technical-report")?.calc)
        #expect(v2.statements.first { $0.source.hasPrefix("check reduction ≈ 93.3%") }?.check?.computed == "93.34%")
        #expect(v2.inline.map(\.display) == ["93.34%"])
        #expect(notebook.diagnostics.filter { $0.rule.hasPrefix("calc") || $0.rule == "claim-failed" }.isEmpty)
    }

    /// Without its tolerance the seed's $5.5M fails: the sources give $5.576M.
    @Test func roundedCostFailsWithoutTolerance() throws {
        let notebook = try load([
            "a.md": "# A\n\n## Key Comparisons\n\n### Cost\n- **X**: $5.5M for it\n- **Y**: less\n- **Verdict**: X\n",
            "b.md": "# B\n\n```calc\nunit gpu_hour\ncost = 2.788M gpu_hour * ($2 / gpu_hour)\ncheck cost ≈ $5.5M for a\n```\n",
        ])
        let failed = notebook.diagnostics.filter { $0.rule == "claim-failed" }
        #expect(failed.map { "\($0.file) \($0.line)" } == ["b.md 6"])
        #expect(failed.first?.message == "cost = $5.576M, stated $5.5M ($5.45M..$5.55M)")
        #expect(notebook.note("a")?.comparisons[0].claims[0].verified == false)
    }

    @Test func importsAcrossNotesAndTheirErrors() throws {
        let notebook = try load([
            "base.md": "# Base\n\n```calc\nlayers = 60\nwidth = 128\n```\n",
            "user.md": "# User\n\n```calc\nfrom base import layers, width\nfrom base import height\nfrom nowhere import x\ntotal = layers * width\ncheck total == 7680\n```\n",
            "a.md": "# A\n\n```calc\nfrom b import y\nx = 1\n```\n",
            "b.md": "# B\n\n```calc\nfrom a import x\ny = 2\n```\n",
        ])
        let imports = notebook.diagnostics.filter { $0.rule == "calc-import" }.map { "\($0.file):\($0.line) \($0.message)" }
        #expect(imports.contains("user.md:5 note base has no value 'height'") || imports.contains { $0.hasPrefix("user.md:5") })
        #expect(imports.contains { $0.hasPrefix("user.md:6") && $0.contains("no note 'nowhere'") })
        #expect(imports.contains { $0.contains("import cycle: ") })
        #expect(notebook.note("user")?.calc?.statements.first { $0.source == "check total == 7680" }?.check?.passed == true)
    }

    @Test func checkForAMissingNoteIsReported() throws {
        let notebook = try load(["a.md": "# A\n\n```calc\ncheck 1 ≈ 1 for ghost\n```\n"])
        #expect(notebook.diagnostics.filter { $0.rule == "calc-import" }.map(\.message) == ["check is for no note 'ghost'"])
    }

    @Test func verificationMatchesPercentagesAndMoney() {
        let pct = Quantity(text: "93%", value: 0.93, unit: "%", approximate: false, lowerBound: false, range: SourceRange(line: 1, column: 1, length: 3))
        #expect(CalcStage.writes(pct, CalcValue(0.93, dimension: .dimensionless, displayUnit: .percent)))
        #expect(!CalcStage.writes(pct, CalcValue(0.93)))
        let money = Quantity(text: "$5.5M", value: 5.5e6, unit: "USD", approximate: false, lowerBound: false, range: SourceRange(line: 1, column: 1, length: 5))
        if case .success(let stated) = CalcEngine.evaluateExpression("$5.5M") { #expect(CalcStage.writes(money, stated)) }
        else { Issue.record("$5.5M does not evaluate") }
        #expect(!CalcStage.writes(money, CalcValue(5.5e6)))
    }

    /// DESIGN §3: in a note without calc blocks, inline code starting with
    /// `=` that does not evaluate is ordinary code; with a calc block it is
    /// a calculation, and its errors are reported.
    @Test func inlineCodeThatIsNoCalculationIsCode() throws {
        let plain = try load(["til.md": "# TIL\n\nRuby's `=~` and JS `===`, Perl's `=begin`; but `=2 * 3` is 6.\n"])
        #expect(plain.diagnostics.filter { $0.severity == .error }.isEmpty, "\(plain.diagnostics)")
        #expect(plain.notes[0].calc?.inline.map(\.display) == [nil, nil, nil, "6"])
        let study = try load(["calc.md": "# Calc\n\n```calc\nx = 2\n```\n\nThis `=~` is an error here; `=x * 3` is 6.\n"])
        #expect(study.diagnostics.contains { $0.rule.hasPrefix("calc-") && $0.line == 7 }, "\(study.diagnostics)")
    }
}
