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

@Suite struct SourceTextTests {
    @Test func lineEndings() throws {
        let text = try SourceText.decode(Array("a\r\nb\rc\nd".utf8)).get()
        #expect(text.lineStarts == [0, 3, 5, 7])
        #expect((1...4).map { text.line($0) } == ["a", "b", "c", "d"])
        #expect(text.position(ofOffset: 6) == SourcePosition(line: 3, column: 2))
    }

    @Test func lineFeedsOnly() throws {
        #expect(SourceText.lineStarts(of: Array("ab\n\ncd\n".utf8)) == [0, 3, 4, 7])
        #expect(SourceText.lineStarts(of: Array("no line break".utf8)) == [0])
        #expect(SourceText.lineStarts(of: []) == [0])
        #expect(try SourceText.decode(Array("ab\n\ncd\n".utf8)).get().lineCount == 3)
    }

    @Test func nulBytePosition() {
        guard case .failure(.nulByte(let at)) = SourceText.decode(Array("ok\nabc".utf8) + [0] + Array("x".utf8)) else {
            Issue.record("expected a NUL byte"); return
        }
        #expect(at == SourcePosition(line: 2, column: 4))
    }

    @Test func bomShiftsFirstLineColumns() throws {
        let text = try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("# T\nx".utf8)).get()
        #expect(text.hadBOM)
        #expect(text.originalPosition(line: 1, column: 1) == SourcePosition(line: 1, column: 4))
        #expect(text.originalPosition(line: 2, column: 1) == SourcePosition(line: 2, column: 1))
    }

    @Test(arguments: [
        ([0x61, 0xFF], 2), ([0xC0, 0x80], 1), ([0xED, 0xA0, 0x80], 1), ([0xF4, 0x90, 0x80, 0x80], 1),
        ([0x61, 0x0A, 0x62, 0xE2, 0x82], 4),
        // Past runs of eight ASCII bytes, checked a word at a time.
        (Array("abcdefghijklmnop".utf8) + [0xFF], 17),
        (Array("abcdefgh".utf8) + [0xE2, 0x82, 0xAC] + Array("abcdefgh".utf8) + [0x80] + Array("abcdefgh".utf8), 20),
        (Array("abcdefg".utf8) + [0xC3], 8),
    ] as [([UInt8], Int)])
    func invalidUTF8(_ bytes: [UInt8], _ offset: Int) {
        #expect(firstInvalidUTF8Offset(bytes) == offset - 1)
    }

    @Test func validUTF8() {
        #expect(firstInvalidUTF8Offset(Array("üìù 📝 ’ a".utf8)) == nil)
    }

    @Test func invalidPositionIsReported() {
        guard case .failure(.invalidUTF8(let at)) = SourceText.decode(Array("ok\nab".utf8) + [0xFF]) else {
            Issue.record("expected invalid UTF-8"); return
        }
        #expect(at == SourcePosition(line: 2, column: 3))
    }
}

@Suite struct MojibakeTests {
    @Test func macRomanEmoji() {
        let findings = Mojibake.find(in: "## \u{F8FF}üìù TL;DR")
        #expect(findings.map(\.fixed) == ["📝"])
        #expect(findings.first?.encoding == "Mac Roman")
        #expect(findings.first?.byteRange == 3..<12)
    }

    @Test func windows1252Quote() {
        #expect(Mojibake.fix("itâ€™s") == "it’s")
    }

    @Test func ordinaryAccentsAreLeftAlone() {
        #expect(Mojibake.find(in: "café, über, naïve, Ångström, 📝").isEmpty)
    }

