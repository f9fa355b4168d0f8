import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one place that talks to cmark-gfm: parse bytes, copy the C tree into
/// `MarkdownNode` values, free the C tree. No C pointer leaves this file.
enum CmarkBridge {
    /// Nodes nested deeper than this are dropped (a 10,000-deep block quote
    /// would otherwise make every recursive walk of the Swift tree overflow).
    static let maxDepth = 256

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private static let registered: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// Must run once before parsing on several threads: cmark's extension
    /// registry is a process-wide list.
    static func prepare() { _ = registered }

    private static let inlineLock = NSLock()

    /// `cmark_parser_finish` parses the inlines, and cmark-gfm 0.29 switches the
    /// extensions' special characters (`~` for strikethrough) on and off in a
    /// process-wide table around that: two at once on different threads lose
    /// each other's strikethroughs and autolinks. Block parsing (`feed`) stays
    /// parallel; this step takes turns.
    private static func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        inlineLock.lock()
        defer { inlineLock.unlock() }
        return cmark_parser_finish(parser)
    }

    static func parse(_ bytes: [UInt8]) -> MarkdownDocument {
        prepare()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else {
            return MarkdownDocument(root: MarkdownNode(kind: .document, literal: "", range: SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1), children: []))
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let root = finish(parser) else {
            return MarkdownDocument(root: MarkdownNode(kind: .document, literal: "", range: SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1), children: []))
        }
        defer { cmark_node_free(root) }
        return copyTree(root)
    }

    /// Walks the C tree once with cmark's iterator (no recursion, so depth
    /// cannot overflow the stack) and builds the Swift tree bottom-up.
    private static func copyTree(_ root: OpaquePointer) -> MarkdownDocument {
        var stack: [MarkdownNode] = []
        var skipping = 0
        var truncatedAt: Int?
        guard let iter = cmark_iter_new(root) else {
            return MarkdownDocument(root: copyNode(root))
        }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let isContainer = cmark_node_first_child(node) != nil || isContainerType(node)
            if event == CMARK_EVENT_ENTER {
                if skipping > 0 || stack.count >= maxDepth {
                    if skipping == 0 { truncatedAt = Int(cmark_node_get_start_line(node)) }
                    if isContainer { skipping += 1 }
                    continue
                }
                let copy = copyNode(node)
                if isContainer {
                    stack.append(copy)
                } else if !stack.isEmpty {
                    stack[stack.count - 1].children.append(copy)
                } else {
                    stack.append(copy)
                }
            } else if event == CMARK_EVENT_EXIT {
                if skipping > 0 { skipping -= 1; continue }
                guard stack.count > 1 else { continue }
                let done = stack.removeLast()
                stack[stack.count - 1].children.append(done)
            }
        }
        return MarkdownDocument(root: stack.first ?? copyNode(root), truncatedAtLine: truncatedAt)
    }

    /// cmark reports ENTER and EXIT only for node types that can have children.
    private static func isContainerType(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
             CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
             CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_FOOTNOTE_REFERENCE:
            return false
        default:
            return true
        }
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String {
        p.map { String(cString: $0) } ?? ""
    }

    private static func copyNode(_ node: OpaquePointer) -> MarkdownNode {
        let range = SourceRange(
            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
        var literal = ""
        let kind: MarkdownNode.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST: kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK:
            kind = .codeBlock(info: string(cmark_node_get_fence_info(node)))
            literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock; literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_TEXT: kind = .text; literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_SOFTBREAK: kind = .softBreak
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE: kind = .code; literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_HTML_INLINE: kind = .htmlInline; literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK: kind = .link(destination: string(cmark_node_get_url(node)))
        case CMARK_NODE_IMAGE: kind = .image(destination: string(cmark_node_get_url(node)))
        default:
            switch string(cmark_node_get_type_string(node)) {
            case "table": kind = .table
            case "table_row", "table_header": kind = .tableRow
            case "table_cell": kind = .tableCell
            case "strikethrough": kind = .strikethrough
            case let other: kind = .other(other)
            }
        }
        return MarkdownNode(kind: kind, literal: literal, range: range, children: [])
    }
}

// MARK: - HTML rendering for the site

/// What a Markdown → HTML render may change on the way: link targets,
/// `[[wikilinks]]` and inline `=expr` calculations. The hooks return HTML
/// the caller has already escaped.
struct HTMLRenderHooks {
    /// What to do with a link or image destination.
    enum Destination {
        case keep
        case replace(String)
        /// The link is removed and its text kept; an image is replaced by its alt text.
        case drop
        /// The link's text is kept inside the given opening tag (closed by `</span>`).
        case broken(openingTag: String)
    }

