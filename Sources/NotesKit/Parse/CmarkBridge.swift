import CCmarkGFM

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
        guard let root = cmark_parser_finish(parser) else {
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
