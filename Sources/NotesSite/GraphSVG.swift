import Foundation
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// The graph drawn as SVG at build time: the whole folder for `graph.html`,
/// and each note's neighbourhood for its page. Nodes are links to pages.
enum GraphSVG {
    struct Drawing {
        var svg: String
        var description: String
        var hasSystems: Bool
    }

    struct Node {
        var label: String
        var title: String
        var url: String
        var kind: String
        var degree = 0
    }

    /// Past this many notes, `graph.html` draws notes only (systems would add a hairball of edges).
    static let systemNodeLimit = 1000

    static func whole(_ graph: WholeGraph) -> String {
        var nodes = graph.nodes
        return draw(&nodes, graph.edges.map { ($0.kind, $0.pairs) }, label: "Knowledge graph", sized: true,
                    labelsAlways: nodes.count <= 150)
    }

    /// The note, the notes it refers to and the notes that refer to it; nil for a note with none.
    static func neighbourhood(of id: String, _ model: SiteModel, links: PageLinks) -> String? {
        guard let notePosition = model.position(id) else { return nil }
        // Notes by position (`SiteModel.neighbours`), the first time each is met.
        let own = model.neighbours(notePosition)
        var shown = [notePosition]
        for p in own.outgoing + own.incoming where !shown.contains(p) { shown.append(p) }
        guard shown.count > 1 else { return nil }
        if shown.count > 40 { shown.removeLast(shown.count - 40) }
        let notes = model.notebook.notes
        let nodes = shown.map { p -> Node in
            let title = model.title(notes[p].id)
            return Node(label: short(title, 20), title: title, url: links.noteHref(notes[p].id), kind: p == notePosition ? "current" : "note")
        }
        var edges = WholeGraph.EdgeSet()
        for (a, p) in shown.enumerated() {
            for t in model.neighbours(p).outgoing { if let b = shown.firstIndex(of: t) { edges.insert(a, b) } }
        }
        return radial(nodes, edges.pairs, label: "Notes connected to \(model.title(id))")
    }

    /// The note in the middle, its neighbours on a circle, labels outside it.
    private static func radial(_ nodes: [Node], _ edges: [(Int, Int)], label: String) -> String {
        let m = nodes.count - 1
        let radius = min(70 + Double(max(m - 8, 0)) * 4, 130)
        let width = 2 * radius + 260, height = 2 * radius + 56
        let cx = width / 2, cy = height / 2
        var points = [GraphLayout.Point(x: cx, y: cy)]
        for i in 0..<m {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(m)
            points.append(GraphLayout.Point(x: GraphLayout.round1(cx + radius * cos(angle)), y: GraphLayout.round1(cy + radius * sin(angle))))
        }
        // Written as bytes: one note page in ten thousand draws this, and
        // building it from interpolated strings cost a twentieth of a build.
        var svg = SVGText(capacity: 300 + 320 * nodes.count + 30 * edges.count)
        svg.add("<svg class=\"graph\" viewBox=\"0 0 "); svg.add(width); svg.add(" "); svg.add(height)
        svg.add("\"><title>"); svg.text(label); svg.add("</title>\n")
        if !edges.isEmpty {
            svg.add("<path class=\"edge edge-connects\" d=\"")
            for (a, b) in edges {
                svg.add("M"); svg.add(points[a].x); svg.add(" "); svg.add(points[a].y)
                svg.add("L"); svg.add(points[b].x); svg.add(" "); svg.add(points[b].y)
            }
            svg.add("\"/>\n")
        }
        for (i, node) in nodes.enumerated() {
            let p = points[i]
            let r = i == 0 ? 7.0 : 5.0
            let dx = p.x - cx, dy = p.y - cy
            var anchor: StaticString = "middle", tx = p.x, ty = p.y + r + 12
            if i == 0 {
                ty = p.y + r + 14
            } else if dx > radius * 0.2 {
                anchor = "start"; tx = p.x + r + 4; ty = p.y + 4
            } else if dx < -radius * 0.2 {
                anchor = "end"; tx = p.x - r - 4; ty = p.y + 4
            } else if dy < 0 {
                ty = p.y - r - 6
            }
            svg.add("<a class=\"node node-"); svg.add(node.kind); svg.add("\" href=\""); svg.attribute(node.url); svg.add("\">")
            svg.add("<title>"); svg.text(node.title); svg.add("</title>")
            svg.add("<circle cx=\""); svg.add(p.x); svg.add("\" cy=\""); svg.add(p.y); svg.add("\" r=\""); svg.add(r); svg.add("\"/>")
            svg.add("<text x=\""); svg.add(tx); svg.add("\" y=\""); svg.add(ty); svg.add("\" text-anchor=\""); svg.add(anchor); svg.add("\">")
            svg.text(node.label); svg.add("</text></a>\n")
        }
        svg.add("</svg>")
        return svg.string
    }

