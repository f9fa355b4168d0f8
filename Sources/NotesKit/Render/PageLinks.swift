/// Links and inline Markdown as seen from one page: every href relative to
/// that page, every reference to a note resolved the way the notes resolve it.
struct PageLinks {
    typealias Context = [String: Any]

    /// `../` once per folder between the page and the site root.
    let root: String
    let model: SiteModel

    init(page: String, model: SiteModel) {
        root = SitePaths.root(of: page)
        self.model = model
    }

    func href(_ path: String, fragment: String? = nil) -> String {
        SitePaths.href(path, root: root, fragment: fragment)
    }

    func noteHref(_ id: String, fragment: String? = nil) -> String {
        href(SitePaths.note(id), fragment: fragment)
    }

    /// The hooks for Markdown written in note `noteID`.
    func hooks(for noteID: String) -> HTMLRenderHooks {
        var hooks = HTMLRenderHooks()
        hooks.unsafe = model.options.unsafeHTML
        let model = self.model
        hooks.destination = { url, isImage in
            if Self.isDangerous(url, isImage: isImage) { return .drop }
            guard !isImage, let link = NoteLink.markdown(destination: url, label: "", from: noteID) else { return .keep }
            if case .note(let id) = model.index.resolve(link.target) {
                return .replace(self.noteHref(id, fragment: link.fragment.map(Self.fragmentID)))
            }
            return .broken(openingTag: "<span class=\"broken-link\" title=\"\(HTMLEscape.escape("No note '\(link.target)'"))\">")
        }
        hooks.wikilink = { target, label, fragment in
            var text = label ?? target
            if case .note(let id) = model.index.resolve(target) {
                // `[[id]]` reads as the note's title, as Quartz shows it.
                if label == nil { text = model.title(id) }
                if label == nil, let fragment, !fragment.isEmpty { text += " › " + fragment }
                return .init(href: self.noteHref(id, fragment: fragment.map(Self.fragmentID)), text: text)
            }
            if label == nil, let fragment, !fragment.isEmpty { text += " › " + fragment }
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
        CmarkBridge.renderInline(markdown, hooks: hooks(for: noteID))?.trimmingCharacters(in: .newlines)
            ?? HTMLEscape.escape(markdown)
    }

    /// `inline` of a claim's or verdict's text, rendered once per folder depth:
    /// a claim shows on its note's page, on the page of every system it is
    /// about and on its topic's page, all of them (usually) one folder deep.
    func recordHTML(_ markdown: String, note noteID: String, line: Int) -> String {
        model.recordHTML.value(root: root, note: noteID, line: line) { inline(markdown, note: noteID) }
    }

    /// `#Some Heading` in a link names the heading's anchor on the target page.
    static func fragmentID(_ fragment: String) -> String {
        let decoded = fragment.removingPercentEncoding ?? fragment
        return decoded.hasPrefix("L") && decoded.dropFirst().allSatisfy(\.isNumber) && decoded.count > 1 ? decoded : slugify(decoded)
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

    /// A claim as templates show it, wherever it is shown.
    func claim(_ claim: Claim, in noteID: String) -> Context {
        var c: Context = [
            "anchor": SitePaths.lineAnchor(claim.range.start.line),
            "label": claim.label,
            "subjects": claim.subjects.enumerated().map { i, s -> Context in
                ["name": s.name, "url": href(SitePaths.system(s.slug)), "sep": i > 0]
            },
            "textHTML": recordHTML(claim.text, note: noteID, line: claim.range.start.line),
            "verified": claim.verified,
            "verifiedBy": claim.verifiedBy.map { ref -> Context in
                ["url": noteHref(ref.note, fragment: SitePaths.lineAnchor(ref.line)), "noteTitle": model.title(ref.note), "line": ref.line]
            },
            "noteURL": noteHref(noteID, fragment: SitePaths.lineAnchor(claim.range.start.line)),
            "noteTitle": model.title(noteID),
        ]
        c["qualifier"] = TemplateValue.optional(claim.qualifier)
        return c
    }

    func verdict(_ verdict: Verdict, in noteID: String) -> Context {
        [
            "anchor": SitePaths.lineAnchor(verdict.range.start.line),
            "textHTML": recordHTML(verdict.text, note: noteID, line: verdict.range.start.line),
            "hasFavors": !verdict.favors.isEmpty,
            "favors": verdict.favors.enumerated().map { i, slug -> Context in
                ["name": model.systemName(slug), "url": href(SitePaths.system(slug)), "sep": i > 0]
            },
            "noteURL": noteHref(noteID, fragment: SitePaths.lineAnchor(verdict.range.start.line)),
            "noteTitle": model.title(noteID),
        ]
    }
}

import Foundation
