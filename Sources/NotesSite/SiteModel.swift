import Foundation
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// What every page needs to know about the whole folder, computed once
/// before pages render: titles, backlinks, tags, claims by system.
struct SiteModel: Sendable {
    /// A note that refers to another: by a connection (with its reason) or a link in prose.
    struct Backlink: Sendable {
        var from: String
        var reason: String?
    }

    /// Where a claim stands (`claim(_:)` gives the claim itself). Not a copy of
    /// the claim: copying and freeing every claim once per subject was a third
    /// of making the model.
    /// Its note and topic are the model's to tell (`note(of:)`, `topic(of:)`):
    /// a place is sixteen bytes and holds no reference, so placing, copying and
    /// freeing 425,000 of them at 10k notes retains and releases nothing (with
    /// its note's and topic's strings a placed claim was 48 bytes).
    struct PlacedClaim: Sendable {
        var verified: Bool
        /// Where it is, in 32 bits each.
        private var place: (position: Int32, comparison: Int32, index: Int32)

        init(verified: Bool, position: Int, comparison: Int, index: Int) {
            self.verified = verified
            place = (Int32(position), Int32(comparison), Int32(index))
        }

        /// `notebook.notes[position].comparisons[comparison].claims[index]`.
        var position: Int { Int(place.position) }
        var comparison: Int { Int(place.comparison) }
        var index: Int { Int(place.index) }
    }

    /// A verdict and where it stands.
    struct PlacedVerdict: Sendable {
        var note: String
        var topic: String
        /// The systems it favours.
        var favors: [String]
        /// `notebook.notes[position].comparisons[comparison].verdicts[index]`.
        var position: Int
        var comparison: Int
        var index: Int
    }

    /// A tag and the notes that have it. A nested tag `a/b` has the page
    /// `tags/a/b.html`; its parent `a` lists the notes of `a` and of every
    /// `a/…`, and links to its children (as Obsidian's tag pane).
    struct Tag: Sendable {
        var slug: String
        var name: String
        var notes: [String]
        /// Slugs of the tags one level below (`a/b` for `a`), sorted.
        var children: [String] = []
        /// The slug of the tag one level up, for `a/b`: `a`.
        var parent: String? {
            slug.lastIndex(of: "/").map { String(slug[..<$0]) }
        }
    }

    /// A folder below the notes root that holds notes, directly or deeper
    /// down; each has a page listing its notes and subfolders (DESIGN §5).
    struct Folder: Sendable {
        /// Its path below the notes root, `a/b`.
        var path: String
        /// Ids of the notes directly in it, in note order.
        var notes: [String] = []
        /// Paths of the folders one level below, sorted.
        var children: [String] = []
        /// How many notes it holds, its subfolders' included.
        var total = 0
        var name: String { path.isEmpty ? "All notes" : path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path }
        var parent: String? { path.lastIndex(of: "/").map { String(path[..<$0]) } }
    }

    /// A category and its notes: the home page lists its newest, its page all of them (DESIGN §5).
    struct Category: Sendable {
        var name: String
        /// Unique among the categories: `categories/<slug>.html`.
        var slug: String
        /// Ids of its notes, in note order.
        var notes: [String]
    }

