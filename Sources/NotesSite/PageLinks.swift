import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Links and inline Markdown as seen from one page: every href relative to
/// that page, every reference to a note resolved the way the notes resolve it.
struct PageLinks {
    typealias Context = TemplateObject

    /// `../` once per folder between the page and the site root.
    let root: String
    let model: SiteModel

    /// `model.sharedLinks`, when they were made and the page is one folder deep.
    private let shared: SharedLinks?

    init(page: String, model: SiteModel) {
        root = SitePaths.root(of: page)
        self.model = model
        shared = root == SharedLinks.root ? model.sharedLinks : nil
    }

    func href(_ path: String, fragment: String? = nil) -> String {
        SitePaths.href(path, root: root, fragment: fragment)
    }

    func noteHref(_ id: String, fragment: String? = nil) -> String {
        // `[[Note#Its title]]` names the page itself: its H1 is the page's title, not an anchor.
        var fragment = fragment
        // A line's anchor (`L12`, what claims and conflicts link to) is no slug: slugs are lowercase.
        if let f = fragment, !f.hasPrefix("^"), !(f.utf8.first.map { $0 >= 0x41 && $0 <= 0x5A } ?? false),
           f == slugify(model.title(id)) { fragment = nil }
        guard let page = shared?.notes[id]?.page else { return href(SitePaths.note(id), fragment: fragment) }
        return fragment.map { page + "#" + SitePaths.encode($0) } ?? page
    }

    /// A note's page and title: what each of its records links back to.
    private func noteLink(_ id: String) -> (page: String, title: String) {
        if let shared = shared?.notes[id] { return shared }
        return (href(SitePaths.note(id)), model.title(id))
    }

    /// What a link to a draft becomes: its text, unlinked and unmarked.
    static let draftTag = "<span class=\"unpublished\">"

    /// The hooks for Markdown written in note `noteID`. `trail` is given for
    /// a page's body: the parts being shown, the page's note first and the
    /// part of `noteID` being embedded last; `![[Note]]` alone in a paragraph
    /// then shows the note (`embed(_:fragment:text:trail:)`). Without it
    /// (a claim, a reason) an embed is a link.
    func hooks(for noteID: String, trail: [EmbeddedPart]? = nil) -> HTMLRenderHooks {
        var hooks = HTMLRenderHooks()
        hooks.unsafe = model.options.unsafeHTML
        let model = self.model
        // What the note's links name, resolved once by the check stage; a link
        // found here and not there (none should be), or one made no link because
        // it names a draft (`Notebook.published`), is resolved as before.
        let links = model.position(noteID).map { model.notebook.notes[$0].links } ?? []
        func stored(_ style: NoteLink.Style, _ target: String) -> Resolution? {
            links.first { $0.style == style && $0.target == target && $0.resolution != nil }?.resolution
        }
        func note(_ stored: Resolution?, _ target: String) -> String? {
            switch stored {
            case .note(let id)?: model.exists(id) ? id : nil
            case nil: model.index.resolve(target, from: noteID).noteID
            default: nil
            }
        }
        hooks.destination = { url, isImage in
            if Self.isDangerous(url, isImage: isImage) { return .drop }
            guard let link = NoteLink.markdown(destination: url, label: "", from: noteID, embed: isImage) else { return .keep }
            let resolution = stored(.markdown, link.target)
            if case .attachment(let path)? = resolution { return .replace(self.href(SitePaths.attachment(path))) }
            // A missing image or file keeps its URL, as before files resolved.
            guard !isImage, !link.namesFile else { return .keep }
            if let id = note(resolution, link.target) {
                return .replace(self.noteHref(id, fragment: link.fragment.map(Self.fragmentID)))
            }
            if model.isDraft(link.target) { return .broken(openingTag: Self.draftTag) }
            return .broken(openingTag: "<span class=\"broken-link\" title=\"\(HTMLEscape.escape("No note '\(link.target)'"))\">")
        }
        hooks.wikilink = { target, label, fragment, embed in
            var text = label ?? target
            // `[[#Heading]]`: a heading of this note.
            if target.isEmpty, let fragment, !fragment.isEmpty {
                // Shown embedded in another note's page, it is a heading of its own note's page.
                let href = (trail?.count ?? 0) > 1 ? self.noteHref(noteID, fragment: Self.fragmentID(fragment)) : "#" + Self.fragmentID(fragment)
                return .init(href: href, text: label ?? fragment)
            }
            let resolution = stored(.wikilink, target)
            if case .attachment(let path)? = resolution {
                let href = self.href(SitePaths.attachment(path))
                // `![[image.png|200]]`, `|200x100`: the label is a size, not a text.
                let size = label.flatMap(Self.imageSize)
                if size != nil { text = target }
                if embed, Self.isImage(path) {
                    var img = "<img src=\"\(HTMLEscape.escape(href))\" alt=\"\(HTMLEscape.escape(size == nil ? text : String(path.split(separator: "/").last ?? Substring(path))))\""
                    if let width = size?.width { img += " width=\"\(width)\"" }
                    if let height = size?.height { img += " height=\"\(height)\"" }
                    return .init(text: text, html: img + " loading=\"lazy\">")
                }
                return .init(href: href, text: text)
            }
            if let id = note(resolution, target) {
                // The text is what the author wrote (the alias, else the link), as Obsidian shows it.
                if label == nil, let fragment, !fragment.isEmpty { text += " › " + fragment }
                let href = self.noteHref(id, fragment: fragment.map(Self.fragmentID))
                guard embed, let trail else { return .init(href: href, text: text) }
                return .init(href: href, text: text, block: { [text] in self.embed(id, fragment: fragment, text: text, trail: trail) })
            }
            if label == nil, let fragment, !fragment.isEmpty { text += " › " + fragment }
            if model.isDraft(target) { return .init(href: nil, text: text, brokenTag: Self.draftTag) }
            return .init(href: nil, text: text,
                         brokenTag: "<span class=\"broken-link\" title=\"\(HTMLEscape.escape("No note '\(target)'"))\">")
        }
        let inline = model.inlineCalcs[noteID] ?? []
        hooks.inlineCalc = { expression in
            let wanted = expression.trimmingSpaces
            guard let record = inline.first(where: { $0.expression.trimmingSpaces == wanted }), let display = record.display else { return nil }
            return "<span class=\"calc-inline\" title=\"\(HTMLEscape.escape("=" + wanted))\">\(HTMLEscape.escape(display))</span>"
        }
        return hooks
    }

