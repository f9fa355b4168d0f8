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

    /// An array written one element at a time.
    mutating func appendJSONArray<C: Collection>(_ items: C, depth: Int, _ element: (C.Element) -> GraphValue) {
        guard !items.isEmpty else { return append("[]") }
        append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { append(UInt8(ascii: ",")) }
            appendNewline(depth + 1)
            appendJSON(element(item), depth: depth + 1)
            flushIfFull()
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
