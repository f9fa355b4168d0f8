import Foundation
import NotesCalc
import NotesCheck
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// JSON Graph Format v2 (jsongraphformat.info): one `graph` whose `nodes`
/// object is keyed by node id. Each node's `label` is its display text and
/// every other field of DESIGN §6 goes in its `metadata`; an edge's kind is
/// its `relation`, a connection's reason its `label`, its key in `metadata`.
enum JGFExporter {
    static func export(_ graph: KnowledgeGraph, pretty: Bool = false) -> Data {
        var metadata = graph.attributes
        metadata["version"] = .int(KnowledgeGraph.version)
        metadata["multigraph"] = .bool(true)
        var out = ByteWriter(capacity: 300 * (graph.nodes.count + graph.edges.count))
        out.compact = !pretty
        out.appendJSONObject(depth: 0, [("graph", { out, depth in
            out.appendJSONObject(depth: depth, [
                ("directed", { $0.appendJSON(.bool(true), depth: $1) }),
                ("edges", { $0.appendJSONArray(count: graph.edges.count, depth: $1) { $0.appendJGF(graph.edges[$1], depth: $2) } }),
                ("id", { $0.appendJSON(.string("notesc"), depth: $1) }),
                ("label", { $0.appendJSON(.string("notesc knowledge graph"), depth: $1) }),
                ("metadata", { $0.appendJSON(.object(metadata), depth: $1) }),
                // Nodes are sorted by id, so writing them in order keeps the keys sorted.
                ("nodes", { $0.appendJSONObject(count: graph.nodes.count, depth: $1) { $0.appendJGF(graph.nodes[$1], depth: $2) } }),
                ("type", { $0.appendJSON(.string("notesc-knowledge-graph"), depth: $1) }),
            ])
        })])
        out.append(0x0A)
        return out.data
    }
}

/// JGF nodes and edges, written field by field in the sorted order of their keys.
extension ByteWriter {
    /// `"<id>": {"label": …, "metadata": {…}}`: every field but the label in `metadata`.
    mutating func appendJGF(_ node: GraphNode, depth: Int) {
        appendJSONString(node.id)
        append(compact ? ":" : ": ")
        append(UInt8(ascii: "{"))
        appendJSONKey("label", depth: depth + 1, first: true)
        appendJSONString(node.label)
        appendJSONKey("metadata", depth: depth + 1)
        appendJSON(node, depth: depth + 1, asMetadata: true)
        appendNewline(depth)
        append(UInt8(ascii: "}"))
    }

    /// `{"label"?, "metadata": {"key"}, "relation", "source", "target"}`.
    mutating func appendJGF(_ edge: GraphEdge, depth: Int) {
        let d = depth + 1
        append(UInt8(ascii: "{"))
        if let label = edge.label {
            appendJSONKey("label", depth: d, first: true)
            appendJSONString(label)
        }
        appendJSONKey("metadata", depth: d, first: edge.label == nil)
        append(UInt8(ascii: "{"))
        appendJSONKey("key", depth: d + 1, first: true)
        appendJSONString(edge.key)
        appendNewline(d)
        append(UInt8(ascii: "}"))
        appendJSONKey("relation", depth: d)
        appendJSONString(edge.kind.rawValue)
        appendJSONKey("source", depth: d)
        appendJSONString(edge.source)
        appendJSONKey("target", depth: d)
        appendJSONString(edge.target)
        appendNewline(depth)
        append(UInt8(ascii: "}"))
    }
}
