import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// The values each template renders. Templates escape every `{{value}}`;
/// only values named `…HTML`, `html` and `svg` go in unescaped, and those are
/// made here from cmark-gfm output or escaped text.
enum PageContext {
    typealias Context = TemplateObject

    /// Keys every page has: `root`, `site`, `page`, `nav`.
    static func base(_ model: SiteModel, page: String, title: String, kind: String, description: String? = nil,
                     needs: PageNeeds = PageNeeds()) -> Context {
        var pageInfo: Context = [.title: title, .kind: kind, .path: page]
        pageInfo[.description] = description
        // KaTeX and highlight.js load only on a page that has math or code, when the site has them (`VendorAssets`).
        let hasMath = needs.math && model.vendor.katex, hasCode = !needs.codeLanguages.isEmpty && model.vendor.highlight
        if hasMath { pageInfo[.hasMath] = true }
        if hasCode { pageInfo[.hasCode] = true }
        if hasMath || hasCode { pageInfo[.usesScripts] = true }
        let nav: TemplateKey?
        switch kind {
        case "system", "systems": nav = .systems
        case "topic", "topics": nav = .topics
        case "tag", "tags": nav = .tags
        case "graph": nav = .graph
        case "index", "note", "folder": nav = .notes
        default: nav = nil
        }
        return [
            .root: SitePaths.root(of: page),
            .site: [.title: model.options.title, .language: model.options.language, .noteCount: model.notebook.notes.count,
                    .hasStudy: model.hasStudy, .hasFeed: model.hasFeed] as Context,
            .page: pageInfo,
            .nav: nav.map { key -> Context in [key: true] } ?? [:],
        ]
    }

    /// One line of a note list: title, date, category, counts, summary.
    static func noteItem(_ id: String, _ model: SiteModel, links: PageLinks, withCategory: Bool = true) -> Context {
        guard let position = model.position(id) else { return [.title: id, .url: links.noteHref(id)] }
        let listing = model.listing(position)
        var item: Context = [.title: model.title(id), .url: links.noteHref(id)]
        item[.date] = model.date(id)
        if withCategory { item[.category] = model.notebook.notes[position].category }
        if listing.claims > 0 { item[.claimCount] = listing.claims }
        if listing.verified > 0 { item[.verifiedCount] = listing.verified }
        item[.summary] = listing.summary
        return item.completed([.date, .category, .claimCount, .verifiedCount, .summary])
    }

    /// The first TL;DR paragraph (or nothing), cut at a word near 220 characters.
    /// A note's summary for its meta description, lists and the feed: its
    /// front matter `description`, else the opening of its TL;DR.
    static func summary(_ note: Note) -> String? {
        summary(note.writtenDescription.map { [$0] } ?? note.tldr)
    }

    /// The summary of a note whose TL;DR is `tldr`.
    static func summary(_ tldr: [String]) -> String? {
        guard let first = tldr.first?.trimmingSpaces, !first.isEmpty else { return nil }
        let limit = 220
        // No more bytes than the limit: no more characters either, without counting them.
        // Nor are characters past the limit counted: a TL;DR runs to hundreds.
        guard first.utf8.count > limit, let end = first.index(first.startIndex, offsetBy: limit, limitedBy: first.endIndex),
              end < first.endIndex else { return first }
        var cut = first[..<end]
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return String(cut) + "…"
    }

    static func categoryID(_ name: String) -> String { "category-" + slugify(name) }
}