    @Test func seedHeadingsRecognised() {
        #expect(SectionKind.recognise("\u{F8FF}üí≠ Karpathy Take") == (.take, "Karpathy"))
        #expect(SectionKind.recognise("🎯 Key Comparisons").kind == .comparisons)
        #expect(SectionKind.recognise("TLDR").kind == .tldr)
        #expect(SectionKind.recognise("Summary:").kind == .tldr)
        #expect(SectionKind.recognise("🔗 connections").kind == .connections)
        #expect(SectionKind.recognise("Conections").kind == .other)
        #expect(SectionKind.recognise("Take").kind == .take)
        #expect(SectionKind.recognise("Take").author == nil)
    }

    /// ASCII words after an emoji take a shortcut past the mojibake repair;
    /// words with other text still get it.
    @Test func headingWords() {
        #expect(SectionKind.significantWords("📝 TL;DR") == ["TL;DR"])
        #expect(SectionKind.significantWords("üìù TL;DR") == ["TL;DR"])
        #expect(SectionKind.significantWords("  🎯  Key   Comparisons: ") == ["Key", "Comparisons"])
        #expect(SectionKind.significantWords("“Summary”") == ["Summary"])
        #expect(SectionKind.significantWords("(Open) questions — notes") == ["Open", "questions", "notes"])
        #expect(SectionKind.significantWords("💭 Karpathyâ€™s Take") == ["Karpathy’s", "Take"])
        #expect(SectionKind.significantWords("💭 Hervé's\tTake") == ["Hervé's", "Take"])
        #expect(SectionKind.significantWords("🔗") == [])
        #expect(SectionKind.recognise("💭 Karpathyâ€™s Take") == (.take, "Karpathy’s"))
    }
}

@Suite struct NoteIndexTests {
    let index = NoteIndex(ids: ["01-a", "papers/deepseek", "talks/deepseek", "talks/talk-notes", "Readme"])

    @Test func resolution() {
        #expect(index.resolve("01-a") == .note("01-a"))
        #expect(index.resolve("talk-notes") == .note("talks/talk-notes"))
        #expect(index.resolve("readme") == .note("Readme"))
        #expect(index.resolve("deepseek") == .ambiguous(["papers/deepseek", "talks/deepseek"]))
        #expect(index.resolve("01-b") == .missing(suggestion: "01-a"))
        #expect(index.resolve("talk-note") == .missing(suggestion: "talks/talk-notes"))
        #expect(index.resolve("zzz") == .missing(suggestion: nil))
    }

    @Test func dates() {
        #expect(NoteParser.dateProblem("2024-02-29") == nil)
        #expect(NoteParser.dateProblem("2025-02-29") != nil)
        #expect(NoteParser.dateProblem("2025-13-01") != nil)
        #expect(NoteParser.dateProblem("2025-1-01") != nil)
        #expect(NoteParser.dateProblem("yesterday") != nil)
    }
}

@Suite struct ByteSearchTests {
    @Test func findsTheFirstOccurrenceFromAnOffset() {
        let b = Array("ab[[c]] [[d".utf8)
        #expect(ByteSearch.find(Array("[[".utf8), in: b, from: 0) == 2)
        #expect(ByteSearch.find(Array("[[".utf8), in: b, from: 3) == 8)
        #expect(ByteSearch.find(Array("[[".utf8), in: b, from: 9) == nil)
        #expect(ByteSearch.find(Array("]]".utf8), in: b, from: 0) == 5)
        #expect(ByteSearch.find(Array("d".utf8), in: b, from: 10) == 10)
        #expect(ByteSearch.find(Array("d".utf8), in: b, from: 11) == nil)
        #expect(ByteSearch.find(Array("aab".utf8), in: Array("aaab".utf8), from: 0) == 1)
    }

    @Test func needlesThatCannotFit() {
        #expect(ByteSearch.find(Array("abc".utf8), in: Array("ab".utf8), from: 0) == nil)
        #expect(ByteSearch.find(Array("bc".utf8), in: Array("abc".utf8), from: 2) == nil)
        #expect(ByteSearch.find(Array("x".utf8), in: [], from: 0) == nil)
        #expect(ByteSearch.find([], in: Array("x".utf8), from: 0) == nil)
    }
}
