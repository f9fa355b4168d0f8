import Dispatch

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
                append(": ")
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
            append(": ")
            field.write(&self, depth + 1)
        }
        appendNewline(depth)
        append(UInt8(ascii: "}"))
    }

    /// An array of any size: its elements are written on all cores, a few
    /// thousand to a piece, and the pieces appended in order (a large
    /// folder's graph has a million nodes and edges).
    mutating func appendJSONArray<C: RandomAccessCollection>(_ items: C, depth: Int, _ element: (C.Element) -> GraphValue) {
        guard !items.isEmpty else { return append("[]") }
        append(UInt8(ascii: "["))
        let pieceSize = 4096, piecesAtOnce = 8
        let pieces = (items.count + pieceSize - 1) / pieceSize
        var next = 0
        while next < pieces {
            let count = min(piecesAtOnce, pieces - next)
            let written = ResultSlots<[UInt8]>(count: count)
            DispatchQueue.concurrentPerform(iterations: count) { k in
                let first = (next + k) * pieceSize
                var piece = ByteWriter(capacity: pieceSize * 256)
                for i in first..<min(first + pieceSize, items.count) {
                    if i > 0 { piece.append(UInt8(ascii: ",")) }
                    piece.appendNewline(depth + 1)
                    piece.appendJSON(element(items[items.index(items.startIndex, offsetBy: i)]), depth: depth + 1)
                }
                written[k] = piece.bytes
            }
            for piece in written.values {
                bytes.append(contentsOf: piece)
                flushIfFull()
            }
            next += count
        }
        appendNewline(depth)
        append(UInt8(ascii: "]"))
    }

    mutating func appendNewline(_ depth: Int) {
        append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }

    /// Whole numbers without a fraction (`5500000`), others as Swift prints
    /// them shortest (`0.93`, `1e-05`); JSON has no NaN or infinity: null.
    mutating func appendJSONNumber(_ d: Double) { bytes.appendJSONNumber(d) }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`,
    /// `\t`… or `\u00XX`, everything else (`/` and non-ASCII included) as is.
    mutating func appendJSONString(_ text: String) { bytes.appendJSONString(text) }
}
