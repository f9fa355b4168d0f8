import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `graph-data.js`: the whole graph as a script that sets `window.notescGraph`
/// (a page opened from disk may not `fetch()` JSON, but may load a script).
/// Note pages load it when the reader asks for two steps of neighbours; past
/// `WholeGraph.drawnInBrowserAbove` notes `graph.html` draws it on a canvas,
/// at the positions the build laid out, so the same notes give the same bytes.
///
///     window.notescGraph={"nodes":[["notes/a.html","A"],["systems/x.html","X",1],…],
///       "edges":{"connects":[0,1,…],"links":[…],"about":[…]},"size":[w,h],"xy":[x0,y0,…]};
///
/// A node is its address from the site's root and its title, and a `1` when
/// it is a system; edges are flat pairs of node numbers; `size` and `xy`
/// (with `GraphSVG.framePad` added) only when the browser draws the graph.
enum GraphData {
    static let path = "graph-data.js"

    static func script(_ graph: WholeGraph, positions: Bool, cacheDir: String? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(120 * graph.nodes.count + 12 * graph.edges.reduce(0) { $0 + $1.pairs.count })
        out += Array("window.notescGraph={\"nodes\":[".utf8)
        for (i, node) in graph.nodes.enumerated() {
            if i > 0 { out += Array(",\n".utf8) }
            out.append(UInt8(ascii: "["))
            out.appendJSONString(node.url)
            out.append(UInt8(ascii: ","))
            out.appendJSONString(node.title)
            if node.kind == "system" { out += Array(",1".utf8) }
            out.append(UInt8(ascii: "]"))
        }
        out += Array("],\n\"edges\":{".utf8)
        for (k, (kind, pairs)) in graph.edges.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.appendJSONString(kind)
            out += Array(":[".utf8)
            for (j, (a, b)) in pairs.enumerated() {
                if j > 0 { out.append(UInt8(ascii: ",")) }
                out.appendDecimal(a)
                out.append(UInt8(ascii: ","))
                out.appendDecimal(b)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
        if positions {
            let (points, width, height) = GraphFrameCache.frame(count: graph.nodes.count, edgeKinds: graph.edges.map { ($0.kind, $0.pairs) },
                                                                cacheDir: cacheDir)
            out += Array(",\n\"size\":[".utf8)
            GraphLayout.append(width, to: &out)
            out.append(UInt8(ascii: ","))
            GraphLayout.append(height, to: &out)
            out += Array("],\n\"xy\":[".utf8)
            for (i, p) in points.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                GraphLayout.append(p.x + GraphSVG.framePad, to: &out)
                out.append(UInt8(ascii: ","))
                GraphLayout.append(p.y + GraphSVG.framePad, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out += Array("};\n".utf8)
        // A title's `</script>` could not end this file, but keep it as inert as the search index's.
        return SearchShards.escapeForScript(out)
    }
}
