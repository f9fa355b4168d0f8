import Dispatch
import Foundation
import NotesModel
import NotesSupport

/// Where each note's part of a compact `graph.json` lies in the file, so that
/// the next build copies the parts of notes that did not change and makes
/// only the others (DESIGN §7: at 10,000 notes the file is 170 MB and making
/// it whole took two seconds).
///
/// Ids begin with their note's id (`note:<id>`, `claim:<id>:<line>`,
/// `verdict:<id>:<line>`), so in the sorted document a note's nodes, and the
/// edges from them, are six runs: its claims, its own node and its verdicts
/// among the nodes, and the edges from each of those. Systems and topics are
/// the folder's and are written on every build. A note's runs are kept while
/// its key is (`keys(_:graphHashes:)`): its hash in the graph
/// (`PageDependencies.partHashes`), which holds what its edges lead to in
/// other notes, and whether the systems its verdicts favour are there.
///
/// The document is byte for byte `KnowledgeGraph.writeJSON(pretty: false)`; a
/// test holds the two to each other through edits of every kind.
package struct GraphJSONRuns: Sendable {
    /// A note's runs, in the order the document has them.
    enum Run: Int, CaseIterable {
        case claimEdges, noteEdges, verdictEdges, claimNodes, noteNode, verdictNodes

        var isEdges: Bool { rawValue < 3 }
    }

    /// The document's size in bytes.
    package private(set) var size = 0
    /// Each note's place in `keys` and `spans`, by id.
    private var entries: [String: Int] = [:]
    private var keys: [UInt64] = []
    /// Per note, for each `Run`, its first byte and its length (commas between runs left out).
    private var spans: [Int] = []

    /// The form kept in the build cache.
    package var encoded: [UInt8] {
        var w = CacheWriter(capacity: 64 + entries.count * 80)
        w.int(size)
        w.unsigned(UInt64(entries.count))
        for (id, e) in entries.sorted(by: { $0.value < $1.value }) {
            w.string(id)
            w.word(keys[e])
            for k in 0..<(2 * Run.allCases.count) { w.int(spans[2 * Run.allCases.count * e + k]) }
        }
        return w.bytes
    }

    /// What `encoded` wrote; nil when it does not read back.
    package init?(encoded bytes: [UInt8]) {
        var r = CacheReader(bytes)
        do {
            size = try r.int()
            let count = try r.count()
            entries.reserveCapacity(count)
            keys.reserveCapacity(count)
            spans.reserveCapacity(count * 2 * Run.allCases.count)
            for e in 0..<count {
                guard entries.updateValue(e, forKey: try r.string()) == nil else { return nil }
                keys.append(try r.word())
                for _ in Run.allCases {
                    let start = try r.int(), count = try r.int()
                    guard start >= 0, count >= 0, start <= size - count else { return nil }
                    spans += [start, count]
                }
            }
            guard r.atEnd else { return nil }
        } catch {
            return nil
        }
    }

    private init() {}

    /// The bytes of `run` of the note whose entry is `e`.
    private func span(_ e: Int, _ run: Run) -> Range<Int> {
        let k = 2 * (Run.allCases.count * e + run.rawValue)
        return spans[k]..<(spans[k] + spans[k + 1])
    }

    /// Writes `notebook`'s compact `graph.json`: pieces go to `bytes`, and the
    /// ranges of the file `previous` describes that go next in the new one
    /// to `copy`. `graphHashes` are the notes' graph hashes, in the
    /// notebook's order. Returns where the new file's runs are; nil when the
    /// notes' ids cannot be cut into runs (one repeated, one with a colon),
    /// and then the document was written whole.
    package static func write(_ notebook: Notebook, graphHashes: [UInt64], previous: GraphJSONRuns?,
                              bytes: @escaping (UnsafeRawBufferPointer) -> Void,
                              copy: @escaping (Range<Int>) -> Void) -> GraphJSONRuns? {
        let notes = notebook.notes
        var ids = Set<String>(minimumCapacity: notes.count)
        for i in notes.indices {
            // With a colon, `claim:a:1:5` (note `a:1`) would sort among `a`'s claims.
            guard !notes[i].id.utf8.contains(UInt8(ascii: ":")), ids.insert(notes[i].id).inserted else {
                KnowledgeGraph(notebook).writeJSON(pretty: false, bytes)
                return nil
            }
        }
        let keys = Self.keys(notebook, graphHashes: graphHashes)
        let old = notes.indices.map { i in previous?.entries[notes[i].id].flatMap { previous!.keys[$0] == keys[i] ? $0 : nil } }
        let built = notes.indices.filter { old[$0] == nil }
        var graph = KnowledgeGraph.sorted(notebook, only: built.count == notes.count ? nil : built)
        graph.makeJSONIDs()
        guard let found = Self.runs(of: graph, built: built, notes) else {
            assertionFailure("a note's nodes or edges are not together")
            KnowledgeGraph(notebook).writeJSON(pretty: false, bytes)
            return nil
        }
        var place = [Int](repeating: -1, count: notes.count)
        for (k, i) in built.enumerated() { place[i] = k }

        var next = GraphJSONRuns()
        next.keys = keys
        next.spans = [Int](repeating: 0, count: 2 * Run.allCases.count * notes.count)
        next.entries.reserveCapacity(notes.count)
        for i in notes.indices { next.entries[notes[i].id] = i }

        // Claims and verdicts sort by `<id>:`, notes by `<id>`: `a-b` comes before `a` in the one order, after it in the other.
        let byID = notes.indices.sorted { notes[$0].id.precedesInUTF8(notes[$1].id) }
        let prefixes = notes.indices.map { notes[$0].id + ":" }
        let byPrefix = notes.indices.sorted { prefixes[$0].precedesInUTF8(prefixes[$1]) }

        let writer = GraphJSONEmitter(bytes: bytes, copy: copy)
        /// The runs of one array, in order: a note's (by position) or, for -1, the systems' and topics' nodes.
        func array(_ out: inout ByteWriter, _ items: [(note: Int, run: Run)]) {
            writer.open(&out)
            var start = 0
            while start < items.count {
                // A window of runs whose new ones are made on all cores, then all written in order.
                var end = start, elements = 0
                var fresh: [Int] = []
                while end < items.count, elements < Self.windowElements {
                    let (i, run) = items[end]
                    if i < 0 || place[i] >= 0 {
                        fresh.append(end)
                        elements += i < 0 ? found.entities.count : found.ranges[6 * place[i] + run.rawValue].count
                    }
                    end += 1
                }
                let made = ResultSlots<[UInt8]>(count: fresh.count)
                DispatchQueue.concurrentPerform(iterations: fresh.count) { f in
                    let (i, run) = items[fresh[f]]
                    made[f] = i < 0 ? Self.json(graph, nodes: found.entities)
                        : Self.json(graph, run, found.ranges[6 * place[i] + run.rawValue])
                }
                var f = 0
                for k in start..<end {
                    let (i, run) = items[k]
                    let span: Range<Int>
                    if f < fresh.count, fresh[f] == k {
                        span = writer.append(&out, made[f]!)
                        f += 1
                    } else {
                        span = writer.copy(&out, previous!.span(old[i]!, run))
                    }
                    if i >= 0 {
                        let slot = 2 * (Run.allCases.count * i + run.rawValue)
                        next.spans[slot] = span.lowerBound
                        next.spans[slot + 1] = span.count
                    }
                }
                start = end
            }
            writer.close(&out)
        }
        var out = ByteWriter(capacity: 1 << 20)
        out.compact = true
        out.sink = writer.counted
        KnowledgeGraph.appendDocument(to: &out, attributes: KnowledgeGraph.attributes(notes: notes.count, DiagnosticCounts(notebook)), edges: { out, _ in
            array(&out, byPrefix.map { ($0, .claimEdges) } + byID.map { ($0, .noteEdges) } + byPrefix.map { ($0, .verdictEdges) })
        }, nodes: { out, _ in
            array(&out, byPrefix.map { ($0, .claimNodes) } + byID.map { ($0, .noteNode) } + [(-1, .noteNode)]
                + byPrefix.map { ($0, .verdictNodes) })
        })
        out.flush()
        next.size = writer.position(out)
        return next
    }

    /// Elements of new runs made at once: enough to keep every core busy, few
    /// enough to hold (a window's JSON was 12 MB of a cold build's peak at 8 pieces).
    private static let windowElements = 4 * ByteWriter.pieceSize

    /// Each note's key: its graph hash, and whether each system its
    /// verdicts favour is in the folder (whether the `favors` edge is there).
    /// The rest its edges lead to is in the hash: its own systems and topics
    /// are gathered from its claims, the notes it connects and links to are
    /// its links' resolutions, and the claims its claims contradict are in
    /// their `disputedBy`.
    private static func keys(_ notebook: Notebook, graphHashes: [UInt64]) -> [UInt64] {
        let notes = notebook.notes
        let systems = Set(notebook.systems.map(\.slug))
        return notes.indices.map { i in
            guard notes[i].comparisons.contains(where: { !$0.verdicts.isEmpty }) else { return graphHashes[i] }
            var h = StableHash()
            h.add(word: graphHashes[i])
            for t in notes[i].comparisons.indices {
                for verdict in notes[i].comparisons[t].verdicts {
                    for slug in verdict.favors { h.add(word: systems.contains(slug) ? 1 : 0) }
                }
            }
            return h.value
        }
    }

    /// The places in `graph.nodes` and `graph.edges` of the runs of each note
    /// of `built` (six per note, by its place in `built`), and of the systems'
    /// and topics' nodes; nil when some run is not in one piece.
    private static func runs(of graph: SortedGraph, built: [Int], _ notes: [Note])
        -> (ranges: [Range<Int>], entities: Range<Int>)? {
        var owner: [String: Int] = [:]
        owner.reserveCapacity(built.count)
        for (k, i) in built.enumerated() { owner[GraphNode.noteID(notes[i].id)] = k }
        var ranges = [Range<Int>?](repeating: nil, count: 6 * built.count)
        var entities: Range<Int>?
        func extend(_ range: inout Range<Int>?, _ index: Int) -> Bool {
            guard let r = range else { range = index..<(index + 1); return true }
            guard r.upperBound == index else { return false }
            range = r.lowerBound..<(index + 1)
            return true
        }
        let nodes = graph.nodes
        for n in nodes.indices {
            let ok: Bool
            switch nodes[n].kind {
            case .system, .topic: ok = extend(&entities, n)
            // Stand-ins for other notes' nodes have no note and are not built.
            case .note: ok = owner[nodes[n].id].map { extend(&ranges[6 * $0 + Run.noteNode.rawValue], n) } ?? true
            case .claim: ok = nodes[n].note.flatMap { owner[$0] }.map { extend(&ranges[6 * $0 + Run.claimNodes.rawValue], n) } ?? true
            case .verdict: ok = nodes[n].note.flatMap { owner[$0] }.map { extend(&ranges[6 * $0 + Run.verdictNodes.rawValue], n) } ?? true
            }
            guard ok else { return nil }
        }
        // Edges are sorted by their source's place among the nodes.
        var p = 0
        for e in graph.edges.indices {
            let at = Int(graph.edges[e].source)
            // Sorted, so the sources only go forward.
            guard at >= p else { return nil }
            p = at
            let run: Run, source: String?
            switch nodes[p].kind {
            case .note: (run, source) = (.noteEdges, nodes[p].id)
            case .claim: (run, source) = (.claimEdges, nodes[p].note)
            case .verdict: (run, source) = (.verdictEdges, nodes[p].note)
            case .system, .topic: return nil
            }
            guard let k = source.flatMap({ owner[$0] }), extend(&ranges[6 * k + run.rawValue], e) else { return nil }
        }
        return (ranges.map { $0 ?? 0..<0 }, entities ?? 0..<0)
    }

    /// A run's elements, comma-separated.
    private static func json(_ graph: SortedGraph, _ run: Run, _ range: Range<Int>) -> [UInt8] {
        guard run.isEdges else { return json(graph, nodes: range) }
        return graph.jsonIDs.withUnsafeBufferPointer { ids in
            graph.jsonIDStarts.withUnsafeBufferPointer { starts in
                json(range) { $0.appendJSON(graph, edge: $1, ids: ids, starts: starts, depth: 2) }
            }
        }
    }

    private static func json(_ graph: SortedGraph, nodes range: Range<Int>) -> [UInt8] {
        graph.nodes.withUnsafeBufferPointer { nodes in json(range) { $0.appendJSON(nodes[$1], depth: 2) } }
    }

    private static func json(_ range: Range<Int>, _ element: (inout ByteWriter, Int) -> Void) -> [UInt8] {
        var out = ByteWriter(capacity: range.count * 256)
        out.compact = true
        for i in range {
            if i > range.lowerBound { out.append(UInt8(ascii: ",")) }
            element(&out, i)
        }
        return out.bytes
    }
}
