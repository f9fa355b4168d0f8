import Foundation

/// The knowledge graph of a notebook (DESIGN §6): notes, systems, topics,
/// claims and verdicts as nodes; `connects`, `links`, `states`, `about`,
/// `in-topic` and `favors` as edges. Every export format (`json`, `jgf`,
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
        var builder = GraphBuilder()
        for system in notebook.systems {
            builder.add(GraphNode(id: GraphNode.systemID(system.slug), kind: .system, label: system.name,
                                  url: "systems/\(system.slug).html"))
        }
        for topic in notebook.topics {
            builder.add(GraphNode(id: GraphNode.topicID(topic.slug), kind: .topic, label: topic.title,
                                  url: "topics/\(topic.slug).html"))
        }
        for note in notebook.notes { builder.add(note) }
        (nodes, edges) = builder.finish()
        noteCount = notebook.notes.count
        diagnostics = DiagnosticCounts(errors: notebook.diagnostics.errorCount,
                                       warnings: notebook.diagnostics.warningCount,
                                       infos: notebook.diagnostics.infoCount)
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
    public var attributes: [String: GraphValue] {
        ["notes": .int(noteCount),
         "diagnostics": .object(["errors": .int(diagnostics.errors), "warnings": .int(diagnostics.warnings),
                                 "infos": .int(diagnostics.infos)])]
    }

    /// The node-link document of DESIGN §6, byte for byte what `Site/graph.json`
    /// holds and `notesc graph --format json` prints. networkx loads it with
    /// `networkx.node_link_graph(data, edges="edges")`.
    public func json() throws -> Data {
        var out = ByteWriter(capacity: 256 * (nodes.count + edges.count))
        appendJSON(to: &out)
        return out.data
    }

    /// `json()` handed to `sink` a megabyte at a time, for a site build that
    /// writes it to a file without holding hundreds of megabytes at once.
    func writeJSON(_ sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        var out = ByteWriter(capacity: ByteWriter.chunkSize + 64 * 1024)
        out.sink = sink
        appendJSON(to: &out)
        out.flush()
    }

    private func appendJSON(to out: inout ByteWriter) {
        out.appendJSONObject(depth: 0, [
            ("directed", { $0.appendJSON(.bool(true), depth: $1) }),
            ("edges", { $0.appendJSONArray(edges, depth: $1) { .object($0.attributes) } }),
            ("graph", { $0.appendJSON(.object(attributes), depth: $1) }),
            ("multigraph", { $0.appendJSON(.bool(true), depth: $1) }),
            ("nodes", { $0.appendJSONArray(nodes, depth: $1) { .object($0.attributes.merging(["id": .string($0.id)]) { $1 }) } }),
            ("version", { $0.appendJSON(.int(Self.version), depth: $1) }),
        ])
        out.append(0x0A)
    }
}

/// Counts of diagnostics by severity.
public struct DiagnosticCounts: Hashable, Sendable {
    public var errors: Int
    public var warnings: Int
    public var infos: Int
}

/// Collects nodes and edges note by note.
struct GraphBuilder {
    var nodes: [GraphNode] = []
    var edges: [GraphEdge] = []

    mutating func add(_ node: GraphNode) { nodes.append(node) }

    mutating func add(_ note: Note) {
        let noteID = GraphNode.noteID(note.id)
        add(GraphNode(id: noteID, kind: .note, label: note.title?.text ?? note.id, url: "notes/\(note.id).html",
                      path: note.path, category: note.category, date: note.date, tags: note.tags))
        for connection in note.connections {
            guard let target = connection.resolved else { continue }
            edges.append(GraphEdge(source: noteID, target: GraphNode.noteID(target), kind: .connects, label: connection.reason))
        }
        for link in note.links {
            guard let target = link.resolved else { continue }
            edges.append(GraphEdge(source: noteID, target: GraphNode.noteID(target), kind: .links))
        }
        for topic in note.comparisons {
            let topicID = GraphNode.topicID(topic.slug)
            for claim in topic.claims {
                let id = GraphNode.claimID(note: note.id, line: claim.range.start.line)
                add(GraphNode(id: id, kind: .claim, label: claim.text, note: noteID, topic: topicID,
                              line: claim.range.start.line, qualifier: claim.qualifier,
                              quantities: claim.quantities, verified: claim.verified))
                edges.append(GraphEdge(source: noteID, target: id, kind: .states))
                edges.append(GraphEdge(source: id, target: topicID, kind: .inTopic))
                for subject in claim.subjects {
                    edges.append(GraphEdge(source: id, target: GraphNode.systemID(subject.slug), kind: .about))
                }
            }
            for verdict in topic.verdicts {
                let id = GraphNode.verdictID(note: note.id, line: verdict.range.start.line)
                add(GraphNode(id: id, kind: .verdict, label: verdict.text, note: noteID, topic: topicID,
                              line: verdict.range.start.line))
                edges.append(GraphEdge(source: noteID, target: id, kind: .states))
                edges.append(GraphEdge(source: id, target: topicID, kind: .inTopic))
                for slug in verdict.favors {
                    edges.append(GraphEdge(source: id, target: GraphNode.systemID(slug), kind: .favors))
                }
            }
        }
    }

    /// The nodes sorted by id; the edges between existing nodes, sorted,
    /// without repeats, each with a key unique among the edges of its source
    /// and target: the kind, then `kind-2`, `kind-3` for further edges of
    /// that kind (two connections with different reasons).
    ///
    /// A large folder has a million edges: they are sorted by small integer
    /// keys (the ranks of their nodes) rather than by moving whole values.
    func finish() -> (nodes: [GraphNode], edges: [GraphEdge]) {
        let nodeOrder = nodes.indices.sorted { nodes[$0].id.precedesInUTF8(nodes[$1].id) }
        var rank: [String: Int32] = [:]
        rank.reserveCapacity(nodes.count)
        for (r, i) in nodeOrder.enumerated() { rank[nodes[i].id] = Int32(r) }

        struct SortKey { var source: Int32, target: Int32, kind: UInt8, index: Int32 }
        var keys: [SortKey] = []
        keys.reserveCapacity(edges.count)
        for (i, edge) in edges.enumerated() {
            guard let source = rank[edge.source], let target = rank[edge.target] else { continue }
            keys.append(SortKey(source: source, target: target, kind: edge.kind.sortRank, index: Int32(i)))
        }
        keys.sort { a, b in
            if (a.source, a.target, a.kind) != (b.source, b.target, b.kind) { return (a.source, a.target, a.kind) < (b.source, b.target, b.kind) }
            return (edges[Int(a.index)].label ?? "").precedesInUTF8(edges[Int(b.index)].label ?? "")
        }

        var result: [GraphEdge] = []
        result.reserveCapacity(keys.count)
        var repeats = 0
        for key in keys {
            var edge = edges[Int(key.index)]
            if let last = result.last, last.source == edge.source, last.target == edge.target, last.kind == edge.kind {
                // Two links to one note, or one subject written twice, make one edge.
                if last.label == edge.label { continue }
                repeats += 1
            } else {
                repeats = 1
            }
            if repeats > 1 { edge.key = "\(edge.kind.rawValue)-\(repeats)" }
            result.append(edge)
        }
        return (nodeOrder.map { nodes[$0] }, result)
    }
}
