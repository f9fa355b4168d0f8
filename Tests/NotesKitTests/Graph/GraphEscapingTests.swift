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

/// What notes may contain — quotes, backslashes, markup, control
/// characters, non-ASCII — survives every text format.
@Suite struct GraphEscapingTests {
    static let tricky = "say \"hi\" \\N back\\slash & <b>x</b>\ttab\nline\r\u{1}bell ü 🎯 /"

    @Test func jsonStringsRoundTrip() throws {
        var out = ByteWriter()
        out.appendJSON(.array([.string(Self.tricky), .double(0.93), .double(5_500_000), .double(1e-5), .double(.nan), .null]), depth: 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: out.data) as? [Any])
        #expect(parsed[0] as? String == Self.tricky)
        #expect(parsed[1] as? Double == 0.93)
        #expect(String(decoding: out.bytes, as: UTF8.self).contains("5500000,"))
        #expect(parsed[3] as? Double == 1e-5)
        #expect(parsed[4] is NSNull && parsed[5] is NSNull, "NaN is no JSON number")
        #expect(String(decoding: out.bytes, as: UTF8.self).contains(#"\u0001bell ü 🎯 /"#))
    }

    @Test func xmlEscapesMarkupAndReplacesForbiddenCharacters() {
        var out = ByteWriter()
        out.appendXML(Self.tricky + "\u{FFFE}")
        #expect(String(decoding: out.bytes, as: UTF8.self)
            == "say &quot;hi&quot; \\N back\\slash &amp; &lt;b&gt;x&lt;/b&gt;\ttab\nline&#13;\u{FFFD}bell ü 🎯 /\u{FFFD}")
    }

    @Test func dotQuotesAndKeepsBackslashesLiteral() {
        var out = ByteWriter()
        out.appendDOT(Self.tricky)
        #expect(String(decoding: out.bytes, as: UTF8.self)
            == #""say \"hi\" \\N back\\slash & <b>x</b>tab\nlinebell ü 🎯 /""#)
        #expect(DOTExporter.shortened(String(repeating: "ü", count: 60)) == String(repeating: "ü", count: 47) + "…")
        #expect(DOTExporter.shortened("short") == "short")
    }

    /// Lists are sorted by UTF-8 bytes, not by Swift's character order.
    @Test func utf8Order() {
        #expect("z".precedesInUTF8("é"))
        #expect(!"é".precedesInUTF8("z"))
        #expect("note:a".precedesInUTF8("note:a/b"))
        #expect("".precedesInUTF8("a") && !"a".precedesInUTF8(""))
        #expect(!"same".precedesInUTF8("same"))
        #expect("Twin".precedesInUTF8("index"), "uppercase sorts first")
    }
}

/// Arrays are written a few thousand elements to a piece on all cores; the
/// pieces must join in order, whether they are kept or streamed to a sink.
@Suite struct GraphArrayTests {
    static let items = Array(0..<10_001)
    /// About 2.5 MB: more than one of the sink's megabyte flushes.
    static let padding = String(repeating: "x", count: 200)
    static func value(_ n: Int) -> GraphValue { .object(["n": .int(n), "pad": .string(padding)]) }
    static let expected = "[\n" + items.map { "    {\n      \"n\": \($0),\n      \"pad\": \"\(padding)\"\n    }" }.joined(separator: ",\n") + "\n  ]"

    @Test func largeArraysKeepTheirOrder() {
        var w = ByteWriter()
        w.appendJSONArray(Self.items, depth: 1, Self.value)
        #expect(String(decoding: w.bytes, as: UTF8.self) == Self.expected)
    }

    @Test func streamedPiecesJoinToTheSameBytes() {
        final class Collected: @unchecked Sendable { var bytes: [UInt8] = [] }
        let collected = Collected()
        var w = ByteWriter()
        var flushes = 0
        w.sink = { collected.bytes.append(contentsOf: $0); flushes += 1 }
        w.appendJSONArray(Self.items, depth: 1, Self.value)
        w.flush()
        #expect(flushes >= 2, "at least one flush before the end")
        #expect(String(decoding: collected.bytes, as: UTF8.self) == Self.expected)
    }
}
