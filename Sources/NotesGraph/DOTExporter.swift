import Foundation
import NotesCalc
import NotesCheck
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Graphviz DOT: `dot -Tsvg graph.dot > graph.svg`. Nodes are styled by
/// kind (notes blue boxes, systems green ellipses, topics amber hexagons,
/// claims grey note shapes, bold when verified, verdicts pink octagons);
/// long claim and verdict texts are shortened in the label and kept whole
/// in the tooltip; nodes with a page link to it.
enum DOTExporter {
    static let nodeStyles: [GraphNode.Kind: String] = [
        .note: ##"shape=box, style="rounded,filled", fillcolor="#dbeafe", color="#1d4ed8""##,
        .system: ##"shape=ellipse, style=filled, fillcolor="#dcfce7", color="#15803d""##,
        .topic: ##"shape=hexagon, style=filled, fillcolor="#fef3c7", color="#b45309""##,
        .claim: ##"shape=note, style=filled, fillcolor="#f3f4f6", color="#6b7280", fontsize=9"##,
        .verdict: ##"shape=octagon, style=filled, fillcolor="#fce7f3", color="#be185d", fontsize=9"##,
    ]
    static let edgeStyles: [GraphEdge.Kind: String] = [
        .connects: ##"color="#1d4ed8", penwidth=1.5"##,
        .links: ##"color="#1d4ed8", style=dashed"##,
        .states: ##"color="#9ca3af""##,
        .about: ##"color="#15803d""##,
        .inTopic: ##"color="#b45309", style=dotted"##,
        .favors: ##"color="#be185d", penwidth=2"##,
        .contradicts: ##"color="#b91c1c", style=bold, arrowhead=tee"##,
    ]
    /// Longer claim, verdict and reason texts are cut in labels.
    static let labelLimit = 48

    static func export(_ graph: KnowledgeGraph) -> Data {
        var out = ByteWriter(capacity: 250 * (graph.nodes.count + graph.edges.count))
        out.append("""
            digraph notesc {
              graph [rankdir=LR, overlap=false, fontname="Helvetica"];
              node [fontname="Helvetica", fontsize=10];
              edge [fontname="Helvetica", fontsize=8, arrowsize=0.6];

            """)
        for node in graph.nodes {
            out.append("  ")
            out.appendDOT(node.id)
            out.append(" [")
            out.append(nodeStyles[node.kind]!)
            let long = node.kind == .claim || node.kind == .verdict
            out.append(", label=")
            out.appendDOT(long ? shortened(node.label) : node.label)
            out.append(", tooltip=")
            out.appendDOT(node.label)
            if let url = node.url {
                out.append(", URL=")
                out.appendDOT(url)
            }
            if node.verified == true { out.append(", penwidth=2.5") }
            out.append("];\n")
        }
        out.append("\n")
        for edge in graph.edges {
            out.append("  ")
            out.appendDOT(edge.source)
            out.append(" -> ")
            out.appendDOT(edge.target)
            out.append(" [")
            out.append(edgeStyles[edge.kind]!)
            out.append(", class=\"\(edge.kind.rawValue)\"")
            if let label = edge.label {
                out.append(", label=")
                out.appendDOT(shortened(label))
                out.append(", tooltip=")
                out.appendDOT(label)
            }
            out.append("];\n")
        }
        out.append("}\n")
        return out.data
    }

    static func shortened(_ text: String) -> String {
        text.utf8.count <= labelLimit || text.count <= labelLimit ? text : String(text.prefix(labelLimit - 1)) + "…"
    }
}

extension ByteWriter {
    /// A DOT double-quoted string. Backslashes are doubled so that `\n` or
    /// `\N` written in a note stays text rather than a Graphviz escape; line
    /// breaks become `\n`; other control characters are dropped.
    mutating func appendDOT(_ text: String) {
        append(UInt8(ascii: "\""))
        append(text) { byte in
            switch byte {
            case UInt8(ascii: "\""): return "\\\""
            case UInt8(ascii: "\\"): return "\\\\"
            case 0x0A: return "\\n"
            case 0x00..<0x20, 0x7F: return ""
            default: return nil
            }
        }
        append(UInt8(ascii: "\""))
    }
}
