import CCmarkGFM
import CCmarkThreads
import Foundation
#if canImport(Glibc)
import Glibc
import NotesModel
import NotesSupport
#endif

/// The one place that talks to cmark-gfm: parse bytes, copy the C tree into
/// `MarkdownNode` values, free the C tree. No C pointer leaves this file.
package enum CmarkBridge {
    /// Nodes nested deeper than this are dropped (a 10,000-deep block quote
    /// would otherwise make every recursive walk of the Swift tree overflow).
    package static let maxDepth = 256

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions (cmark's registry is a process-wide
    /// list), then parses one document so that `CCmarkThreads` pins the
    /// extensions' special characters before any parse runs on another thread.
    private static let inlinesRunInParallel: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = newParser(CMARK_OPT_DEFAULT) else { return false }
        defer { cmark_parser_free(parser) }
        let probe = "~~a~~ www.example.com\n"
        cmark_parser_feed(parser, probe, probe.utf8.count)
        if let root = cmark_parser_finish(parser) { cmark_node_free(root) }
        return notesc_cmark_special_chars_pinned() != 0
    }()

    /// Must run once before parsing on several threads.
    package static func prepare() { _ = inlinesRunInParallel }

    /// Whether documents' inlines are parsed on several threads at once.
    static var inlineParsingIsParallel: Bool { inlinesRunInParallel }

    private static let inlineLock = NSLock()

    /// `cmark_parser_finish` parses the inlines. cmark-gfm 0.29 switches the
    /// extensions' special characters (`~` for strikethrough) on and off in a
    /// process-wide table around that, so two at once on different threads
    /// lose each other's strikethroughs and autolinks. `CCmarkThreads` pins
    /// the characters so the switching never happens; in the unlikely case
    /// that it cannot (a library that binds the call internally), this step
    /// takes turns.
    private static func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        if inlinesRunInParallel { return cmark_parser_finish(parser) }
        inlineLock.lock()
        defer { inlineLock.unlock() }
        return cmark_parser_finish(parser)
    }

    private static func newParser(_ options: Int32) -> OpaquePointer? {
        guard let parser = cmark_parser_new(options) else { return nil }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        return parser
    }

    package static func parse(_ bytes: [UInt8]) -> MarkdownDocument {
        prepare()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = newParser(options) else {
            return MarkdownDocument(root: MarkdownNode(kind: .document, literal: "", range: SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1), children: []))
        }
        defer { cmark_parser_free(parser) }
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
    /// cannot overflow the stack) and builds the Swift tree of blocks
    /// bottom-up. Inline nodes are folded into the block around them: their
    /// text into its `literal`, code spans, links and images into `inlines`.
    private static func copyTree(_ root: OpaquePointer) -> MarkdownDocument {
        var stack: [MarkdownNode] = []
        /// Inline text of each open block, as UTF-8, turned into a String once.
        var texts: [[UInt8]] = []
        /// Open links and images: index in the innermost block's `inlines`, and their text so far.
        var openLinks: [(index: Int, text: [UInt8])] = []
        var skipping = 0
        var truncatedAt: Int?
        /// Adjacent text outside links and headings, where `#tag`s are read (as on the page).
        var run: [UInt8] = []
        guard let iter = cmark_iter_new(root) else {
            return MarkdownDocument(root: copyBlock(root))
        }
        defer { cmark_iter_free(iter) }

        func appendText(_ p: UnsafePointer<CChar>?) {
            guard let p, !texts.isEmpty else { return }
            let bytes = UnsafeRawBufferPointer(start: p, count: strlen(p))
            texts[texts.count - 1].append(contentsOf: bytes)
            for i in openLinks.indices { openLinks[i].text.append(contentsOf: bytes) }
        }
        func appendSpace() {
            guard !texts.isEmpty else { return }
            texts[texts.count - 1].append(0x20)
            for i in openLinks.indices { openLinks[i].text.append(0x20) }
        }
        func flushRun() {
            guard !run.isEmpty else { return }
            defer { run.removeAll(keepingCapacity: true) }
            guard !stack.isEmpty else { return }
            for tag in InlineTags.scan(run) {
                stack[stack.count - 1].inlines.append(MarkdownInline(kind: .tag, text: tag.name, range: stack[stack.count - 1].range))
            }
        }
        func close() -> MarkdownNode {
            var done = stack.removeLast()
            let text = texts.removeLast()
            if !text.isEmpty { done.literal = String(decoding: text, as: UTF8.self) }
            return done
        }

        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_INLINE) {
                guard skipping == 0, !stack.isEmpty else { continue }
                if type == CMARK_NODE_TEXT {
                    if openLinks.isEmpty, stack[stack.count - 1].headingLevel == nil, let p = cmark_node_get_literal(node) {
                        run.append(contentsOf: UnsafeRawBufferPointer(start: p, count: strlen(p)))
                    }
                } else {
                    flushRun()
                }
                switch type {
                case CMARK_NODE_TEXT:
                    appendText(cmark_node_get_literal(node))
                case CMARK_NODE_HTML_INLINE:
                    appendText(cmark_node_get_literal(node))
                    stack[stack.count - 1].inlines.append(MarkdownInline(kind: .html, text: string(cmark_node_get_literal(node)), range: range(of: node)))
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    appendSpace()
                case CMARK_NODE_CODE:
                    let literal = cmark_node_get_literal(node)
                    appendText(literal)
                    stack[stack.count - 1].inlines.append(MarkdownInline(kind: .code, text: string(literal), range: range(of: node)))
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    if event == CMARK_EVENT_ENTER {
                        let destination = string(cmark_node_get_url(node))
                        let kind: MarkdownInline.Kind = type == CMARK_NODE_LINK ? .link(destination: destination) : .image(destination: destination)
                        stack[stack.count - 1].inlines.append(MarkdownInline(kind: kind, text: "", range: range(of: node)))
                        openLinks.append((stack[stack.count - 1].inlines.count - 1, []))
                    } else if let open = openLinks.popLast() {
                        stack[stack.count - 1].inlines[open.index].text = String(decoding: open.text, as: UTF8.self)
                    }
                default:
                    break
                }
                continue
            }
            flushRun()
            let isContainer = cmark_node_first_child(node) != nil || isContainerType(node)
            if event == CMARK_EVENT_ENTER {
                if skipping > 0 || stack.count >= maxDepth {
                    if skipping == 0 { truncatedAt = Int(cmark_node_get_start_line(node)) }
                    if isContainer { skipping += 1 }
                    continue
                }
                let copy = copyBlock(node)
                if isContainer || stack.isEmpty {
                    stack.append(copy)
                    texts.append([])
                } else {
                    stack[stack.count - 1].children.append(copy)
                }
            } else if event == CMARK_EVENT_EXIT {
                if skipping > 0 { skipping -= 1; continue }
                guard stack.count > 1 else { continue }
                var done = close()
                if done.kind == .paragraph, stack[stack.count - 1].kind == .blockQuote, stack[stack.count - 1].children.isEmpty,
                   let marker = CalloutMarker.parse(done.literal.utf8) {
                    // A callout's marker is syntax, not text: its title stays.
                    done.literal = String(decoding: done.literal.utf8.dropFirst(marker.length), as: UTF8.self)
                }
                stack[stack.count - 1].children.append(done)
            }
        }
        guard !stack.isEmpty else { return MarkdownDocument(root: copyBlock(root), truncatedAtLine: truncatedAt) }
        return MarkdownDocument(root: close(), truncatedAtLine: truncatedAt)
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

    static func string(_ p: UnsafePointer<CChar>?) -> String {
        p.map { String(cString: $0) } ?? ""
    }

    private static func range(of node: OpaquePointer) -> SourceRange {
        SourceRange(
            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
    }

    private static func copyBlock(_ node: OpaquePointer) -> MarkdownNode {
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
        default:
            switch string(cmark_node_get_type_string(node)) {
            case "table": kind = .table
            case "table_row", "table_header": kind = .tableRow
            case "table_cell": kind = .tableCell
            case let other: kind = .other(other)
            }
        }
        return MarkdownNode(kind: kind, literal: literal, range: range(of: node), children: [])
    }
}

