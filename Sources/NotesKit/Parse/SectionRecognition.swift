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
    /// letter or digit (emoji, symbols, mojibake of emoji) and trailing colons.
    static func significantWords(_ heading: String) -> [String] {
        var words = Mojibake.fix(heading).split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word in
            // Quotes and brackets around a word do not change it: `“Summary”`.
            String(word.drop(while: { !$0.isLetter && !$0.isNumber }).reversed().drop(while: { !$0.isLetter && !$0.isNumber && $0 != ";" }).reversed())
        }.filter { !$0.isEmpty }
        while let first = words.first, !first.unicodeScalars.contains(where: { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) {
            words.removeFirst()
        }
        if var last = words.last {
            while last.hasSuffix(":") { last.removeLast() }
            words[words.count - 1] = last
            if last.isEmpty { words.removeLast() }
        }
        return words
    }

    /// The words a known section is written with, for near-miss suggestions.
    static let canonicalHeadings = ["TL;DR", "Summary", "Key Comparisons", "Comparisons", "Calculations", "Connections", "References", "Open Questions"]

    /// Whether the section is one of the study sections that make a note a study note.
    var isStudySection: Bool {
        switch self {
        case .tldr, .comparisons, .take, .calculations, .connections: true
        case .references, .openQuestions, .other: false
        }
    }
}
