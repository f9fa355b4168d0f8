import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport

extension SectionKind {
    /// Recognises a study section by its words (DESIGN §2): leading emoji,
    /// symbols or mojibake (`üìù TL;DR`) are ignored, case does not matter.
    /// Returns the kind and, for a Take, its author.
    static func recognise(_ heading: String) -> (kind: SectionKind, author: String?) {
        let words = significantWords(heading)
        let lowered = words.map { $0.lowercased() }
        let joined = lowered.joined(separator: " ")
        switch joined {
        case "tl;dr", "tldr", "tl; dr", "tl dr", "summary": return (.tldr, nil)
        case "key comparisons", "comparisons", "key comparison", "comparison": return (.comparisons, nil)
        case "calculations", "calculation", "calcs": return (.calculations, nil)
        case "connections", "connection": return (.connections, nil)
        case "references", "reference": return (.references, nil)
        case "open questions", "open question": return (.openQuestions, nil)
        default: break
        }
        if lowered.last == "take" {
            let author = words.dropLast().joined(separator: " ")
            return (.take, author.isEmpty ? nil : author)
        }
        return (.other, nil)
    }

    /// The heading's words after dropping leading tokens without any ASCII
    /// letter or digit (emoji, symbols, mojibake of emoji), quotes and brackets
    /// around words, and trailing colons.
    package static func significantWords(_ heading: String) -> [String] {
        if let words = asciiSignificantWords(heading) { return words }
        let fixed = Mojibake.fix(heading)
        var words: [String] = []
        for token in fixed.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if words.isEmpty, !token.contains(where: { $0.isASCII && isWordScalar($0) }) { continue }
            // Quotes and brackets around a word do not change it: `“Summary”`.
            var slice = token[...]
            while let f = slice.first, !isWordScalar(f) { slice.removeFirst() }
            while let l = slice.last, !isWordScalar(l), l != ";" { slice.removeLast() }
            if !slice.isEmpty { words.append(String(String.UnicodeScalarView(slice))) }
        }
        return words
    }

    /// The same words without decoding anything, for the usual heading: a
    /// leading emoji (or its mojibake), then ASCII words. Nil when a word has
    /// non-ASCII text, which may need its mojibake repaired.
    private static func asciiSignificantWords(_ heading: String) -> [String]? {
        func isWordByte(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        var words: [String] = []
        for token in heading.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }) {
            if words.isEmpty, !token.contains(where: isWordByte) { continue }
            // Mojibake is never ASCII, so leading tokens without words are the only ones it may hide in.
            guard !token.contains(where: { $0 >= 0x80 }) else { return nil }
            var slice = token[...]
            while let f = slice.first, !isWordByte(f) { slice.removeFirst() }
            while let l = slice.last, !isWordByte(l), l != UInt8(ascii: ";") { slice.removeLast() }
            if !slice.isEmpty { words.append(String(decoding: slice, as: UTF8.self)) }
        }
        return words
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// The words a known section is written with, for near-miss suggestions.
    package static let canonicalHeadings = ["TL;DR", "Summary", "Key Comparisons", "Comparisons", "Calculations", "Connections", "References", "Open Questions"]

    /// Whether the section is one of the study sections that make a note a study note.
    var isStudySection: Bool {
        switch self {
        case .tldr, .comparisons, .take, .calculations, .connections: true
        case .references, .openQuestions, .other: false
        }
    }
}