    /// SVG markup as bytes.
    private struct SVGText {
        private var bytes: [UInt8] = []

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func add(_ s: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        }

        /// Markup made by notesc itself (class names), as it is.
        mutating func add(_ s: String) { bytes.append(contentsOf: s.utf8) }

        mutating func add(_ v: Double) { GraphLayout.append(v, to: &bytes) }

        /// Text from notes, for XML.
        mutating func text(_ s: String) { HTMLEscape.appendXML(s, to: &bytes) }

        /// An attribute value, escaped as `HTMLEscape.escape` does.
        mutating func attribute(_ s: String) { HTMLEscape.append(s, to: &bytes) }

        var string: String { String(decoding: bytes, as: UTF8.self) }
    }

    // MARK: - Drawing

    private static func draw(_ nodes: inout [Node], _ edgeKinds: [(String, [(Int, Int)])], label: String,
                             sized: Bool, labelsAlways: Bool) -> String {
        let all = edgeKinds.flatMap(\.1)
        for (a, b) in all { nodes[a].degree += 1; nodes[b].degree += 1 }
        let (points, width, height) = frame(count: nodes.count, edgeKinds: edgeKinds)
        let pad = framePad
        var svg = SVGText(capacity: 200 * nodes.count + 30 * all.count)
        svg.add("<svg class=\"graph"); svg.add(labelsAlways ? "" : " labels-on-hover"); svg.add("\" viewBox=\"0 0 ")
        svg.add(width); svg.add(" "); svg.add(height); svg.add("\"")
        // Scaled to the page's width, so the whole drawing is in view when the page opens.
        if sized { svg.add(" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\"") }
        svg.add("><title>"); svg.text(label); svg.add("</title>\n")
        for (kind, pairs) in edgeKinds where !pairs.isEmpty {
            svg.add("<path class=\"edge edge-"); svg.add(kind); svg.add("\" d=\"")
            for (a, b) in pairs {
                svg.add("M"); svg.add(points[a].x + pad); svg.add(" "); svg.add(points[a].y + pad)
                svg.add("L"); svg.add(points[b].x + pad); svg.add(" "); svg.add(points[b].y + pad)
            }
            svg.add("\"/>\n")
        }
        // Hubs last, so they are drawn on top and read first.
        let order = nodes.indices.sorted { (nodes[$0].kind == "note" ? 0 : 1, $0) < (nodes[$1].kind == "note" ? 0 : 1, $1) }
        for i in order {
            let node = nodes[i], p = points[i]
            let r = node.kind == "current" ? 8 : node.kind == "system" ? 4.5 : 4 + min(Double(node.degree), 12) * 0.35
            let x = p.x + pad, y = p.y + pad
            svg.add("<a class=\"node node-"); svg.add(node.kind); svg.add("\" href=\""); svg.attribute(node.url); svg.add("\">")
            svg.add("<title>"); svg.text(node.title); svg.add("</title>")
            svg.add("<circle cx=\""); svg.add(x); svg.add("\" cy=\""); svg.add(y); svg.add("\" r=\""); svg.add(r); svg.add("\"/>")
            svg.add("<text x=\""); svg.add(x + r + 3); svg.add("\" y=\""); svg.add(y + 3.5); svg.add("\">")
            svg.text(node.label); svg.add("</text></a>\n")
        }
        svg.add("</svg>")
        return svg.string
    }

    static let framePad = 16.0

    /// `frame` for edges of several kinds.
    static func frame(count: Int, edgeKinds: [(String, [(Int, Int)])]) -> (points: [GraphLayout.Point], width: Double, height: Double) {
        // Systems are hubs: pulling as hard as connections would crush the notes together.
        let weights = edgeKinds.flatMap { kind, pairs in Array(repeating: kind == "about" ? 0.2 : 1.0, count: pairs.count) }
        return frame(count: count, edges: edgeKinds.flatMap(\.1), weights: weights)
    }

    /// Node positions (before `framePad`) and the drawing's size: laid out by
    /// force, then components packed close together, with room for a label beside each node.
    static func frame(count: Int, edges: [(Int, Int)], weights: [Double]? = nil) -> (points: [GraphLayout.Point], width: Double, height: Double) {
        let labelRoom = 150.0
        let laid = GraphLayout.positions(count: count, edges: edges, weights: weights, spacing: 110)
        let points = GraphLayout.packed(laid, edges: edges, labelRoom: labelRoom)
        let width = (points.map(\.x).max() ?? 0) + 2 * framePad + labelRoom
        let height = (points.map(\.y).max() ?? 0) + 2 * framePad + 8
        return (points, width, height)
    }

    static func short(_ text: String, _ limit: Int) -> String {
        // No more bytes than the limit: no more characters either, without counting them.
        text.utf8.count <= limit || text.count <= limit ? text : String(text.prefix(limit - 1)).trimmingSpaces + "…"
    }
}
