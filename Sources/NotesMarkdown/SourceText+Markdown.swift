import NotesSupport

/// The one way a note's text becomes what notesc reads and renders: the
/// parser and the site's pages both take it from here.
extension SourceText {
    /// The text with Obsidian's `%% comments %%` (inline or over several
    /// lines, outside code; an unclosed `%%` runs to the end, as Obsidian
    /// shows it) turned into spaces. Line breaks stay, so every position is
    /// where it was in the file. Front matter (lines up to `frontMatterEnd`)
    /// is left as written: YAML has no `%%` comments.
    package func withoutComments(frontMatterEnd: Int = 0) -> SourceText {
        blankingComments(frontMatterEnd: frontMatterEnd).text
    }

    /// Where a `%%` opens a comment that never closes (1-based line and byte
    /// column): it hides the rest of the note, which is worth saying.
    package func unclosedComment(frontMatterEnd: Int = 0) -> (line: Int, column: Int)? {
        guard let offset = blankingComments(frontMatterEnd: frontMatterEnd).unclosedAt else { return nil }
        let line = (lineStarts.lastIndex { $0 <= offset } ?? 0) + 1
        return (line, offset - lineStarts[line - 1] + 1)
    }

    private func blankingComments(frontMatterEnd: Int) -> (text: SourceText, unclosedAt: Int?) {
        let percent = UInt8(ascii: "%")
        guard ByteSearch.find([percent, percent], in: bytes, from: 0) != nil else { return (self, nil) }
        var out = bytes
        var inComment = false
        var openedAt = 0
        var fence: (marker: UInt8, length: Int)?
        for line in (frontMatterEnd + 1)..<(lineCount + 1) {
            let start = lineStarts[line - 1]
            var end = line < lineCount ? lineStarts[line] : bytes.count
            while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
            if !inComment, let run = Self.fenceRun(bytes, start, end) {
                if let open = fence {
                    if run.marker == open.marker, run.length >= open.length, run.restIsBlank { fence = nil }
                } else {
                    fence = (run.marker, run.length)
                }
                continue
            }
            if fence != nil { continue }
            var i = start
            while i < end {
                if inComment {
                    // Inside a comment: blank up to and including the closing `%%`.
                    var j = i
                    while j < end, !(bytes[j] == percent && j + 1 < end && bytes[j + 1] == percent) { j += 1 }
                    let stop = j < end ? j + 2 : end
                    for k in i..<stop { out[k] = 0x20 }
                    if j < end { inComment = false }
                    i = stop
                } else if bytes[i] == UInt8(ascii: "`") {
                    // A code span: a run of N backticks up to the next run of exactly N on the line.
                    var n = 0
                    while i + n < end, bytes[i + n] == UInt8(ascii: "`") { n += 1 }
                    var j = i + n
                    var closed = false
                    while j < end {
                        if bytes[j] == UInt8(ascii: "`") {
                            var m = 0
                            while j + m < end, bytes[j + m] == UInt8(ascii: "`") { m += 1 }
                            j += m
                            if m == n { closed = true; break }
                        } else { j += 1 }
                    }
                    i = closed ? j : i + n
                } else if bytes[i] == percent, i + 1 < end, bytes[i + 1] == percent {
                    inComment = true
                    openedAt = i
                    out[i] = 0x20
                    out[i + 1] = 0x20
                    i += 2
                } else {
                    i += 1
                }
            }
        }
        return (SourceText(bytes: out, hadBOM: hadBOM, lineStarts: lineStarts), inComment ? openedAt : nil)
    }

    /// What cmark parses: the text with the front matter block (lines up to
    /// `frontMatterEnd`) turned into spaces, its line breaks kept, so lines
    /// still count from the file's first byte.
    package func cmarkInput(frontMatterEnd: Int?) -> [UInt8] {
        var text = bytes
        if let last = frontMatterEnd {
            let end = last < lineStarts.count ? lineStarts[last] : text.count
            for i in 0..<end where text[i] != 0x0A && text[i] != 0x0D { text[i] = 0x20 }
        }
        return text
    }

    /// A fence line of a fenced code block: up to three spaces, then three or
    /// more backticks or tildes.
    private static func fenceRun(_ b: [UInt8], _ start: Int, _ end: Int) -> (marker: UInt8, length: Int, restIsBlank: Bool)? {
        var i = start
        while i < end, i - start < 3, b[i] == 0x20 { i += 1 }
        guard i < end, b[i] == UInt8(ascii: "`") || b[i] == UInt8(ascii: "~") else { return nil }
        let marker = b[i]
        var n = 0
        while i + n < end, b[i + n] == marker { n += 1 }
        guard n >= 3 else { return nil }
        let rest = b[(i + n)..<end]
        return (marker, n, rest.allSatisfy { $0 == 0x20 || $0 == 0x09 })
    }
}
