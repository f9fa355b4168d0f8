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

/// `search-index.json` is written byte by byte; it must stay what
/// `JSONEncoder` (sorted keys, slashes unescaped) gives for the same entries.
@Suite struct SearchIndexTests {
    static func encoded(_ entries: [SearchIndex.Entry]) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(SearchIndex.Document(entries: entries)))
    }

    @Test func awkwardTextIsWrittenAsJSONEncoderWritesIt() throws {
        let controls = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        let awkward = ["", "plain", "quote \" backslash \\ slash / </script>", controls, "tab\tnew\nline\r",
                       "é ü 漢字 🧪 \u{2028}\u{2029} \u{7F}", "<b onmouseover=alert(1)>&amp;</b>"]
        var entries: [SearchIndex.Entry] = []
        for (i, text) in awkward.enumerated() {
            entries.append(SearchIndex.Entry(kind: "note", title: text, url: "notes/\(text).html",
                                             category: i % 2 == 0 ? text : nil, date: i % 3 == 0 ? nil : "2025-01-0\(i)",
                                             tags: i % 2 == 0 ? [] : [text, "tag"], text: text))
        }
        #expect(SearchIndex.json(entries) == (try Self.encoded(entries)))
        #expect(SearchIndex.json([]) == (try Self.encoded([])))
    }

    @Test func theRepositorysNotesGiveJSONEncodersBytes() throws {
        let root = Fixtures.repository.appendingPathComponent("Notes").path
        let entries = SearchIndex.entries(try Pipeline.load(root: root))
        #expect(entries.count > 10)
        #expect(SearchIndex.json(entries) == (try Self.encoded(entries)))
    }
}
