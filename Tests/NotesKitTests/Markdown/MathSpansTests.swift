import Foundation
import Testing
@testable import NotesMarkdown
import NotesTestSupport

/// DESIGN §2a: `$…$` and `$$…$$` by Pandoc's rules, kept out of cmark-gfm,
/// the TeX reaching the page byte for byte.
@Suite struct MathSpansTests {
    /// The math spans of `text`, as written.
    func spans(_ text: String) -> [String] {
        MathSpans.protect(Array(text.utf8)).math.spans.map(\.written)
    }

    /// `text` rendered by cmark-gfm with its math protected and restored.
    func render(_ text: String) -> String {
        let (bytes, math) = MathSpans.protect(Array(text.utf8))
        return math.restore(CmarkBridge.renderHTML(bytes, unsafe: false))
    }

    @Test func pandocsRulesForDollars() {
        #expect(spans("costs $5M and $10M here") == [], "a closing $ needs a non-space before it")
        #expect(spans("from $5M-$10M") == [], "a closing $ may not be followed by a digit")
        #expect(spans("$ x$ and $x $") == [], "no space inside the dollars")
        #expect(spans("price \\$5 and $x^2$") == ["$x^2$"], "an escaped dollar opens nothing")
        #expect(spans("$a$, $b$.") == ["$a$", "$b$"])
        #expect(spans("$$\\sum_{i=1}^{n} x_i$$") == ["$$\\sum_{i=1}^{n} x_i$$"])
        #expect(spans("$$ a + b $$") == ["$$ a + b $$"], "display math may have spaces inside")
        #expect(spans("a $x\ny$ b") == ["$x\ny$"], "inline math may cross a line break")
        #expect(spans("a $x\n\ny$ b") == [], "but not a blank line")
    }

    @Test func codeIsLeftAlone() {
        #expect(spans("run `echo $HOME` then `$PATH`") == [])
        #expect(spans("``a $x$ b`` and $y$") == ["$y$"])
        #expect(spans("```sh\necho $a $b$\n```\n$z$\n") == ["$z$"])
        #expect(spans("> ~~~\n> $a$\n> ~~~\n") == [], "a fence in a block quote")
        // An indented code block is found by cmark, not the scan: its dollars come back as written.
        let html = render("Text.\n\n    cost = $a$ + $b$\n")
        #expect(html.contains("<pre><code>cost = $a$ + $b$\n</code></pre>"), "\(html)")
    }

    @Test func texReachesThePageByteForByte() {
        let tex = #"\hat{y}_{i} = \frac{e^{z_{i}}}{\sum_{j} e^{z_{j}}} \\ a\,b"#
        let html = render("Softmax: $\(tex)$ and *x*.\n")
        #expect(html.contains("<span class=\"math math-inline\">\(tex)</span>"), "\(html)")
        #expect(!html.contains("<em>{"), "no emphasis inside math")
        #expect(html.contains("<em>x</em>"), "emphasis outside math still works")
        let escaped = render("$a<b \\& c>d$\n")
        #expect(escaped.contains("<span class=\"math math-inline\">a&lt;b \\&amp; c&gt;d</span>"), "\(escaped)")
    }

    /// A display block keeps the lines after it where they were, and does
    /// not end the paragraph it is in.
    @Test func displayMathKeepsStructureAndLines() throws {
        let text = "- item:\n$$\nx_1 + x_2\n$$\n\t\twhere $x$ is small.\n\n## After\n"
        let (bytes, math) = MathSpans.protect(Array(text.utf8))
        #expect(bytes.filter { $0 == UInt8(ascii: "\n") }.count == text.utf8.filter { $0 == UInt8(ascii: "\n") }.count)
        let blocks = CmarkBridge.renderBlocks(bytes, hooks: HTMLRenderHooks()).map { $0.restoring(math) }
        #expect(blocks.map(\.startLine) == [1, 7])
        let html = blocks[0].html
        #expect(html.contains("<span class=\"math math-display\">\nx_1 + x_2\n</span>"), "\(html)")
        #expect(html.contains("<span class=\"math math-inline\">x</span> is small."), "\(html)")
        #expect(!html.contains("<pre>"), "the indented line stays a continuation, not code")
    }

    @Test func placeholdersInAttributesAndHeadingsComeBackAsWritten() {
        let html = render("![the $x$ plot](plot.png)\n")
        #expect(html.contains("alt=\"the $x$ plot\""), "\(html)")
        let (bytes, math) = MathSpans.protect(Array("## Error ($\\alpha$)\n".utf8))
        let heading = CmarkBridge.renderBlocks(bytes, hooks: HTMLRenderHooks())[0].restoring(math)
        #expect(heading.text == "Error ($\\alpha$)")
    }

    @Test func unclosedDollarsSwallowNothing() {
        let text = "$$ never closed\n\nNext paragraph with *emphasis*.\n"
        #expect(spans(text) == [])
        #expect(render(text).contains("<p>Next paragraph with <em>emphasis</em>.</p>"))
    }

    /// Ten thousand unmatched dollars in one paragraph: the search for
    /// closers looks at each byte a bounded number of times (a search from
    /// every dollar to the paragraph's end would take 150 million steps here).
    @Test func manyDollarsStayLinear() {
        for text in [String(repeating: "$1 ", count: 10_000),
                     String(repeating: "$a ", count: 10_000) + "\n\n" + String(repeating: "$$ x ", count: 10_001),
                     String(repeating: "$x$ $1 ", count: 5_000)] {
            let (bytes, math) = MathSpans.protect(Array(text.utf8))
            #expect(math.searchSteps <= 2 * text.utf8.count, "\(math.searchSteps) steps for \(text.utf8.count) bytes")
            if text.hasPrefix("$1") { #expect(math.isEmpty && bytes == Array(text.utf8)) }
        }
    }
}
