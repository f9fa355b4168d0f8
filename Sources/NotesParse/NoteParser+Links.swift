import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport

extension NoteParser {
    /// Inline `=expr` calculations, relative links and images, inline `#tags` and calc blocks, from the whole tree.
    mutating func collectInline(_ root: MarkdownNode) {
        var stack = [root]
        var inlineTags: [String] = []
        while let node = stack.popLast() {
            if case .codeBlock(let info) = node.kind, info.split(separator: " ").first == "calc" {
                note.calcBlocks.append(CalcBlock(text: node.literal, range: range(line: node.range.start.line, column: node.range.start.column, length: 3),
                                                 firstLine: node.range.start.line + 1, column: position(node.range.start).column))
            }
            if case .codeBlock(let info) = node.kind, info.split(separator: " ").first?.lowercased() == "query" {
                note.queryBlocks.append(QueryBlock(text: node.literal, range: range(line: node.range.start.line, column: node.range.start.column, length: 3),
                                                   firstLine: node.range.start.line + 1))
            }
            for inline in node.inlines {
                switch inline.kind {
                case .code where inline.text.hasPrefix("="):
                    let expression = String(inline.text.dropFirst())
                    note.inlineCalcs.append(InlineCalc(
                        expression: expression,
                        range: range(line: inline.range.start.line, column: inline.range.start.column + 1, length: expression.utf8.count)))
                case .link(let destination), .image(let destination):
                    var embed = false
                    if case .image = inline.kind { embed = true }
                    if var link = NoteLink.markdown(destination: destination, label: inline.text, from: id, embed: embed) {
                        link.range = inline.range.start.line > 0 ? range(inline.range) : SourceRange(line: 1, column: 1, length: 1)
                        note.links.append(link)
                    }
                case .tag:
                    inlineTags.append(inline.text)
                default:
                    break
                }
            }
            stack.append(contentsOf: node.children.reversed())
        }
        // Front matter and `**Tags**` first, then the text's, each once whatever its case (as Obsidian).
        note.tags = InlineTags.unique(note.tags + inlineTags)
        note.inlineCalcs.sort { $0.range.start < $1.range.start }
        note.calcBlocks.sort { $0.range.start < $1.range.start }
        note.queryBlocks.sort { $0.range.start < $1.range.start }
    }

    /// Lines that hold code or raw HTML blocks, where `[[...]]` is not a link.
    func codeLines(_ root: MarkdownNode) -> Set<Int> {
        var lines = Set<Int>()
        var stack = [root]
        while let node = stack.popLast() {
            switch node.kind {
            case .codeBlock, .htmlBlock:
                if node.range.start.line > 0 { lines.formUnion(node.range.start.line...max(node.range.start.line, node.range.end.line)) }
            default:
                stack.append(contentsOf: node.children)
            }
        }
        return lines
    }

    /// `[[note-id]]`, `[[note-id|label]]`, `[[note-id#heading]]` outside code.
    mutating func scanWikilinks(codeLines: Set<Int>) {
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), tick = UInt8(ascii: "`")
        guard ByteSearch.find([open, open], in: source.bytes, from: 0) != nil else { return }
        for line in 1...max(source.lineCount, 1) where !codeLines.contains(line) {
            let slice = source.lineBytes(line)
            guard slice.count > 3, slice.contains(open) else { continue }
            let b = Array(slice)
            var i = 0
            while i + 1 < b.count {
                if b[i] == tick {
                    // Skip a code span: a run of N backticks up to the next run of exactly N.
                    var n = 0
                    while i + n < b.count, b[i + n] == tick { n += 1 }
                    var j = i + n
                    var closed = false
                    while j < b.count {
                        if b[j] == tick {
                            var m = 0
                            while j + m < b.count, b[j + m] == tick { m += 1 }
                            if m == n { j += m; closed = true; break }
                            j += m
                        } else { j += 1 }
                    }
                    i = closed ? j : i + n
                    continue
                }
                guard b[i] == open, b[i + 1] == open,
                      let end = ByteSearch.find([close, close], in: b, from: i + 2) else { i += 1; continue }
                if let link = NoteLink.wikilink(String(decoding: b[(i + 2)..<end], as: UTF8.self)) {
                    note.links.append(NoteLink(style: .wikilink, target: link.target, label: link.label, fragment: link.fragment,
                                               range: range(line: line, column: i + 1, length: end + 2 - i),
                                               embed: i > 0 && b[i - 1] == UInt8(ascii: "!")))
                }
                i = end + 2
            }
        }
        note.links.sort { $0.range.start < $1.range.start }
    }
}

extension NoteLink {
    /// A relative link to another note (a path ending in `.md`, resolved
    /// against the linking note's folder) or to a file (a path with another
    /// extension, percent-decoded, resolved later like a wikilink to a file);
    /// nil for a URL (a scheme, `//`), `#fragment`, `mailto:` or a path without an extension.
    package static func markdown(destination: String, label: String, from noteID: String, embed: Bool = false) -> NoteLink? {
        var path = destination
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        let decoded = path.removingPercentEncoding ?? path
        guard !decoded.isEmpty, !decoded.contains("://"), !decoded.hasPrefix("//"), !decoded.hasPrefix("mailto:") else { return nil }
        guard decoded.lowercased().hasSuffix(".md") else {
            // `name:` before any `/` is a scheme (`data:`, `tel:`); a path to a folder or without an extension is no file link.
            guard !hasScheme(decoded), hasFileExtension(decoded) else { return nil }
            var target = decoded
            while target.hasPrefix("./") { target.removeFirst(2) }
            return NoteLink(style: .markdown, target: target, label: label, fragment: fragment,
                            range: SourceRange(line: 1, column: 1, length: 1), embed: embed)
        }
        var parts: [Substring] = decoded.hasPrefix("/") ? [] : noteID.split(separator: "/").dropLast()
        for part in decoded.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if parts.isEmpty { parts.append("..") } else if parts.last == ".." { parts.append("..") } else { parts.removeLast() }
            default: parts.append(part)
            }
        }
        let target = stripMarkdownExtension(parts.joined(separator: "/"))
        return NoteLink(style: .markdown, target: target, label: label, fragment: fragment,
                        range: SourceRange(line: 1, column: 1, length: 1), embed: embed)
    }

    /// `scheme:` (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`) at the start.
    static func hasScheme(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":"), colon != s.startIndex else { return false }
        let scheme = s[..<colon]
        return scheme.first!.isASCII && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
