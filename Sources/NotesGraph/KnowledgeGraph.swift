import Foundation
import NotesCalc
import NotesCheck
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// The knowledge graph of a notebook (DESIGN §6): notes, systems, topics,
/// claims and verdicts as nodes; `connects`, `links`, `states`, `about`,
/// `in-topic`, `favors` and `contradicts` as edges. Every export format (`json`, `jgf`,
/// `graphml`, `dot`, `sqlite`) and the site's `graph.json` and graph page are
/// made from this one value, so they always agree.
///
/// Nodes are sorted by id and edges by source, target, kind and label (in
/// UTF-8 byte order), so the same notes give the same graph on every run.
public struct KnowledgeGraph: Sendable {
    /// Version of the `json` document; bumped when a key changes meaning.
    public static let version = 1

    /// Every note, system, topic, claim and verdict, sorted by id.
    public var nodes: [GraphNode]
    /// Every edge between two of `nodes`, sorted by source, target, kind and label.
    public var edges: [GraphEdge]
    /// How many notes the graph was made from.
    public var noteCount: Int
    /// How many error, warning and info diagnostics the notes have. Notes
    /// with errors are still in the graph; their problems are only counted.
    public var diagnostics: DiagnosticCounts

    /// Builds the graph. Broken connections and links (those that resolve to
    /// no note) are not edges; they are diagnostics of the notebook.
    public init(_ notebook: Notebook) {
        self.init(notebook, only: nil)
    }

    /// The graph of the notes at `positions` only (every note when nil):
    /// their nodes and edges, every system and topic, and, as stand-ins with
    /// no fields, the nodes of other notes that their edges lead to (notes
    /// and claims). Sorted as the whole graph is, each such note's nodes and
    /// edges are those it has in the whole graph (`GraphJSONRuns`).
    init(_ notebook: Notebook, only positions: [Int]?) {
        let sorted = Self.sorted(notebook, only: positions)
        nodes = sorted.nodes.map { node in
            guard node.id.isEmpty else { return node }
            var whole = node
            whole.id = node.fullID
            return whole
        }
        edges = sorted.edges.indices.map(sorted.edge)
        noteCount = notebook.notes.count
        diagnostics = DiagnosticCounts(notebook)
    }

    /// The graph `init(_:only:)` makes, with its edges in their compact
    /// form: what writing `graph.json` needs, in a fraction of the memory
    /// (at 10,000 notes, 16 MB of edges rather than 110 MB while sorting).
    static func sorted(_ notebook: Notebook, only positions: [Int]?) -> SortedGraph {
        let notes = notebook.notes
        let built = positions ?? Array(notes.indices)
        let bullets = built.reduce(0) { count, i in
            notes[i].comparisons.reduce(count) { $0 + $1.claims.count + $1.verdicts.count }
        }
        var builder = GraphBuilder(nodes: notebook.systems.count + notebook.topics.count + built.count + bullets,
                                   edges: 4 * bullets + built.count * 6)
        for system in notebook.systems {
            builder.add(GraphNode(id: GraphNode.systemID(system.slug), kind: .system, label: system.name,
                                  url: "systems/\(system.slug).html"))
        }
        for topic in notebook.topics {
            builder.add(GraphNode(id: GraphNode.topicID(topic.slug), kind: .topic, label: topic.title,
                                  url: "topics/\(topic.slug).html"))
        }
        // Every note is a node before any edge is made: connections and links point forward.
        let noteNodes = built.map { i in
            builder.add(GraphNode(id: GraphNode.noteID(notes[i].id), kind: .note, label: notes[i].displayTitle,
                                  url: "notes/\(notes[i].id).html", path: notes[i].path, category: notes[i].category,
                                  date: notes[i].date, tags: notes[i].tags))
        }
        if positions != nil { builder.addStandIns(notebook, for: built) }
        for k in built.indices { builder.add(notes[built[k]], node: noteNodes[k]) }
        builder.addContradictions()
        return builder.finish()
    }

    /// The node with this id, if any.
    public func node(_ id: String) -> GraphNode? {
        var low = 0, high = nodes.count
        while low < high {
            let mid = (low + high) / 2
            if nodes[mid].id.precedesInUTF8(id) { low = mid + 1 } else { high = mid }
        }
        return low < nodes.count && nodes[low].id == id ? nodes[low] : nil
    }

    /// The `graph` object of the exports: note count and diagnostic counts.
    public var attributes: [String: GraphValue] { Self.attributes(notes: noteCount, diagnostics) }

