/// Obsidian's inline and block syntax beyond CommonMark (DESIGN §2a): the
/// grammar only, on bytes. `CmarkBridge` applies it to cmark's tree, for
/// the page and for the records alike, so both read a note the same way.

/// `> [!type]± Title`: the first line of a blockquote that makes it a callout
/// (GitHub's `> [!NOTE]` alerts are the same thing).
package struct CalloutMarker: Equatable, Sendable {
    package enum Fold: Equatable, Sendable {
        /// No `+` or `-`: always open, not foldable.
        case none
        /// `+`: foldable, open at first.
        case open
        /// `-`: foldable, closed at first.
        case closed
    }

    /// The type as written, lowercased: `warning`, `faq`, `my-type`.
    package var type: String
    package var fold: Fold
    /// Bytes of the marker, its fold sign and the blanks after them.
    package var length: Int

    /// Obsidian's callout types and their aliases, by the type whose colours they share.
    static let families: [String: String] = [
        "note": "note",
        "abstract": "abstract", "summary": "abstract", "tldr": "abstract",
        "info": "info",
        "todo": "todo",
        "tip": "tip", "hint": "tip", "important": "tip",
        "success": "success", "check": "success", "done": "success",
        "question": "question", "help": "question", "faq": "question",
        "warning": "warning", "caution": "warning", "attention": "warning",
        "failure": "failure", "fail": "failure", "missing": "failure",
        "danger": "danger", "error": "danger",
        "bug": "bug",
        "example": "example",
        "quote": "quote", "cite": "quote",
    ]

    /// The Obsidian type whose look this callout takes: the type itself, the
    /// type an alias stands for, or `note` for a type Obsidian does not know.
    package var family: String { Self.families[type] ?? "note" }

    /// The title shown when none is written: the type, capitalised, as Obsidian shows it.
    package var defaultTitle: String { type.prefix(1).uppercased() + type.dropFirst() }

    /// Reads a marker at the start of `line`: `[!`, a type of letters,
    /// digits, `-` and `_`, `]`, an optional `+` or `-`, then a blank or the end.
    package static func parse<Bytes: Collection<UInt8>>(_ line: Bytes) -> CalloutMarker? {
        var i = line.startIndex
        func next() -> UInt8? { i == line.endIndex ? nil : line[i] }
        guard next() == UInt8(ascii: "[") else { return nil }
        line.formIndex(after: &i)
        guard next() == UInt8(ascii: "!") else { return nil }
        line.formIndex(after: &i)
        var type: [UInt8] = []
        while let b = next(), isTypeByte(b) {
            type.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            line.formIndex(after: &i)
        }
        guard !type.isEmpty, type.count <= 64, next() == UInt8(ascii: "]") else { return nil }
        line.formIndex(after: &i)
        var fold = Fold.none
        if next() == UInt8(ascii: "+") { fold = .open; line.formIndex(after: &i) }
        else if next() == UInt8(ascii: "-") { fold = .closed; line.formIndex(after: &i) }
        if let b = next(), !isBlank(b) { return nil }
        while let b = next(), isBlank(b) { line.formIndex(after: &i) }
        return CalloutMarker(type: String(decoding: type, as: UTF8.self), fold: fold, length: line.distance(from: line.startIndex, to: i))
    }

    private static func isTypeByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}

/// `#tag` in prose, as Obsidian reads it: after the start of the text, a
/// blank or an opening punctuation mark; letters, digits, `_`, `-` and `/`,
/// not digits only (`#123` is no tag). `[[…]]` is skipped: `[[#Heading]]`
/// is a link.
package enum InlineTags {
    /// A tag found in a run of text: the byte range of `#name`, and the name.
    package struct Found: Equatable, Sendable {
        package var range: Range<Int>
        package var name: String
    }

    package static func scan(_ text: [UInt8]) -> [Found] {
        let hash = UInt8(ascii: "#"), open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        guard text.contains(hash) else { return [] }
        var found: [Found] = []
        var i = 0
        while i < text.count {
            if text[i] == open, i + 1 < text.count, text[i + 1] == open {
                var j = i + 2
                while j + 1 < text.count, !(text[j] == close && text[j + 1] == close) { j += 1 }
                if j + 1 < text.count { i = j + 2; continue }
            }
            guard text[i] == hash, i == 0 || opensTag(before: text, i) else { i += 1; continue }
            var end = i + 1
            var sawNonDigit = false
            while end < text.count, let (scalar, width) = scalar(text, end), isTagScalar(scalar) {
                if !(scalar.value >= 0x30 && scalar.value <= 0x39) { sawNonDigit = true }
                end += width
            }
            // A trailing `/` ends a sentence or a path, not a tag.
            while end > i + 1, text[end - 1] == UInt8(ascii: "/") { end -= 1 }
            let nameBytes = text[(i + 1)..<end]
            if !nameBytes.isEmpty, sawNonDigit, nameBytes.first != UInt8(ascii: "/"),
               nameBytes.contains(where: { !($0 >= 0x30 && $0 <= 0x39) && $0 != UInt8(ascii: "/") }) {
                found.append(Found(range: i..<end, name: String(decoding: nameBytes, as: UTF8.self)))
            }
            i = max(end, i + 1)
        }
        return found
    }

    /// Whether the character before `text[at]` lets a tag start there.
    private static func opensTag(before text: [UInt8], _ at: Int) -> Bool {
        var start = at - 1
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        guard let (scalar, _) = scalar(text, start) else { return false }
        if scalar.properties.isWhitespace { return true }
        return "(,;:\"'“‘«*_~=".unicodeScalars.contains(scalar)
    }

    private static func isTagScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let b = UInt8(s.value)
            return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "/")
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    private static func scalar(_ text: [UInt8], _ i: Int) -> (Unicode.Scalar, Int)? {
        var iterator = text[i...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let s) = decoder.decode(&iterator) else { return nil }
        return (s, UTF8.width(s))
    }

    /// Tags in `found` order, without repeats that differ only in case.
    package static func unique(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0.lowercased()).inserted }
    }
}

/// `==text==`: where a highlight opens and closes, as for emphasis: no blank
/// right inside either mark, and not part of a longer run of `=`.
enum HighlightMarks {
    /// Whether `==` at `i` of a text can open a highlight. At the text's end,
    /// only when an inline element (emphasis, code, a link) follows.
    static func canOpen(_ text: [UInt8], _ i: Int, elementFollows: Bool) -> Bool {
        guard isPair(text, i) else { return false }
        if i + 2 < text.count { return !isBlankOrEqual(text[i + 2]) }
        return elementFollows
    }

    /// Whether `==` at `i` of a text can close a highlight. At the text's
    /// start, only right after an inline element.
    static func canClose(_ text: [UInt8], _ i: Int, elementPrecedes: Bool) -> Bool {
        guard isPair(text, i) else { return false }
        if i > 0 { return !isBlankOrEqual(text[i - 1]) }
        return elementPrecedes
    }

    /// `==` at `i`, not touching another `=`.
    private static func isPair(_ text: [UInt8], _ i: Int) -> Bool {
        let eq = UInt8(ascii: "=")
        guard i + 1 < text.count, text[i] == eq, text[i + 1] == eq else { return false }
        if i > 0, text[i - 1] == eq { return false }
        if i + 2 < text.count, text[i + 2] == eq { return false }
        return true
    }

    private static func isBlankOrEqual(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "=")
    }
}
