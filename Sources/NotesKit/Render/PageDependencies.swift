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

    /// Positions in the notebook of the notes whose calcs verify claims of each note (mostly none).
    private let verifierPositions: [[Int]]
    /// Each note's position in the notebook, by id.
    private let positions: [String: Int]

    /// Made from the notebook alone, so that it can be made while the site
    /// model is. `fileHashes` are the hashes of the notes' files, in the
    /// notebook's order (`BuildCache.inputs`), so the files are read once.
    init(_ notebook: Notebook, fileHashes: [UInt64]) {
        let notes = notebook.notes
        var positions: [String: Int] = [:]
        positions.reserveCapacity(notes.count)
        for (i, note) in notes.enumerated() { positions[note.id] = i }  // as `SiteModel.position`
        self.positions = positions
        let hashes = ResultSlots<UInt64>(count: notes.count)
        let graphHashes = ResultSlots<UInt64>(count: notes.count)
        let verifiers = ResultSlots<[Int]>(count: notes.count)
        DispatchQueue.concurrentPerform(iterations: notes.count) { i in
            // The records are written once, in two parts: what the knowledge
            // graph holds, and the rest (the prose and calculations). Every
            // field is in one part or both, so the note's hash covers them all.
            var stripped = notes[i]
            stripped.tldr = []; stripped.take = nil; stripped.sections = []; stripped.metadata = []
            stripped.calcBlocks = []; stripped.inlineCalcs = []; stripped.calc = nil
            var s = JSONWriter(capacity: 16_384)
            s.compact = true
            s.note(stripped)
            var sh = StableHash()
            sh.add(s.bytes)
            graphHashes[i] = sh.value
            var rest = notes[i]
            rest.comparisons = []; rest.connections = []; rest.links = []
            var r = JSONWriter(capacity: 4_096)
            r.compact = true
            r.note(rest)
            var h = StableHash()
            h.add(word: fileHashes[i])
            h.add(word: sh.value)
            h.add(r.bytes)
            hashes[i] = h.value
            var verifying: [Int] = []
            for topic in notes[i].comparisons {
                for claim in topic.claims {
                    for ref in claim.verifiedBy { if let v = positions[ref.note] { verifying.append(v) } }
                }
            }
            verifiers[i] = verifying
        }
        noteHashes = hashes.values
        verifierPositions = verifiers.values
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

    /// The notes a page reads, by position in the notebook (in any order,
    /// maybe repeated), and the ids of those it names that do not exist;
    /// nil for pages made from the whole folder.
    func notes(of page: SitePage, _ model: SiteModel) -> (positions: [Int], missing: [String])? {
        var found: [Int] = [], missing: [String] = []
        func add(_ id: String) {
            if let i = positions[id] { found.append(i) } else { missing.append(id) }
        }
        /// A note and the notes whose calcs verify its claims.
        func addWithVerifiers(_ id: String) {
            guard let i = positions[id] else { return missing.append(id) }
            found.append(i)
            found += verifierPositions[i]
        }
        switch page.source {
        case .note(let i):
            let note = model.notebook.notes[i]
            addWithVerifiers(note.id)
            for c in note.connections { if let id = c.resolved { add(id) } }
            for l in note.links { if let id = l.resolved { add(id) } }
            for b in model.backlinks[note.id] ?? [] { add(b.from) }
            for s in note.calc?.statements ?? [] { if let id = s.check?.forNote { add(id) } }
        case .system(let i):
            // Mentions come note by note: skip repeats of the one before.
            var last: String?
            for m in model.notebook.systems[i].mentions where m.note != last {
                addWithVerifiers(m.note)
                last = m.note
            }
        case .topic(let i):
            for id in model.notebook.topics[i].notes { addWithVerifiers(id) }
        case .tag(let i):
            for id in model.tags[i].notes { add(id) }
        case .index, .graph, .notFound, .list:
            return nil
        }
        return (found, missing)
    }

    /// The page's signature, or nil when it must always be made anew.
    func signature(of page: SitePage, _ model: SiteModel) -> String? {
        if case .graph = page.source {
            var h = StableHash()
            h.add(String(global, radix: 16))
            h.add(String(graph, radix: 16))
            return h.hex
        }
        guard let (read, missing) = notes(of: page, model) else { return nil }
        var h = StableHash()
        h.add(String(global, radix: 16))
        // Notes by their place in the folder (sorting numbers, not ids), each once; a missing note by id.
        var previous = -1
        for i in read.sorted() where i != previous {
            h.add(model.notebook.notes[i].id)
            h.add(word: noteHashes[i])
            previous = i
        }
        for id in Set(missing).sorted() { h.add(id); h.add("-") }
        return h.hex
    }
}
