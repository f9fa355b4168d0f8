import NotesMarkdown
import NotesModel
import NotesSupport

extension NoteParser {
    /// `dropped-html`: raw HTML that cmark-gfm's safe mode leaves out of the
    /// page, at the block or tag where it stands. HTML comments are not
    /// content (and `notesc-disable` ones are directives), and a closing tag
    /// drops nothing its opening tag has not been reported for. Whether the
    /// site passes HTML through (`--unsafe-html`) is the build's business: it
    /// drops these diagnostics then.
    mutating func reportRawHTML(_ root: MarkdownNode) {
        var stack = [root]
        while let node = stack.popLast() {
            if case .htmlBlock = node.kind {
                if let tag = Self.droppedTag(node.literal, inBlock: true) {
                    reportDroppedHTML(tag, at: node.range.start, block: true)
                }
                continue
            }
            for inline in node.inlines where inline.kind == .html {
                if let tag = Self.droppedTag(inline.text, inBlock: false) {
                    reportDroppedHTML(tag, at: inline.range.start, block: false)
                }
            }
            stack.append(contentsOf: node.children.reversed())
        }
    }

    private mutating func reportDroppedHTML(_ tag: String, at start: SourcePosition, block: Bool) {
        let spot = start.line > 0 ? range(line: start.line, column: max(start.column, 1), length: tag.utf8.count)
                                    : SourceRange(line: 1, column: 1, length: 1)
        let what = block ? "HTML block starting with \(tag)" : "raw HTML \(tag)"
        report(.droppedHTML, spot, "\(what) is left out of the page: the site does not pass raw HTML through",
               suggestion: "write it in Markdown, or build with --unsafe-html to pass HTML through")
    }

    /// The tag that names a piece of raw HTML (`<details>`, `<!DOCTYPE>`),
    /// or nil when it drops nothing: an HTML comment, a closing tag, or (a
    /// block) nothing but those.
    static func droppedTag(_ html: String, inBlock: Bool) -> String? {
        let b = Array(html.utf8)
        var i = 0
        var firstClosing: String?
        var hasText = false
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else {
                if !(b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D) { hasText = true }
                i += 1
                continue
            }
            if b[i...].starts(with: Array("<!--".utf8)) {
                guard let close = ByteSearch.find(Array("-->".utf8), in: b, from: i + 4) else { return nil }
                i = close + 3
                continue
            }
            if b[i...].starts(with: Array("<![CDATA[".utf8)) { return "<![CDATA[" }
            if b[i...].starts(with: Array("<?".utf8)) { return "<?" }
            var j = i + 1
            let closing = j < b.count && b[j] == UInt8(ascii: "/")
            if closing { j += 1 }
            let nameStart = j
            if j < b.count, b[j] == UInt8(ascii: "!") { j += 1 }
            while j < b.count, b[j] == UInt8(ascii: "-") || isAlphanumeric(b[j]) { j += 1 }
            guard j > nameStart else { hasText = true; i += 1; continue }
            let tag = "<" + (closing ? "/" : "") + String(decoding: b[nameStart..<j], as: UTF8.self) + ">"
            if !closing { return tag }
            if firstClosing == nil { firstClosing = tag }
            guard inBlock, let end = b[j...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            i = end + 1
        }
        return inBlock && hasText ? firstClosing : nil
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
    }
}
