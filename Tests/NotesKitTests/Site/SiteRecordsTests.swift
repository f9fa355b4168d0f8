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

/// What note pages show of the records: calc results, verified claims,
/// broken connections, backlinks; and the entity pages.
@Suite struct SiteRecordsTests {
    @Test func calcResultsChecksAndVerifiedClaimsAreShown() throws {
        let scratch = try Scratch("site")
        let out = try SiteFixtures.build(SiteFixtures.notes("study"), in: scratch) { notebook in
            guard let i = notebook.notes.firstIndex(where: { $0.id == "llm-survey" }) else { return }
            let first = notebook.notes[i].calcBlocks[0].firstLine
            notebook.notes[i].calc = NoteCalc(statements: [
                CalcStatementRecord(line: first, source: "kv_full = 2 * 8 * 128 * 95 * 16 bit", display: "380 KiB", check: nil, error: nil),
                CalcStatementRecord(line: first + 2, source: "reduction = 1 - kv_mla / kv_full", display: "93.34%", check: nil, error: nil),
                CalcStatementRecord(line: first + 3, source: "check reduction ≈ 93%", display: nil,
                                    check: CheckRecord(passed: true, computed: "93.34%", stated: "93%", interval: "92.5%..93.5%", forNote: nil), error: nil),
            ], inline: [InlineCalcRecord(range: SourceRange(line: 13, column: 1, length: 1), expression: "reduction -> %", display: "93.34%")])
            let topic = notebook.notes[i].comparisons.firstIndex { $0.slug == "attention-mechanisms" }!
            notebook.notes[i].comparisons[topic].claims[1].verifiedBy = [CheckReference(note: "llm-survey", line: first + 3)]
        }
        let page = SiteFixtures.text(out, "notes/llm-survey.html")
        #expect(page.contains("<output>380 KiB</output>"))
        #expect(page.contains("✓</span> <span class=\"check-detail\">93.34% in 92.5%..93.5%</span>"))
        #expect(page.contains("1 of 1 checks hold"))
        #expect(page.contains("<span class=\"calc-inline\" title=\"=reduction -&gt; %\">93.34%</span>"))
        #expect(page.contains("class=\"badge badge-verified\" href=\"../notes/llm-survey.html#L"))
        let system = SiteFixtures.text(out, "systems/deepseek-v3.html")
        #expect(system.contains("✓ verified"), "the system page badges the verified claim too")
    }

    @Test func failedChecksShowBothValues() throws {
        let scratch = try Scratch("site")
        let out = try SiteFixtures.build(SiteFixtures.notes("study"), in: scratch) { notebook in
            guard let i = notebook.notes.firstIndex(where: { $0.id == "llm-survey" }) else { return }
            let line = notebook.notes[i].calcBlocks[0].firstLine + 3
            notebook.notes[i].calc = NoteCalc(statements: [
                CalcStatementRecord(line: line, source: "check reduction ≈ 93%", display: nil,
                                    check: CheckRecord(passed: false, computed: "82.24%", stated: "93%", interval: "92.5%..93.5%", forNote: nil), error: nil),
            ], inline: [])
        }
        let page = SiteFixtures.text(out, "notes/llm-survey.html")
        #expect(page.contains("check-fail"))
        #expect(page.contains("✗</span> <span class=\"check-detail\">82.24%, stated 93% (92.5%..93.5%)</span>"))
    }

    @Test func brokenConnectionsAreMarked() throws {
        let scratch = try Scratch("site")
        let out = try SiteFixtures.build(SiteFixtures.notes("study"), in: scratch) { notebook in
            // As with `broken-connection: off` in notesc.yml.
            guard let i = notebook.notes.firstIndex(where: { $0.id == "llm-survey" }) else { return }
            notebook.notes[i].connections[1].resolved = nil
            notebook.notes[i].connections[1].target = "no-such-note"
        }
        let page = SiteFixtures.text(out, "notes/llm-survey.html")
        #expect(page.contains("<span class=\"connection-target broken-link\" title=\"No note 'no-such-note'\">no-such-note</span> <span class=\"badge badge-broken\">broken</span>"))
    }

    @Test func pagesShowClaimsBacklinksAndTables() throws {
        let scratch = try Scratch("site")
        let out = try SiteFixtures.build(SiteFixtures.notes("study"), in: scratch)
        let survey = SiteFixtures.text(out, "notes/llm-survey.html")
        #expect(survey.contains("<a class=\"system\" href=\"../systems/deepseek-v2.html\">DeepSeek-V2</a><span class=\"sep\">/</span><a class=\"system\" href=\"../systems/deepseek-v3.html\">DeepSeek-V3</a>"))
        #expect(survey.contains("<span class=\"qualifier\">(rumored)</span>"))
        #expect(survey.contains("<del>or not</del>") && survey.contains("<table>") && survey.contains("type=\"checkbox\""), "GFM extensions render")
        #expect(survey.contains("<a href=\"https://example.com\">https://example.com</a>"))
        #expect(survey.contains("<h2 id=\"take\">"))
        let paper = SiteFixtures.text(out, "notes/papers/mla-paper.html")
        #expect(paper.contains("Referenced by"))
        #expect(paper.contains("<a href=\"../../notes/llm-survey.html\">LLM Survey - Study</a><span class=\"reason\">where MLA comes from</span>"))
        let topic = SiteFixtures.text(out, "topics/attention-mechanisms.html")
        #expect(topic.contains("<table class=\"matrix\">"))
        #expect(topic.contains("<th scope=\"row\"><a class=\"system\" href=\"../systems/deepseek-v2.html\">DeepSeek-V2</a>"))
        let system = SiteFixtures.text(out, "systems/deepseek-v3.html")
        #expect(system.contains("<h2 id=\"verdicts-for\">Verdicts in its favour</h2>") && system.contains("class=\"verdict favors-this\""))
        #expect(SiteFixtures.text(out, "graph.json").contains("\"note:llm-survey\""))
        #expect(SiteFixtures.text(out, "feed.xml").contains("<entry>"))
        #expect(SiteFixtures.text(out, "sitemap.xml").contains("<loc>notes/papers/mla-paper.html</loc><lastmod>2025-10-20</lastmod>"))
    }
}
