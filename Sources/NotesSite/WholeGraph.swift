import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// The whole folder's graph as `graph.html` shows it: every note, the
/// systems compared in two or more notes, and the edges between them by
/// kind. Made once, and drawn from three ways: the build-time SVG
/// (`GraphSVG.whole`), the list after the drawing, and `graph-data.js`
/// (`GraphData`), which the browser draws from past `drawnInBrowserAbove`.
struct WholeGraph {
    /// Past this many notes `graph.html` is drawn on a canvas in the browser,
    /// from `graph-data.js`, not as a build-time SVG of every node: at 2,000
    /// notes the SVG is about 0.7 MB and Chromium lays it out in a second or
    /// so; at 10,000 it was 3.5 MB and slow to pan.
    static let drawnInBrowserAbove = 2000

    /// Past this many notes the list after the drawing stops (it names each
    /// note once with its out-links, about 0.4 KB a note); every note is still
    /// listed on the home and folder pages, its links on its own page.
    static let listLimit = 1000

    /// The kinds of edge, in drawing order, with the words the page uses for them.
    static let edgeKinds: [(kind: String, words: String)] = [("connects", "connects to"), ("links", "links to"), ("about", "claims about")]

    var nodes: [GraphSVG.Node] = []
    /// Edges by kind (`edgeKinds` order), each pair (from, to) once, a note first.
    var edges: [(kind: String, pairs: [(Int, Int)])] = []
    /// Each note's own edges, by kind (its number in `edgeKinds`), as the note has them: for the list.
    private var outgoing: [[(kind: Int, to: Int)]]
    var noteCount = 0
    var systemCount = 0
    var hasSystems = false
    var description = ""

    init(_ model: SiteModel, links: PageLinks) {
        var position: [String: Int] = [:]
        let notes = model.notebook.notes
        noteCount = notes.count
        for note in notes {
            position["note:" + note.id] = nodes.count
            let title = SiteModel.title(note)
            nodes.append(GraphSVG.Node(label: GraphSVG.short(title, 28), title: title, url: links.noteHref(note.id), kind: "note"))
        }
        var connects = EdgeSet(), mentions = EdgeSet(), about = EdgeSet()
        outgoing = Array(repeating: [], count: notes.count)
        for note in notes {
            let a = position["note:" + note.id]!
            var own = EdgeSet()
            for c in note.connections {
                if let t = c.resolved, let b = position["note:" + t] { connects.insert(a, b); if own.insert(a, b) { outgoing[a].append((0, b)) } }
            }
            for l in note.links {
                guard let t = l.resolved, let b = position["note:" + t] else { continue }
                if !connects.contains(a, b) { mentions.insert(a, b) }
                if own.insert(a, b) { outgoing[a].append((1, b)) }
            }
        }
        // No study notes, no systems: nor a legend or a count of them (DESIGN §5).
        hasSystems = model.hasStudy && notes.count <= GraphSVG.systemNodeLimit
        if hasSystems {
            for system in model.notebook.systems {
                let ids = Self.orderedUnique((model.claimsBySystem[system.slug] ?? []).map { model.note(of: $0) })
                guard ids.count >= 2 else { continue }
                let s = nodes.count
                systemCount += 1
                nodes.append(GraphSVG.Node(label: GraphSVG.short(system.name, 24), title: system.name,
                                           url: links.href(SitePaths.system(system.slug)), kind: "system"))
                for id in ids { if let a = position["note:" + id], about.insert(a, s) { outgoing[a].append((2, s)) } }
            }
        }
        edges = [("connects", connects.pairs), ("links", mentions.pairs), ("about", about.pairs)]
        description = "\(noteCount) notes"
        if hasSystems { description += ", \(systemCount) systems they share" }
        description += ", \(connects.pairs.count) connections, \(mentions.pairs.count) further links."
        if model.hasStudy && !hasSystems { description += " Systems are left out past \(GraphSVG.systemNodeLimit) notes." }
    }

    /// Whether the browser draws this graph (from `graph-data.js`) rather than the build.
    static func drawnInBrowser(_ model: SiteModel) -> Bool { model.notebook.notes.count > model.options.graphCanvasAbove }

    /// The list after the drawing: each note (up to `limit`) with the
    /// notes it connects and links to and the systems it has claims about.
    func list(limit: Int = listLimit) -> [TemplateObject] {
        outgoing.prefix(limit).enumerated().map { i, edges -> TemplateObject in
            var groups: [TemplateObject] = []
            for (k, kind) in Self.edgeKinds.enumerated() {
                let targets = edges.filter { $0.kind == k }.map(\.to)
                guard !targets.isEmpty else { continue }
                groups.append([.name: kind.words, .items: targets.enumerated().map { j, t -> TemplateObject in
                    [.title: nodes[t].title, .url: nodes[t].url, .sep: j == targets.count - 1 ? "" : ", "]
                }])
            }
            return [.title: nodes[i].title, .url: nodes[i].url, .list: groups]
        }
    }

    private static func orderedUnique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// Undirected edges, each once, in first-seen order.
    struct EdgeSet {
        private(set) var pairs: [(Int, Int)] = []
        private var seen = Set<Int64>()

        @discardableResult
        mutating func insert(_ a: Int, _ b: Int) -> Bool {
            guard a != b, seen.insert(Self.key(a, b)).inserted else { return false }
            pairs.append((a, b))
            return true
        }

        func contains(_ a: Int, _ b: Int) -> Bool { seen.contains(Self.key(a, b)) }

        private static func key(_ a: Int, _ b: Int) -> Int64 { Int64(min(a, b)) << 32 | Int64(max(a, b)) }
    }
}
