/// Escaping for text put into HTML and XML by Swift code (templates escape
/// their own `{{values}}`).
enum HTMLEscape {
    /// Escapes `& < > " '` so the text is safe in element content and in quoted attributes.
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            guard let first = utf8.firstIndex(where: needsEscape) else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(utf8.count + 32)
            out.append(contentsOf: utf8[..<first])
            for b in utf8[first...] {
                switch b {
                case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])       // &amp;
                case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])             // &lt;
                case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])             // &gt;
                case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
                case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])       // &#39;
                default: out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    @inline(__always)
    private static func needsEscape(_ b: UInt8) -> Bool {
        b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27
    }

    /// Text for XML 1.0 (feeds, sitemaps, SVG): escaped, and control
    /// characters XML forbids dropped.
    static func xml(_ text: String) -> String {
        // Checked byte by byte, not scalar by scalar: in UTF-8 a byte below 0x20 is always such a scalar.
        let cleaned = text.utf8.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            ? text
            : String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
        return escape(cleaned)
    }
}
