import Dispatch

/// Writes JSON byte by byte in the stable layout (`StableJSON`): sorted keys,
/// two-space indentation, `"key": value`, empty containers as `[]`/`{}`.
/// Foundation's `JSONEncoder` spends most of `notesc records` on 10,000 notes
/// building and sorting an intermediate tree; the records writers below emit
/// their keys in sorted order directly. A test keeps both byte-identical.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// No line breaks or indentation (`notesc records --compact`).
    package var compact = false
    /// Whether the current container has no member yet.
    private var empty = true

    /// `depth` > 0 writes a value that will sit that deep inside another document.
    package init(capacity: Int = 1 << 16, depth: Int = 0) {
        bytes.reserveCapacity(capacity)
        self.depth = depth
    }

    /// A comma, a line break and the spaces that indent the next line: a
    /// member's separator in one append.
    private static let separator = [UInt8(ascii: ","), 0x0A] + [UInt8](repeating: 0x20, count: 256)

    private mutating func newline() {
        if compact { return }
        let n = 1 + min(depth * 2, Self.separator.count - 2)
        Self.separator.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[1...n])) }
    }

    /// An array of `count` members, each written by `member` into a writer
    /// of its own on all cores, `batch` at a time. What this writer holds
    /// goes to `flush` first, then each member's bytes as they are, in order:
    /// nothing is copied into one document.
    package mutating func streamedArray(count: Int, batch: Int, capacity: Int, flush: ([UInt8]) -> Void,
                                member: @escaping @Sendable (Int, inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["), UInt8(ascii: "]")) { w in
            flush(w.bytes)
            w.bytes.removeAll(keepingCapacity: true)
            let (depth, compact) = (w.depth, w.compact)
            var start = 0
            while start < count {
                let end = min(start + max(batch, 1), count)
                let done = ResultSlots<[UInt8]>(count: end - start)
                DispatchQueue.concurrentPerform(iterations: end - start) { i in
                    var m = JSONWriter(capacity: capacity, depth: depth)
                    m.compact = compact
                    // The separator a member gets in place: none before the first.
                    m.empty = start + i == 0
                    m.member()
                    member(start + i, &m)
                    done[i] = m.bytes
                }
                for value in done.values { flush(value) }
                start = end
            }
            if count > 0 { w.empty = false }
        }
    }

    /// Starts a member of the current container (a comma and a new line after the first).
    private mutating func member() {
        if empty {
            newline()
        } else if compact {
            bytes.append(UInt8(ascii: ","))
        } else {
            let n = 2 + min(depth * 2, Self.separator.count - 2)
            Self.separator.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
        empty = false
    }

    package mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"), UInt8(ascii: "}"), body)
    }

    package mutating func array<T>(_ elements: [T], _ write: (inout JSONWriter, T) -> Void) {
        open(UInt8(ascii: "["), UInt8(ascii: "]")) { w in
            // By index: an iterator would copy (and retain) every element.
            for i in elements.indices {
                w.member()
                write(&w, elements[i])
            }
        }
    }

    private mutating func open(_ opener: UInt8, _ closer: UInt8, _ body: (inout JSONWriter) -> Void) {
        bytes.append(opener)
        let outer = empty
        depth += 1
        empty = true
        body(&self)
        depth -= 1
        if !empty { newline() }
        bytes.append(closer)
        empty = outer
    }

    /// `"name": ` — callers write keys in sorted order.
    package mutating func key(_ name: StaticString) {
        member()
        // `"name": ` assembled on the stack and appended once.
        let n = name.utf8CodeUnitCount
        let length = n + (compact ? 3 : 4)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 4) { buffer in
            buffer[0] = UInt8(ascii: "\"")
            UnsafeMutableRawPointer(buffer.baseAddress! + 1).copyMemory(from: name.utf8Start, byteCount: n)
            buffer[n + 1] = UInt8(ascii: "\"")
            buffer[n + 2] = UInt8(ascii: ":")
            buffer[n + 3] = 0x20
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<length]))
        }
    }

    package mutating func string(_ s: String) { bytes.appendJSONString(s) }

    package mutating func int(_ n: Int) { bytes.appendDecimal(n) }

    /// As Foundation writes doubles: the shortest round-trip form, `.0` dropped.
    package mutating func double(_ d: Double) { bytes.appendJSONNumber(d) }

    package mutating func bool(_ b: Bool) { bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    package mutating func null() { bytes.append(contentsOf: "null".utf8) }

    // Conveniences for members.
    package mutating func string(_ name: StaticString, _ value: String) { key(name); string(value) }
    package mutating func int(_ name: StaticString, _ value: Int) { key(name); int(value) }
    package mutating func bool(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    /// Omitted when nil, as synthesized `Codable` does.
    package mutating func optional(_ name: StaticString, _ value: String?) { if let value { string(name, value) } }
    package mutating func stringOrNull(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }
    package mutating func strings(_ name: StaticString, _ values: [String]) {
        key(name)
        array(values) { $0.string($1) }
    }
    /// The finished document with its final newline.
    package mutating func finish() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }
}

