import Foundation

/// JSON Graph Format v2 (jsongraphformat.info): one `graph` whose `nodes`
/// object is keyed by node id. Each node's `label` is its display text and
/// every other field of DESIGN §6 goes in its `metadata`; an edge's kind is
/// its `relation`, a connection's reason its `label`, its key in `metadata`.
enum JGFExporter {
    static func export(_ graph: KnowledgeGraph) -> Data {
        var metadata = graph.attributes
        metadata["version"] = .int(KnowledgeGraph.version)
        metadata["multigraph"] = .bool(true)
        var out = ByteWriter(capacity: 300 * (graph.nodes.count + graph.edges.count))
        out.appendJSONObject(depth: 0, [("graph", { out, depth in
            out.appendJSONObject(depth: depth, [
                ("directed", { $0.appendJSON(.bool(true), depth: $1) }),
                ("edges", { $0.appendJSONArray(graph.edges, depth: $1, edge) }),
                ("id", { $0.appendJSON(.string("notesc"), depth: $1) }),
                ("label", { $0.appendJSON(.string("notesc knowledge graph"), depth: $1) }),
                ("metadata", { $0.appendJSON(.object(metadata), depth: $1) }),
                // Nodes are sorted by id, so writing them in order keeps the keys sorted.
                ("nodes", { $0.appendJSONObject(depth: $1, graph.nodes.map(node)) }),
                ("type", { $0.appendJSON(.string("notesc-knowledge-graph"), depth: $1) }),
            ])
        })])
        out.append(0x0A)
        return out.data
    }

    static func node(_ node: GraphNode) -> (key: String, write: (inout ByteWriter, Int) -> Void) {
        (node.id, { out, depth in
            var metadata = node.attributes
            metadata["label"] = nil
            out.appendJSON(.object(["label": .string(node.label), "metadata": .object(metadata)]), depth: depth)
        })
    }

    static func edge(_ edge: GraphEdge) -> GraphValue {
        var fields: [String: GraphValue] = [
            "source": .string(edge.source), "target": .string(edge.target),
            "relation": .string(edge.kind.rawValue), "metadata": .object(["key": .string(edge.key)]),
        ]
        if let label = edge.label { fields["label"] = .string(label) }
        return .object(fields)
    }
}
