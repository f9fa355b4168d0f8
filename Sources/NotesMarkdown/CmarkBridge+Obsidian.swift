import CCmarkGFM
import NotesSupport

/// Obsidian's callouts, `==highlights==` and inline `#tags` (DESIGN §2a),
/// made in cmark's tree before it is rendered, so what they hold is
/// rendered as Markdown with every hook (links, wikilinks, math placeholders).
extension CmarkBridge {
    /// Applies the syntax `ObsidianSyntax.swift` reads to the parsed tree.
    /// Tags become links only when `tagHref` is given.
    static func applyObsidianSyntax(_ root: OpaquePointer, markdown: [UInt8], tagHref: ((String) -> String?)?) {
        let callouts = ByteSearch.find(Array("[!".utf8), in: markdown, from: 0) != nil
        let highlights = ByteSearch.find(Array("==".utf8), in: markdown, from: 0) != nil
        let tags = tagHref != nil && markdown.contains(UInt8(ascii: "#"))
        guard callouts || highlights || tags else { return }
        // cmark splits text at every special character; the grammar reads whole runs.
        cmark_consolidate_text_nodes(root)
        if callouts { makeCallouts(root) }
        if highlights { markHighlights(root) }
        if let tagHref, tags { linkTags(root, tagHref) }
    }

