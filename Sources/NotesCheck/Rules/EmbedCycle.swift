import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `embed-cycle`: notes that embed each other in a circle (`A` shows `B`,
/// which shows `A`, or `A` shows itself). A page stops such an embed at the
/// first repeat; lint reports each cycle once, at the embed that closes it.
///
/// Folder-wide, like `duplicate-id`, and run on every compile (not cached per
/// note): whether an embed closes a cycle depends on other notes' embeds and
/// on where they stand in them. Embeds are followed as the site renders them
/// (`NotePart`, and only embeds alone in their paragraph, which the site
/// shows; one inside a sentence is a link), so lint and pages agree.
package enum EmbedCycle {
    static let rule = Rule.embedCycle

    /// What a page shows: a part of a note, by position.
    private struct Node: Hashable {
        var note: Int
        var part: NotePart
    }

    /// An embed shown inside a node: what it shows and the link (index into its note's `links`).
    private struct Edge {
        var to: Node
        var link: Int
    }

    /// `markdown(i)` is note `i`'s file (`NoteSources.contents`), read only
    /// for the few notes that embed and are embedded.
    package static func check(_ notes: [Note], publish: PublishMode, file: @escaping (Int) -> [UInt8]?) -> [Diagnostic] {
        // Most folders embed no note: nothing to index then (a rebuild at 10k notes runs this).
        guard notes.contains(where: { $0.links.contains { $0.embed && $0.style == .wikilink } }) else { return [] }
        // Drafts are not published: an embed of one is text, and nothing embeds on their pages.
        var positions: [String: Int] = [:]
        for i in notes.indices where !notes[i].isDraft(in: publish) { positions[notes[i].id] = i }
        func shownEmbeds(_ i: Int) -> [Int] {
            notes[i].links.indices.filter { l in
                let link = notes[i].links[l]
                return link.embed && link.style == .wikilink && link.resolved.map { positions[$0] != nil } == true
            }
        }
        let embedding = notes.indices.filter { positions[notes[$0].id] == $0 && !shownEmbeds($0).isEmpty }
        guard !embedding.isEmpty else { return [] }
        let embeds = Set(embedding)

        var markdown: [Int: [UInt8]] = [:]
        func source(_ i: Int) -> [UInt8] {
            if let known = markdown[i] { return known }
            let made = file(i).map(NotePart.markdown(ofFile:)) ?? []
            markdown[i] = made
            return made
        }
        var found: [Node: Bool] = [:]
        func exists(_ node: Node) -> Bool {
            if node.part == .whole { return true }
            if let known = found[node] { return known }
            let exists = node.part.markdown(in: source(node.note)) != nil
            found[node] = exists
            return exists
        }
        var known: [Node: [Edge]] = [:]
        func edges(_ node: Node) -> [Edge] {
            guard embeds.contains(node.note) else { return [] }
            if let edges = known[node] { return edges }
            var edges: [Edge] = []
            if let part = node.part.markdown(in: source(node.note)) {
                // Each embed the site would show (alone in its paragraph, its part found) leaves a marker.
                var offered: [Edge] = []
                var hooks = HTMLRenderHooks()
                let links = notes[node.note].links
                hooks.wikilink = { target, _, fragment, embed in
                    guard embed, !target.isEmpty,
                          let l = links.firstIndex(where: { $0.embed && $0.style == .wikilink && $0.target == target && $0.fragment == fragment }),
                          let id = links[l].resolved, let to = positions[id] else { return .init(text: target) }
                    let edge = Edge(to: Node(note: to, part: NotePart(fragment: fragment)), link: l)
                    return .init(text: target, block: {
                        guard exists(edge.to) else { return nil }
                        offered.append(edge)
                        return marker(offered.count - 1)
                    })
                }
                let html = CmarkBridge.renderBlocks(part, hooks: hooks).map(\.html).joined()
                edges = offered.indices.filter { html.contains(marker($0)) }.map { offered[$0] }
            }
            known[node] = edges
            return edges
        }

        // Depth first from each embedding note's page; an embed back to a part
        // still open closes a cycle (each cycle has one such embed at least).
        var diagnostics: [Diagnostic] = []
        var done = Set<Node>()
        for start in embedding.sorted(by: { notes[$0].id < notes[$1].id }) {
            let root = Node(note: start, part: .whole)
            guard !done.contains(root) else { continue }
            var path: [(node: Node, edges: [Edge], next: Int)] = [(root, edges(root), 0)]
            var open: Set<Node> = [root]
            while !path.isEmpty {
                let top = path.count - 1
                guard path[top].next < path[top].edges.count else {
                    open.remove(path[top].node)
                    done.insert(path[top].node)
                    path.removeLast()
                    continue
                }
                let edge = path[top].edges[path[top].next]
                path[top].next += 1
                if open.contains(edge.to) {
                    let from = path.firstIndex { $0.node == edge.to }!
                    let cycle = (path[from...].map(\.node) + [edge.to]).map { name($0, notes) }
                    let note = notes[path[top].node.note]
                    diagnostics.append(Diagnostic(
                        file: note.path, range: note.links[edge.link].range, rule: rule,
                        message: "embed cycle \(cycle.joined(separator: " → ")): this embed shows '\(cycle[0])' again, so pages stop it here",
                        suggestion: "link instead of embedding ([[\(note.links[edge.link].target)]]), or remove one of the embeds"))
                } else if !done.contains(edge.to) {
                    open.insert(edge.to)
                    path.append((edge.to, edges(edge.to), 0))
                }
            }
        }
        return diagnostics
    }

    /// Text no note holds (private-use characters around a number), standing for an embed shown.
    private static func marker(_ n: Int) -> String { "\u{E010}embed \(n)\u{E011}" }

    private static func name(_ node: Node, _ notes: [Note]) -> String {
        node.part.name(of: notes[node.note].id)
    }
}
