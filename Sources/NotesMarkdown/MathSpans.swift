import NotesSupport

/// `$…$` and `$$…$$` math (DESIGN §2a), kept out of cmark-gfm's hands so
/// the TeX reaches the page byte for byte: `_{i}…_{j}` is no emphasis and
/// `\\` no escape. Found by Pandoc's rules — the opening `$` has a non-space
/// right after it, the closing `$` a non-space right before it and no digit
/// right after it — so `$5M and $10M` stays text. `\$` is a dollar sign.
///
/// `protect` swaps each span for a placeholder cmark treats as plain text
/// (two private-use characters around its number), keeping the text's line
/// breaks so cmark's line numbers still match the note; `restore` swaps the
/// placeholders in the rendered HTML for math elements, or back to the
/// dollars as written where no math can be: in code and inside tags.
package struct MathSpans: Sendable {
    package struct Span: Sendable, Equatable {
        /// The TeX between the dollars, as written.
        package var tex: String
        /// `$$…$$`.
        package var display: Bool
        /// The span as written, dollars included.
        package var written: String
    }

    package private(set) var spans: [Span] = []
    /// Bytes looked at while searching for closing dollars: at most a few
    /// times the text's length, however many dollars it has (the tests hold this).
    package private(set) var searchSteps = 0

    /// No spans: a text without math.
    package init() {}

    /// The text cmark renders, and the spans taken out of it. Code spans and
    /// fenced code are left alone; math never crosses a blank line, so an
    /// unclosed `$$` leaves the rest of the note as it was.
    package static func protect(_ bytes: [UInt8]) -> (bytes: [UInt8], math: MathSpans) {
        var math = MathSpans()
        guard bytes.contains(dollar) else { return (bytes, math) }
        let found = find(bytes, firstOnly: false, steps: &math.searchSteps)
        // Most notes with dollars have prices, not math: their bytes go to cmark as they are.
        guard !found.isEmpty else { return (bytes, math) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8 * found.count)
        var copied = 0
        for span in found {
            out += bytes[copied..<span.start]
            let written = bytes[span.start..<span.end]
            let inner = span.display ? written.dropFirst(2).dropLast(2) : written.dropFirst().dropLast()
            math.spans.append(Span(tex: String(decoding: inner, as: UTF8.self), display: span.display,
                                   written: String(decoding: written, as: UTF8.self)))
            out += placeholderOpen
            out += Array(String(math.spans.count - 1).utf8)
            out += placeholderClose
            // The span's line breaks stay, so later lines keep their numbers;
            // each line it continues on holds a filler, so no line of it is blank
            // (a blank line would end the paragraph and change what follows).
            for c in written where c == newline { out.append(newline); out += filler }
            copied = span.end
        }
        out += bytes[copied...]
        return (out, math)
    }

    /// Whether `bytes` hold a math span (what a page needs KaTeX for), without copying them.
    package static func contains(_ bytes: [UInt8]) -> Bool {
        guard bytes.contains(dollar) else { return false }
        var steps = 0
        return !find(bytes, firstOnly: true, steps: &steps).isEmpty
    }

    /// The math spans of `bytes` by byte range, in order: code spans and
    /// fenced code skipped, escapes honoured.
    private static func find(_ bytes: [UInt8], firstOnly: Bool, steps: inout Int) -> [(start: Int, end: Int, display: Bool)] {
        var found: [(start: Int, end: Int, display: Bool)] = []
        var i = 0
        var lineStart = true
        var fence: (char: UInt8, length: Int)?
        // Where a failed search for a closing `$` or `$$` stopped: an opener
        // before it has no closer either, so a paragraph of unmatched dollars
        // is scanned once, not once per dollar.
        var searched = (inline: 0, display: 0)
        let n = bytes.count
        while i < n {
            if lineStart {
                lineStart = false
                // A fence line opens or closes fenced code, whose lines are left as they are.
                if let line = Self.fence(bytes, at: i) {
                    if let open = fence {
                        if line.char == open.char, line.length >= open.length, line.onlyFence { fence = nil }
                    } else {
                        fence = (line.char, line.length)
                    }
                    i = lineEnd(bytes, from: i)
                    lineStart = true
                    continue
                }
                if fence != nil {
                    i = lineEnd(bytes, from: i)
                    lineStart = true
                    continue
                }
            }
            switch bytes[i] {
            case newline:
                lineStart = true
                i += 1
            case backslash:
                // `\$` (and any escape) stays as written: cmark makes it the character.
                i += i + 1 < n && bytes[i + 1] != newline ? 2 : 1
            case tick:
                i = codeSpanEnd(bytes, from: i)
            case dollar:
                if let span = Self.span(bytes, at: i, searched: &searched, steps: &steps) {
                    found.append((i, span.end, span.display))
                    if firstOnly { return found }
                    i = span.end
                } else {
                    // A run of dollars that opens nothing is text.
                    while i < n, bytes[i] == dollar { i += 1 }
                }
            default:
                i += 1
            }
        }
        return found
    }

    /// The rendered HTML with each placeholder made a math element, or the
    /// dollars as written (escaped) inside `<code>`, `<pre>` or a tag.
    package func restore(_ html: String) -> String {
        guard !spans.isEmpty, html.utf8.contains(Self.placeholderOpen[0]) else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var inTag = false
        var codeDepth = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                inTag = true
                if Self.starts(bytes, i, "<code") || Self.starts(bytes, i, "<pre") { codeDepth += 1 }
                if Self.starts(bytes, i, "</code") || Self.starts(bytes, i, "</pre") { codeDepth = max(0, codeDepth - 1) }
            } else if b == UInt8(ascii: ">") {
                inTag = false
            } else if b == Self.filler[0], Self.starts(bytes, i, Self.filler) {
                if out.last == Self.newline { out.removeLast() }
                i += Self.filler.count
                continue
            } else if b == Self.placeholderOpen[0], Self.starts(bytes, i, Self.placeholderOpen),
                      let (index, end) = Self.placeholder(bytes, at: i), index < spans.count {
                let span = spans[index]
                if inTag || codeDepth > 0 {
                    out += Array(HTMLEscape.escape(span.written).utf8)
                } else {
                    let kind = span.display ? "math math-display" : "math math-inline"
                    out += Array("<span class=\"\(kind)\">\(HTMLEscape.escape(span.tex))</span>".utf8)
                }
                i = end
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    package var isEmpty: Bool { spans.isEmpty }

    // MARK: - Scanning

    private static let dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\"), tick = UInt8(ascii: "`")
    private static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    /// U+E000 and U+E001: private-use characters no note means as text around a number.
    private static let placeholderOpen: [UInt8] = [0xEE, 0x80, 0x80]
    private static let placeholderClose: [UInt8] = [0xEE, 0x80, 0x81]
    /// U+E002: the filler on each further line of a span; it goes, with the line break before it.
    private static let filler: [UInt8] = [0xEE, 0x80, 0x82]

    /// The math span opening at `i` (a `$`), if Pandoc's rules make one.
    private static func span(_ b: [UInt8], at i: Int, searched: inout (inline: Int, display: Int),
                             steps: inout Int) -> (end: Int, display: Bool)? {
        let n = b.count
        var j = i
        defer { steps += j - i }
        if i + 1 < n, b[i + 1] == dollar {
            // `$$…$$`: anything but a blank line up to the next `$$`.
            guard i >= searched.display else { return nil }
            j = i + 2
            while j + 1 < n {
                if b[j] == backslash { j += 2; continue }
                if b[j] == newline, isBlankLine(b, from: j + 1) { break }
                if b[j] == dollar, b[j + 1] == dollar { return j > i + 2 ? (j + 2, true) : nil }
                j += 1
            }
            searched.display = j
            return nil
        }
        // `$…$`: a non-space after the opening dollar, a non-space before the
        // closing one and no digit after it; within one paragraph.
        guard i + 1 < n, !isSpace(b[i + 1]), b[i + 1] != dollar, i >= searched.inline else { return nil }
        j = i + 1
        while j < n {
            switch b[j] {
            case backslash:
                j += 2
                continue
            case newline:
                if isBlankLine(b, from: j + 1) { searched.inline = j; return nil }
            case dollar:
                if !isSpace(b[j - 1]), !(j + 1 < n && (b[j + 1] >= UInt8(ascii: "0") && b[j + 1] <= UInt8(ascii: "9"))) {
                    return (j + 1, false)
                }
            default:
                break
            }
            j += 1
        }
        searched.inline = j
        return nil
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == space || c == tab || c == newline || c == UInt8(ascii: "\r") }

    private static func isBlankLine(_ b: [UInt8], from i: Int) -> Bool {
        var j = i
        while j < b.count, b[j] == space || b[j] == tab || b[j] == UInt8(ascii: "\r") { j += 1 }
        return j >= b.count || b[j] == newline
    }

    /// A fence (three or more backticks or tildes) at the start of the line at
    /// `i`, after indentation and block quote markers.
    private static func fence(_ b: [UInt8], at i: Int) -> (char: UInt8, length: Int, onlyFence: Bool)? {
        var j = i
        while j < b.count, b[j] == space || b[j] == tab || b[j] == UInt8(ascii: ">") { j += 1 }
        guard j < b.count, b[j] == tick || b[j] == UInt8(ascii: "~") else { return nil }
        let char = b[j]
        var length = 0
        while j < b.count, b[j] == char { length += 1; j += 1 }
        guard length >= 3 else { return nil }
        var rest = j
        while rest < b.count, b[rest] == space || b[rest] == tab || b[rest] == UInt8(ascii: "\r") { rest += 1 }
        return (char, length, rest >= b.count || b[rest] == newline)
    }

    /// Where the line at `i` ends (after its line break).
    private static func lineEnd(_ b: [UInt8], from i: Int) -> Int {
        var j = i
        while j < b.count, b[j] != newline { j += 1 }
        return j < b.count ? j + 1 : j
    }

    /// Where a code span starting at `i` ends (a run of N backticks up to the
    /// next run of exactly N, within the paragraph); a run with no closer is text.
    private static func codeSpanEnd(_ b: [UInt8], from i: Int) -> Int {
        var open = 0
        while i + open < b.count, b[i + open] == tick { open += 1 }
        var j = i + open
        while j < b.count {
            if b[j] == newline, isBlankLine(b, from: j + 1) { break }
            if b[j] == tick {
                var run = 0
                while j + run < b.count, b[j + run] == tick { run += 1 }
                if run == open { return j + run }
                j += run
            } else {
                j += 1
            }
        }
        return i + open
    }

    private static func starts(_ b: [UInt8], _ i: Int, _ prefix: String) -> Bool {
        starts(b, i, Array(prefix.utf8))
    }

    private static func starts(_ b: [UInt8], _ i: Int, _ prefix: [UInt8]) -> Bool {
        i + prefix.count <= b.count && b[i..<(i + prefix.count)].elementsEqual(prefix)
    }

    /// The number and end of the placeholder at `i`.
    private static func placeholder(_ b: [UInt8], at i: Int) -> (Int, Int)? {
        var j = i + placeholderOpen.count
        var value = 0, digits = 0
        while j < b.count, b[j] >= UInt8(ascii: "0"), b[j] <= UInt8(ascii: "9"), digits < 9 {
            value = value * 10 + Int(b[j] - UInt8(ascii: "0"))
            digits += 1
            j += 1
        }
        guard digits > 0, starts(b, j, placeholderClose) else { return nil }
        return (value, j + placeholderClose.count)
    }
}

extension MathSpans {
    /// Plain text (a heading's, for its anchor and the table of contents)
    /// with each span as written.
    package func restoreText(_ text: String) -> String {
        guard !spans.isEmpty, text.utf8.contains(Self.placeholderOpen[0]) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if Self.starts(bytes, i, Self.placeholderOpen), let (index, end) = Self.placeholder(bytes, at: i), index < spans.count {
                out += Array(spans[index].written.utf8)
                i = end
                continue
            }
            if Self.starts(bytes, i, Self.filler) {
                if out.last == Self.space || out.last == Self.newline { out.removeLast() }
                i += Self.filler.count
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension RenderedBlock {
    /// The block with its math restored (`MathSpans.restore`).
    package func restoring(_ math: MathSpans) -> RenderedBlock {
        guard !math.isEmpty else { return self }
        var copy = self
        copy.html = math.restore(html)
        copy.text = isHeading ? math.restoreText(text) : text
        copy.items = items.map { $0.restoring(math) }
        return copy
    }

    private var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }
}