    /// Nodes of the tree in document order, collected before any is changed
    /// (cmark's iterator must not see the tree change under it).
    private static func nodes(_ root: OpaquePointer, where keep: (OpaquePointer) -> Bool) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        guard let iter = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iter) }
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter), keep(node) else { continue }
            found.append(node)
        }
        return found
    }

    private static func custom(_ type: cmark_node_type, _ enter: String, _ exit: String) -> OpaquePointer? {
        guard let node = cmark_node_new(type) else { return nil }
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    private static func text(_ bytes: some Collection<UInt8>) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, String(decoding: bytes, as: UTF8.self))
        return node
    }

    private static func literal(_ node: OpaquePointer) -> [UInt8] { Array(string(cmark_node_get_literal(node)).utf8) }

    private static func isText(_ node: OpaquePointer?) -> Bool {
        guard let node else { return false }
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }

    // MARK: - Callouts

    /// `> [!type]± Title` blockquotes become
    /// `<div class="callout callout-FAMILY" data-callout="TYPE"><p class="callout-title">…</p><div class="callout-body">…</div></div>`,
    /// or `<details>` with a `<summary>` title when foldable (`open` for `+`),
    /// so folding works without scripts.
    private static func makeCallouts(_ root: OpaquePointer) {
        let quotes = nodes(root) { cmark_node_get_type($0) == CMARK_NODE_BLOCK_QUOTE }
        // Outer quotes first: moving a quote's children keeps the inner quotes' nodes.
        for quote in quotes {
            guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT else { continue }
            let line = literal(first)
            guard let marker = CalloutMarker.parse(line) else { continue }
            let foldable = marker.fold != .none
            let attributes = "class=\"callout callout-\(marker.family)\" data-callout=\"\(HTMLEscape.escape(marker.type))\""
            let opening = foldable ? "<details \(attributes)\(marker.fold == .open ? " open" : "")>" : "<div \(attributes)>"
            guard let callout = custom(CMARK_NODE_CUSTOM_BLOCK, opening, foldable ? "</details>" : "</div>"),
                  let titleBlock = custom(CMARK_NODE_CUSTOM_BLOCK, "", ""),
                  let title = foldable ? custom(CMARK_NODE_CUSTOM_INLINE, "<summary class=\"callout-title\">", "</summary>")
                                       : custom(CMARK_NODE_CUSTOM_INLINE, "<p class=\"callout-title\">", "</p>"),
                  let body = custom(CMARK_NODE_CUSTOM_BLOCK, "<div class=\"callout-body\">", "</div>") else { continue }
            cmark_node_insert_before(quote, callout)
            cmark_node_append_child(callout, titleBlock)
            cmark_node_append_child(titleBlock, title)

            // The title is the rest of the marker's line, Markdown and all.
            let rest = line.dropFirst(marker.length)
            var node = cmark_node_next(first)
            if rest.isEmpty {
                cmark_node_free(first)
            } else {
                cmark_node_set_literal(first, String(decoding: rest, as: UTF8.self))
                node = first
            }
            while let n = node {
                let type = cmark_node_get_type(n)
                if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    cmark_node_free(n)
                    break
                }
                node = cmark_node_next(n)
                cmark_node_append_child(title, n)
            }
            if cmark_node_first_child(title) == nil, let name = text(Array(marker.defaultTitle.utf8)) {
                cmark_node_append_child(title, name)
            }
            if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }

            while let child = cmark_node_first_child(quote) { cmark_node_append_child(body, child) }
            if cmark_node_first_child(body) == nil { cmark_node_free(body) } else { cmark_node_append_child(callout, body) }
            cmark_node_free(quote)
        }
    }

    // MARK: - Highlights

    /// `==text==` becomes `<mark>text</mark>`; the text may hold emphasis,
    /// code and links, but the marks stand in text of one parent.
    private static func markHighlights(_ root: OpaquePointer) {
        var seen = Set<OpaquePointer>()
        let parents = nodes(root) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let parent = cmark_node_parent(node),
                  ByteSearch.find(Array("==".utf8), in: literal(node), from: 0) != nil else { return false }
            return seen.insert(parent).inserted
        }.compactMap(cmark_node_parent)
        for parent in parents { markHighlights(in: parent) }
    }

    private static func markHighlights(in parent: OpaquePointer) {
        var node = cmark_node_first_child(parent)
        var from = 0
        while let start = node {
            guard cmark_node_get_type(start) == CMARK_NODE_TEXT else { node = cmark_node_next(start); from = 0; continue }
            let first = literal(start)
            let follows = cmark_node_next(start).map { !isText($0) } ?? false
            guard let firstOpening = (from..<max(from, first.count)).first(where: { HighlightMarks.canOpen(first, $0, elementFollows: follows) }) else {
                node = cmark_node_next(start); from = 0; continue
            }
            guard let (opener, i, closer, j) = pair(start, first, firstOpening) else { from = firstOpening + 2; continue }
            let a = opener == start ? first : literal(opener)
            guard let mark = custom(CMARK_NODE_CUSTOM_INLINE, "<mark>", "</mark>") else { return }
            cmark_node_insert_after(opener, mark)
            let next: OpaquePointer?
            if closer == opener {
                if let t = text(a[(i + 2)..<j]) { cmark_node_append_child(mark, t) }
                let after = a[(j + 2)...]
                next = after.isEmpty ? nil : text(after)
                if let next { cmark_node_insert_after(mark, next) }
            } else {
                if i + 2 < a.count, let t = text(a[(i + 2)...]) { cmark_node_append_child(mark, t) }
                while let between = cmark_node_next(mark), between != closer { cmark_node_append_child(mark, between) }
                let b = literal(closer)
                if j > 0, let t = text(b[..<j]) { cmark_node_append_child(mark, t) }
                if j + 2 < b.count {
                    cmark_node_set_literal(closer, String(decoding: b[(j + 2)...], as: UTF8.self))
                    next = closer
                } else {
                    next = nil
                    cmark_node_free(closer)
                }
            }
            if i == 0 { cmark_node_free(opener) } else { cmark_node_set_literal(opener, String(decoding: a[..<i], as: UTF8.self)) }
            node = next ?? cmark_node_next(mark)
            from = 0
        }
    }

    /// The first `==` after an opening one that can close a highlight, in
    /// the same text or a later text among its siblings, and the opening `==`
    /// nearest before it (as emphasis pairs: `==a ==b==` marks `b`).
    private static func pair(_ start: OpaquePointer, _ text: [UInt8], _ at: Int)
        -> (opener: OpaquePointer, i: Int, closer: OpaquePointer, j: Int)? {
        var opener = (node: start, i: at)
        var node: OpaquePointer? = start
        var b = text
        var k = at + 2
        while let n = node {
            let precedes = cmark_node_previous(n).map { !isText($0) } ?? false
            let follows = cmark_node_next(n).map { !isText($0) } ?? false
            while k + 1 < b.count {
                let nonEmpty = n != opener.node || k > opener.i + 2
                if nonEmpty, HighlightMarks.canClose(b, k, elementPrecedes: precedes) { return (opener.node, opener.i, n, k) }
                if HighlightMarks.canOpen(b, k, elementFollows: follows) { opener = (n, k); k += 2 } else { k += 1 }
            }
            node = cmark_node_next(n)
            while let m = node, cmark_node_get_type(m) != CMARK_NODE_TEXT { node = cmark_node_next(m) }
            if let m = node { b = literal(m); k = 0 }
        }
        return nil
    }

    // MARK: - Tags

    /// `#tag` in text (not in links or headings) becomes `<a class="tag" href="…">#tag</a>`.
    private static func linkTags(_ root: OpaquePointer, _ href: (String) -> String?) {
        let texts = nodes(root) { node in
            cmark_node_get_type(node) == CMARK_NODE_TEXT && !insideLink(node) && !insideHeading(node)
                && literal(node).contains(UInt8(ascii: "#"))
        }
        for node in texts {
            let b = literal(node)
            var start = 0
            var pieces: [OpaquePointer] = []
            for tag in InlineTags.scan(b) {
                guard let url = href(tag.name),
                      let link = custom(CMARK_NODE_CUSTOM_INLINE, "<a class=\"tag\" href=\"\(HTMLEscape.escape(url))\">", "</a>"),
                      let name = text(b[tag.range]) else { continue }
                if tag.range.lowerBound > start, let t = text(b[start..<tag.range.lowerBound]) { pieces.append(t) }
                cmark_node_append_child(link, name)
                pieces.append(link)
                start = tag.range.upperBound
            }
            guard !pieces.isEmpty else { continue }
            if start < b.count, let t = text(b[start...]) { pieces.append(t) }
            for piece in pieces { cmark_node_insert_before(node, piece) }
            cmark_node_free(node)
        }
    }

    private static func insideHeading(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let p = parent {
            if cmark_node_get_type(p) == CMARK_NODE_HEADING { return true }
            parent = cmark_node_parent(p)
        }
        return false
    }
}
