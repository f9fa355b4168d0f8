import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

extension PageContext {
    /// Every claim about one system across the notes, by topic, with the verdicts of those topics.
    static func system(_ system: System, _ model: SiteModel) -> Context {
        let page = SitePaths.system(system.slug)
        let links = PageLinks(page: page, model: model)
        let claims = model.claimsBySystem[system.slug] ?? []
        var topicOrder: [String] = []
        var byTopic: [String: [SiteModel.PlacedClaim]] = [:]
        for c in claims {
            if byTopic[c.topic] == nil { topicOrder.append(c.topic) }
            byTopic[c.topic, default: []].append(c)
        }
        var wins = 0
        let topics = topicOrder.map { slug -> Context in
            let placed = byTopic[slug] ?? []
            var noteOrder: [String] = []
            for p in placed where noteOrder.last != p.note && !noteOrder.contains(p.note) { noteOrder.append(p.note) }
            let byNote = model.verdictsByTopicAndNote[slug] ?? [:]
            let verdicts = noteOrder.flatMap { byNote[$0] ?? [] }
            let favoring = verdicts.filter { $0.favors.contains(system.slug) }
            let favoredNotes = Set(favoring.map(\.note))
            wins += favoring.count
            return [
                .id: "topic-" + slug, .title: model.topicTitle(slug), .url: links.href(SitePaths.topic(slug)),
                .claims: placed.map { p -> Context in
                    var c = links.claim(model.notebook.notes[p.position].comparisons[p.comparison].claims, p.index, in: p.note)
                    c[.favored] = favoredNotes.contains(p.note)
                    return c
                },
                .verdicts: verdicts.map { v -> Context in
                    var c = links.verdict(model.notebook.notes[v.position].comparisons[v.comparison].verdicts, v.index, in: v.note)
                    c[.favorsThis] = v.favors.contains(system.slug)
                    return c
                },
            ]
        }
        let s: Context = [
            .name: system.name,
            .spellings: system.spellings.enumerated().map { [.name: $1, .sep: $0 > 0] as Context },
            .hasSpellings: !system.spellings.isEmpty,
            .claimCount: claims.count, .noteCount: SiteModel.noteCount(claims), .topicCount: topicOrder.count,
            .verifiedCount: claims.filter(\.verified).count, .wins: wins,
            .topics: topics,
        ]
        var context = base(model, page: page, title: system.name, kind: "system",
                           description: "Every claim about \(system.name) across the notes, by topic.")
        context[.system] = s
        return context
    }

    /// Above this many cells a topic's systems × notes table is written one row per claim.
    static let matrixCellLimit = 600

    /// A systems × notes table of the claims of one topic.
    static func topic(_ topic: TopicEntity, _ model: SiteModel) -> Context {
        let page = SitePaths.topic(topic.slug)
        let links = PageLinks(page: page, model: model)
        let claims = model.claimsByTopic[topic.slug] ?? []
        let verdicts = model.verdictsByTopic[topic.slug] ?? []
        let favored = Set(verdicts.flatMap(\.favors))
        // Systems and notes by their place in the topic's lists (the first, for one listed twice).
        var systemIndex: [String: Int] = [:], noteIndex: [String: Int] = [:]
        for (i, slug) in topic.systems.enumerated() where systemIndex[slug] == nil { systemIndex[slug] = i }
        for (i, note) in topic.notes.enumerated() where noteIndex[note] == nil { noteIndex[note] = i }
        // Each system's claims, in claim order, with their note's place.
        var bySystem = [[(note: Int, claim: Context)]](repeating: [], count: topic.systems.count)
        for p in claims {
            guard let note = noteIndex[p.note] else { continue }
            // The claim is read in place: copying it retained a score of references.
            let claims = model.notebook.notes[p.position].comparisons[p.comparison].claims
            let c = links.claim(claims, p.index, in: p.note)
            let subjects = claims[p.index].subjects
            // Once per system: a claim names a handful, so looking back beats a set per claim.
            for (k, subject) in subjects.enumerated() where !subjects[..<k].contains(where: { $0.slug == subject.slug }) {
                if let system = systemIndex[subject.slug] { bySystem[system].append((note, c)) }
            }
        }
        var t: Context = [
            .title: topic.title, .systemCount: topic.systems.count, .noteCount: topic.notes.count,
            .claimCount: claims.count, .verifiedCount: claims.filter(\.verified).count,
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
        var context = base(model, page: page, title: topic.title, kind: "topic",
                           description: "What the notes claim about \(topic.title), system by system.")
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
                          .notes: model.byDate(tag.notes).dropFirst((number - 1) * per).prefix(per).map { noteItem($0, model, links: links) },
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
                        .values: [claims.count, SiteModel.noteCount(claims), claims.filter(\.verified).count]]
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
