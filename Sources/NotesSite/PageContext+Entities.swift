import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

extension PageContext {
    /// Every claim about one system across the notes, by topic, with the verdicts of those topics.
    /// A system's pages (DESIGN §5): the first leads with what a reader
    /// wants — its counts by topic, the verdicts in its favour, the disputed
    /// and the latest claims — and every page then lists its claims by topic,
    /// `SitePaths.claimsPerPage` at a time (page `number` of them, from 1).
    /// Each claim is shown compactly and links to its note, where it is whole.
    static func system(_ system: System, page number: Int, _ model: SiteModel) -> Context {
        let page = SitePaths.system(system.slug, page: number)
        let links = PageLinks(page: page, model: model)
        let claims = model.claimsBySystem[system.slug] ?? []
        let per = SitePaths.claimsPerPage
        // What every page of the system needs, made once for all of them.
        let plan = claims.count <= per ? SystemPlan(system, claims, model)
            : model.memo.value("system " + system.slug, pages: SitePaths.pageCount(claims.count, per: per)) { SystemPlan(system, claims, model) }
        let (topicOrder, byTopic, ordered) = (plan.topicOrder, plan.byTopic, plan.ordered)
        let favouring = plan.favouring, favouredNotesByTopic = plan.favouredNotesByTopic, wins = plan.favouring.count
        let pages = SitePaths.pageCount(ordered.count, per: per)
        let unshown = model.options.claimKeysUnshown["system"] ?? []
        func claimContext(_ p: SiteModel.PlacedClaim, favored: Bool = false) -> Context {
            var c = links.claim(model.notebook.notes[p.position].comparisons[p.comparison].claims, p.index, in: model.note(of: p), unshown: unshown)
            c[.favored] = favored
            return c
        }
        func claimOf(_ p: SiteModel.PlacedClaim) -> Claim { model.notebook.notes[p.position].comparisons[p.comparison].claims[p.index] }
        var summary: [Context] = []
        if number == 1 {
            var firstPosition = 0
            for slug in topicOrder {
                let placed = byTopic[slug] ?? []
                let counts = plan.counts[slug] ?? (notes: 0, verdicts: 0, favoring: 0, disputed: 0)
                // Where the topic's claims start among the pages.
                let at = firstPosition / per + 1
                summary.append([.title: model.topicTitle(slug), .url: links.href(SitePaths.system(system.slug, page: at), fragment: "topic-" + slug),
                                .values: [placed.count, counts.notes, counts.verdicts, counts.favoring, counts.disputed]])
                firstPosition += placed.count
            }
        }
        // This page's claims, in runs of one topic.
        let slice = ordered.dropFirst((number - 1) * per).prefix(per)
        var sections: [Context] = []
        var run: [SiteModel.PlacedClaim] = []
        func closeRun() {
            guard let first = run.first else { return }
            let topic = model.topic(of: first)
            let favoured = favouredNotesByTopic[topic] ?? []
            let startsHere = byTopic[topic]?.first.map { $0.position == first.position && $0.comparison == first.comparison && $0.index == first.index } ?? true
            sections.append([.id: "topic-" + topic, .title: model.topicTitle(topic), .url: links.href(SitePaths.topic(topic)),
                             .continued: !startsHere, .count: byTopic[topic]?.count ?? run.count,
                             .claims: run.map { claimContext($0, favored: favoured.contains(model.note(of: $0))) }])
            run = []
        }
        for p in slice {
            if let last = run.last, model.topic(of: last) != model.topic(of: p) { closeRun() }
            run.append(p)
        }
        closeRun()
        var s: Context = [
            .name: system.name,
            .spellings: system.spellings.enumerated().map { [.name: $1, .sep: $0 > 0] as Context },
            .hasSpellings: !system.spellings.isEmpty,
            .claimCount: claims.count, .noteCount: plan.noteCount, .topicCount: topicOrder.count,
            .verifiedCount: plan.verifiedCount, .wins: wins,
            .topics: sections,
        ]
        if number == 1 {
            // Each lead block is absent when it would be empty, so its heading goes with it.
            if !summary.isEmpty { s[.summary] = [.rows: summary] as Context }
            if !favouring.isEmpty {
                s[.verdicts] = [
                    .items: favouring.prefix(Self.leadItems).map { v -> Context in
                        var c = links.verdict(model.notebook.notes[v.position].comparisons[v.comparison].verdicts, v.index, in: v.note)
                        c[.topic] = model.topicTitle(v.topic)
                        return c
                    },
                    .more: favouring.count > Self.leadItems ? TemplateValue.optional(String(favouring.count - Self.leadItems)) : TemplateValue.absent,
                ] as Context
            }
            let disputed = ordered.filter { claimOf($0).disputed }
            if !disputed.isEmpty {
                s[.disputedClaims] = [
                    .claims: disputed.prefix(Self.leadItems).map { claimContext($0) },
                    .more: disputed.count > Self.leadItems ? TemplateValue.optional(String(disputed.count - Self.leadItems)) : TemplateValue.absent,
                ] as Context
            }
            // The latest: claims of the newest dated notes, when the claims take more than one page.
            if pages > 1 {
                // Each claim's date is looked up once, not at every comparison of the sort.
                let newest = claims.indices.compactMap { k in model.date(model.note(of: claims[k])).map { (date: $0, k: k) } }.sorted { a, b in
                    let (pa, pb) = (claims[a.k], claims[b.k])
                    return a.date != b.date ? a.date > b.date : (pa.position, pa.comparison, pa.index) < (pb.position, pb.comparison, pb.index)
                }
                if !newest.isEmpty { s[.latest] = [.claims: newest.prefix(Self.leadItems).map { claimContext(claims[$0.k]) }] as Context }
            }
        }
        var context = base(model, page: page, title: number == 1 ? system.name : "\(system.name) (page \(number))", kind: "system",
                           description: "Every claim about \(system.name) across the notes, by topic.")
        context[.pagination] = pagination(number, of: pages, links: links) { SitePaths.system(system.slug, page: $0) }
        context[.system] = s
        return context
    }

