import Foundation
import NotesCalc
import NotesCheck
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// GraphML (graphml.graphdrawing.org) with a typed `<key>` per field, as
/// Gephi, yEd and `networkx.read_graphml` read it. Lists become text: tags
/// joined by `, `, a claim's quantities by `; `. Absent fields are left out.
enum GraphMLExporter {
    /// A declared attribute: `<key id=… for=… attr.name=… attr.type=…>`.
    struct Key {
        var id: String
        var domain: String
        var name: String
        var type: String
    }

    static let graphKeys = [
        Key(id: "g_version", domain: "graph", name: "version", type: "int"),
        Key(id: "g_notes", domain: "graph", name: "notes", type: "int"),
        Key(id: "g_errors", domain: "graph", name: "errors", type: "int"),
        Key(id: "g_warnings", domain: "graph", name: "warnings", type: "int"),
        Key(id: "g_infos", domain: "graph", name: "infos", type: "int"),
    ]
    static let nodeKeys = ["kind", "label", "url", "path", "category", "date", "tags", "line", "qualifier", "quantities", "verified"]
        .map { Key(id: "n_" + $0, domain: "node", name: $0, type: $0 == "line" ? "int" : $0 == "verified" ? "boolean" : "string") }
    static let edgeKeys = ["kind", "key", "label"].map { Key(id: "e_" + $0, domain: "edge", name: $0, type: "string") }

    static func export(_ graph: KnowledgeGraph) -> Data {
        var out = ByteWriter(capacity: 300 * (graph.nodes.count + graph.edges.count))
        out.append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """)
        for key in graphKeys + nodeKeys + edgeKeys {
            out.append("  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(key.name)\" attr.type=\"\(key.type)\"/>\n")
        }
        out.append("  <graph id=\"notesc\" edgedefault=\"directed\">\n")
        let counts = graph.diagnostics
        let graphValues = [KnowledgeGraph.version, graph.noteCount, counts.errors, counts.warnings, counts.infos]
        out.appendData(graphKeys, graphValues.map(String.init), indent: "    ")
        for node in graph.nodes {
            out.append("    <node id=\"")
            out.appendXML(node.id)
            out.append("\">\n")
            out.appendData(nodeKeys, values(of: node), indent: "      ")
            out.append("    </node>\n")
        }
        // Edge ids are unique in the document; networkx uses them as multigraph keys.
        for (index, edge) in graph.edges.enumerated() {
            out.append("    <edge id=\"e\(index)\" source=\"")
            out.appendXML(edge.source)
            out.append("\" target=\"")
            out.appendXML(edge.target)
            out.append("\">\n")
            out.appendData(edgeKeys, [edge.kind.rawValue, edge.key, edge.label], indent: "      ")
            out.append("    </edge>\n")
        }
        out.append("  </graph>\n</graphml>\n")
        return out.data
    }

    /// The node's values in the order of `nodeKeys`.
    static func values(of node: GraphNode) -> [String?] {
        let isNote = node.kind == .note, isClaim = node.kind == .claim
        return [
            node.kind.rawValue, node.label, node.url, node.path, node.category, node.date,
            isNote && !node.tags.isEmpty ? node.tags.joined(separator: ", ") : nil,
            node.line.map(String.init), node.qualifier,
            isClaim && !node.quantities.isEmpty ? node.quantities.map(\.text).joined(separator: "; ") : nil,
            node.verified.map { $0 ? "true" : "false" },
        ]
    }
}

extension ByteWriter {
    /// `<data key=…>value</data>` for each key with a value.
    mutating func appendData(_ keys: [GraphMLExporter.Key], _ values: [String?], indent: String) {
        for (key, value) in zip(keys, values) {
            guard let value else { continue }
            append(indent)
            append("<data key=\"\(key.id)\">")
            appendXML(value)
            append("</data>\n")
        }
    }

    /// Text escaped for XML content and attribute values. Characters XML 1.0
    /// forbids (controls other than tab and newlines) become U+FFFD; a CR is
    /// written as a reference, since a parser would turn it into LF.
    mutating func appendXML(_ text: String) {
        var text = text
        if text.utf8.contains(0xEF) {  // the lead byte of U+FFFE and U+FFFF, which XML forbids too
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value >= 0xFFFE && $0.value <= 0xFFFF ? "\u{FFFD}" : $0 }))
        }
        append(text) { byte in
            switch byte {
            case UInt8(ascii: "&"): return "&amp;"
            case UInt8(ascii: "<"): return "&lt;"
            case UInt8(ascii: ">"): return "&gt;"
            case UInt8(ascii: "\""): return "&quot;"
            case 0x0D: return "&#13;"
            case 0x09, 0x0A: return nil
            case 0x00..<0x20: return "\u{FFFD}"
            default: return nil
            }
        }
    }
}