    /// One line of Markdown (a claim, a verdict, a reason) as inline HTML.
    func inline(_ markdown: String, note noteID: String) -> String {
        // Most claims and reasons are plain words and numbers: parsing them was
        // most of making a claim's HTML, and the hooks a third of the rest.
        Self.rendersAsItself(markdown) ? markdown.trimmingNewlines : parsedInline(markdown, note: noteID)
    }

    private func parsedInline(_ markdown: String, note noteID: String) -> String {
        CmarkBridge.renderInline(markdown, hooks: hooks(for: noteID))?.trimmingNewlines ?? HTMLEscape.escape(markdown)
    }

    /// Whether cmark-gfm renders this line as exactly its own text: no
    /// character that starts markup or gets escaped, no block marker at the
    /// start, no spaces it would strip, no `www.` for the autolinker, a
    /// single `~` at most (strikethrough needs two), and no `==` (highlights).
    static func rendersAsItself(_ text: String) -> Bool {
        let plainLow = plainASCII.low, plainHigh = plainASCII.high
        // A string not stored as UTF-8 (bridged) takes the long way.
        return text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard let first = utf8.first, let last = utf8.last, first != 0x20, last != 0x20,
                  first != UInt8(ascii: "-"), first != UInt8(ascii: "+"), first != UInt8(ascii: "#"), first != UInt8(ascii: "=")
            else { return false }
            var tildes = 0, hasW = false, previous: UInt8 = 0
            for b in utf8 where b < 0x80 {
                guard (b < 64 ? plainLow : plainHigh) & (1 << (b & 63)) != 0 else { return false }
                tildes &+= b == UInt8(ascii: "~") ? 1 : 0
                hasW = hasW || b | 0x20 == UInt8(ascii: "w")
                // `==` may open or close a highlight.
                if b == UInt8(ascii: "="), previous == b { return false }
                previous = b
            }
            guard tildes <= 1 else { return false }
            if hasW, containsWWW(utf8) { return false }
            // `1.` or `12)` followed by a space or the end is an ordered list.
            let digits = utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            if digits > 0, digits < utf8.count, utf8[digits] == UInt8(ascii: ".") || utf8[digits] == UInt8(ascii: ")") {
                return digits + 1 < utf8.count && utf8[digits + 1] != 0x20
            }
            return true
        } ?? false
    }

    /// `www.` in any case.
    private static func containsWWW(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        for b in utf8 {
            if b == UInt8(ascii: "."), run >= 3 { return true }
            run = b | 0x20 == UInt8(ascii: "w") ? run + 1 : 0
        }
        return false
    }

    /// ASCII that is text to cmark-gfm wherever it stands in a line (but at the start) and that it does not
    /// escape, as bits: characters 0–63 in `low`, 64–127 in `high`.
    private static let plainASCII: (low: UInt64, high: UInt64) = {
        var low: UInt64 = 0, high: UInt64 = 0
        for b in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz $%'()+,-./;=?#~".utf8 {
            if b < 64 { low |= 1 << b } else { high |= 1 << (b - 64) }
        }
        return (low, high)
    }()

    /// `inline` of a claim's or verdict's text, rendered once per folder depth:
    /// a claim shows on its note's page, on the page of every system it is
    /// about and on its topic's page, all of them (usually) one folder deep.
    func recordHTML(_ markdown: String, note noteID: String, line: Int) -> String {
        if Self.rendersAsItself(markdown) { return markdown.trimmingNewlines }
        return model.recordHTML.value(root: root, note: noteID, line: line) { parsedInline(markdown, note: noteID) }
    }

    /// `200` or `200x100`: an embed's size in Obsidian.
    /// `200` or `200x100` after the `|` of an embedded image: its width and height.
    static func imageSize(_ label: String) -> (width: Int, height: Int?)? {
        let parts = label.trimmingSpaces.split(separator: "x", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              let width = Int(parts[0]) else { return nil }
        return (width, parts.count == 2 ? Int(parts[1]) : nil)
    }

    /// Files a browser shows as an image (Obsidian's image formats).
    static func isImage(_ path: String) -> Bool {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return ["png", "jpg", "jpeg", "gif", "bmp", "svg", "webp", "avif"].contains(ext)
    }

    /// `#Some Heading` in a link names the heading's anchor on the target
    /// page; `#A#B` the last heading, `B` (as Obsidian goes to it); `#^id` a block.
    static func fragmentID(_ fragment: String) -> String {
        let decoded = fragment.removingPercentEncoding ?? fragment
        let last = decoded.split(separator: "#").last.map(String.init) ?? decoded
        if last.hasPrefix("^") { return last }
        return last.hasPrefix("L") && last.dropFirst().allSatisfy(\.isNumber) && last.count > 1 ? last : slugify(last)
    }

    /// `javascript:`, `vbscript:` and (except for images) `data:` URLs never become links.
    static func isDangerous(_ url: String, isImage: Bool) -> Bool {
        // Browsers ignore ASCII whitespace and control characters inside a scheme.
        let scheme = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).prefix(16)).lowercased()
        if scheme.hasPrefix("javascript:") || scheme.hasPrefix("vbscript:") || scheme.hasPrefix("file:") { return true }
        if scheme.hasPrefix("data:") {
            return !(isImage && (scheme.hasPrefix("data:image/png") || scheme.hasPrefix("data:image/gif")
                                 || scheme.hasPrefix("data:image/jpeg") || scheme.hasPrefix("data:image/webp")))
        }
        return false
    }

    // MARK: - Claims and verdicts

    /// What of a claim's data a page template may leave unshown, and is then
    /// not made (`SiteOptions.claimKeysUnshown`): its subjects' links, and the
    /// checks and disputes in full, a context each (a tenth of a cold build's
    /// claim data went to disputes no system or topic page showed).
    static let claimDetails: [TemplateKey] = [.subjects, .verifiedBy, .disputedBy]

    /// Claim `i` of `claims` as templates show it, wherever it is shown;
    /// without the `unshown` of `claimDetails`.
    /// The claim is read in place: a copy of it retained a score of references.
    func claim(_ claims: [Claim], _ i: Int, in noteID: String, unshown: Set<TemplateKey> = []) -> Context {
        let line = claims[i].range.start.line, anchor = SitePaths.lineAnchor(line)
        let note = noteLink(noteID)
        var context: Context = [
            .anchor: anchor,
            .label: claims[i].label,
            .textHTML: recordHTML(claims[i].text, note: noteID, line: line),
            .verified: claims[i].verified,
            .disputed: claims[i].disputed,
            .moreDisputes: claims[i].disputes > claims[i].disputedBy.count
                ? TemplateValue.optional(String(claims[i].disputes - claims[i].disputedBy.count)) : TemplateValue.absent,
            .noteURL: Self.link(note.page, at: anchor),
            .noteTitle: note.title,
            .qualifier: TemplateValue.optional(claims[i].qualifier),
        ]
        if !unshown.contains(.subjects) { context[.subjects] = subjectLinks(label: claims[i].label, claims[i].subjects) }
        if !unshown.contains(.verifiedBy) {
            context[.verifiedBy] = claims[i].verifiedBy.map { ref -> Context in
                [.url: noteHref(ref.note, fragment: SitePaths.lineAnchor(ref.line)), .noteTitle: model.title(ref.note), .line: ref.line]
            }
        }
        if !unshown.contains(.disputedBy) {
            context[.disputedBy] = claims[i].disputedBy.map { c -> Context in
                [.url: noteHref(c.note, fragment: SitePaths.lineAnchor(c.line)), .noteTitle: model.title(c.note), .line: c.line,
                 .quantity: c.quantity, .range: c.range, .ownQuantity: c.ownQuantity, .ownRange: c.ownRange]
            }
        }
        return context
    }

    /// `page#anchor` for an anchor with nothing to percent-encode (`L` and digits), in one allocation.
    private static func link(_ page: String, at anchor: String) -> String {
        var link = page
        link.reserveCapacity(page.utf8.count + 1 + anchor.utf8.count)
        link += "#"
        link += anchor
        return link
    }

    private func subjectLinks(label: String, _ subjects: [Subject]) -> [Context] {
        if let shared = shared?.subjects[label], shared.subjects == subjects { return shared.links }
        return Self.subjectLinks(subjects, root: root)
    }

    private func favorLinks(_ favors: [String]) -> [Context] {
        if let shared = shared?.favors[favors] { return shared }
        return Self.favorLinks(favors, root: root, systemName: model.systemName)
    }

    static func subjectLinks(_ subjects: [Subject], root: String) -> [Context] {
        subjects.enumerated().map { i, s -> Context in
            [.name: s.name, .url: SitePaths.href(SitePaths.system(s.slug), root: root), .sep: i > 0]
        }
    }

    static func favorLinks(_ favors: [String], root: String, systemName: (String) -> String) -> [Context] {
        favors.enumerated().map { i, slug -> Context in
            [.name: systemName(slug), .url: SitePaths.href(SitePaths.system(slug), root: root), .sep: i > 0]
        }
    }

    /// Verdict `i` of `verdicts` as templates show it, read in place as claims are.
    func verdict(_ verdicts: [Verdict], _ i: Int, in noteID: String) -> Context {
        let line = verdicts[i].range.start.line, anchor = SitePaths.lineAnchor(line)
        let note = noteLink(noteID)
        return [
            .anchor: anchor,
            .textHTML: recordHTML(verdicts[i].text, note: noteID, line: line),
            .hasFavors: !verdicts[i].favors.isEmpty,
            .favors: favorLinks(verdicts[i].favors),
            .noteURL: Self.link(note.page, at: anchor),
            .noteTitle: note.title,
        ]
    }
}

extension String {
    /// The string without the line breaks of `CharacterSet.newlines` at either
    /// end, the same as `trimmingCharacters(in: .newlines)` at a fraction of its cost.
    var trimmingNewlines: String {
        // Each of those line breaks starts with one of the first bytes and ends with one of the last.
        if let first = utf8.first, let last = utf8.last, !(0x0A...0x0D).contains(first), first != 0xC2, first != 0xE2,
           !(0x0A...0x0D).contains(last), last != 0x85, last != 0xA8, last != 0xA9 { return self }
        func isNewline(_ s: Unicode.Scalar) -> Bool {
            (0x0A...0x0D).contains(s.value) || s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029
        }
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isNewline(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isNewline(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return start == scalars.startIndex && end == scalars.endIndex ? self : String(scalars[start..<end])
    }
}

import Foundation