    static func attributes(notes noteCount: Int, _ diagnostics: DiagnosticCounts) -> [String: GraphValue] {
        ["notes": .int(noteCount),
         "diagnostics": .object(["errors": .int(diagnostics.errors), "warnings": .int(diagnostics.warnings),
                                 "infos": .int(diagnostics.infos)])]
    }

    /// The node-link document of DESIGN §6, byte for byte what `Site/graph.json`
    /// holds and `notesc graph --format json` prints. networkx loads it with
    /// `networkx.node_link_graph(data, edges="edges")`.
    /// Without line breaks unless `pretty` (two-space indentation).
    public func json(pretty: Bool = false) throws -> Data {
        // Pieces go straight into the Data: a ByteWriter's bytes would be copied whole at the end.
        var data = Data(capacity: 256 * (nodes.count + edges.count))
        writeJSON(pretty: pretty) { data.append($0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: $0.count) }
        return data
    }

    /// `json()` handed to `sink` a piece (about a megabyte) at a time, for
    /// writing it to a file without holding hundreds of megabytes at once.
    package func writeJSON(pretty: Bool = false, _ sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        var out = ByteWriter(capacity: 64 * 1024)
        out.sink = sink
        out.compact = !pretty
        appendJSON(to: &out)
        out.flush()
    }

    private func appendJSON(to out: inout ByteWriter) {
        Self.appendDocument(to: &out, attributes: attributes,
                            edges: { $0.appendJSONArray(count: edges.count, depth: $1) { $0.appendJSON(edges[$1], depth: $2) } },
                            nodes: { $0.appendJSONArray(count: nodes.count, depth: $1) { $0.appendJSON(nodes[$1], depth: $2) } })
    }

    /// The `json` document around its two arrays, which `edges` and `nodes`
    /// write at the depth they are given.
    static func appendDocument(to out: inout ByteWriter, attributes: [String: GraphValue],
                               edges: (inout ByteWriter, Int) -> Void, nodes: (inout ByteWriter, Int) -> Void) {
        withoutActuallyEscaping(edges) { edges in
            withoutActuallyEscaping(nodes) { nodes in
                out.appendJSONObject(depth: 0, [
                    ("directed", { $0.appendJSON(.bool(true), depth: $1) }),
                    ("edges", edges),
                    ("graph", { $0.appendJSON(.object(attributes), depth: $1) }),
                    ("multigraph", { $0.appendJSON(.bool(true), depth: $1) }),
                    ("nodes", nodes),
                    ("version", { $0.appendJSON(.int(Self.version), depth: $1) }),
                ])
            }
        }
        out.append(0x0A)
    }
}

/// Counts of diagnostics by severity.
public struct DiagnosticCounts: Hashable, Sendable {
    public var errors: Int
    public var warnings: Int
    public var infos: Int
}

extension GraphNode {
    /// The parts of the id a claim or verdict node was built without: its
    /// kind's prefix, its note's id and its line (`claim:<note-id>:<line>`).
    var derivedID: (prefix: StaticString, note: Substring, line: Int)? {
        guard id.isEmpty, let note, let line, note.hasPrefix("note:") else { return nil }
        switch kind {
        case .claim: return ("claim:", note.dropFirst("note:".count), line)
        case .verdict: return ("verdict:", note.dropFirst("note:".count), line)
        case .note, .system, .topic: return nil
        }
    }

    /// Its id, made from its note and line when it was built without one.
    var fullID: String {
        guard let (prefix, note, line) = derivedID else { return id }
        return "\(prefix)\(note):\(line)"
    }

    /// `fullID`'s bytes, appended without making it.
    func appendFullID(to bytes: inout [UInt8]) {
        guard let (prefix, note, line) = derivedID else { return bytes.append(contentsOf: id.utf8) }
        prefix.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: note.utf8)
        bytes.append(UInt8(ascii: ":"))
        bytes.appendDecimal(line)
    }
}

extension DiagnosticCounts {
    init(_ notebook: Notebook) {
        self.init(errors: notebook.diagnostics.errorCount, warnings: notebook.diagnostics.warningCount,
                  infos: notebook.diagnostics.infoCount)
    }
}

