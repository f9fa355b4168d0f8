import Dispatch
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Which notes each page is made from, so that a build after an edit
/// re-creates only the pages of the notes that changed (DESIGN §7). A page's
/// signature hashes the folder-wide facts every page may show (note ids,
/// system, topic and tag names) and what it reads of each note; when it
/// equals the previous build's, the page is kept without even building its data.
///
/// A note's own page reads all of it (`noteHashes`). Every other page reads
/// only what a note shows away from its own page (`listedHashes`): its records
/// without the prose — title, date, category, tags, claims, verdicts,
/// connections, links — plus its TL;DR (the summary in note lists) and its
/// calculations (inline values in claims). An edit to a note's prose redoes its
/// own page, not the system, topic, tag and list pages it appears on.
///
/// A page with a query block reads the whole knowledge graph besides (its
/// database is made from it): its signature holds `knowledgeGraph`, so it is
/// redone when a claim, a connection or a title changes anywhere, and not
/// when only prose does.
struct PageDependencies {
    /// Hash of each note's file and all of its records (records carry what
    /// other notes decide about it: resolved links, calc results, verified
    /// claims), in the notebook's order.
    let noteHashes: [UInt64]
    /// Hash of what other pages show of each note (see above), in the notebook's order.
    let listedHashes: [UInt64]
    /// Hash of every note's `listedHashes`: what the home page and the lists read.
    let allListed: UInt64
    /// Hash of the facts every page may show (tag names are added by `add(tags:)`).
    private(set) var global: UInt64
    /// Hash of what the whole-graph page draws: notes' titles, resolved
    /// connections and links, and the systems their claims name.
    let graph: UInt64
    /// Hash of what `graph.json` holds: the records without the prose and
    /// calculations (a note's TL;DR is not in the knowledge graph), and the
    /// diagnostic counts.
    let knowledgeGraph: String
    /// Hash of what `graph.json` holds of each note, in the notebook's order (`GraphJSONRuns`).
    let graphHashes: [UInt64]
    /// Hash of what `search-index.json` holds: each note's entry
    /// (`searchEntries`), the systems' names and spellings and the topics'
    /// titles and systems. An edit to a note's prose, a claim's number or a
    /// connection leaves it as it was.
    let searchIndex: String
    /// Per note, the hash of what its search entry is made from (`SearchIndex.entryHash`), in the notebook's order.
    let searchEntries: [UInt64]

    /// Hash of `global`, `allListed` and `graph`: all that the pages other
    /// than the notes' own read. While it stays the same, so do their signatures
    /// (`signature(of:_:)`): the notes such a page reads, and what it reads
    /// of them, are all in it.
    var listed: String {
        var h = StableHash()
        h.add(word: global)
        h.add(word: allListed)
        h.add(word: graph)
        // Pages with query blocks read the database, which holds a little
        // more than the lists do (the diagnostic counts).
        if !queryNotes.isEmpty { h.add(knowledgeGraph) }
        return h.hex
    }

    /// Positions of the notes with query blocks, whose pages read `knowledgeGraph`.
    private let queryNotes: Set<Int>

    /// Whether `previous`, the page's signature in a build whose `listed`
    /// was this one's, is still its signature. For every page but a note's
    /// own, it is; a note's own page reads the note whole besides, and its
    /// signature starts with that note's hash (`signature(of:_:)`).
    func stillSigns(_ previous: String, _ page: SitePage) -> Bool {
        if case .index = page.source, let home { return previous.hasPrefix(ownPrefix(home)) }
        guard case .note(let i) = page.source else { return true }
        return previous.hasPrefix(ownPrefix(i))
    }

    /// How the signature of note `i`'s own page starts: the note's hash, and
    /// the hashes of the notes it embeds (their text is on the page too).
    private func ownPrefix(_ i: Int) -> String {
        guard let others = embedded[i] else { return String(noteHashes[i], radix: 16) + ":" }
        var h = StableHash()
        h.add(word: noteHashes[i])
        for p in others { h.add(word: noteHashes[p]) }
        return h.hex + ":"
    }

    /// The notes each note embeds, directly or not, by position; only notes that embed some.
    private let embedded: [Int: [Int]]

    /// Per note, the positions of the notes whose titles a page showing its
    /// records may show too: the notes its links lead to (`[[id]]` in a claim
    /// reads as that note's title), those whose calcs verify its claims and
    /// those whose claims dispute them (what those claims say is in the
    /// disputed claim's own record, `Claim.disputedBy`).
    private let shownWith: [[Int]]
    /// Each note's position in the notebook, by id.
    private let positions: [String: Int]
    /// The note whose content the home page shows whole (`SiteModel.home`).
    private let home: Int?

