import Foundation
import NotesModel
import NotesSupport

/// What an embed (`![[Note]]`, `![[Note#Heading]]`, `![[Note#^block]]`)
/// shows of a note: all of it, a heading's section or a block. Found in the
/// note's Markdown by cmark's block positions, so the site (which renders the
/// part) and lint (which follows embeds inside it for `embed-cycle`) agree on
/// where a part begins and ends.
package enum NotePart: Hashable, Sendable {
    case whole
    /// A heading, by the slug its anchor takes (`slugify` of its text).
    case heading(String)
    /// A paragraph or list item whose text ends with ` ^id`, by the id (no `^`).
    case block(String)

    /// The part a link's fragment names: none is the whole note; `A#B` the
    /// last heading, `B` (as Obsidian goes to it); `^id` a block.
    package init(fragment: String?) {
        guard let fragment else { self = .whole; return }
        let decoded = fragment.removingPercentEncoding ?? fragment
        let last = decoded.split(separator: "#").last.map(String.init) ?? ""
        if last.hasPrefix("^") {
            self = .block(String(last.dropFirst()))
        } else if last.trimmingSpaces.isEmpty {
            self = .whole
        } else {
            self = .heading(slugify(last))
        }
    }

    /// The lines the part spans in a document, as cmark numbers them, and
    /// how far the part is indented (a nested list item); nil when the
    /// document has no such heading or block.
    package struct Span: Equatable, Sendable {
        package var lines: ClosedRange<Int>
        package var indent: Int
    }

    package func span(in document: MarkdownDocument) -> Span? {
        let blocks = document.root.children
        switch self {
        case .whole:
            return Span(lines: 1...Int.max, indent: 0)
        case .heading(let slug):
            // A heading's section runs to the next heading of its level or higher.
            guard let i = blocks.firstIndex(where: { $0.headingLevel != nil && Self.slug(of: $0) == slug }) else { return nil }
            let level = blocks[i].headingLevel!
            let next = blocks[(i + 1)...].first { ($0.headingLevel ?? Int.max) <= level }
            let end = next.map { $0.range.start.line - 1 } ?? Int.max
            return Span(lines: blocks[i].range.start.line...max(blocks[i].range.start.line, end), indent: 0)
        case .block(let id):
            var stack: [(node: MarkdownNode, parent: MarkdownNode?)] = blocks.reversed().map { ($0, nil) }
            while let (node, parent) = stack.popLast() {
                if node.kind == .paragraph, Self.blockID(of: node.literal) == id {
                    // The first paragraph of a list item stands for the item.
                    let whole = parent.flatMap { p in p.kind == .item && p.children.first?.range == node.range ? p : nil } ?? node
                    return Span(lines: whole.range.start.line...whole.range.end.line, indent: whole.range.start.column - 1)
                }
                stack += node.children.reversed().map { ($0, node) }
            }
            return nil
        }
    }

    /// The part's Markdown, cut from the note's (`markdown(ofFile:)`); nil
    /// when the note has no such heading or block. A block loses its ` ^id`.
    package func markdown(in markdown: [UInt8]) -> [UInt8]? {
        if self == .whole { return markdown }
        guard let span = span(in: CmarkBridge.parse(markdown)) else { return nil }
        var out: [UInt8] = []
        var line = 1, i = 0
        while i < markdown.count, line <= span.lines.upperBound {
            var end = i
            while end < markdown.count, markdown[end] != 0x0A { end += 1 }
            if end < markdown.count { end += 1 }
            if line >= span.lines.lowerBound {
                // A nested item's indentation (and a quote's `>`) would make it code or a quote alone.
                var start = i
                while start < end, start - i < span.indent, markdown[start] == 0x20 || markdown[start] == 0x09 || markdown[start] == UInt8(ascii: ">") {
                    start += 1
                }
                out += markdown[start..<end]
            }
            line += 1
            i = end
        }
        if case .block(let id) = self { out = Self.removingMarker(id, from: out) }
        return out
    }

    /// How messages name this part of note `id`: `id`, `id#heading-slug`, `id#^block`.
    package func name(of id: String) -> String {
        switch self {
        case .whole: id
        case .heading(let slug): id + "#" + slug
        case .block(let block): id + "#^" + block
        }
    }

    /// A heading's anchor slug.
    private static func slug(of heading: MarkdownNode) -> String {
        slugify(Mojibake.fix(heading.literal))
    }

    /// `id` when a paragraph's text ends with ` ^id` (letters, digits, `-`).
    package static func blockID(of text: String) -> String? {
        let trimmed = text.trimmingSpaces
        guard let caret = trimmed.lastIndex(of: "^") else { return nil }
        let id = trimmed[trimmed.index(after: caret)...]
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        guard caret == trimmed.startIndex || trimmed[trimmed.index(before: caret)] == " " else { return nil }
        return String(id)
    }

    /// The Markdown with the first ` ^id` that ends a line taken out.
    private static func removingMarker(_ id: String, from bytes: [UInt8]) -> [UInt8] {
        let marker = Array(("^" + id).utf8)
        var i = 0
        while let found = ByteSearch.find(marker, in: bytes, from: i) {
            var after = found + marker.count
            while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 || bytes[after] == 0x0D { after += 1 }
            var before = found
            while before > 0, bytes[before - 1] == 0x20 || bytes[before - 1] == 0x09 { before -= 1 }
            let startsWell = before < found || before == 0 || bytes[before - 1] == 0x0A
            if startsWell, after == bytes.count || bytes[after] == 0x0A {
                return Array(bytes[..<before]) + bytes[after...]
            }
            i = found + 1
        }
        return bytes
    }

    /// A note file's Markdown as cmark should see it: BOM dropped, front
    /// matter and `%% comments %%` blanked, lines where they were.
    package static func markdown(ofFile bytes: [UInt8]) -> [UInt8] {
        guard case .success(let source) = SourceText.decode(bytes) else { return [] }
        let front = FrontMatter.lastLine(source)
        return source.withoutComments(frontMatterEnd: front ?? 0).cmarkInput(frontMatterEnd: front)
    }
}