// MARK: - HTML rendering for the site

/// What a Markdown → HTML render may change on the way: link targets,
/// `[[wikilinks]]` and inline `=expr` calculations. The hooks return HTML
/// the caller has already escaped.
package struct HTMLRenderHooks {
    /// What to do with a link or image destination.
    package enum Destination {
        case keep
        case replace(String)
        /// The link is removed and its text kept; an image is replaced by its alt text.
        case drop
        /// The link's text is kept inside the given opening tag (closed by `</span>`).
        case broken(openingTag: String)
    }

    /// What a `[[wikilink]]` becomes.
    package struct Wikilink {
        /// The page link, or nil when the target is no note.
        var href: String?
        /// The text shown.
        var text: String
        /// Opening tag around `text` when `href` is nil (closed by `</span>`).
        var brokenTag: String = "<span class=\"broken-link\">"
        /// HTML that stands in the link's place instead (an embedded image), as it is.
        var html: String?
        /// Block HTML for the link when it is all its paragraph holds (an
        /// embedded note, `![[Note]]` on a line of its own): it replaces the
        /// paragraph. Called only then; nil from it, or the link inside a
        /// sentence, keeps the link.
        var block: (() -> String?)?

        package init(href: String? = nil, text: String, brokenTag: String = "<span class=\"broken-link\">", html: String? = nil,
                     block: (() -> String?)? = nil) {
            self.href = href
            self.text = text
            self.brokenTag = brokenTag
            self.html = html
            self.block = block
        }
    }

    package var unsafe = false
    package var destination: (_ url: String, _ isImage: Bool) -> Destination = { _, _ in .keep }
    /// Called with the target (without `.md`), the label after `|`, the
    /// fragment after `#`, and whether a `!` makes it an embed (`![[…]]`).
    package var wikilink: ((_ target: String, _ label: String?, _ fragment: String?, _ embed: Bool) -> Wikilink)?
    /// HTML for inline code that starts with `=`, given the expression after `=`; nil keeps the code span.
    package var inlineCalc: (_ expression: String) -> String? = { _ in nil }
    /// The page of an inline `#tag`, given its name; nil (or no hook) keeps the tag as text.
    package var tag: ((_ name: String) -> String?)?
    /// Block HTML for a fenced code block inside another block (a list item,
    /// a quote, a callout), given its info string and its first line; nil
    /// keeps the code. Top-level blocks are the caller's to replace.
    package var nestedCodeBlock: ((_ info: String, _ line: Int) -> String?)?

    package init(wikilink: ((_ target: String, _ label: String?, _ fragment: String?, _ embed: Bool) -> Wikilink)? = nil) {
        self.wikilink = wikilink
    }
}