    /// Made from the notebook alone, so that it can be made while the site
    /// model is. `fileHashes` are the hashes of the notes' files, in the
    /// notebook's order (`BuildCache.inputs`), so the files are read once.
    init(_ notebook: Notebook, fileHashes: [UInt64]) {
        let notes = notebook.notes
        var positions: [String: Int] = [:]
        positions.reserveCapacity(notes.count)
        for (i, note) in notes.enumerated() { positions[note.id] = i }  // as `SiteModel.position`
        self.positions = positions
        home = SiteModel.home(notes)
        queryNotes = Set(notes.indices.filter { !notes[$0].queryBlocks.isEmpty })
        let hashes = ResultSlots<UInt64>(count: notes.count)
        let listed = ResultSlots<UInt64>(count: notes.count)
        let graphHashes = ResultSlots<UInt64>(count: notes.count)
        let shown = ResultSlots<[Int]>(count: notes.count)
        let entries = ResultSlots<UInt64>(count: notes.count)
        DispatchQueue.concurrentPerform(iterations: notes.count) { i in
            entries[i] = SearchIndex.entryHash(notes[i])
            let parts = Self.partHashes(notes[i])
            graphHashes[i] = parts.graph
            var l = StableHash()
            l.add(word: parts.graph)
            l.add(word: parts.listed)
            listed[i] = l.value
            var h = StableHash()
            h.add(word: fileHashes[i])
            h.add(word: l.value)
            h.add(word: parts.prose)
            hashes[i] = h.value
            var with: [Int] = []
            for l in notes[i].links { if let target = l.resolved, let p = positions[target] { with.append(p) } }
            for topic in notes[i].comparisons {
                for claim in topic.claims {
                    for ref in claim.verifiedBy { if let p = positions[ref.note] { with.append(p) } }
                    for other in claim.disputedBy { if let p = positions[other.note] { with.append(p) } }
                }
            }
            shown[i] = with
        }
        noteHashes = hashes.values
        var embedded: [Int: [Int]] = [:]
        for i in notes.indices where notes[i].links.contains(where: { $0.embed && $0.style == .wikilink && $0.resolved != nil }) {
            let others = EmbeddedPart.notes(embeddedBy: i, in: notes, positions: positions)
            if !others.isEmpty { embedded[i] = others }
        }
        self.embedded = embedded
        listedHashes = listed.values
        shownWith = shown.values
        var all = StableHash()
        for value in listedHashes { all.add(word: value) }
        allListed = all.value
        var g = StableHash()
        // Notes by index, here and below: a loop over the values copied each.
        for i in notes.indices { g.add(notes[i].id) }
        for system in notebook.systems { g.add(system.slug); g.add(system.name) }
        for topic in notebook.topics { g.add(topic.slug); g.add(topic.title) }
        // Every page links to the feed when some note is dated (`SiteModel.hasFeed`).
        g.add(notes.indices.contains { notes[$0].date != nil } ? "feed" : "no feed")
        global = g.value
        var drawn = StableHash()
        for i in notes.indices {
            drawn.add(notes[i].id)
            drawn.add(SiteModel.title(id: notes[i].id, heading: notes[i].title))
            for c in notes[i].connections.indices { drawn.add(notes[i].connections[c].resolved ?? "") }
            for l in notes[i].links.indices { drawn.add(notes[i].links[l].resolved ?? "") }
            let comparisons = notes[i].comparisons
            for t in comparisons.indices {
                let claims = comparisons[t].claims
                for c in claims.indices { for s in claims[c].subjects.indices { drawn.add(claims[c].subjects[s].slug) } }
            }
        }
        graph = drawn.value
        var k = StableHash()
        for i in notes.indices { k.add(String(graphHashes[i]!, radix: 16)) }
        for system in notebook.systems { k.add(system.slug); k.add(system.name) }
        for topic in notebook.topics { k.add(topic.slug); k.add(topic.title) }
        let d = notebook.diagnostics
        k.add("\(d.errorCount) \(d.warningCount) \(d.infoCount)")
        knowledgeGraph = k.hex
        self.graphHashes = graphHashes.values
        searchEntries = entries.values
        var search = StableHash()
        for value in searchEntries { search.add(word: value) }
        for system in notebook.systems {
            search.add(system.slug); search.add(system.name)
            search.add(word: UInt64(system.spellings.count))
            for s in system.spellings { search.add(s) }
        }
        for topic in notebook.topics {
            search.add(topic.slug); search.add(topic.title)
            search.add(word: UInt64(topic.systems.count))
            for s in topic.systems { search.add(s) }
        }
        searchIndex = search.hex
    }