    /// What a `[[wikilink]]` becomes.
    struct Wikilink {
        /// The page link, or nil when the target is no note.
        var href: String?
        /// The text shown.
        var text: String
        /// Opening tag around `text` when `href` is nil (closed by `</span>`).
        var brokenTag: String = "<span class=\"broken-link\">"
    }

    var unsafe = false
    var destination: (_ url: String, _ isImage: Bool) -> Destination = { _, _ in .keep }
    /// Called with the target (without `.md`), the label after `|` and the fragment after `#`.
    var wikilink: ((_ target: String, _ label: String?, _ fragment: String?) -> Wikilink)?
    /// HTML for inline code that starts with `=`, given the expression after `=`; nil keeps the code span.
    var inlineCalc: (_ expression: String) -> String? = { _ in nil }
}

/// One top-level block of a document, rendered.
struct RenderedBlock: Sendable {
    enum Kind: Equatable, Sendable {
        case heading(level: Int)
        case list
        case codeBlock(info: String)
        case paragraph, thematicBreak, htmlBlock, footnoteDefinition, other
    }

    var kind: Kind
    /// First and last line of the block in the text rendered (cmark's lines).
    var startLine: Int
    var endLine: Int
    var html: String
    /// Plain text of a heading; the literal of a code block.
    var text: String = ""
    /// The rendered items of a list, each with its own lines.
    var items: [RenderedBlock] = []
}

extension CmarkBridge {
    /// Renders a whole document to HTML with cmark-gfm's HTML renderer and
    /// the parser's extensions (so tagfilter applies). Raw HTML is omitted
    /// unless `unsafe`.
    static func renderHTML(_ markdown: [UInt8], unsafe: Bool) -> String {
        var hooks = HTMLRenderHooks()
        hooks.unsafe = unsafe
        return withRenderedTree(markdown, hooks: hooks) { root, options, extensions in
            render(root, options, extensions)
        } ?? ""
    }

    /// Renders each top-level block of a document separately (lists item by
    /// item too), so the site can put structured records between them.
    static func renderBlocks(_ markdown: [UInt8], hooks: HTMLRenderHooks) -> [RenderedBlock] {
        withRenderedTree(markdown, hooks: hooks) { root, options, extensions in
            var blocks: [RenderedBlock] = []
            var child = cmark_node_first_child(root)
            while let node = child {
                var block = RenderedBlock(kind: blockKind(node), startLine: Int(cmark_node_get_start_line(node)),
                                          endLine: Int(cmark_node_get_end_line(node)), html: render(node, options, extensions))
                switch block.kind {
                case .heading: block.text = plainText(node)
                case .codeBlock: block.text = string(cmark_node_get_literal(node))
                case .list:
                    var item = cmark_node_first_child(node)
                    while let i = item {
                        block.items.append(RenderedBlock(kind: .other, startLine: Int(cmark_node_get_start_line(i)),
                                                         endLine: Int(cmark_node_get_end_line(i)), html: render(i, options, extensions)))
                        item = cmark_node_next(i)
                    }
                default: break
                }
                blocks.append(block)
                child = cmark_node_next(node)
            }
            return blocks
        } ?? []
    }

    /// Renders one line of inline Markdown (a claim, a verdict) without the
    /// paragraph around it; nil when the text is not a single paragraph.
    static func renderInline(_ markdown: String, hooks: HTMLRenderHooks) -> String? {
        withRenderedTree(Array(markdown.utf8), hooks: hooks) { root, options, extensions -> String? in
            guard let paragraph = cmark_node_first_child(root), cmark_node_next(paragraph) == nil,
                  cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else { return nil }
            var html = ""
            var child = cmark_node_first_child(paragraph)
            while let node = child {
                html += render(node, options, extensions)
                child = cmark_node_next(node)
            }
            return html
        } ?? nil
    }

    /// Parses `markdown`, applies `hooks` to the tree and hands the tree to `body`.
    private static func withRenderedTree<T>(_ markdown: [UInt8], hooks: HTMLRenderHooks,
                                            _ body: (OpaquePointer, Int32, UnsafeMutablePointer<cmark_llist>?) -> T) -> T? {
        prepare()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | (hooks.unsafe ? CMARK_OPT_UNSAFE : 0)
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let root = finish(parser) else { return nil }
        defer { cmark_node_free(root) }
        applyHooks(root, hooks)
        return body(root, options, cmark_parser_get_syntax_extensions(parser))
    }

