import Dispatch

/// Which notes each page is made from, so that a build after an edit
/// re-creates only the pages of the notes that changed (DESIGN §7). A page's
/// signature hashes the folder-wide facts every page may show (note ids,
/// system, topic and tag names) and the records and text of every note the
/// page reads; when it equals the previous build's, the page is kept without
/// even building its data.
struct PageDependencies {
    /// Hash of one note's file and records (records carry what other notes
    /// decide about it: resolved links, calc results, verified claims).
    let noteHashes: [String: UInt64]
    /// Hash of the facts every page may show.
    let global: UInt64
    /// Hash of what the whole-graph page draws: notes' titles, resolved
    /// connections and links, and the systems their claims name.
    let graph: UInt64
    /// Hash of what `graph.json` holds: the records without the prose and
    /// calculations (a note's TL;DR is not in the knowledge graph), and the
    /// diagnostic counts.
    let knowledgeGraph: String

    init(_ model: SiteModel) {
        let notes = model.notebook.notes
        let root = model.options.notesRoot
        let hashes = ResultSlots<UInt64>(count: notes.count)
        let graphHashes = ResultSlots<UInt64>(count: notes.count)
        DispatchQueue.concurrentPerform(iterations: notes.count) { i in
            var stripped = notes[i]
            stripped.tldr = []; stripped.take = nil; stripped.sections = []; stripped.metadata = []
            stripped.calcBlocks = []; stripped.inlineCalcs = []; stripped.calc = nil
            var s = JSONWriter(capacity: 4_096)
            s.compact = true
            s.note(stripped)
            var sh = StableHash()
            sh.add(s.bytes)
            graphHashes[i] = sh.value
            var h = StableHash()
            h.add(notes[i].path)
            if case .success(let bytes) = Discovery.read(root + "/" + notes[i].path) { h.add(bytes) }
            var w = JSONWriter(capacity: 8_192)
            w.compact = true
            w.note(notes[i])
            h.add(w.bytes)
            hashes[i] = h.value
        }
        noteHashes = Dictionary(uniqueKeysWithValues: notes.indices.map { (notes[$0].id, hashes[$0]!) })
        var g = StableHash()
        for note in notes { g.add(note.id) }
        for system in model.notebook.systems { g.add(system.slug); g.add(system.name) }
        for topic in model.notebook.topics { g.add(topic.slug); g.add(topic.title) }
        for tag in model.tags { g.add(tag.slug); g.add(tag.name) }
        global = g.value
        var drawn = StableHash()
        for note in notes {
            drawn.add(note.id)
            drawn.add(SiteModel.title(note))
            for c in note.connections { drawn.add(c.resolved ?? "") }
            for l in note.links { drawn.add(l.resolved ?? "") }
            for topic in note.comparisons { for claim in topic.claims { for s in claim.subjects { drawn.add(s.slug) } } }
        }
        graph = drawn.value
        var k = StableHash()
        for i in notes.indices { k.add(String(graphHashes[i]!, radix: 16)) }
        for system in model.notebook.systems { k.add(system.slug); k.add(system.name) }
        for topic in model.notebook.topics { k.add(topic.slug); k.add(topic.title) }
        let d = model.notebook.diagnostics
        k.add("\(d.errorCount) \(d.warningCount) \(d.infoCount)")
        knowledgeGraph = k.hex
    }

    /// The notes a page reads; nil for pages made from the whole folder.
    static func notes(of page: SitePage, _ model: SiteModel) -> [String]? {
        switch page.source {
        case .note(let i):
            let note = model.notebook.notes[i]
            var ids = [note.id]
            ids += note.connections.compactMap(\.resolved)
            ids += note.links.compactMap(\.resolved)
            ids += (model.backlinks[note.id] ?? []).map(\.from)
            ids += verifiers(note.comparisons.flatMap(\.claims))
            ids += note.calc?.statements.compactMap { $0.check?.forNote } ?? []
            return ids
        case .system(let i):
            let mentions = Array(Set(model.notebook.systems[i].mentions.map(\.note)))
            return mentions + verifiers(mentions.flatMap { model.note($0)?.comparisons.flatMap(\.claims) ?? [] })
        case .topic(let i):
            let notes = model.notebook.topics[i].notes
            return notes + verifiers(notes.flatMap { model.note($0)?.comparisons.flatMap(\.claims) ?? [] })
        case .tag(let i):
            return model.tags[i].notes
        case .index, .graph, .notFound, .list:
            return nil
        }
    }

    static func verifiers(_ claims: [Claim]) -> [String] {
        claims.flatMap { $0.verifiedBy.map(\.note) }
    }

    /// The page's signature, or nil when it must always be made anew.
    func signature(of page: SitePage, _ model: SiteModel) -> String? {
        if case .graph = page.source {
            var h = StableHash()
            h.add(String(global, radix: 16))
            h.add(String(graph, radix: 16))
            return h.hex
        }
        guard let ids = Self.notes(of: page, model) else { return nil }
        var h = StableHash()
        h.add(String(global, radix: 16))
        for id in Set(ids).sorted() {
            h.add(id)
            h.add(String(noteHashes[id] ?? 0, radix: 16))
        }
        return h.hex
    }
}