    let notebook: Notebook
    let options: SiteOptions
    /// The notes' categories, "Uncategorised" last, when any note has one (else empty: notes are listed by folder).
    let categories: [Category]
    /// Position in `categories` by name.
    let categoryPositions: [String: Int]
    /// What each query block found (DESIGN §9).
    let queries: QueryResults
    /// Every folder that holds notes, sorted by path.
    let folders: [Folder]
    /// Position in `folders` by path.
    let folderPositions: [String: Int]
    /// The note at the root whose content is the home page's (`index.md`,
    /// `Home.md` or `README.md`), by position in `notebook.notes`.
    let home: Int?
    /// Whether any note is a study note: only then does the site show systems,
    /// topics, claims and their counts (DESIGN §5).
    var hasStudy: Bool { !notebook.systems.isEmpty || !notebook.topics.isEmpty }
    /// KaTeX and highlight.js, when some page needs them and they are installed.
    let vendor: VendorAssets
    /// Some published note has a date: the site has an Atom feed. Without one
    /// there is no feed (rather than one dated 1970) and no link to it.
    var hasFeed: Bool { !dates.isEmpty }
    let index: NoteIndex
    /// The drafts' ids, for telling a link to a draft from a broken one.
    let draftIndex: NoteIndex
    private let positions: [String: Int]
    /// Notes that connect or link to a note, by target id, in note order.
    let backlinks: [String: [Backlink]]
    let tags: [Tag]
    let tagSlugs: [String: String]
    /// Position in `tags` by slug.
    let tagPositions: [String: Int]
    /// Claims about each system, by system slug, in note order.
    var claimsBySystem: [String: [PlacedClaim]] { placed.value.claimsBySystem }
    /// Verdicts of each topic, by topic slug, in note order.
    var verdictsByTopic: [String: [PlacedVerdict]] { placed.value.verdictsByTopic }
    /// Claims of each topic, by topic slug, in note order.
    var claimsByTopic: [String: [PlacedClaim]] { placed.value.claimsByTopic }
    let systems: [String: System]
    let topics: [String: TopicEntity]
    /// Verdicts by topic slug, then note id: a system page asks for them note by note.
    var verdictsByTopicAndNote: [String: [String: [PlacedVerdict]]] { placed.value.verdictsByTopicAndNote }
    /// Claims and verdicts by system and topic, made when a page first asks:
    /// only system, topic, list and graph pages do, and a rebuild after a
    /// prose edit renders none of them.
    private let placed: Once<Placed>
    /// How many claims name each system (a claim once), by slug: all that
    /// the list of pages needs of them, counted without placing every claim.
    private let systemClaimCounts: Once<[String: Int]>
    func claimCount(system slug: String) -> Int { systemClaimCounts.value[slug] ?? 0 }

    struct Placed {
        var claimsBySystem: [String: [PlacedClaim]] = [:]
        var claimsByTopic: [String: [PlacedClaim]] = [:]
        var verdictsByTopic: [String: [PlacedVerdict]] = [:]
        var verdictsByTopicAndNote: [String: [String: [PlacedVerdict]]] = [:]
    }
    /// What note lists show of a note besides its title and date.
    struct Listing {
        var claims: Int
        var verified: Int
        /// The TL;DR's first paragraph, cut short (`PageContext.summary`).
        var summary: String?
    }
    /// Each note's listing, by position, made when a page first lists notes
    /// (each note is listed on the home page and on its tags' pages).
    private let listings: Once<[Listing]>
    func listing(_ position: Int) -> Listing { listings.value[position] }

    /// A note's neighbours in the graph, as positions in `notebook.notes`:
    /// the notes its connections and then its links lead to, and the notes
    /// that connect or link to it (`backlinks`), each that exists.
    struct Neighbours {
        var outgoing: [Int]
        var incoming: [Int]
    }
    /// Each note's neighbours, by position: numbers, where ids were hashed and
    /// copied for each of up to forty notes on every page. When many pages
    /// render (`shareLinks()` was called) they are all made once, when a note
    /// page first draws its neighbourhood; else each is worked out when asked
    /// (a rebuild after an edit draws one page, not ten thousand).
    private let neighbourLists: Once<[Neighbours]>
    func neighbours(_ position: Int) -> Neighbours {
        if sharedLinks != nil { return neighbourLists.value[position] }
        return Self.neighbours(of: position, notebook.notes, positions: positions, backlinks: backlinks)
    }

    private static func neighbours(of i: Int, _ notes: [Note], positions: [String: Int], backlinks: [String: [Backlink]]) -> Neighbours {
        var outgoing: [Int] = []
        let connections = notes[i].connections, links = notes[i].links
        for c in connections.indices { if let t = connections[c].resolved, let p = positions[t] { outgoing.append(p) } }
        for l in links.indices { if let t = links[l].resolved, let p = positions[t] { outgoing.append(p) } }
        let incoming = (backlinks[notes[i].id] ?? []).compactMap { positions[$0.from] }
        return Neighbours(outgoing: outgoing, incoming: incoming)
    }

