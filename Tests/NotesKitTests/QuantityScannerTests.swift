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

@Suite struct QuantityScannerTests {
    /// Scans `text` as if it started at column 1 of line 7.
    func scan(_ text: String) -> [Quantity] { QuantityScanner.scan(Array(text.utf8), line: 7, column: 1) }

    @Test(arguments: [
        ("93%", 0.93, "%", false, false),
        ("128k tokens", 128_000, "tokens", false, false),
        ("1M+ tokens", 1_000_000, "tokens", false, true),
        ("~$10M+", 10_000_000, "USD", true, true),
        ("$5.5M", 5_500_000, "USD", false, false),
        ("671B params", 671_000_000_000, "params", false, false),
        ("2.788M GPU hours", 2_788_000, "GPU hours", false, false),
        ("5.76x", 5.76, "x", false, false),
        ("93.3%", 0.933, "%", false, false),
        ("1,000 layers", 1000, "layers", false, false),
    ] as [(String, Double, String, Bool, Bool)])
    func eachForm(_ written: String, _ value: Double, _ unit: String, _ approximate: Bool, _ lowerBound: Bool) throws {
        let found = scan("cost " + written + " total")
        try #require(found.count == 1, "\(found)")
        #expect(found[0].text == written)
        #expect(found[0].value == value)
        #expect(found[0].unit == unit)
        #expect(found[0].approximate == approximate)
        #expect(found[0].lowerBound == lowerBound)
        #expect(found[0].range == SourceRange(line: 7, column: 6, length: written.utf8.count))
    }

    @Test func unknownQuantity() {
        let found = scan("???M (OpenAI won't say)")
        #expect(found.map(\.text) == ["???M"])
        #expect(found[0].value == nil)
    }

    @Test func namesAndVersionsAreNotQuantities() {
        #expect(scan("GPT-4 and FP8, Mixtral 8x7B, V3, 3rd place, DeepSeek-V2/V3").isEmpty)
    }

    @Test func positionsOfSeveralQuantities() {
        let found = scan("$5.5M for 671B params")
        #expect(found.map(\.range.start.column) == [1, 11])
        #expect(found.map(\.range.end.column) == [5, 21])
    }
}

@Suite struct SubjectParserTests {
    @Test(arguments: [
        ("GPT/LLaMA", ["GPT", "LLaMA"], nil),
        ("DeepSeek-V2/V3", ["DeepSeek-V2", "DeepSeek-V3"], nil),
        ("Llama-3.1/3.2", ["Llama-3.1", "Llama-3.2"], nil),
        ("Claude-3/GPT", ["Claude-3", "GPT"], nil),
        ("OLMo-V3/T5", ["OLMo-V3", "T5"], nil),
        ("DeepSeek-V2/v3", ["DeepSeek-V2", "DeepSeek-v3"], nil),
        ("GPT-4 (rumored)", ["GPT-4"], "rumored"),
        ("Mixtral 8x7B", ["Mixtral 8x7B"], nil),
        ("A / B / C", ["A", "B", "C"], nil),
    ] as [(String, [String], String?)])
    func splits(_ label: String, _ subjects: [String], _ qualifier: String?) {
        let split = SubjectParser.split(label)
        #expect(split.subjects == subjects)
        #expect(split.qualifier == qualifier)
    }

    @Test func qualifierOutsideTheBold() throws {
        let parsed = Fixtures.note("# T\n\n## Key Comparisons\n\n### Topic\n- **GPT-4** (rumored): Coarse\n- **B**: x\n- **Verdict**: GPT wins\n")
        let claim = try #require(parsed.note.comparisons.first?.claims.first)
        #expect(claim.subjects.map(\.name) == ["GPT-4"])
        #expect(claim.qualifier == "rumored")
        #expect(claim.text == "Coarse")
        // `GPT` names the family of GPT-4, and no subject is called GPT.
        #expect(parsed.note.comparisons[0].verdicts[0].favors == ["gpt-4"])
    }

    @Test func slugs() {
        #expect(slugify("Mixtral 8x7B") == "mixtral-8x7b")
        #expect(slugify("DeepSeek-V3") == "deepseek-v3")
        #expect(slugify("  GPT/LLaMA (rumored) ") == "gpt-llama-rumored")
        #expect(slugify("Llama-3.1") == "llama-3.1")
        #expect(slugify("..") == "dot2")
    }
}

@Suite struct VerdictTests {
    func favors(_ verdict: String, subjects: [String]) -> [String] {
        var topic = Topic(title: "T", slug: "t", range: SourceRange(line: 1, column: 1, length: 1),
                          claims: subjects.map { Claim(label: $0, subjects: [Subject(name: $0, slug: slugify($0))], qualifier: nil, text: "", quantities: [], range: SourceRange(line: 1, column: 1, length: 1)) },
                          verdicts: [Verdict(text: verdict, favors: [], range: SourceRange(line: 1, column: 1, length: 1))])
        topic.resolveVerdicts()
        return topic.verdicts[0].favors
    }

    @Test func namesASubject() { #expect(favors("Gemini wins on length", subjects: ["GPT-4", "Gemini"]) == ["gemini"]) }
    @Test func familyName() { #expect(favors("DeepSeek's approach is best", subjects: ["GPT-4", "DeepSeek-V3"]) == ["deepseek-v3"]) }
    @Test func exactNameBeatsFamily() { #expect(favors("DeepSeek most innovative", subjects: ["GPT", "DeepSeek", "DeepSeek-V3"]) == ["deepseek"]) }
    @Test func wholeWordsOnly() { #expect(favors("GPT-4 wins", subjects: ["GPT", "GPT-4"]) == ["gpt-4"]) }
    @Test func namesNothing() { #expect(favors("MLA is the clear winner", subjects: ["GPT", "Gemini"]).isEmpty) }
}
