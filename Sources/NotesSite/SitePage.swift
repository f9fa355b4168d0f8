import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// One HTML page of the site: where it goes, which template renders it and
/// how its values are made (lazily, on the thread that renders it).
struct SitePage: Sendable {
    enum Source: Sendable {
        case index, graph, notFound
        case note(Int)
        /// A topic (by position in `notebook.topics`) and which page of its notes, from 1.
        case topic(Int, page: Int)
        /// A system (by position in `notebook.systems`) and which page of its claims, from 1.
        case system(Int, page: Int)
        /// A tag (by position in `SiteModel.tags`) and which page of its notes, from 1.
        case tag(Int, page: Int)
        /// A category (by position in `SiteModel.categories`) and which page of its notes, from 1.
        case category(Int, page: Int)
        /// A folder (by position in `SiteModel.folders`) and which page of its notes, from 1.
        case folder(Int, page: Int)
        case list(String)
    }

    var path: String
    var template: String
    var source: Source

    /// The list a page is one page of, and its number: every page of a
    /// system, topic, tag, category or folder reads the same notes.
    var list: (list: String, page: Int)? {
        switch source {
        case .system(let i, let page): ("system \(i)", page)
        case .topic(let i, let page): ("topic \(i)", page)
        case .tag(let i, let page): ("tag \(i)", page)
        case .category(let i, let page): ("category \(i)", page)
        case .folder(let i, let page): ("folder \(i)", page)
        default: nil
        }
    }

    var inSitemap: Bool {
        if case .notFound = source { return false }
        return true
    }

    func context(_ model: SiteModel) -> TemplateObject {
        switch source {
        case .index: PageContext.index(model)
        case .graph: PageContext.graph(model)
        case .notFound: PageContext.notFound(model)
        case .note(let i): PageContext.note(model.notebook.notes[i], model)
        case .system(let i, let page): PageContext.system(model.notebook.systems[i], page: page, model)
        case .topic(let i, let page): PageContext.topic(model.notebook.topics[i], page: page, model)
        case .tag(let i, let page): PageContext.tag(model.tags[i], page: page, model)
        case .category(let i, let page): PageContext.category(model.categories[i], page: page, model)
        case .folder(let i, let page): PageContext.folder(model.folders[i], page: page, model)
        case .list(let kind): PageContext.list(kind, model)
        }
    }

    func lastmod(_ model: SiteModel) -> String? {
        if case .note(let i) = source { return model.notebook.notes[i].date }
        return nil
    }

    /// Every page, notes first (they take longest, so parallel workers start on them).
    static func all(_ model: SiteModel) -> [SitePage] {
        // The two biggest pages first, so they render while the rest do, not after.
        var pages = [SitePage(path: "graph.html", template: "graph", source: .graph),
                     SitePage(path: "index.html", template: "index", source: .index)]
        // By index: a loop over the notes copied each, a score of references apiece.
        let notes = model.notebook.notes
        for i in notes.indices { pages.append(SitePage(path: SitePaths.note(notes[i].id), template: "note", source: .note(i))) }
        for (i, s) in model.notebook.systems.enumerated() {
            for page in 1...SitePaths.pageCount(model.claimCount(system: s.slug), per: SitePaths.claimsPerPage) {
                pages.append(SitePage(path: SitePaths.system(s.slug, page: page), template: "system", source: .system(i, page: page)))
            }
        }
        for (i, t) in model.notebook.topics.enumerated() {
            for page in 1...SitePaths.pageCount(Set(t.notes).count, per: SitePaths.topicNotesPerPage) {
                pages.append(SitePage(path: SitePaths.topic(t.slug, page: page), template: "topic", source: .topic(i, page: page)))
            }
        }
        for (i, t) in model.tags.enumerated() {
            for page in 1...SitePaths.pageCount(t.notes.count) {
                pages.append(SitePage(path: SitePaths.tag(t.slug, page: page), template: "tag", source: .tag(i, page: page)))
            }
        }
        for (i, c) in model.categories.enumerated() {
            for page in 1...SitePaths.pageCount(c.notes.count) {
                pages.append(SitePage(path: SitePaths.category(c.slug, page: page), template: "category", source: .category(i, page: page)))
            }
        }
        for (i, f) in model.folders.enumerated() {
            for page in 1...SitePaths.pageCount(f.notes.count) {
                pages.append(SitePage(path: SitePaths.folder(f.path, page: page), template: "folder", source: .folder(i, page: page)))
            }
        }
        // A folder without study notes has no systems or topics to list (DESIGN §5).
        for kind in model.hasStudy ? ["systems", "topics", "tags"] : ["tags"] { pages.append(SitePage(path: "\(kind)/index.html", template: "list", source: .list(kind))) }
        pages.append(SitePage(path: "404.html", template: "404", source: .notFound))
        return pages
    }
}