    /// Hashes of what the knowledge graph holds of a note (`graph`), of what
    /// lists show besides (`listed`: the TL;DR and calculations) and of the
    /// rest of its prose (`prose`), each with the fields all three share. Each
    /// field is written once, in the parse cache's binary form (several times
    /// faster than JSON). A test edits each field of `Note` and expects the
    /// signatures of the pages that show it to change.
    static func partHashes(_ n: Note) -> (graph: UInt64, listed: UInt64, prose: UInt64) {
        var w = CacheWriter(capacity: 8192)
        func hash(_ write: (inout CacheWriter) -> Void) -> UInt64 {
            w.reset()
            write(&w)
            var h = StableHash()
            h.add(w.bytes)
            return h.value
        }
        let common = hash { w in
            w.string(n.id); w.string(n.path)
            w.optional(n.title) { w, t in w.string(t.text); w.range(t.range) }
            w.optional(n.date) { $0.string($1) }
            w.optional(n.category) { $0.string($1) }
            w.array(n.tags) { $0.string($1) }
            w.array(n.aliases) { $0.string($1) }
            w.bool(n.isStudyNote)
        }
        let graph = hash { w in
            w.array(n.comparisons) { $0.topic($1) }
            w.connections(n.connections)
            w.links(n.links)
        }
        let listed = hash { w in
            w.array(n.tldr) { $0.string($1) }
            // Lists show the front matter `description` as the note's summary.
            w.optional(n.writtenDescription) { $0.string($1) }
            w.calcBlocks(n.calcBlocks)
            w.inlineCalcs(n.inlineCalcs)
            w.optional(n.calc) { $0.calc($1) }
        }
        let prose = hash { w in
            w.metadata(n.metadata)
            w.bool(n.pageNeeds.math)
            w.array(n.pageNeeds.codeLanguages) { $0.string($1) }
            w.array(n.anchors.headings) { $0.string($1) }
            w.array(n.anchors.blocks) { $0.string($1) }
            w.string(n.bodyText)
            w.sections(n.sections)
            w.take(n.take)
            w.array(n.queryBlocks) { w, b in w.string(b.text); w.range(b.range) }
        }
        func joined(_ part: UInt64) -> UInt64 {
            var h = StableHash()
            h.add(word: common)
            h.add(word: part)
            return h.value
        }
        return (joined(graph), joined(listed), joined(prose))
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
        /// A note and the notes a page showing its records shows the titles of.
        func addShowing(_ id: String) {
            guard let i = positions[id] else { return missing.append(id) }
            found.append(i)
            found += shownWith[i]
        }
        switch page.source {
        case .note(let i):
            // The note's fields read in place, not the note copied.
            let notes = model.notebook.notes
            addShowing(notes[i].id)
            for c in notes[i].connections { if let id = c.resolved { add(id) } }
            for b in model.backlinks[notes[i].id] ?? [] { add(b.from) }
            for s in notes[i].calc?.statements ?? [] { if let id = s.check?.forNote { add(id) } }
        case .system(let i, _):
            // Mentions come note by note: skip repeats of the one before.
            var last: String?
            for m in model.notebook.systems[i].mentions where m.note != last {
                addShowing(m.note)
                last = m.note
            }
        case .topic(let i, _):
            for id in model.notebook.topics[i].notes { addShowing(id) }
        case .tag(let i, _):
            for id in model.tags[i].notes { add(id) }
        case .category(let i, _):
            // Which notes are on which of its pages comes from their dates and titles.
            for id in model.categories[i].notes { add(id) }
        case .folder(let i, _):
            // Its subfolders and their counts come from note ids, which `global` holds; which
            // notes are on which of its pages, from their dates and titles: each page reads them all.
            for id in model.folders[i].notes { add(id) }
        case .index, .graph, .notFound, .list:
            return nil
        }
        return (found, missing)
    }

    /// The page's signature: the facts it is made from.
    func signature(of page: SitePage, _ model: SiteModel) -> String {
        var h = StableHash()
        h.add(String(global, radix: 16))
        guard let (read, missing) = notes(of: page, model) else {
            // Whole-folder pages: the graph page draws `graph`; the home page
            // and the lists show what every note shows away from its own page.
            if case .graph = page.source { h.add(String(graph, radix: 16)) } else { h.add(word: allListed) }
            // The home page shows its home note whole: its signature starts as that note's page's does.
            if case .index = page.source, let home {
                if queryNotes.contains(home) { h.add(knowledgeGraph) }
                return ownPrefix(home) + h.hex
            }
            return h.hex
        }
        let own: Int? = if case .note(let i) = page.source { i } else { nil }
        // Notes by their place in the folder (sorting numbers, not ids), each
        // once; a missing note by id. A place names the same note while
        // `global`, which holds every id in order, is the same.
        var previous = -1
        for i in read.sorted() where i != previous {
            h.add(word: UInt64(i))
            h.add(word: i == own ? noteHashes[i] : listedHashes[i])
            previous = i
        }
        for id in Set(missing).sorted() { h.add(id); h.add("-") }
        // A note's own page: its note's hash first, for `stillSigns(_:_:)`.
        if let own {
            if queryNotes.contains(own) { h.add(knowledgeGraph) }
            return ownPrefix(own) + h.hex
        }
        return h.hex
    }
}