/// One top-level block of a document, rendered.
package struct RenderedBlock: Sendable {
    package enum Kind: Equatable, Sendable {
        case heading(level: Int)
        case list
        case codeBlock(info: String)
        case paragraph, thematicBreak, htmlBlock, footnoteDefinition, other
    }

    package var kind: Kind
    /// First and last line of the block in the text rendered (cmark's lines).
    package var startLine: Int
    var endLine: Int
    package var html: String
    /// Plain text of a heading; the literal of a code block.
    package var text: String = ""
    /// The rendered items of a list, each with its own lines.
    package var items: [RenderedBlock] = []
    /// A list item that starts with a paragraph: the item's blocks after that
    /// paragraph (nested lists, more paragraphs, code, tables), rendered. A
    /// record read from the paragraph (a claim, a verdict, a connection)
    /// shows them under it.
    package var rest: String = ""
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
    package static func renderBlocks(_ markdown: [UInt8], hooks: HTMLRenderHooks) -> [RenderedBlock] {
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
                        var rendered = RenderedBlock(kind: .other, startLine: Int(cmark_node_get_start_line(i)),
                                                     endLine: Int(cmark_node_get_end_line(i)), html: render(i, options, extensions))
                        if let first = cmark_node_first_child(i), cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH {
                            var next = cmark_node_next(first)
                            while let n = next {
                                rendered.rest += render(n, options, extensions)
                                next = cmark_node_next(n)
                            }
                        }
                        block.items.append(rendered)
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

    /// A piece of text a reader of cmark-gfm's own rendering sees.
    package struct ReaderText: Sendable, Equatable {
        package enum Kind: Sendable, Equatable { case text, code, codeBlock(info: String) }
        package var kind: Kind
        package var text: String
        /// The line of the block it stands in.
        package var line: Int
    }

    /// Every text node (adjacent ones joined), code span and code block of
    /// a document, as cmark-gfm's safe rendering shows them: raw HTML is
    /// not text. What "every word reaches the page" is measured against.
    package static func readerText(_ markdown: [UInt8]) -> [ReaderText] {
        withRenderedTree(markdown, hooks: HTMLRenderHooks()) { root, _, _ -> [ReaderText] in
            cmark_consolidate_text_nodes(root)
            var out: [ReaderText] = []
            guard let iter = cmark_iter_new(root) else { return [] }
            defer { cmark_iter_free(iter) }
            var blockLine = 1
            while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
                let type = cmark_node_get_type(node)
                if type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) != UInt32(CMARK_NODE_TYPE_INLINE) {
                    blockLine = Int(cmark_node_get_start_line(node))
                }
                switch type {
                case CMARK_NODE_TEXT: out.append(ReaderText(kind: .text, text: string(cmark_node_get_literal(node)), line: blockLine))
                case CMARK_NODE_CODE: out.append(ReaderText(kind: .code, text: string(cmark_node_get_literal(node)), line: blockLine))
                case CMARK_NODE_CODE_BLOCK:
                    out.append(ReaderText(kind: .codeBlock(info: string(cmark_node_get_fence_info(node))),
                                          text: string(cmark_node_get_literal(node)), line: blockLine))
                default: break
                }
            }
            return out
        } ?? []
    }

    /// Renders one line of inline Markdown (a claim, a verdict) without the
    /// paragraph around it; nil when the text is not a single paragraph.
    package static func renderInline(_ markdown: String, hooks: HTMLRenderHooks) -> String? {
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
        guard let parser = newParser(options) else { return nil }
        defer { cmark_parser_free(parser) }
        markdown.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let root = finish(parser) else { return nil }
        defer { cmark_node_free(root) }
        applyObsidianSyntax(root, markdown: markdown, tagHref: hooks.tag)
        applyHooks(root, hooks)
        // Only a text with a caret can hold a block id (most have none).
        if markdown.contains(UInt8(ascii: "^")) { anchorBlockIDs(root) }
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
    /// Every paragraph of the tree whose last text ends with ` ^id`: the
    /// marker is taken out, and an empty element with that id starts the paragraph.
    private static func anchorBlockIDs(_ root: OpaquePointer) {
        var paragraphs: [OpaquePointer] = []
        if let iter = cmark_iter_new(root) {
            while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter),
                      cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH else { continue }
                paragraphs.append(node)
            }
            cmark_iter_free(iter)
        }
        for paragraph in paragraphs {
            guard let last = cmark_node_last_child(paragraph), cmark_node_get_type(last) == CMARK_NODE_TEXT,
                  let literal = cmark_node_get_literal(last) else { continue }
            let text = String(cString: literal)
            guard let (id, start) = BlockIDs.trailingID(text) else { continue }
            var kept = String(text[..<start])
            while kept.last == " " || kept.last == "\t" { kept.removeLast() }
            if kept.isEmpty {
                // Drop a soft break the marker's line leaves behind.
                if let previous = cmark_node_previous(last), cmark_node_get_type(previous) == CMARK_NODE_SOFTBREAK { cmark_node_free(previous) }
                cmark_node_free(last)
            } else {
                cmark_node_set_literal(last, kept)
            }
            guard let anchor = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            cmark_node_set_on_enter(anchor, "<span class=\"block-anchor\" id=\"\(HTMLEscape.escape("^" + id))\"></span>")
            cmark_node_set_on_exit(anchor, "")
            cmark_node_prepend_child(paragraph, anchor)
        }
    }

    private static func applyHooks(_ root: OpaquePointer, _ hooks: HTMLRenderHooks) {
        if hooks.wikilink != nil { cmark_consolidate_text_nodes(root) }
        var links: [OpaquePointer] = [], texts: [OpaquePointer] = [], codes: [OpaquePointer] = [], blocks: [OpaquePointer] = []
        if let iter = cmark_iter_new(root) {
            while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
                case CMARK_NODE_TEXT:
                    if hooks.wikilink != nil, hasDoubleBracket(cmark_node_get_literal(node)), !insideLink(node) { texts.append(node) }
                case CMARK_NODE_CODE:
                    if cmark_node_get_literal(node)?.pointee == CChar(UInt8(ascii: "=")) { codes.append(node) }
                case CMARK_NODE_CODE_BLOCK:
                    if hooks.nestedCodeBlock != nil, let parent = cmark_node_parent(node),
                       cmark_node_get_type(parent) != CMARK_NODE_DOCUMENT { blocks.append(node) }
                default: break
                }
            }
            cmark_iter_free(iter)
        }
        if let nestedCodeBlock = hooks.nestedCodeBlock {
            for node in blocks {
                guard let html = nestedCodeBlock(string(cmark_node_get_fence_info(node)), Int(cmark_node_get_start_line(node))),
                      let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
                cmark_node_set_on_enter(custom, html)
                cmark_node_set_on_exit(custom, "")
                cmark_node_insert_before(node, custom)
                cmark_node_free(node)
            }
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
            // Parents are read before any paragraph is replaced (and freed with its text).
            let parents = texts.map { cmark_node_parent($0) }
            var replaced = Set<OpaquePointer>()
            for (node, parent) in zip(texts, parents) {
                if let parent, replaced.contains(parent) { continue }
                if let parent, cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH, replaceEmbedParagraph(parent, wikilink) {
                    replaced.insert(parent)
                    continue
                }
                splitWikilinks(node, wikilink)
            }
        }
    }

    /// A paragraph that holds nothing but embeds with block HTML (`![[Note]]`,
    /// one a line) becomes that HTML, so no block stands inside a `<p>`.
    private static func replaceEmbedParagraph(_ paragraph: OpaquePointer,
                                              _ resolve: (String, String?, String?, Bool) -> HTMLRenderHooks.Wikilink) -> Bool {
        var blocks: [String] = []
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: break
            case CMARK_NODE_TEXT:
                let text = string(cmark_node_get_literal(node)).trimmingSpaces
                guard text.hasPrefix("![["), text.hasSuffix("]]"),
                      let parts = NoteLink.wikilink(String(text.dropFirst(3).dropLast(2))), !parts.target.contains("]"),
                      let html = resolve(parts.target, parts.label, parts.fragment, true).block?() else { return false }
                blocks.append(html)
            default: return false
            }
            child = cmark_node_next(node)
        }
        guard !blocks.isEmpty else { return false }
        for html in blocks {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return false }
            cmark_node_set_on_enter(block, html)
            cmark_node_set_on_exit(block, "")
            cmark_node_insert_before(paragraph, block)
        }
        cmark_node_free(paragraph)
        return true
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

    static func insideLink(_ node: OpaquePointer) -> Bool {
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
                                       _ resolve: (String, String?, String?, Bool) -> HTMLRenderHooks.Wikilink) {
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
                  let end = ByteSearch.find([UInt8(ascii: "]"), UInt8(ascii: "]")], in: b, from: i + 2) else { i += 1; continue }
            guard let parts = NoteLink.wikilink(String(decoding: b[(i + 2)..<end], as: UTF8.self)) else { i += 1; continue }
            // `![[…]]` embeds: the `!` belongs to the link, not the text before it.
            let embed = i > plainStart && b[i - 1] == UInt8(ascii: "!")
            let link = resolve(parts.target, parts.label, parts.fragment, embed)
            text(b[plainStart..<(embed ? i - 1 : i)])
            if let html = link.html {
                if let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) {
                    cmark_node_set_on_enter(inline, html)
                    pieces.append(inline)
                }
                i = end + 2
                plainStart = i
                continue
            }
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