/// A graph's nodes sorted by id and its edges sorted, as `GraphBuilder.finish`
/// leaves them: each edge's ends are places in `nodes`, its label a place in
/// `labels`, and `repeats` numbers the edges of one kind between two nodes
/// (`GraphEdge.key`).
struct SortedGraph {
    var nodes: [GraphNode]
    var edges: [GraphBuilder.Edge]
    var repeats: [Int32]
    var labels: [String]
    /// Each node's id as JSON, quoted and escaped, one after another
    /// (node `i`'s from `jsonIDStarts[i]` to `jsonIDStarts[i + 1]`), once
    /// `makeJSONIDs()` has run: an edge's ends are copied from here, where
    /// writing them from the nodes retained every string of a node, a
    /// million times at 10k notes.
    private(set) var jsonIDs: [UInt8] = []
    private(set) var jsonIDStarts: [Int] = []

    mutating func makeJSONIDs() {
        var w = ByteWriter(capacity: nodes.count * 64)
        var starts: [Int] = []
        starts.reserveCapacity(nodes.count + 1)
        nodes.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                starts.append(w.bytes.count)
                w.appendJSONID(nodes[i])
            }
        }
        starts.append(w.bytes.count)
        jsonIDs = w.bytes
        jsonIDStarts = starts
    }

    func source(_ e: Int) -> String { nodes[Int(edges[e].source)].fullID }

    func target(_ e: Int) -> String { nodes[Int(edges[e].target)].fullID }

    func label(_ e: Int) -> String? { edges[e].label < 0 ? nil : labels[Int(edges[e].label)] }

    func key(_ e: Int) -> String {
        let kind = edges[e].kind.rawValue
        return repeats[e] > 1 ? "\(kind)-\(repeats[e])" : kind
    }

    func edge(_ e: Int) -> GraphEdge {
        GraphEdge(source: source(e), target: target(e), kind: edges[e].kind, label: label(e), key: key(e))
    }
}

/// Collects nodes and edges note by note. An edge holds the indices of its
/// ends in `nodes` rather than their ids, so that ordering a million edges
/// compares integers, not strings.
struct GraphBuilder {
    private(set) var nodes: [GraphNode] = []
    private var edges: [Edge] = []
    /// The index in `nodes` of each note, system and topic by id (the last
    /// one of an id given twice): the nodes edges name by id.
    private var index: [String: Int32] = [:]
    /// Claims that contradict an earlier one (`Claim.disputedBy`): the claim's node and the earlier claim's id.
    private var contradictions: [(source: Int32, target: String)] = []

    /// Sixteen bytes: at 10,000 notes there are close to a million.
    struct Edge {
        var source: Int32, target: Int32
        /// Its place in `labels`; -1 for none.
        var label: Int32
        var kind: GraphEdge.Kind
    }
    /// The edges' labels (connections' reasons), in the order they came.
    private var labels: [String] = []

    /// Room for about this many nodes and edges.
    init(nodes: Int = 0, edges: Int = 0) {
        self.nodes.reserveCapacity(nodes)
        self.edges.reserveCapacity(edges)
    }

    /// Adds a node; returns its index for the edges that start from it.
    @discardableResult
    mutating func add(_ node: consuming GraphNode) -> Int32 {
        let i = Int32(nodes.count)
        if node.kind == .note || node.kind == .system || node.kind == .topic { index[node.id] = i }
        nodes.append(node)
        return i
    }

    /// An edge from `source` to the node of id `target`; none when there is no such node.
    mutating func add(_ source: Int32, _ target: String, _ kind: GraphEdge.Kind, label: String? = nil) {
        guard let target = index[target] else { return }
        var place: Int32 = -1
        if let label {
            place = Int32(labels.count)
            labels.append(label)
        }
        edges.append(Edge(source: source, target: target, label: place, kind: kind))
    }

    /// An edge between two notes, systems or topics named by id; none unless both are nodes.
    mutating func add(_ edge: GraphEdge) {
        guard let source = index[edge.source] else { return }
        add(source, edge.target, edge.kind, label: edge.label)
    }