    private static func render(_ node: OpaquePointer, _ options: Int32, _ extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        guard let html = cmark_render_html(node, options, extensions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private static func blockKind(_ node: OpaquePointer) -> RenderedBlock.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_CODE_BLOCK: return .codeBlock(info: string(cmark_node_get_fence_info(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        default: return .other
        }
    }

    private static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        guard let iter = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iter) }
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(n) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += string(cmark_node_get_literal(n))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: break
            }
        }
        return out
    }

    /// Rewrites links, wikilinks and inline calculations. Nodes are collected
    /// first and changed after the walk, since cmark's iterator must not see
    /// a tree change under it.
    private static func applyHooks(_ root: OpaquePointer, _ hooks: HTMLRenderHooks) {
        if hooks.wikilink != nil { cmark_consolidate_text_nodes(root) }
        var links: [OpaquePointer] = [], texts: [OpaquePointer] = [], codes: [OpaquePointer] = []
        if let iter = cmark_iter_new(root) {
            while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
                case CMARK_NODE_TEXT:
                    if hooks.wikilink != nil, hasDoubleBracket(cmark_node_get_literal(node)), !insideLink(node) { texts.append(node) }
                case CMARK_NODE_CODE:
                    if cmark_node_get_literal(node)?.pointee == CChar(UInt8(ascii: "=")) { codes.append(node) }
                default: break
                }
            }
            cmark_iter_free(iter)
        }
        for node in codes {
            let expression = String(string(cmark_node_get_literal(node)).dropFirst())
            guard let html = hooks.inlineCalc(expression), let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            cmark_node_set_on_enter(custom, html)
            cmark_node_set_on_exit(custom, "")
            cmark_node_insert_before(node, custom)
            cmark_node_free(node)
        }
        for node in links {
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            switch hooks.destination(string(cmark_node_get_url(node)), isImage) {
            case .keep: break
            case .replace(let url): cmark_node_set_url(node, url)
            case .drop:
                if isImage {
                    let text = cmark_node_new(CMARK_NODE_TEXT)
                    cmark_node_set_literal(text, plainText(node))
                    cmark_node_insert_before(node, text)
                } else {
                    while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
                }
                cmark_node_free(node)
            case .broken(let tag):
                guard let span = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
                cmark_node_set_on_enter(span, tag)
                cmark_node_set_on_exit(span, "</span>")
                cmark_node_insert_before(node, span)
                if isImage {
                    let text = cmark_node_new(CMARK_NODE_TEXT)
                    cmark_node_set_literal(text, plainText(node))
                    cmark_node_append_child(span, text)
                } else {
                    while let child = cmark_node_first_child(node) { cmark_node_append_child(span, child) }
                }
                cmark_node_free(node)
            }
        }
        if let wikilink = hooks.wikilink {
            for node in texts { splitWikilinks(node, wikilink) }
        }
    }

    private static func hasDoubleBracket(_ p: UnsafePointer<CChar>?) -> Bool {
        guard var p else { return false }
        let bracket = CChar(UInt8(ascii: "["))
        while p.pointee != 0 {
            if p.pointee == bracket, p[1] == bracket { return true }
            p += 1
        }
        return false
    }

    private static func insideLink(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let p = parent {
            let type = cmark_node_get_type(p)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(p)
        }
        return false
    }

    /// Replaces a text node holding `[[target|label]]` runs with text, link
    /// and marked-broken nodes.
    private static func splitWikilinks(_ node: OpaquePointer,
                                       _ resolve: (String, String?, String?) -> HTMLRenderHooks.Wikilink) {
        let b = Array(string(cmark_node_get_literal(node)).utf8)
        var pieces: [OpaquePointer] = []
        var plainStart = 0
        var i = 0
        func text(_ bytes: ArraySlice<UInt8>) {
            guard !bytes.isEmpty, let t = cmark_node_new(CMARK_NODE_TEXT) else { return }
            cmark_node_set_literal(t, String(decoding: bytes, as: UTF8.self))
            pieces.append(t)
        }
        while i + 1 < b.count {
            guard b[i] == UInt8(ascii: "["), b[i + 1] == UInt8(ascii: "["),
                  let end = LabelledBullet.find([UInt8(ascii: "]"), UInt8(ascii: "]")], in: b, from: i + 2) else { i += 1; continue }
            guard let parts = NoteLink.wikilink(String(decoding: b[(i + 2)..<end], as: UTF8.self)) else { i += 1; continue }
            let link = resolve(parts.target, parts.label, parts.fragment)
            text(b[plainStart..<i])
            let inline: OpaquePointer?
            if let href = link.href {
                inline = cmark_node_new(CMARK_NODE_LINK)
                cmark_node_set_url(inline, href)
            } else {
                inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
                cmark_node_set_on_enter(inline, link.brokenTag)
                cmark_node_set_on_exit(inline, "</span>")
            }
            if let inline, let t = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(t, link.text)
                cmark_node_append_child(inline, t)
                pieces.append(inline)
            }
            i = end + 2
            plainStart = i
        }
        guard !pieces.isEmpty else { return }
        text(b[plainStart...])
        for piece in pieces { cmark_node_insert_before(node, piece) }
        cmark_node_free(node)
    }
}
