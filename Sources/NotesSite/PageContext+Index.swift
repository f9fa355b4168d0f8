import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

extension PageContext {
    /// The home page: notes by category and date, counts, recent notes, systems and tags.
    static func index(_ model: SiteModel) -> Context {
        let page = "index.html"
        let links = PageLinks(page: page, model: model)
        let notes = model.notebook.notes
        // The home note is shown above the listing, not in it.
        let listed = notes.indices.filter { $0 != model.home }
        let byFolder = model.categories.isEmpty
        let categories = byFolder ? folderGroups(listed, model, links: links) : categoryGroups(model, links: links)
        let datedIDs: [String] = notes.indices.filter { notes[$0].date != nil }.map { notes[$0].id }
        let recent: [Context] = model.byDate(datedIDs).prefix(8).map { (id: String) -> Context in
            var item: Context = [.title: model.title(id), .url: links.noteHref(id)]
            item[.date] = TemplateValue.optional(model.date(id))
            return item
        }
        var counted: [(system: System, notes: Int)] = []
        for system in model.notebook.systems {
            counted.append((system, model.noteCount(model.claimsBySystem[system.slug] ?? [])))
        }
        counted.sort { $0.notes != $1.notes ? $0.notes > $1.notes : $0.system.slug < $1.system.slug }
        let topSystems: [Context] = counted.prefix(24).map { (entry: (system: System, notes: Int)) -> Context in
            [.name: entry.system.name, .url: links.href(SitePaths.system(entry.system.slug)), .count: entry.notes]
        }
        // The most used tags; the tags page lists them all.
        let tags = model.tags.indices.sorted { a, b in
            model.tags[a].notes.count != model.tags[b].notes.count ? model.tags[a].notes.count > model.tags[b].notes.count : a < b
        }.prefix(Self.tagsOnHome).sorted()
            .map { model.tags[$0] }.map { t -> Context in [.name: t.name, .url: links.href(SitePaths.tag(t.slug)), .count: t.notes.count] }
        var claimCount = 0, verifiedCount = 0
        for position in notes.indices {
            let listing = model.listing(position)
            claimCount += listing.claims
            verifiedCount += listing.verified
        }
        let coverage = ClaimCoverage(notes)
        let home = model.home.map { rendered(notes[$0], model, links: links) }
        var context = base(model, page: page, title: "All notes", kind: "index",
                           description: model.hasStudy ? "\(notes.count) study notes, with the systems and topics they compare."
                               : "\(notes.count) notes.", needs: home?.needs ?? PageNeeds())
        if let home { context[.home] = [.sections: home.body.sections] as Context }
        context[.groupedBy] = byFolder ? "folder" : "category"
        context[.counts] = [.notes: notes.count, .systems: model.notebook.systems.count, .topics: model.notebook.topics.count,
                             .claims: claimCount, .verified: verifiedCount,
                             .coverage: TemplateValue.optional(coverage.numeric > 0 ? coverage.summary : nil)] as Context
        context[.categories] = categories
        context[.recent] = recent
        context[.hasRecent] = !recent.isEmpty
        context[.systems] = topSystems
        context[.hasSystems] = !topSystems.isEmpty
        context[.tags] = tags
        context[.hasTags] = !tags.isEmpty
        return context
    }

    /// The home page's groups when notes have categories: one per category,
    /// then the uncategorised, each its newest notes and a link to its page.
    private static func categoryGroups(_ model: SiteModel, links: PageLinks) -> [Context] {
        model.categories.map { category -> Context in
            let ids = category.notes
            return [.name: category.name, .id: categoryID(category.name), .count: ids.count,
                    .url: links.href(SitePaths.category(category.slug)),
                    .notes: model.byDate(ids).prefix(notesPerFolder).map { noteItem($0, model, links: links, withCategory: false) },
                    .more: ids.count > notesPerFolder]
        }
    }

    /// How many of the notes at the root the home page lists.
    static let notesAtTop = 50

    /// How many tags the home page shows.
    static let tagsOnHome = 60

    /// How many of a category's or top-level folder's notes the home page lists.
    static let notesPerFolder = 10

    /// The home page's groups when no note has a category: the notes at the
    /// root first, then one group per top-level folder (its subfolders' notes
    /// included) linking to the folder's page.
    private static func folderGroups(_ listed: [Int], _ model: SiteModel, links: PageLinks) -> [Context] {
        let notes = model.notebook.notes
        var root: [String] = [], byFolder: [String: [String]] = [:]
        for i in listed {
            let id = notes[i].id
            if let slash = id.firstIndex(of: "/") { byFolder[String(id[..<slash]), default: []].append(id) } else { root.append(id) }
        }
        var groups: [Context] = []
        if !root.isEmpty {
            let name = byFolder.isEmpty ? "All notes" : "Top level"
            // The newest few, when there are many: the root's folder page lists them all.
            var group: Context = [.name: name, .id: "folder-top", .count: root.count,
                                  .notes: model.byDate(root).prefix(notesAtTop).map { noteItem($0, model, links: links) },
                                  .more: root.count > notesAtTop]
            if root.count > notesAtTop { group[.url] = links.href(SitePaths.folder("")) }
            groups.append(group)
        }
        let names = byFolder.keys.sorted { a, b in a.lowercased() != b.lowercased() ? a.lowercased() < b.lowercased() : a < b }
        for name in names {
            let ids = byFolder[name] ?? []
            // The newest few: the folder's page lists them all.
            groups.append([.name: name, .id: "folder-" + slugify(name), .count: ids.count, .url: links.href(SitePaths.folder(name)),
                           .notes: model.byDate(ids).prefix(notesPerFolder).map { noteItem($0, model, links: links) },
                           .more: ids.count > notesPerFolder])
        }
        return groups
    }

    static func graph(_ model: SiteModel) -> Context {
        let page = "graph.html"
        let links = PageLinks(page: page, model: model)
        let whole = WholeGraph(model, links: links)
        var context = base(model, page: page, title: "Knowledge graph", kind: "graph",
                           description: model.hasStudy ? "Every note and the notes and systems it connects to."
                               : "Every note and the notes it connects to.")
        var graph: Context = [.description: whole.description, .hasSystems: whole.hasSystems, .list: whole.list(),
                              .noteCount: whole.noteCount]
        if WholeGraph.drawnInBrowser(model) {
            // The browser draws it from `graph-data.js`, laid out by the build (`SiteBuilder`).
            graph[.canvas] = true
            graph[.limit] = model.options.graphCanvasAbove
        } else {
            graph[.svg] = GraphSVG.whole(whole)
        }
        if whole.noteCount > WholeGraph.listLimit { graph[.more] = WholeGraph.listLimit }
        context[.graph] = graph
        return context
    }

    static func notFound(_ model: SiteModel) -> Context {
        base(model, page: "404.html", title: "Page not found", kind: "404")
    }
}
