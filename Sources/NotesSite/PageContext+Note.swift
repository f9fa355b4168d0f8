import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

extension PageContext {
    /// Metadata a note page shows elsewhere than in its metadata list.
    private static let hiddenMetadata: Set<String> = ["title", "category", "tags", "aliases"]

    /// A note's page: header, body sections with records in place, table of
    /// contents, backlinks and the note's neighbourhood in the graph.
    static func note(_ note: Note, _ model: SiteModel) -> Context {
        let page = SitePaths.note(note.id)
        let links = PageLinks(page: page, model: model)
        let (body, needs) = rendered(note, model, links: links)

        let metadata = note.metadata.compactMap { m -> Context? in
            let key = m.key.lowercased()
            guard m.isShownToReaders, !hiddenMetadata.contains(key) else { return nil }
            let isDate = (key == "date processed" || key == "date") && m.value == note.date
            return [.key: m.key, .value: m.value, .isDate: isDate]
        }
        var seenTags = Set<String>()
        let tags = note.tags.compactMap { tag -> Context? in
            let slug = tagSlug(tag)
            guard !slug.isEmpty, seenTags.insert(slug).inserted else { return nil }
            return [.name: tag, .url: links.href(SitePaths.tag(slug))]
        }
        let backlinks = (model.backlinks[note.id] ?? []).map { b -> Context in
            var item: Context = [.url: links.noteHref(b.from), .title: model.title(b.from)]
            item[.reason] = TemplateValue.optional(b.reason)
            return item
        }
        var n: Context = [
            .id: note.id, .title: SiteModel.title(note),
            .metadata: metadata, .hasMetadata: !metadata.isEmpty,
            .tags: tags, .hasTags: !tags.isEmpty,
            .sections: body.sections,
            .toc: body.toc, .hasToc: body.toc.count > 1,
            .backlinks: backlinks, .hasBacklinks: !backlinks.isEmpty,
        ]
        if let category = note.category {
            n[.category] = category
            n[.categoryURL] = model.categoryPositions[category].map { links.href(SitePaths.category(model.categories[$0].slug)) }
                ?? links.href("index.html", fragment: categoryID(category))
        }
        // Breadcrumbs on notes in folders; a note at the root has only Home above it.
        if let slash = note.id.lastIndex(of: "/") {
            n[.breadcrumbs] = breadcrumbs(folder: String(note.id[..<slash]), links: links)
            n[.hasBreadcrumbs] = true
        }
        if let drawing = GraphSVG.neighbourhood(of: note.id, model, links: links) {
            n[.localGraph] = drawing
            // Its node in `graph-data.js`, for the drawing two steps out.
            n[.dataURL] = SitePaths.href(SitePaths.note(note.id), root: "", fragment: nil)
        }
        var context = base(model, page: page, title: SiteModel.title(note), kind: "note", description: summary(note),
                           needs: needs)
        context[.note] = n
        return context
    }

    /// A note's body rendered for `links.page`, and what that page needs to load for it.
    static func rendered(_ note: Note, _ model: SiteModel, links: PageLinks) -> (body: NoteBody, needs: PageNeeds) {
        // Math is taken out before cmark-gfm sees the note and put back after (DESIGN §2a).
        // (A note without math, most of those with prices in dollars among them, skips the scan: the parser made it.)
        let source = NoteBody.markdown(of: note, root: model.options.notesRoot)
        let (markdown, math) = note.pageNeeds.math ? MathSpans.protect(source) : (source, MathSpans())
        var body = NoteBody(note: note, model: model, links: links)
        let trail = [EmbeddedPart(note: note.id, part: .whole)]
        var hooks = links.hooks(for: note.id, trail: trail)
        // Inline `#tags` link to their pages (the parser read the same tags into `note.tags`).
        hooks.tag = { name in
            let slug = tagSlug(name)
            return model.tagPositions[slug] == nil ? nil : links.href(SitePaths.tag(slug))
        }
        // A query block inside a list, a quote or a callout shows its result
        // there; one at the top level, the note's body places (`NoteBody`).
        if !note.queryBlocks.isEmpty {
            let queries = Dictionary(note.queryBlocks.map { ($0.range.start.line, $0) }, uniquingKeysWith: { a, _ in a })
            hooks.nestedCodeBlock = { info, line in
                guard info.split(separator: " ").first?.lowercased() == "query", let query = queries[line] else { return nil }
                return QueryBlockHTML(links: links).html(query, model.queries.outcome(note: note.id, line: line), id: "query-\(line)")
            }
        }
        body.compose(CmarkBridge.renderBlocks(markdown, hooks: hooks).map { $0.restoring(math).markingMermaid() })
        // What the notes it embeds need, the page needs too.
        var needs = note.pageNeeds
        if let position = model.position(note.id), note.links.contains(where: \.embed) {
            for i in model.embeddedNotes(position) {
                let embedded = model.notebook.notes[i].pageNeeds
                needs.math = needs.math || embedded.math
                needs.codeLanguages = Array(Set(needs.codeLanguages + embedded.codeLanguages)).sorted()
            }
        }

        return (body, needs)
    }
}
