import Dispatch

/// Which notes each page is made from, so that a build after an edit
/// re-creates only the pages of the notes that changed (DESIGN §7). A page's
/// signature hashes the folder-wide facts every page may show (note ids,
/// system, topic and tag names) and the records and text of every note the
/// page reads; when it equals the previous build's, the page is kept without
/// even building its data.
struct PageDependencies {
    /// Hash of each note's file and records (records carry what other notes
    /// decide about it: resolved links, calc results, verified claims), in the
    /// notebook's order.
    let noteHashes: [UInt64]
    /// Hash of the facts every page may show (tag names are added by `add(tags:)`).
    private(set) var global: UInt64
    /// Hash of what the whole-graph page draws: notes' titles, resolved
    /// connections and links, and the systems their claims name.
    let graph: UInt64
    /// Hash of what `graph.json` holds: the records without the prose and
    /// calculations (a note's TL;DR is not in the knowledge graph), and the
    /// diagnostic counts.
    let knowledgeGraph: String

    /// Made from the notebook alone, so that it can be made while the site model is.
    init(_ notebook: Notebook, notesRoot root: String) {
        let notes = notebook.notes
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
        noteHashes = hashes.values
        var g = StableHash()
        for note in notes { g.add(note.id) }
        for system in notebook.systems { g.add(system.slug); g.add(system.name) }
        for topic in notebook.topics { g.add(topic.slug); g.add(topic.title) }
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
        for system in notebook.systems { k.add(system.slug); k.add(system.name) }
        for topic in notebook.topics { k.add(topic.slug); k.add(topic.title) }
        let d = notebook.diagnostics
        k.add("\(d.errorCount) \(d.warningCount) \(d.infoCount)")
        knowledgeGraph = k.hex
    }

    /// Folds the site's tags (their slugs and names) into `global`.
    mutating func add(tags: [SiteModel.Tag]) {
        var g = StableHash()
        g.add(word: global)
        for tag in tags { g.add(tag.slug); g.add(tag.name) }
        global = g.value
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
            return mentions + verifiers(ofNotes: mentions, model)
        case .topic(let i):
            let notes = model.notebook.topics[i].notes
            return notes + verifiers(ofNotes: notes, model)
        case .tag(let i):
            return model.tags[i].notes
        case .index, .graph, .notFound, .list:
            return nil
        }
    }

    static func verifiers(_ claims: [Claim]) -> [String] {
        claims.flatMap { $0.verifiedBy.map(\.note) }
    }

    /// The notes whose calcs verify claims of these notes (read in place: copying
    /// every claim of a system's notes was most of a rebuild's page stage).
    static func verifiers(ofNotes ids: [String], _ model: SiteModel) -> [String] {
        var out: [String] = []
        for id in ids {
            guard let i = model.position(id) else { continue }
            for topic in model.notebook.notes[i].comparisons {
                for claim in topic.claims where !claim.verifiedBy.isEmpty {
                    for ref in claim.verifiedBy { out.append(ref.note) }
                }
            }
        }
        return out
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
        // Notes by their place in the folder (sorting numbers, not ids); a missing note by id.
        var positions = Set<Int>(), missing = Set<String>()
        for id in ids {
            if let i = model.position(id) { positions.insert(i) } else { missing.insert(id) }
        }
        for i in positions.sorted() {
            h.add(model.notebook.notes[i].id)
            h.add(word: noteHashes[i])
        }
        for id in missing.sorted() { h.add(id); h.add("-") }
        return h.hex
    }
}