    /// A topic's notes, and its claims and verdicts by page, which all its pages share.
    struct TopicPlan {
        var uniqueNotes: [String]
        var claims: [[SiteModel.PlacedClaim]]
        var verdicts: [[SiteModel.PlacedVerdict]]
        var verifiedCount: Int
    }

    /// A system's claims in topic order and its verdicts, which all its pages share.
    struct SystemPlan {
        var topicOrder: [String] = []
        var byTopic: [String: [SiteModel.PlacedClaim]] = [:]
        var ordered: [SiteModel.PlacedClaim] = []
        /// Verdicts in its favour, topic by topic.
        var favouring: [SiteModel.PlacedVerdict] = []
        var favouredNotesByTopic: [String: Set<String>] = [:]
        var counts: [String: (notes: Int, verdicts: Int, favoring: Int, disputed: Int)] = [:]
        var noteCount = 0, verifiedCount = 0

        init(_ system: System, _ claims: [SiteModel.PlacedClaim], _ model: SiteModel) {
            noteCount = model.noteCount(claims)
            verifiedCount = claims.filter(\.verified).count
            // Grouped by claim index, each claim copied once into its place:
            // at 10k notes this plan was 3% of a cold build's time.
            var group: [String: Int] = [:], members: [[Int]] = []
            for k in claims.indices {
                let topic = model.topic(of: claims[k])
                if let g = group[topic] {
                    members[g].append(k)
                } else {
                    group[topic] = members.count
                    topicOrder.append(topic)
                    members.append([k])
                }
            }
            ordered.reserveCapacity(claims.count)
            byTopic.reserveCapacity(topicOrder.count)
            for (g, slug) in topicOrder.enumerated() {
                let placed = members[g].map { claims[$0] }
                ordered += placed
                byTopic[slug] = placed
            }
            // Verdicts of the notes that make claims about it, topic by topic.
            for slug in topicOrder {
                let placed = byTopic[slug] ?? []
                // Claims come in note order, so a note's are side by side: the set
                // is asked once a note (two notes of one id may still be apart).
                var seen = Set<String>(), noteOrder: [String] = []
                for p in placed {
                    let id = model.note(of: p)
                    if id != noteOrder.last && seen.insert(id).inserted { noteOrder.append(id) }
                }
                let byNote = model.verdictsByTopicAndNote[slug] ?? [:]
                let verdicts = noteOrder.flatMap { byNote[$0] ?? [] }
                let favoring = verdicts.filter { $0.favors.contains(system.slug) }
                favouredNotesByTopic[slug] = Set(favoring.map(\.note))
                favouring += favoring
                let disputed = placed.filter { model.notebook.notes[$0.position].comparisons[$0.comparison].claims[$0.index].disputed }.count
                counts[slug] = (noteOrder.count, verdicts.count, favoring.count, disputed)
            }
        }
    }

    /// How many verdicts, disputed and latest claims a system's first page leads with.
    static let leadItems = 20

    /// Above this many cells a topic's systems × notes table is written one row per claim.
    static let matrixCellLimit = 600