    /// The edges of `note`, whose own node is `node`, with the nodes of its claims and verdicts.
    mutating func add(_ note: Note, node: Int32) {
        for connection in note.connections {
            guard let target = connection.resolved else { continue }
            add(node, GraphNode.noteID(target), .connects, label: connection.reason)
        }
        for link in note.links {
            guard let target = link.resolved else { continue }
            add(node, GraphNode.noteID(target), .links)
        }
        let noteID = nodes[Int(node)].id
        // By index: a loop over the values would copy every claim and verdict.
        for t in note.comparisons.indices {
            let topicID = GraphNode.topicID(note.comparisons[t].slug)
            let topicNode = index[topicID]
            let claims = note.comparisons[t].claims
            for c in claims.indices {
                let line = claims[c].range.start.line
                // Without its id, which `fullID` gives from its note and line:
                // 20 MB of strings at 10,000 notes, while graph.json is made.
                let claimNode = add(GraphNode(id: "", kind: .claim,
                                              label: claims[c].text, note: noteID, topic: topicID, line: line,
                                              qualifier: claims[c].qualifier, quantities: claims[c].quantities,
                                              verified: claims[c].verified))
                edges.append(Edge(source: node, target: claimNode, label: -1, kind: .states))
                if let topicNode { edges.append(Edge(source: claimNode, target: topicNode, label: -1, kind: .inTopic)) }
                for subject in claims[c].subjects.indices {
                    add(claimNode, GraphNode.systemID(claims[c].subjects[subject].slug), .about)
                }
                for other in claims[c].disputedBy where (other.note, other.line) < (note.id, line) {
                    contradictions.append((claimNode, GraphNode.claimID(note: other.note, line: other.line)))
                }
            }
            let verdicts = note.comparisons[t].verdicts
            for v in verdicts.indices {
                let line = verdicts[v].range.start.line
                let verdictNode = add(GraphNode(id: "", kind: .verdict,
                                                label: verdicts[v].text, note: noteID, topic: topicID, line: line))
                edges.append(Edge(source: node, target: verdictNode, label: -1, kind: .states))
                if let topicNode { edges.append(Edge(source: verdictNode, target: topicNode, label: -1, kind: .inTopic)) }
                for slug in verdicts[v].favors {
                    add(verdictNode, GraphNode.systemID(slug), .favors)
                }
            }
        }
    }

    /// Nodes without fields for what the edges of the notes at `built`
    /// lead to in other notes: the notes their connections and links
    /// resolve to, and the earlier claims theirs contradict.
    mutating func addStandIns(_ notebook: Notebook, for built: [Int]) {
        let notes = notebook.notes
        var positions: [String: Int] = [:]
        positions.reserveCapacity(notes.count)
        for i in notes.indices { positions[notes[i].id] = i }
        let own = Set(built)
        var added = own
        var claims = Set<String>()
        for i in built {
            let targets = notes[i].connections.compactMap(\.resolved) + notes[i].links.compactMap(\.resolved)
            for target in targets {
                guard let p = positions[target], added.insert(p).inserted else { continue }
                add(GraphNode(id: GraphNode.noteID(target), kind: .note, label: ""))
            }
            for topic in notes[i].comparisons {
                for claim in topic.claims {
                    for other in claim.disputedBy where (other.note, other.line) < (notes[i].id, claim.range.start.line) {
                        guard let p = positions[other.note], !own.contains(p),
                              notes[p].comparisons.contains(where: { $0.claims.contains { $0.range.start.line == other.line } }),
                              claims.insert(GraphNode.claimID(note: other.note, line: other.line)).inserted else { continue }
                        add(GraphNode(id: GraphNode.claimID(note: other.note, line: other.line), kind: .claim, label: ""))
                    }
                }
            }
        }
    }

    /// A `contradicts` edge from each claim to the earlier claims it conflicts
    /// with, once every claim is a node (the earlier may be in a later note).
    mutating func addContradictions() {
        guard !contradictions.isEmpty else { return }
        let wanted = Set(contradictions.map(\.target))
        var claims: [String: Int32] = [:]
        for i in nodes.indices where nodes[i].kind == .claim {
            let id = nodes[i].fullID
            if wanted.contains(id) { claims[id] = Int32(i) }
        }
        for c in contradictions {
            if let target = claims[c.target] { edges.append(Edge(source: c.source, target: target, label: -1, kind: .contradicts)) }
        }
    }

