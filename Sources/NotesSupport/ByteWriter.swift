import Foundation

/// Text built as UTF-8 bytes: the exporters write hundreds of megabytes for
/// a large folder, which `String` concatenation makes slow.
package struct ByteWriter {
    package var bytes: [UInt8] = []
    /// When set, large arrays hand it their bytes a piece at a time, as
    /// they are written (see `appendJSONArray(count:depth:writing:)`).
    package var sink: ((UnsafeRawBufferPointer) -> Void)?
    /// JSON without line breaks or indentation, and `"key":value` (DESIGN §6:
    /// `graph.json` is written so; `--pretty` indents it).
    package var compact = false

    /// Hands the bytes so far, if any, to `sink`, if any.
    package mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(sink)
        bytes.removeAll(keepingCapacity: true)
    }

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    package mutating func append(_ byte: UInt8) { bytes.append(byte) }
    package mutating func append(_ bytes: [UInt8]) { self.bytes.append(contentsOf: bytes) }
    package mutating func appendNumber(_ number: Int) { append(String(number)) }

    /// Appends `text`, replacing the bytes for which `escape` returns a
    /// replacement. Only ASCII bytes are offered, so multi-byte characters
    /// pass whole; text that needs no escaping is copied in one go.
    package mutating func append(_ text: String, escaping escape: (UInt8) -> String?) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for i in utf8.indices where utf8[i] < 0x80 {
                guard let replacement = escape(utf8[i]) else { continue }
                bytes.append(contentsOf: utf8[start..<i])
                bytes.append(contentsOf: replacement.utf8)
                start = i + 1
            }
            bytes.append(contentsOf: utf8[start...])
        }
    }

    package var data: Data { Data(bytes) }
}

extension String {
    /// Whether `self` sorts before `other` comparing UTF-8 bytes, the order
    /// of every list the graph writes (Swift's `<` compares characters).
    package func precedesInUTF8(_ other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = Swift.min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }
}