    /// A systems × notes table of the claims of one topic.
    /// A topic's pages: a systems × notes table of its claims and the
    /// notes' verdicts, `SitePaths.topicNotesPerPage` notes a page (page
    /// `number`, from 1); the counts above are the whole topic's.
    static func topic(_ whole: TopicEntity, page number: Int, _ model: SiteModel) -> Context {
        let page = SitePaths.topic(whole.slug, page: number)
        let links = PageLinks(page: page, model: model)
        let allClaims = model.claimsByTopic[whole.slug] ?? []
        let per = SitePaths.topicNotesPerPage
        // Its notes, claims and verdicts page by page, made once for all its pages.
        let plan = model.memo.value("topic " + whole.slug, pages: { $0.claims.count }) { () -> TopicPlan in
            var seen = Set<String>()
            let unique = whole.notes.filter { seen.insert($0).inserted }
            var pageOf: [String: Int] = [:]
            for (i, id) in unique.enumerated() { pageOf[id] = i / per }
            let pages = SitePaths.pageCount(unique.count, per: per)
            var claims = [[SiteModel.PlacedClaim]](repeating: [], count: pages)
            for c in allClaims { if let p = pageOf[model.note(of: c)] { claims[p].append(c) } }
            var verdicts = [[SiteModel.PlacedVerdict]](repeating: [], count: pages)
            for v in model.verdictsByTopic[whole.slug] ?? [] { if let p = pageOf[v.note] { verdicts[p].append(v) } }
            return TopicPlan(uniqueNotes: unique, claims: claims, verdicts: verdicts, verifiedCount: allClaims.filter(\.verified).count)
        }
        let uniqueNotes = plan.uniqueNotes
        let pages = SitePaths.pageCount(uniqueNotes.count, per: per)
        let pageNotes = Set(uniqueNotes.dropFirst((number - 1) * per).prefix(per))
        // This page's notes, their claims and verdicts, and the systems they are about.
        let claims = pages == 1 ? allClaims : plan.claims[number - 1]
        let verdicts = pages == 1 ? (model.verdictsByTopic[whole.slug] ?? []) : plan.verdicts[number - 1]
        var topic = whole
        if pages > 1 {
            topic.notes = Array(uniqueNotes.dropFirst((number - 1) * per).prefix(per))
            var about = Set<String>()
            for p in claims { for subject in model.notebook.notes[p.position].comparisons[p.comparison].claims[p.index].subjects { about.insert(subject.slug) } }
            topic.systems = whole.systems.filter(about.contains)
        }
        let favored = Set(verdicts.flatMap(\.favors))
        // Systems and notes by their place in the topic's lists (the first, for one listed twice).
        var systemIndex: [String: Int] = [:], noteIndex: [String: Int] = [:]
        for (i, slug) in topic.systems.enumerated() where systemIndex[slug] == nil { systemIndex[slug] = i }
        for (i, note) in topic.notes.enumerated() where noteIndex[note] == nil { noteIndex[note] = i }
        // Each system's claims, in claim order, with their note's place.
        let unshown = model.options.claimKeysUnshown["topic"] ?? []
        var bySystem = [[(note: Int, claim: Context)]](repeating: [], count: topic.systems.count)
        for p in claims {
            let id = model.note(of: p)
            guard let note = noteIndex[id] else { continue }
            // The claim is read in place: copying it retained a score of references.
            let claims = model.notebook.notes[p.position].comparisons[p.comparison].claims
            let c = links.claim(claims, p.index, in: id, unshown: unshown)
            let subjects = claims[p.index].subjects
            for k in subjects.indices where SiteModel.firstNaming(subjects, k) {
                if let system = systemIndex[subjects[k].slug] { bySystem[system].append((note, c)) }
            }
        }
        var t: Context = [
            .title: whole.title, .systemCount: whole.systems.count, .noteCount: uniqueNotes.count,
            .claimCount: allClaims.count, .verifiedCount: plan.verifiedCount,
            .verdicts: verdicts.map { v in links.verdict(model.notebook.notes[v.position].comparisons[v.comparison].verdicts, v.index, in: v.note) },
            .hasVerdicts: !verdicts.isEmpty,
        ]
        if topic.systems.count * topic.notes.count <= matrixCellLimit {
            t[.matrix] = [
                .notes: topic.notes.map { id -> Context in
                    var n: Context = [.url: links.noteHref(id), .title: model.title(id)]
                    n[.date] = TemplateValue.optional(model.date(id))
                    return n
                },
                .rows: topic.systems.map { slug -> Context in
                    var cells = [[Context]](repeating: [], count: topic.notes.count)
                    for (note, c) in bySystem[systemIndex[slug]!] { cells[note].append(c) }
                    return [.name: model.systemName(slug), .url: links.href(SitePaths.system(slug)), .favored: favored.contains(slug),
                            .cells: topic.notes.map { [.claims: cells[noteIndex[$0]!]] as Context }]
                },
            ] as Context
        } else {
            // Each system's claims note by note, in the topic's note order.
            t[.long] = [
                .rows: topic.systems.map { slug -> Context in
                    let name = model.systemName(slug), url = links.href(SitePaths.system(slug)), isFavored = favored.contains(slug)
                    let ordered = bySystem[systemIndex[slug]!].enumerated().sorted {
                        ($0.element.note, $0.offset) < ($1.element.note, $1.offset)
                    }
                    return [.claims: ordered.map { entry -> Context in
                        var c = entry.element.claim
                        c[.systemName] = name
                        c[.systemURL] = url
                        c[.favored] = isFavored
                        return c
                    }]
                },
            ] as Context
        }
        var context = base(model, page: page, title: number == 1 ? whole.title : "\(whole.title) (page \(number))", kind: "topic",
                           description: "What the notes claim about \(whole.title), system by system.")
        context[.pagination] = pagination(number, of: pages, links: links) { SitePaths.topic(whole.slug, page: $0) }
        context[.topic] = t
        return context
    }

