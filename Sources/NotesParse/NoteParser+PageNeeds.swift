import NotesMarkdown
import NotesModel
import NotesSupport

extension NoteParser {
    /// Whether the page will show math (the renderer's own scan, `MathSpans`)
    /// and which languages its fenced code is in.
    static func pageNeeds(_ cmarkBytes: [UInt8], _ root: MarkdownNode) -> PageNeeds {
        var needs = PageNeeds()
        needs.math = MathSpans.contains(cmarkBytes)
        var languages = Set<String>()
        var stack = [root]
        while let node = stack.popLast() {
            if case .codeBlock(let info) = node.kind {
                let language = info.split(separator: " ").first.map { String($0).lowercased() } ?? ""
                if !language.isEmpty, language != "calc", language != "mermaid", language != "query" { languages.insert(language) }
            }
            stack.append(contentsOf: node.children)
        }
        needs.codeLanguages = languages.sorted()
        return needs
    }

    /// The headings and block ids links can point into. The H1 that titles
    /// the note is the page's title, not a heading of its body (so renaming
    /// a title changes nothing other notes' links are checked against).
    static func anchors(_ root: MarkdownNode, titleLine: Int?) -> NoteAnchors {
        var anchors = NoteAnchors()
        var stack = [root]
        while let node = stack.popLast() {
            switch node.kind {
            case .heading(let level):
                if level == 1, node.range.start.line == titleLine { continue }
                anchors.headings.append(node.plainText.trimmingSpaces)
            case .paragraph:
                if let (id, _) = BlockIDs.trailingID(node.plainText.trimmingSpaces) { anchors.blocks.append(id) }
            case .codeBlock, .htmlBlock:
                continue
            default:
                break
            }
            stack.append(contentsOf: node.children.reversed())
        }
        return anchors
    }
}

extension NoteParser {
    /// The note's text for full-text search: each block's text on a line of
    /// its own, in reading order, code included (a command is often what a
    /// reader looks for), raw HTML left out.
    static func bodyText(_ root: MarkdownNode) -> String {
        // Gathered as bytes: a string made and trimmed for every block, then
        // appended, was a sixth of parsing.
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        func add(_ text: some Collection<UInt8>) {
            guard !text.isEmpty else { return }
            if !out.isEmpty { out.append(0x0A) }
            out.append(contentsOf: text)
        }
        func walk(_ node: MarkdownNode) {
            switch node.kind {
            case .htmlBlock, .thematicBreak: return
            default: break
            }
            var literal = node.literal
            literal.withUTF8 { u in
                var start = 0, end = u.count
                while start < end, u[start] == 0x20 || u[start] == 0x09 { start += 1 }
                while end > start, u[end - 1] == 0x20 || u[end - 1] == 0x09 { end -= 1 }
                guard start < end else { return }
                let text = UnsafeBufferPointer(rebasing: u[start..<end])
                // A block id or a highlight: the few blocks that have one are read as text.
                guard !text.contains(UInt8(ascii: "^")), !text.contains(UInt8(ascii: "=")) else {
                    var text = String(decoding: text, as: UTF8.self)
                    // A block id (`^id`) is a link target, not what the block says.
                    if text.utf8.contains(UInt8(ascii: "^")), let (_, start) = BlockIDs.trailingID(text) {
                        text = String(text[..<start]).trimmingSpaces
                    }
                    if text.utf8.contains(UInt8(ascii: "=")) { text = withoutHighlightMarks(text) }
                    return add(text.utf8)
                }
                add(text)
            }
            node.children.withUnsafeBufferPointer { children in
                for child in children.indices { walk(children[child]) }
            }
        }
        walk(root)
        // Made from an array of its own size: kept as long as the note (the whole build).
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` without the `==` of `==highlights==` (they are marks on the
    /// page, not words): a `==` touching a word on one side only, and not
    /// part of a longer run of `=`. `a == b` and `x===y` keep theirs.
    static func withoutHighlightMarks(_ text: String) -> String {
        let b = Array(text.utf8)
        let eq = UInt8(ascii: "=")
        func blank(_ i: Int) -> Bool { i < 0 || i >= b.count || b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == eq, i + 1 < b.count, b[i + 1] == eq, i == 0 || b[i - 1] != eq, i + 2 >= b.count || b[i + 2] != eq,
               blank(i - 1) != blank(i + 2) {
                i += 2
                continue
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
