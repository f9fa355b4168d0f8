/// Escaping for text put into HTML and XML by Swift code (templates escape
/// their own `{{values}}`).
package enum HTMLEscape {
    /// Escapes `& < > " '` so the text is safe in element content and in quoted attributes.
    package static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            guard utf8.contains(where: needsEscape) else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(utf8.count + 32)
            append(utf8, to: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// `text` escaped as `escape` does, added to `out` (templates' `{{values}}`).
    package static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &out) }
    }

    /// The bytes with `& < > " '` as entities, a run of plain bytes at a time.
    private static func append(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var run = 0
        for i in 0..<utf8.count {
            let entity: StaticString
            switch utf8[i] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            run = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
    }

    @inline(__always)
    private static func needsEscape(_ b: UInt8) -> Bool {
        b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27
    }

    /// Text for XML 1.0 (feeds, sitemaps, SVG): escaped, and control
    /// characters XML forbids dropped.
    package static func xml(_ text: String) -> String {
        escape(xmlCharacters(text))
    }

    /// `text` as `xml` gives it, added to `out`.
    package static func appendXML(_ text: String, to out: inout [UInt8]) {
        append(xmlCharacters(text), to: &out)
    }

    /// `text` without the control characters XML forbids.
    private static func xmlCharacters(_ text: String) -> String {
        // Checked byte by byte, not scalar by scalar: in UTF-8 a byte below 0x20 is always such a scalar.
        text.utf8.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            ? text
            : String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
    }
}