    /// A tag's page: its notes by date, `SitePaths.notesPerPage` at a time (page `number` of them, from 1).
    static func tag(_ tag: SiteModel.Tag, page number: Int, _ model: SiteModel) -> Context {
        let page = SitePaths.tag(tag.slug, page: number)
        let links = PageLinks(page: page, model: model)
        var context = base(model, page: page, title: number == 1 ? "#" + tag.name : "#\(tag.name) (page \(number))", kind: "tag",
                           description: "Notes tagged \(tag.name).")
        context[.pagination] = pagination(number, of: SitePaths.pageCount(tag.notes.count), links: links) { SitePaths.tag(tag.slug, page: $0) }
        let per = SitePaths.notesPerPage
        // A nested tag's page links up to its parent and down to its children (notes of `a/b` are `a`'s too).
        let children = tag.children.compactMap { model.tagPositions[$0].map { model.tags[$0] } }.map { child -> Context in
            [.name: child.name, .url: links.href(SitePaths.tag(child.slug)), .count: child.notes.count]
        }
        var t: Context = [.name: tag.name, .count: tag.notes.count,
                          .notes: model.byDate(list: "tag " + tag.slug, tag.notes).dropFirst((number - 1) * per).prefix(per).map { noteItem($0, model, links: links) },
                          .children: children, .hasChildren: !children.isEmpty]
        t[.parent] = TemplateValue.absent
        if let i = tag.parent.flatMap({ model.tagPositions[$0] }) {
            t[.parent] = [.name: model.tags[i].name, .url: links.href(SitePaths.tag(model.tags[i].slug))] as Context
        }
        context[.tag] = t
        return context
    }

    /// `systems/index.html`, `topics/index.html`, `tags/index.html`.
    static func list(_ kind: String, _ model: SiteModel) -> Context {
        let page = "\(kind)/index.html"
        let links = PageLinks(page: page, model: model)
        var list: Context
        switch kind {
        case "systems":
            let items = model.notebook.systems.map { s -> Context in
                let claims = model.claimsBySystem[s.slug] ?? []
                return [.name: s.name, .url: links.href(SitePaths.system(s.slug)),
                        .values: [claims.count, model.noteCount(claims), claims.filter(\.verified).count]]
            }
            list = [.title: "Systems", .nameHeading: "System", .columns: ["Claims", "Notes", "Verified"], .items: items,
                    .description: "\(items.count) systems compared in the notes."]
        case "topics":
            let items = model.notebook.topics.map { t -> Context in
                [.name: t.title, .url: links.href(SitePaths.topic(t.slug)),
                 .values: [t.systems.count, t.notes.count, (model.claimsByTopic[t.slug] ?? []).count]]
            }
            list = [.title: "Topics", .nameHeading: "Topic", .columns: ["Systems", "Notes", "Claims"], .items: items,
                    .description: "\(items.count) comparison topics across the notes."]
        default:
            let items = model.tags.map { t -> Context in
                [.name: "#" + t.name, .url: links.href(SitePaths.tag(t.slug)), .values: [t.notes.count]]
            }
            list = [.title: "Tags", .nameHeading: "Tag", .columns: ["Notes"], .items: items,
                    .description: "\(items.count) tags."]
        }
        var hasItems = false, title = kind
        if case .objects(let items)? = list.value(.items) { hasItems = !items.isEmpty }
        if case .string(let text)? = list.value(.title) { title = text }
        list[.hasItems] = hasItems
        var context = base(model, page: page, title: title, kind: kind)
        context[.list] = list
        return context
    }
}
