import Dispatch
import Foundation
import NotesCalc
import NotesCheck
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// JSON in the layout of `StableJSON` (sorted keys, two-space indentation,
/// `"key": value`, `[]` and `{}` when empty), written straight to bytes:
/// a large folder's graph has a million nodes and edges, too many to go
/// through `JSONEncoder` in reasonable time.
extension ByteWriter {
    mutating func appendJSON(_ value: GraphValue, depth: Int) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i): appendNumber(i)
        case .double(let d): appendJSONNumber(d)
        case .string(let s): appendJSONString(s)
        case .array(let items):
            appendJSONArray(items, depth: depth) { $0 }
        case .object(let fields):
            guard !fields.isEmpty else { return append("{}") }
            append(UInt8(ascii: "{"))
            for (i, key) in fields.keys.sorted(by: { $0.precedesInUTF8($1) }).enumerated() {
                if i > 0 { append(UInt8(ascii: ",")) }
                appendNewline(depth + 1)
                appendJSONString(key)
                append(compact ? ":" : ": ")
                appendJSON(fields[key]!, depth: depth + 1)
            }
            appendNewline(depth)
            append(UInt8(ascii: "}"))
        }
    }

    /// An object too large to hold as one value: `fields` come in sorted
    /// order, each writing its own value at the depth it is given.
    mutating func appendJSONObject(depth: Int, _ fields: [(key: String, write: (inout ByteWriter, Int) -> Void)]) {
        assert(zip(fields, fields.dropFirst()).allSatisfy { $0.key.precedesInUTF8($1.key) }, "keys out of order")
        guard !fields.isEmpty else { return append("{}") }
        append(UInt8(ascii: "{"))
        for (i, field) in fields.enumerated() {
            if i > 0 { append(UInt8(ascii: ",")) }
            appendNewline(depth + 1)
            appendJSONString(field.key)
            append(compact ? ":" : ": ")
            field.write(&self, depth + 1)
        }
        appendNewline(depth)
        append(UInt8(ascii: "}"))
    }

    /// An array of any size: its elements are written on all cores, a few
    /// thousand to a piece, and the pieces appended in order (a large
    /// folder's graph has a million nodes and edges).
    mutating func appendJSONArray<T>(_ items: [T], depth: Int, _ element: (T) -> GraphValue) {
        guard items.count > Self.pieceSize else {
            return appendJSONList(items, depth: depth) { out, item, depth in out.appendJSON(element(item), depth: depth) }
        }
        appendJSONArray(count: items.count, depth: depth) { out, i, depth in out.appendJSON(element(items[i]), depth: depth) }
    }

    /// An array of `count` elements, the `i`th written by `write(&out, i, depth)`.
    /// With a `sink`, each piece goes to it as it is, not copied into `bytes`.
    mutating func appendJSONArray(count: Int, depth: Int, writing write: (inout ByteWriter, Int, Int) -> Void) {
        appendJSONContainer(UInt8(ascii: "["), UInt8(ascii: "]"), count: count, depth: depth, write)
    }

    /// An object of `count` members written on all cores like a large array;
    /// `write(&out, i, depth)` writes the `i`th member's key and value.
    mutating func appendJSONObject(count: Int, depth: Int, writing write: (inout ByteWriter, Int, Int) -> Void) {
        appendJSONContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), count: count, depth: depth, write)
    }

    private mutating func appendJSONContainer(_ opening: UInt8, _ closing: UInt8, count: Int, depth: Int,
                                              _ write: (inout ByteWriter, Int, Int) -> Void) {
        guard count > 0 else { return append([opening, closing]) }
        append(opening)
        // As many pieces at once as there are cores: more only held more bytes (tens of megabytes at 10k notes).
        let pieceSize = Self.pieceSize, piecesAtOnce = max(2, ProcessInfo.processInfo.activeProcessorCount)
        let pieces = (count + pieceSize - 1) / pieceSize
        var next = 0
        while next < pieces {
            let slots = min(piecesAtOnce, pieces - next)
            let written = ResultSlots<[UInt8]>(count: slots)
            DispatchQueue.concurrentPerform(iterations: slots) { k in
                let first = (next + k) * pieceSize
                var piece = ByteWriter(capacity: pieceSize * 256)
                piece.compact = compact
                for i in first..<min(first + pieceSize, count) {
                    if i > 0 { piece.append(UInt8(ascii: ",")) }
                    piece.appendNewline(depth + 1)
                    write(&piece, i, depth + 1)
                }
                written[k] = piece.bytes
            }
            for piece in written.values {
                if let sink {
                    flush()
                    piece.withUnsafeBytes(sink)
                } else {
                    bytes.append(contentsOf: piece)
                }
            }
            next += slots
        }
        appendNewline(depth)
        append(closing)
    }

    /// Elements to a piece of a large array; arrays up to this size are written on one core.
    static let pieceSize = 4096

    /// A short array, written here and now.
    mutating func appendJSONList<T>(_ items: [T], depth: Int, _ write: (inout ByteWriter, T, Int) -> Void) {
        guard !items.isEmpty else { return append("[]") }
        append(UInt8(ascii: "["))
        for i in items.indices {
            if i > 0 { append(UInt8(ascii: ",")) }
            appendNewline(depth + 1)
            write(&self, items[i], depth + 1)
        }
        appendNewline(depth)
        append(UInt8(ascii: "]"))
    }

    /// A line break and the indentation of `depth`.
    mutating func appendNewline(_ depth: Int) {
        guard !compact else { return }
        let n = 1 + 2 * depth
        guard n <= Self.indentation.count else {
            append(0x0A)
            return bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
        }
        Self.indentation.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<n])) }
    }

    private static let indentation: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 64)

    /// Whole numbers without a fraction (`5500000`), others as Swift prints
    /// them shortest (`0.93`, `1e-05`); JSON has no NaN or infinity: null.
    mutating func appendJSONNumber(_ d: Double) { bytes.appendJSONNumber(d) }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`,
    /// `\t`… or `\u00XX`, everything else (`/` and non-ASCII included) as is.
    mutating func appendJSONString(_ text: String) { bytes.appendJSONString(text) }
}

/// The nodes and edges of the `json` document, each field written in its
/// place in the sorted order of keys: the same bytes as their `attributes`
/// through `appendJSON(_:depth:)`, without making and sorting a dictionary
/// for each of a million values.
extension ByteWriter {
    /// `"name": ` as a member of an object whose members are at `depth`; a
    /// comma first unless it is the first member.
    mutating func appendJSONKey(_ name: StaticString, depth: Int, first: Bool = false) {
        if compact {
            if !first { append(UInt8(ascii: ",")) }
            append(UInt8(ascii: "\""))
            bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            append([UInt8(ascii: "\""), UInt8(ascii: ":")])
            return
        }
        // Assembled on the stack and appended at once: a million nodes and edges have several keys each.
        let comma = first ? 0 : 1, n = name.utf8CodeUnitCount
        let length = comma + 1 + 2 * depth + n + 4
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { buffer in
            let start = buffer.baseAddress!
            if comma == 1 { start.initialize(to: UInt8(ascii: ",")) }
            var p = start + comma
            p.initialize(to: 0x0A)
            (p + 1).initialize(repeating: 0x20, count: 2 * depth)
            p += 1 + 2 * depth
            p.initialize(to: UInt8(ascii: "\""))
            UnsafeMutableRawPointer(p + 1).copyMemory(from: name.utf8Start, byteCount: n)
            p += 1 + n
            p.initialize(to: UInt8(ascii: "\""))
            (p + 1).initialize(to: UInt8(ascii: ":"))
            (p + 2).initialize(to: 0x20)
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: length))
        }
    }

    mutating func appendJSON(_ text: String?) {
        if let text { appendJSONString(text) } else { append("null") }
    }

    mutating func appendJSON(_ number: Int?) {
        if let number { bytes.appendDecimal(number) } else { append("null") }
    }

    mutating func appendJSON(_ flag: Bool) { append(flag ? "true" : "false") }

    /// A node as the `json` document writes it, `node.attributes` plus
    /// `id`; or as JGF `metadata`, its attributes without `label`.
    mutating func appendJSON(_ node: borrowing GraphNode, depth: Int, asMetadata: Bool = false) {
        let d = depth + 1
        append(UInt8(ascii: "{"))
        if node.kind == .note {
            appendJSONKey("category", depth: d, first: true)
            appendJSON(node.category)
            appendJSONKey("date", depth: d)
            appendJSON(node.date)
        }
        if !asMetadata {
            appendJSONKey("id", depth: d, first: node.kind != .note)
            appendJSONID(node)
        }
        appendJSONKey("kind", depth: d, first: asMetadata && node.kind != .note)
        appendJSONString(node.kind.rawValue)
        switch node.kind {
        case .note, .system, .topic:
            if !asMetadata {
                appendJSONKey("label", depth: d)
                appendJSONString(node.label)
            }
            if node.kind == .note {
                appendJSONKey("path", depth: d)
                appendJSON(node.path)
                appendJSONKey("tags", depth: d)
                appendJSONList(node.tags, depth: d) { out, tag, _ in out.appendJSONString(tag) }
            }
            appendJSONKey("url", depth: d)
            appendJSON(node.url)
        case .claim:
            appendJSONKey("line", depth: d)
            appendJSON(node.line)
            appendJSONKey("qualifier", depth: d)
            appendJSON(node.qualifier)
            appendJSONKey("quantities", depth: d)
            appendJSONList(node.quantities, depth: d) { out, quantity, depth in out.appendJSON(quantity, depth: depth) }
            appendJSONKey("text", depth: d)
            appendJSONString(node.label)
            appendJSONKey("verified", depth: d)
            appendJSON(node.verified ?? false)
        case .verdict:
            appendJSONKey("line", depth: d)
            appendJSON(node.line)
            appendJSONKey("text", depth: d)
            appendJSONString(node.label)
        }
        appendNewline(depth)
        append(UInt8(ascii: "}"))
    }

    /// A quantity, as `quantity.graphValue`.
    mutating func appendJSON(_ quantity: Quantity, depth: Int) {
        let d = depth + 1
        append(UInt8(ascii: "{"))
        appendJSONKey("approximate", depth: d, first: true)
        appendJSON(quantity.approximate)
        appendJSONKey("lowerBound", depth: d)
        appendJSON(quantity.lowerBound)
        appendJSONKey("text", depth: d)
        appendJSONString(quantity.text)
        appendJSONKey("unit", depth: d)
        appendJSON(quantity.unit)
        appendJSONKey("value", depth: d)
        if let value = quantity.value { appendJSONNumber(value) } else { append("null") }
        appendNewline(depth)
        append(UInt8(ascii: "}"))
    }

    /// An edge, as `edge.attributes`.
    mutating func appendJSON(_ edge: GraphEdge, depth: Int) {
        appendJSONEdge(key: edge.key, kind: edge.kind, label: edge.label, depth: depth,
                       source: { $0.appendJSONString(edge.source) }, target: { $0.appendJSONString(edge.target) })
    }

    /// Edge `e` of `graph`, as `appendJSON(graph.edge(e))` writes it, its
    /// ends copied from `ids`, `graph.jsonIDs` (`SortedGraph.makeJSONIDs()`),
    /// which start at `starts`.
    mutating func appendJSON(_ graph: SortedGraph, edge e: Int, ids: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int>,
                             depth: Int) {
        let edge = graph.edges[e]
        appendJSONEdge(key: graph.key(e), kind: edge.kind, label: graph.label(e), depth: depth,
                       source: { $0.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: ids[starts[Int(edge.source)]..<starts[Int(edge.source) + 1]])) },
                       target: { $0.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: ids[starts[Int(edge.target)]..<starts[Int(edge.target) + 1]])) })
    }

    /// A node's id as a JSON string (`GraphNode.fullID`), written in pieces
    /// when it was built without one: a million edges name claims at 10k notes.
    mutating func appendJSONID(_ node: borrowing GraphNode) {
        guard let (prefix, note, line) = node.derivedID else { return appendJSONString(node.id) }
        append(UInt8(ascii: "\""))
        prefix.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.appendJSONEscaped(note)
        append(UInt8(ascii: ":"))
        bytes.appendDecimal(line)
        append(UInt8(ascii: "\""))
    }

    private mutating func appendJSONEdge(key: String, kind: GraphEdge.Kind, label: String?, depth: Int,
                                         source: (inout ByteWriter) -> Void, target: (inout ByteWriter) -> Void) {
        let d = depth + 1
        append(UInt8(ascii: "{"))
        appendJSONKey("key", depth: d, first: true)
        appendJSONString(key)
        appendJSONKey("kind", depth: d)
        appendJSONString(kind.rawValue)
        if let label {
            appendJSONKey("label", depth: d)
            appendJSONString(label)
        }
        appendJSONKey("source", depth: d)
        source(&self)
        appendJSONKey("target", depth: d)
        target(&self)
        appendNewline(depth)
        append(UInt8(ascii: "}"))
    }
}