/// The one JSON escaping and number format of notesc's writers (records,
/// lint reports, the knowledge graph): what Foundation's `JSONEncoder` writes.
extension Array where Element == UInt8 {
    /// `n` in decimal, without making a String.
    package mutating func appendDecimal(_ n: Int) {
        if n < 0 {
            guard n != .min else { append(contentsOf: String(n).utf8); return }
            append(UInt8(ascii: "-"))
            appendDecimal(-n)
            return
        }
        if n < 10 { append(UInt8(truncatingIfNeeded: n) + 0x30); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = n
        Swift.withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
                rest /= 10
                count += 1
            }
            append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`,
    /// everything else (`/` and non-ASCII included) as is; runs that need no
    /// escaping are copied in one go.
    package mutating func appendJSONString(_ text: String) {
        append(UInt8(ascii: "\""))
        // Native strings lend their bytes as they are; only others are copied first.
        if text.utf8.withContiguousStorageIfAvailable({ appendJSONEscaped($0) }) == nil {
            var text = text
            text.withUTF8 { appendJSONEscaped($0) }
        }
        append(UInt8(ascii: "\""))
    }

    /// `text` as `appendJSONString` writes it, without the quotes: for a
    /// string written in pieces, only some of which need escaping.
    package mutating func appendJSONEscaped(_ text: Substring) {
        if text.utf8.withContiguousStorageIfAvailable({ appendJSONEscaped($0) }) == nil {
            var text = String(text)
            text.withUTF8 { appendJSONEscaped($0) }
        }
    }

    private mutating func appendJSONEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for i in utf8.indices where utf8[i] < 0x20 || utf8[i] == 0x22 || utf8[i] == 0x5C {
            append(contentsOf: utf8[start..<i])
            switch utf8[i] {
            case 0x22: append(contentsOf: [0x5C, 0x22])
            case 0x5C: append(contentsOf: [0x5C, 0x5C])
            case 0x0A: append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: append(contentsOf: [0x5C, UInt8(ascii: "f")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(utf8[i] >> 4)], hex[Int(utf8[i] & 0xF)]])
            }
            start = i + 1
        }
        append(contentsOf: utf8[start...])
    }

    /// Whole numbers without a fraction (`5500000`), others as Swift prints
    /// them shortest (`0.93`, `1e-05`); JSON has no NaN or infinity: null.
    package mutating func appendJSONNumber(_ d: Double) {
        if !d.isFinite {
            append(contentsOf: "null".utf8)
        } else if d == d.rounded(), abs(d) < 9_007_199_254_740_992 {
            append(contentsOf: String(Int(d)).utf8)
        } else {
            append(contentsOf: d.description.utf8)
        }
    }
}