    /// Inline `=expr` values by note id, for notes whose calcs were evaluated.
    let inlineCalcs: [String: [InlineCalcRecord]]
    private let titles: [String: String]
    private let dates: [String: String]
    /// Claims' and verdicts' inline HTML, shared by the pages that show them.
    let recordHTML = RecordHTMLCache()
    /// Links as pages one folder deep write them, made once for all of them
    /// by `shareLinks()`; nil until then. A build that renders a handful of
    /// pages (a rebuild after an edit) does without: making them for every
    /// note of the folder cost more than those pages save.
    var sharedLinks: SharedLinks? { sharedLinksMade.links }
    private let sharedLinksMade = SharedLinksSlot()

    private final class SharedLinksSlot: @unchecked Sendable {
        var links: SharedLinks?
    }

    /// Makes `sharedLinks`, and has `neighbours(_:)` make all notes' at once.
    /// Call it before pages render, not while they do.
    func shareLinks() {
        guard sharedLinksMade.links == nil else { return }
        let systems = self.systems
        sharedLinksMade.links = SharedLinks(notebook) { systems[$0]?.name ?? $0 }
    }

    init(_ notebook: Notebook, options: SiteOptions) {
        self.notebook = notebook
        self.options = options
        queries = options.queries ?? QueryStage.run(notebook).results
        vendor = VendorAssets(notebook.notes)
        index = NoteIndex(ids: notebook.notes.indices.map { notebook.notes[$0].id }, aliases: Pipeline.aliases(notebook.notes))
        draftIndex = NoteIndex(ids: options.drafts.sorted())
        // Notes are read in place: copying each (a score of references to
        // retain and release) was a large part of making the model.
        let notes = notebook.notes
        var positions: [String: Int] = [:], titles: [String: String] = [:], dates: [String: String] = [:]
        positions.reserveCapacity(notes.count)
        titles.reserveCapacity(notes.count)
        var inline: [String: [InlineCalcRecord]] = [:]
        for i in notes.indices {
            let id = notes[i].id
            positions[id] = i
            titles[id] = Self.title(id: id, heading: notes[i].title)
            if let date = notes[i].date { dates[id] = date }
            if let records = notes[i].calc?.inline, !records.isEmpty { inline[id] = records }
        }
        self.positions = positions
        self.titles = titles
        (folders, folderPositions) = Self.folders(notes)
        home = Self.home(notes)
        let categories = Self.categories(notes, home: home)
        self.categories = categories
        categoryPositions = Dictionary(categories.indices.map { (categories[$0].name, $0) }, uniquingKeysWith: { a, _ in a })
        listings = Once {
            // Claims are counted in place: iterating copied every claim, each a score of references.
            notes.indices.map { i in
                var claims = 0, verified = 0
                for t in notes[i].comparisons.indices {
                    let list = notes[i].comparisons[t].claims
                    claims += list.count
                    for c in list.indices where list[c].verified { verified += 1 }
                }
                return Listing(claims: claims, verified: verified, summary: PageContext.summary(notes[i]))
            }
        }
        inlineCalcs = inline
        self.dates = dates

        var backlinks: [String: [Backlink]] = [:]
        var tagNotes: [String: [String]] = [:], tagNames: [String: String] = [:], tagOrder: [String] = []
        var tagLevels: [String: [(slug: String, name: String)]] = [:]
        for position in notes.indices {
            let id = notes[position].id
            var seen = Set<String>()
            for c in notes[position].connections {
                guard let target = c.resolved, target != id, seen.insert(target).inserted else { continue }
                backlinks[target, default: []].append(Backlink(from: id, reason: c.reason.isEmpty ? nil : c.reason))
            }
            for link in notes[position].links {
                guard let target = link.resolved, target != id, seen.insert(target).inserted else { continue }
                backlinks[target, default: []].append(Backlink(from: id, reason: nil))
            }
            for tag in notes[position].tags {
                // Worked out once a spelling: a folder's notes share a few hundred tags.
                let levels: [(slug: String, name: String)]
                if let known = tagLevels[tag] { levels = known } else {
                    let slug = tagSlug(tag)
                    // `a/b/c` is listed under `a/b/c`, `a/b` and `a`.
                    let names = tag.split(separator: "/", omittingEmptySubsequences: true)
                    let slugs = slug.split(separator: "/")
                    levels = slug.isEmpty ? [] : (1...slugs.count).reversed().map { depth in
                        (slugs[..<depth].joined(separator: "/"), depth == slugs.count ? tag : names[..<depth].joined(separator: "/"))
                    }
                    tagLevels[tag] = levels
                }
                for (slug, name) in levels {
                    if tagNames[slug] == nil {
                        tagNames[slug] = name
                        tagOrder.append(slug)
                    }
                    if tagNotes[slug]?.last != id { tagNotes[slug, default: []].append(id) }
                }
            }
        }
        self.backlinks = backlinks
        neighbourLists = Once { notes.indices.map { Self.neighbours(of: $0, notes, positions: positions, backlinks: backlinks) } }
        var tags = tagOrder.sorted().map { Tag(slug: $0, name: tagNames[$0]!, notes: tagNotes[$0] ?? []) }
        let tagPositions = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1.slug, $0) })
        for tag in tags { if let parent = tag.parent, let i = tagPositions[parent] { tags[i].children.append(tag.slug) } }
        self.tags = tags
        self.tagPositions = tagPositions
        tagSlugs = tagNames.reduce(into: [:]) { $0[$1.value] = $1.key }
        placed = Once { Self.place(notes) }
        systemClaimCounts = Once {
            var counts: [String: Int] = [:]
            for position in notes.indices {
                let comparisons = notes[position].comparisons
                for comparison in comparisons.indices {
                    let claims = comparisons[comparison].claims
                    for index in claims.indices {
                        let subjects = claims[index].subjects
                        for k in subjects.indices where Self.firstNaming(subjects, k) { counts[subjects[k].slug, default: 0] += 1 }
                    }
                }
            }
            return counts
        }
        let systems = Dictionary(notebook.systems.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        self.systems = systems
        topics = Dictionary(notebook.topics.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The folders that hold notes, from the notes' ids (`a/b/c` is in `a/b`, which is in `a`).
    private static func folders(_ notes: [Note]) -> ([Folder], [String: Int]) {
        var byPath: [String: Folder] = [:]
        for i in notes.indices {
            let id = notes[i].id
            // Found as a byte: most ids have no folder, and a search by character was most of this.
            guard let slash = id.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            let path = String(id[..<slash])
            byPath[path, default: Folder(path: path)].notes.append(id)
            var parts = path.split(separator: "/", omittingEmptySubsequences: false)
            while !parts.isEmpty {
                let prefix = parts.joined(separator: "/")
                byPath[prefix, default: Folder(path: prefix)].total += 1
                parts.removeLast()
            }
        }
        // The root is a folder too: its page lists the notes at the top, which
        // the home page cannot all show in a flat vault of thousands.
        var root = Folder(path: "")
        root.notes = notes.indices.filter { !notes[$0].id.utf8.contains(UInt8(ascii: "/")) }.map { notes[$0].id }
        root.total = notes.count
        byPath[""] = root
        var folders = byPath.values.sorted { $0.path < $1.path }
        let positions = Dictionary(uniqueKeysWithValues: folders.enumerated().map { ($1.path, $0) })
        for folder in folders where !folder.path.isEmpty { folders[positions[folder.parent ?? ""]!].children.append(folder.path) }
        return (folders, positions)
    }

    /// The name of the group of notes without a category, when others have one.
    static let uncategorised = "Uncategorised"

    /// The categories of the notes other than the home note, by name (case
    /// folded), "Uncategorised" last; none when no note has a category.
    static func categories(_ notes: [Note], home: Int?) -> [Category] {
        let listed = notes.indices.filter { $0 != home }
        guard listed.contains(where: { notes[$0].category != nil }) else { return [] }
        var byName: [String: [String]] = [:]
        for i in listed { byName[notes[i].category ?? uncategorised, default: []].append(notes[i].id) }
        let names = byName.keys.sorted { a, b in
            if (a == uncategorised) != (b == uncategorised) { return b == uncategorised }
            return a.lowercased() != b.lowercased() ? a.lowercased() < b.lowercased() : a < b
        }
        var taken = Set<String>()
        return names.map { name in
            let base = slugify(name).isEmpty ? "category" : slugify(name)
            var slug = base, n = 2
            while !taken.insert(slug).inserted { slug = "\(base)-\(n)"; n += 1 }
            return Category(name: name, slug: slug, notes: byName[name] ?? [])
        }
    }

    /// The position of the root note that is the home page's content: `index`, else `Home`, else `README` (any case).
    static func home(_ notes: [Note]) -> Int? {
        var found: [String: Int] = [:]
        for i in notes.indices where !notes[i].id.contains("/") {
            let name = notes[i].id.lowercased()
            if ["index", "home", "readme"].contains(name), found[name] == nil { found[name] = i }
        }
        return found["index"] ?? found["home"] ?? found["readme"]
    }

    /// Every claim and verdict by the systems and topics it is about, in note order.
    private static func place(_ notes: [Note]) -> Placed {
        // Lists by number: a topic's slug is looked up once a comparison and
        // a system's once a claim, and the numbers kept for the second pass
        // (looking each list up by slug for every claim, twice, was most of this).
        var topicNumbers: [String: Int] = [:], systemNumbers: [String: Int] = [:]
        var topicSlugs: [String] = [], systemSlugs: [String] = []
        var topicCounts: [Int] = [], systemCounts: [Int] = []
        var comparisonTopics: [Int32] = [], claimSystems: [Int32] = []
        func number(_ slug: String, _ numbers: inout [String: Int], _ slugs: inout [String], _ counts: inout [Int]) -> Int {
            if let known = numbers[slug] { return known }
            numbers[slug] = slugs.count
            slugs.append(slug)
            counts.append(0)
            return slugs.count - 1
        }
        for position in notes.indices {
            let comparisons = notes[position].comparisons
            for comparison in comparisons.indices {
                let claims = comparisons[comparison].claims
                let topic = number(comparisons[comparison].slug, &topicNumbers, &topicSlugs, &topicCounts)
                comparisonTopics.append(Int32(topic))
                topicCounts[topic] += claims.count
                for index in claims.indices {
                    let subjects = claims[index].subjects
                    for k in subjects.indices where Self.firstNaming(subjects, k) {
                        let system = number(subjects[k].slug, &systemNumbers, &systemSlugs, &systemCounts)
                        systemCounts[system] += 1
                        claimSystems.append(Int32(system))
                    }
                }
            }
        }
        // Each list sized before it is filled: grown by doubling, they held a
        // third more than their claims (40 MB at 10k notes, at the build's peak).
        func reserved(_ counts: [Int]) -> [[PlacedClaim]] {
            counts.map { count in
                var list: [PlacedClaim] = []
                list.reserveCapacity(count)
                return list
            }
        }
        var byTopic = reserved(topicCounts), bySystem = reserved(systemCounts)
        var verdictsByTopic = [[PlacedVerdict]](repeating: [], count: topicSlugs.count)
        var nextComparison = 0, nextSystem = 0
        for position in notes.indices {
            let id = notes[position].id
            let comparisons = notes[position].comparisons
            for comparison in comparisons.indices {
                let topic = Int(comparisonTopics[nextComparison])
                nextComparison += 1
                let slug = topicSlugs[topic]
                let claims = comparisons[comparison].claims
                for index in claims.indices {
                    let claim = PlacedClaim(verified: claims[index].verified, position: position, comparison: comparison, index: index)
                    byTopic[topic].append(claim)
                    let subjects = claims[index].subjects
                    for k in subjects.indices where Self.firstNaming(subjects, k) {
                        bySystem[Int(claimSystems[nextSystem])].append(claim)
                        nextSystem += 1
                    }
                }
                let verdicts = comparisons[comparison].verdicts
                for index in verdicts.indices {
                    verdictsByTopic[topic].append(PlacedVerdict(note: id, topic: slug, favors: verdicts[index].favors,
                                                                position: position, comparison: comparison, index: index))
                }
            }
        }
        var placed = Placed()
        placed.claimsByTopic = Dictionary(uniqueKeysWithValues: zip(topicSlugs, byTopic))
        placed.claimsBySystem = Dictionary(uniqueKeysWithValues: zip(systemSlugs, bySystem))
        placed.verdictsByTopic = Dictionary(uniqueKeysWithValues: zip(topicSlugs, verdictsByTopic).filter { !$0.1.isEmpty })
        placed.verdictsByTopicAndNote = placed.verdictsByTopic.mapValues { Dictionary(grouping: $0, by: \.note) }
        return placed
    }

    /// Whether subject `k` is the first of `subjects` to name its system: a
    /// claim is placed once per system, and names a handful, so looking back
    /// beats a set per claim.
    static func firstNaming(_ subjects: [Subject], _ k: Int) -> Bool {
        !subjects[..<k].contains(where: { $0.slug == subjects[k].slug })
    }

    /// The id of the note a placed claim is in.
    func note(of claim: PlacedClaim) -> String { notebook.notes[claim.position].id }

    /// The slug of the topic a placed claim is in.
    func topic(of claim: PlacedClaim) -> String { notebook.notes[claim.position].comparisons[claim.comparison].slug }

    func note(_ id: String) -> Note? { positions[id].map { notebook.notes[$0] } }

    /// The notes that note `position` embeds, directly or not (`EmbeddedPart.notes`).
    func embeddedNotes(_ position: Int) -> [Int] {
        EmbeddedPart.notes(embeddedBy: position, in: notebook.notes, positions: positions)
    }

    /// Where note `id` is in `notebook.notes`.
    func position(_ id: String) -> Int? { positions[id] }

    /// The title a reader sees for a note: its H1, or its id when it has none.
    func title(_ id: String) -> String { titles[id] ?? id }

    func date(_ id: String) -> String? { dates[id] }

    func exists(_ id: String) -> Bool { positions[id] != nil }

    /// Whether `target`, as a link writes it, names a draft (left out of the site).
    func isDraft(_ target: String) -> Bool {
        guard !options.drafts.isEmpty else { return false }
        if case .note = draftIndex.resolve(target) { return true }
        return false
    }

    static func title(_ note: Note) -> String { title(id: note.id, heading: note.title) }

    static func title(id: String, heading: Title?) -> String { Note.displayTitle(id: id, heading: heading) }

    /// How many notes these claims are in. Claims are kept in note order, so
    /// a note's claims are side by side: counting changes of note is enough.
    func noteCount(_ claims: [PlacedClaim]) -> Int {
        var count = 0
        var last: String?
        for c in claims {
            let id = note(of: c)
            guard id != last else { continue }
            count += 1
            last = id
        }
        return count
    }

    func systemName(_ slug: String) -> String { systems[slug]?.name ?? slug }
    func topicTitle(_ slug: String) -> String { topics[slug]?.title ?? slug }

    /// Notes in the order readers browse them: newest first, then by title.
    /// `byDate(ids)` of the list `key`, made once for all of the list's pages.
    func byDate(list key: String, _ ids: [String]) -> [String] {
        ids.count <= SitePaths.notesPerPage ? byDate(ids)
            : memo.value("by date " + key, pages: SitePaths.pageCount(ids.count)) { byDate(ids) }
    }

    /// Values the pages of one list share.
    let memo = ListMemo()

    func byDate(_ ids: [String]) -> [String] {
        // Keys made once per note, not once per comparison.
        let keyed = ids.map { (id: $0, date: dates[$0] ?? "", title: title($0).lowercased()) }
        return keyed.sorted { a, b in
            if a.date != b.date { return a.date > b.date }
            if a.title != b.title { return a.title < b.title }
            return a.id < b.id
        }.map(\.id)
    }
}

/// Links that pages one folder deep (every system, topic and tag page, and
/// the pages of notes but nested ones) share: each note's page and title,
/// the subjects of claims by label and the systems verdicts favor. Made
/// before pages render and never changed, so threads read it without a lock.
final class SharedLinks: @unchecked Sendable {
    typealias Context = TemplateObject

    /// The way from a page one folder deep to the site root.
    static let root = "../"

    /// The page (`../notes/<id>.html`) and title of each note, by id.
    let notes: [String: (page: String, title: String)]
    /// The subjects of claims with each label, and their links.
    let subjects: [String: (subjects: [Subject], links: [Context])]
    /// The links of the systems verdicts favor, by the slugs they favor.
    let favors: [[String]: [Context]]

    init(_ notebook: Notebook, systemName: (String) -> String) {
        var notes: [String: (page: String, title: String)] = [:]
        notes.reserveCapacity(notebook.notes.count)
        var subjects: [String: (subjects: [Subject], links: [Context])] = [:]
        var favors: [[String]: [Context]] = [:]
        // Notes, topics, claims and verdicts are read in place: a loop over
        // their values copied each, a score of references apiece.
        let all = notebook.notes
        for i in all.indices {
            let id = all[i].id
            notes[id] = (SitePaths.href(SitePaths.note(id), root: Self.root), SiteModel.title(id: id, heading: all[i].title))
            let comparisons = all[i].comparisons
            for t in comparisons.indices {
                // A label is read the same way wherever it is written; the first claim's subjects stand for it.
                let claims = comparisons[t].claims
                for c in claims.indices where subjects[claims[c].label] == nil {
                    subjects[claims[c].label] = (claims[c].subjects, PageLinks.subjectLinks(claims[c].subjects, root: Self.root))
                }
                let verdicts = comparisons[t].verdicts
                for v in verdicts.indices where favors[verdicts[v].favors] == nil {
                    favors[verdicts[v].favors] = PageLinks.favorLinks(verdicts[v].favors, root: Self.root, systemName: systemName)
                }
            }
        }
        self.notes = notes
        self.subjects = subjects
        self.favors = favors
    }
}

/// Inline HTML of claims and verdicts by note, line and the page's way to
/// the site root (links in it are relative). Filled by the threads that
/// render pages; a value made twice by two threads at once is the same.
final class RecordHTMLCache: @unchecked Sendable {
    private struct Key: Hashable {
        var root: String
        var note: String
        var line: Int
    }

    private var values: [Key: String] = [:]
    private let lock = NSLock()

    func value(root: String, note: String, line: Int, make: () -> String) -> String {
        let key = Key(root: root, note: note, line: line)
        lock.lock()
        let known = values[key]
        lock.unlock()
        if let known { return known }
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }
}

/// What the pages of one list share (its notes by date, a system's claims
/// in order), made once by the first page that asks: each of a list's pages
/// working it out again made rendering quadratic (220 s at 100k notes).
/// Two threads asking at once may both make it; the values are the same.
/// A value is let go once each of the list's pages has asked for it: kept
/// to the end of the build, every system's and topic's plan was a fifth of
/// the heap at 10k notes.
final class ListMemo: @unchecked Sendable {
    private var values: [String: Any] = [:]
    private var asked: [String: Int] = [:]
    private let lock = NSLock()

    /// The value of `key`, made by `make` when not known; `pages` is how
    /// many pages ask for it, each once.
    func value<T>(_ key: String, pages: Int, _ make: () -> T) -> T {
        value(key, pages: { _ in pages }, make)
    }

    /// Like `value(_:pages:_:)`, for a list whose number of pages follows from the value.
    func value<T>(_ key: String, pages: (T) -> Int, _ make: () -> T) -> T {
        lock.lock()
        let known = values[key] as? T
        if let known { count(key, pages: pages(known)) }
        lock.unlock()
        if let known { return known }
        let made = make()
        lock.lock()
        values[key] = made
        count(key, pages: pages(made))
        lock.unlock()
        return made
    }

    /// Whether the value of `key` is held.
    func holds(_ key: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return values[key] != nil
    }

    private func count(_ key: String, pages: Int) {
        asked[key, default: 0] += 1
        if asked[key]! >= pages { values[key] = nil }
    }
}

/// A value made the first time it is asked for, by whichever thread asks;
/// others wait for it.
final class Once<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: () -> Value

    init(_ make: @escaping () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