    /// The nodes sorted by id; the edges sorted, without repeats, each with a
    /// key unique among the edges of its source and target: the kind, then
    /// `kind-2`, `kind-3` for further edges of that kind (two connections
    /// with different reasons). The edges are sorted where they are, and
    /// their ends become places among the sorted nodes.
    consuming func finish() -> SortedGraph {
        let (order, rank) = idOrder()
        var edges: [Edge] = []
        swap(&edges, &self.edges)
        for e in edges.indices {
            edges[e].source = rank[Int(edges[e].source)]
            edges[e].target = rank[Int(edges[e].target)]
        }
        let labels = self.labels
        edges.sort { a, b in
            if a.source != b.source { return a.source < b.source }
            if a.target != b.target { return a.target < b.target }
            if a.kind != b.kind { return a.kind.sortRank < b.kind.sortRank }
            let x = a.label < 0 ? "" : labels[Int(a.label)], y = b.label < 0 ? "" : labels[Int(b.label)]
            return x.precedesInUTF8(y)
        }
        func text(_ label: Int32) -> String? { label < 0 ? nil : labels[Int(label)] }
        // Repeats dropped in place; `repeats` counts a kind's edges between two nodes.
        var repeats: [Int32] = []
        repeats.reserveCapacity(edges.count)
        var kept = 0
        for k in edges.indices {
            let edge = edges[k]
            if kept > 0 {
                let last = edges[kept - 1]
                if (last.source, last.target, last.kind) == (edge.source, edge.target, edge.kind) {
                    // Two links to one note, or one subject written twice, make one edge.
                    if text(last.label) == text(edge.label) { continue }
                    repeats.append(repeats[kept - 1] + 1)
                } else {
                    repeats.append(1)
                }
            } else {
                repeats.append(1)
            }
            edges[kept] = edge
            kept += 1
        }
        edges.removeLast(edges.count - kept)
        var sorted: [GraphNode] = []
        swap(&sorted, &nodes)
        Self.permute(&sorted, order)
        return SortedGraph(nodes: sorted, edges: edges, repeats: repeats, labels: labels)
    }

    /// Puts `items` in the order of `order` (a permutation of their
    /// indices), moving each along the permutation's cycles rather than
    /// copying it (which would retain and release every string it holds).
    private static func permute<T>(_ items: inout [T], _ order: [Int32]) {
        guard !items.isEmpty else { return }
        var placed = [Bool](repeating: false, count: items.count)
        items.withUnsafeMutableBufferPointer { items in
            let base = items.baseAddress!
            for start in items.indices where !placed[start] {
                // Position k takes the item at order[k]; the item at `start` waits aside.
                let waiting = (base + start).move()
                var k = start
                while true {
                    placed[k] = true
                    let from = Int(order[k])
                    if from == start { break }
                    (base + k).moveInitialize(from: base + from, count: 1)
                    k = from
                }
                (base + k).initialize(to: waiting)
            }
        }
    }

    /// The nodes' indices in order of their ids (UTF-8 bytes; ties in the
    /// order they were added), and each node's rank in that order, shared by
    /// the nodes of one id. The ids are compared in one buffer of bytes,
    /// which is several times faster than comparing strings.
    private func idOrder() -> (order: [Int32], rank: [Int32]) {
        // Sized first: grown as it fills, the buffer was twice its size at times (27 MB at 10k notes).
        var bytes: [UInt8] = []
        // A made id is at most 16 bytes longer than its note's (prefix, colon, line).
        var size = 0
        for i in nodes.indices { size += nodes[i].id.isEmpty ? (nodes[i].note?.utf8.count ?? 0) + 16 : nodes[i].id.utf8.count }
        bytes.reserveCapacity(size)
        var starts: [Int] = []
        starts.reserveCapacity(nodes.count + 1)
        for i in nodes.indices {
            starts.append(bytes.count)
            nodes[i].appendFullID(to: &bytes)
        }
        starts.append(bytes.count)
        var order = (0..<Int32(nodes.count)).map { $0 }
        var rank = [Int32](repeating: 0, count: nodes.count)
        bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                /// memcmp's sign of id `a` against id `b`, shorter first when one begins the other.
                func compare(_ a: Int32, _ b: Int32) -> Int {
                    let x = starts[Int(a)], y = starts[Int(b)]
                    let m = starts[Int(a) + 1] - x, n = starts[Int(b) + 1] - y
                    let common = min(m, n)
                    let order = common == 0 ? 0 : Int(memcmp(bytes.baseAddress! + x, bytes.baseAddress! + y, common))
                    return order != 0 ? order : m - n
                }
                order.sort { a, b in
                    let c = compare(a, b)
                    return c != 0 ? c < 0 : a < b
                }
                // Nodes of one id (a duplicate note) share the rank of the last of them.
                var r = order.count - 1
                for k in order.indices.reversed() {
                    if k < order.count - 1, compare(order[k], order[k + 1]) != 0 { r = k }
                    rank[Int(order[k])] = Int32(r)
                }
            }
        }
        return (order, rank)
    }
}
