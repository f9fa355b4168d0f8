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

/// Shortcuts taken while making pages must give the bytes the long way gives.
@Suite struct RenderShortcutTests {
    /// Lines cmark-gfm would turn into markup, or escape, are never taken as plain text.
    @Test func plainTextIsWhatCmarkRenders() {
        var lines = ["$12M for 34B params", "~$12M+ for 141B params", "???M (the lab will not say)", "5.8x throughput",
                     "1. first", "1.", "12) twelve", "1.5x", "it's", "a \"quote\"", "a ~b~ c", "~~$5M", "a ~b ~c",
                     "www.example.com", "see WWW.example.com", "x  y", " lead", "trail ", "- item", "+ item", "# heading",
                     "= x", "a # b = c; d / e % f ? g", "é ü — 漢字", "line\u{2028}", "a & b", "a < b", "*a*", "`=x`",
                     "[[note]]", "a: b", "a@b.c", "x|y", "\\*", "", "a ==b== c", "==x==", "a == b"]
        // Every short line over an alphabet of text and near-markup.
        let alphabet = Array("a1 .)~w#'\"+-$%(=é")
        var queue = [""]
        for _ in 0..<3 {
            queue = queue.flatMap { prefix in alphabet.map { prefix + String($0) } }
            lines += queue
        }
        var plain = 0
        for line in lines where PageLinks.rendersAsItself(line) {
            plain += 1
            let parsed = CmarkBridge.renderInline(line, hooks: HTMLRenderHooks())?.trimmingCharacters(in: .newlines)
            #expect(parsed == line.trimmingCharacters(in: .newlines), "\(line.debugDescription)")
        }
        #expect(plain > 1000)
        for line in ["1. first", "1.", "12) twelve", "a ~b~ c", "www.example.com", "a \"quote\"", "- item", " lead", "a ==b== c"] {
            #expect(!PageLinks.rendersAsItself(line), "\(line.debugDescription)")
        }
    }

    @Test func newlinesAreTrimmedAsFoundationTrimsThem() {
        for text in ["", "\n", "a", "\r\na\n", "\u{85}a b\u{2028}\u{2029}", "\u{0B}\u{0C}x\u{0D}", "é\n", "\n\u{2029}\n", "a\nb"] {
            #expect(text.trimmingNewlines == text.trimmingCharacters(in: .newlines), "\(text.debugDescription)")
        }
    }

    /// A graph big enough for the grid, laid out to the same positions as
    /// before nodes within reach were counted rather than branched on.
    /// Drawings write coordinates digit by digit: as string interpolation wrote them.
    @Test func coordinatesAreWrittenAsInterpolationWroteThem() {
        func interpolated(_ v: Double) -> String {
            let tenths = Int((v * 10).rounded())
            let sign = tenths < 0 ? "-" : ""
            let a = abs(tenths)
            return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
        }
        var values: [Double] = [0, -0.0, 4, 12.34, -0.5, -0.04, -0.05, 0.05, 1234.96, -12, 99.95, 1e9, -1e9, 0.949999]
        for i in -2000...2000 { values.append(Double(i) * 0.037) }
        for v in values { #expect(GraphLayout.format(v) == interpolated(v), "\(v)") }
    }

    @Test func gridLayoutKeepsItsPositions() {
        let edges = (0..<1500).map { ($0 % 1200, ($0 * 37 + 11) % 1200) }
        let points = GraphLayout.positions(count: 1200, edges: edges)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for p in points {
            for b in "\(GraphLayout.format(p.x)),\(GraphLayout.format(p.y));".utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        #expect(String(hash, radix: 16) == "860a089f6c349962")
    }
}
