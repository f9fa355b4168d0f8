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

/// The note the project started from, checked fact by fact.
@Suite struct SeedNoteTests {
    let note: Note

    init() throws {
        let path = Fixtures.repository.appendingPathComponent("Notes/04-big-llm-architecture-comparison.md").path
        let parsed = NoteParser.parse(id: "04-big-llm-architecture-comparison", path: "04-big-llm-architecture-comparison.md",
                                      bytes: try Discovery.read(path).get())
        #expect(parsed.diagnostics.isEmpty)
        note = parsed.note
    }

    @Test func titleAndMetadata() {
        #expect(note.title?.text == "Big LLM Architecture Comparison (Raschka) - Study")
        #expect(note.title?.range == SourceRange(line: 1, column: 1, endLine: 1, endColumn: 51))
        #expect(note.metadata.map(\.key) == ["Source", "Date Processed", "Category"])
        #expect(note.date == "2025-10-28")
        #expect(note.category == "Model Comparison (Architecture Survey)")
        #expect(note.metadata[1].valueRange.start == SourcePosition(line: 4, column: 21))
    }

    @Test func mojibakeHeadingsAreRecognised() {
        #expect(note.sections.map(\.kind) == [.tldr, .comparisons, .take, .connections])
        #expect(note.sections.map(\.range.start.line) == [9, 15, 50, 64])
        #expect(note.take?.author == "Karpathy")
        #expect(note.take?.paragraphs.count == 5)
        #expect(note.isStudyNote)
    }

    @Test func comparisons() throws {
        #expect(note.comparisons.map(\.title) == ["Attention Mechanisms", "MoE Architectures", "Context Length", "Training Efficiency", "Architecture Philosophy"])
        let attention = note.comparisons[0]
        #expect(attention.claims.map { $0.subjects.map(\.name) } == [["GPT", "LLaMA"], ["DeepSeek-V2", "DeepSeek-V3"], ["Gemini"]])
        let mla = attention.claims[1]
        #expect(mla.text == "MLA (93% KV cache reduction)")
        #expect(mla.range.start == SourcePosition(line: 19, column: 3))
        #expect(mla.quantities == [Quantity(text: "93%", value: 0.93, unit: "%", approximate: false, lowerBound: false, resolution: 0.01,
                                            range: SourceRange(line: 19, column: 28, length: 3))])
        let gpt4 = note.comparisons[1].claims[0]
        #expect(gpt4.subjects.map(\.name) == ["GPT-4"])
        #expect(gpt4.qualifier == "rumored")
        #expect(note.comparisons[1].verdicts.map(\.favors) == [["deepseek-v3"]])
        #expect(note.comparisons[2].verdicts.map(\.favors) == [["gemini", "deepseek-v3"]])
        #expect(note.comparisons[4].verdicts.map(\.favors) == [["deepseek"]])
        let cost = note.comparisons[3].claims
        #expect(cost[0].quantities.map(\.text) == ["$5.5M", "671B params"])
        let llama = try #require(cost[1].quantities.first)
        #expect(llama.approximate && llama.lowerBound && llama.value == 1e7 && llama.unit == "USD")
        #expect(cost[2].quantities.first?.value == nil)
        #expect(cost[2].quantities.first?.text == "???M")
    }

    @Test func connections() {
        #expect(note.connections.map(\.target) == ["01-deepseek-v3-technical-report", "02-deepseek-v2-technical-report",
                                                   "03-deepseek-moe-paper", "05-fp8-lm-paper", "06-mla-explained"])
        #expect(note.connections[0].range == SourceRange(line: 65, column: 5, endLine: 65, endColumn: 35))
        #expect(note.connections[4].reason == "MLA mechanics")
    }
}
