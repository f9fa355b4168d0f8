import NotesModel
import NotesSupport

/// Text that was UTF-8 but got decoded as Mac Roman (`üìù` for 📝) or
/// Windows-1252 (`â€™` for ’), found and repaired.
package enum Mojibake {
    /// One mis-decoded run inside a string.
    package struct Finding: Equatable, Sendable {
        /// UTF-8 byte offsets of the run within the scanned string.
        package var byteRange: Range<Int>
        package var original: String
        package var fixed: String
        package var encoding: String
    }

    /// Characters 0x80...0xFF of each code page, in byte order.
    static let macRoman = Array("\u{C4}\u{C5}\u{C7}\u{C9}\u{D1}\u{D6}\u{DC}\u{E1}\u{E0}\u{E2}\u{E4}\u{E3}\u{E5}\u{E7}\u{E9}\u{E8}\u{EA}\u{EB}\u{ED}\u{EC}\u{EE}\u{EF}\u{F1}\u{F3}\u{F2}\u{F4}\u{F6}\u{F5}\u{FA}\u{F9}\u{FB}\u{FC}\u{2020}\u{B0}\u{A2}\u{A3}\u{A7}\u{2022}\u{B6}\u{DF}\u{AE}\u{A9}\u{2122}\u{B4}\u{A8}\u{2260}\u{C6}\u{D8}\u{221E}\u{B1}\u{2264}\u{2265}\u{A5}\u{B5}\u{2202}\u{2211}\u{220F}\u{3C0}\u{222B}\u{AA}\u{BA}\u{3A9}\u{E6}\u{F8}\u{BF}\u{A1}\u{AC}\u{221A}\u{192}\u{2248}\u{2206}\u{AB}\u{BB}\u{2026}\u{A0}\u{C0}\u{C3}\u{D5}\u{152}\u{153}\u{2013}\u{2014}\u{201C}\u{201D}\u{2018}\u{2019}\u{F7}\u{25CA}\u{FF}\u{178}\u{2044}\u{20AC}\u{2039}\u{203A}\u{FB01}\u{FB02}\u{2021}\u{B7}\u{201A}\u{201E}\u{2030}\u{C2}\u{CA}\u{C1}\u{CB}\u{C8}\u{CD}\u{CE}\u{CF}\u{CC}\u{D3}\u{D4}\u{F8FF}\u{D2}\u{DA}\u{DB}\u{D9}\u{131}\u{2C6}\u{2DC}\u{AF}\u{2D8}\u{2D9}\u{2DA}\u{B8}\u{2DD}\u{2DB}\u{2C7}".unicodeScalars)
    static let windows1252 = Array("\u{20AC}\u{81}\u{201A}\u{192}\u{201E}\u{2026}\u{2020}\u{2021}\u{2C6}\u{2030}\u{160}\u{2039}\u{152}\u{8D}\u{17D}\u{8F}\u{90}\u{2018}\u{2019}\u{201C}\u{201D}\u{2022}\u{2013}\u{2014}\u{2DC}\u{2122}\u{161}\u{203A}\u{153}\u{9D}\u{17E}\u{178}\u{A0}\u{A1}\u{A2}\u{A3}\u{A4}\u{A5}\u{A6}\u{A7}\u{A8}\u{A9}\u{AA}\u{AB}\u{AC}\u{AD}\u{AE}\u{AF}\u{B0}\u{B1}\u{B2}\u{B3}\u{B4}\u{B5}\u{B6}\u{B7}\u{B8}\u{B9}\u{BA}\u{BB}\u{BC}\u{BD}\u{BE}\u{BF}\u{C0}\u{C1}\u{C2}\u{C3}\u{C4}\u{C5}\u{C6}\u{C7}\u{C8}\u{C9}\u{CA}\u{CB}\u{CC}\u{CD}\u{CE}\u{CF}\u{D0}\u{D1}\u{D2}\u{D3}\u{D4}\u{D5}\u{D6}\u{D7}\u{D8}\u{D9}\u{DA}\u{DB}\u{DC}\u{DD}\u{DE}\u{DF}\u{E0}\u{E1}\u{E2}\u{E3}\u{E4}\u{E5}\u{E6}\u{E7}\u{E8}\u{E9}\u{EA}\u{EB}\u{EC}\u{ED}\u{EE}\u{EF}\u{F0}\u{F1}\u{F2}\u{F3}\u{F4}\u{F5}\u{F6}\u{F7}\u{F8}\u{F9}\u{FA}\u{FB}\u{FC}\u{FD}\u{FE}\u{FF}".unicodeScalars)

    private static let tables: [(name: String, bytes: [Unicode.Scalar: UInt8])] = [
        ("Mac Roman", Dictionary(uniqueKeysWithValues: macRoman.enumerated().map { ($1, UInt8(0x80 + $0)) })),
        ("Windows-1252", Dictionary(uniqueKeysWithValues: windows1252.enumerated().map { ($1, UInt8(0x80 + $0)) })),
    ]

    /// Every mis-decoded run in `text`, in order.
    package static func find(in text: String) -> [Finding] {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var offsets = [0]
        offsets.reserveCapacity(scalars.count + 1)
        for s in scalars { offsets.append(offsets.last! + UTF8.width(s)) }
        var findings: [Finding] = []
        var i = 0
        while i < scalars.count {
            guard !scalars[i].isASCII else { i += 1; continue }
            var best: (end: Int, text: String, name: String)?
            for table in tables {
                if let hit = decodeRun(scalars, from: i, table.bytes), hit.end > (best?.end ?? i) {
                    best = (hit.end, hit.text, table.name)
                }
            }
            if let best {
                findings.append(Finding(byteRange: offsets[i]..<offsets[best.end],
                                        original: String(String.UnicodeScalarView(scalars[i..<best.end])),
                                        fixed: best.text, encoding: best.name))
                i = best.end
            } else {
                i += 1
            }
        }
        return findings
    }

    /// Re-encodes scalars from `start` in the code page and decodes whole UTF-8
    /// multi-byte characters, as many in a row as there are.
    private static func decodeRun(_ scalars: [Unicode.Scalar], from start: Int, _ table: [Unicode.Scalar: UInt8]) -> (end: Int, text: String)? {
        var i = start
        var text = ""
        while i < scalars.count, let lead = table[scalars[i]] {
            let width: Int
            switch lead {
            case 0xC2...0xDF: width = 2
            case 0xE0...0xEF: width = 3
            case 0xF0...0xF4: width = 4
            default: width = 0
            }
            guard width > 0, i + width <= scalars.count else { break }
            var bytes = [lead]
            for k in 1..<width {
                guard let b = table[scalars[i + k]], (0x80...0xBF).contains(b) else { break }
                bytes.append(b)
            }
            guard bytes.count == width, firstInvalidUTF8Offset(bytes) == nil else { break }
            text += String(decoding: bytes, as: UTF8.self)
            i += width
        }
        return i > start ? (i, text) : nil
    }

    /// `text` with every mis-decoded run repaired.
    package static func fix(_ text: String) -> String {
        let findings = find(in: text)
        guard !findings.isEmpty else { return text }
        var bytes = Array(text.utf8)
        for f in findings.reversed() { bytes.replaceSubrange(f.byteRange, with: Array(f.fixed.utf8)) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
