import NotesSupport

/// What a hover preview of a note shows (DESIGN §5): its title, its opening
/// text, and the text after each heading and block id, so a link to
/// `note.html#section` previews that section. Read out of the note's page as
/// it was rendered, so a preview says what the page says and changes when
/// it does: `previews/<id>.js`, a script (pages opened from disk cannot
/// fetch), calling `notescPreview` of `assets/preview.js`.
enum NotePreview {
    /// Characters of text a preview shows.
    static let length = 320
    /// Sections kept for one note; a longer note's later sections preview from the top.
    static let maxSections = 200

    /// The preview script for the note `id` (its page is `html`), or nil when the page has no article.
    static func script(id: String, title: String, html: [UInt8]) -> [UInt8]? {
        guard let (opening, sections) = extract(html) else { return nil }
        var json: [UInt8] = Array("notescPreview(".utf8)
        json.appendJSONString(id)
        json += Array(",{\"title\":".utf8)
        json.appendJSONString(title)
        json += Array(",\"text\":".utf8)
        json.appendJSONString(opening)
        if !sections.isEmpty {
            json += Array(",\"sections\":{".utf8)
            for (i, section) in sections.enumerated() {
                if i > 0 { json.append(UInt8(ascii: ",")) }
                json.appendJSONString(section.id)
                json.append(UInt8(ascii: ":"))
                json.appendJSONString(section.text)
            }
            json.append(UInt8(ascii: "}"))
        }
        json += Array("});\n".utf8)
        return SearchShards.escapeForScript(json)
    }

    /// The article's opening text and each anchored section's text, as a reader sees them:
    /// tags stripped, entities decoded, white space collapsed; code, drawings and
    /// `aria-hidden` parts left out.
    static func extract(_ html: [UInt8]) -> (opening: String, sections: [(id: String, text: String)])? {
        guard let start = ByteSearch.find(Array("<article class=\"note\"".utf8), in: html, from: 0) else { return nil }
        let end = ByteSearch.find(Array("</article>".utf8), in: html, from: start) ?? html.count
        var opening = TextTaker(limit: length)
        var open: [(id: String, taker: TextTaker)] = []
        var done: [(id: String, text: String)] = []
        var skipping: [UInt8] = []   // the tag name whose content is left out, and its depth
        var skipDepth = 0
        var i = start
        // The note's header (breadcrumbs, title, metadata, tags) is not what it says.
        if let header = ByteSearch.find(Array("</header>".utf8), in: html, from: start), header < end {
            i = header + "</header>".utf8.count
        }
        func addText(_ text: [UInt8]) {
            opening.add(text)
            for k in open.indices { open[k].taker.add(text) }
            // A section is done when its text is long enough: at most a few are open at once.
            if let first = open.first, first.taker.full {
                done.append((first.id, first.taker.text))
                open.removeFirst()
            }
        }
        let space: [UInt8] = [0x20]
        var textStart = i
        while i < end {
            guard html[i] == UInt8(ascii: "<") else { i += 1; continue }
            if skipping.isEmpty, textStart < i { addText(decodedBytes(html[textStart..<i])) }
            guard let close = html[i..<end].firstIndex(of: UInt8(ascii: ">")) else { break }
            let tag = html[(i + 1)..<close]
            i = close + 1
            textStart = i
            let closing = tag.first == UInt8(ascii: "/")
            let name = Array(tag.dropFirst(closing ? 1 : 0).prefix { isNameByte($0) }).map { $0 | 0x20 }
            if !skipping.isEmpty {
                if name == skipping { skipDepth += closing ? -1 : (tag.last == UInt8(ascii: "/") ? 0 : 1) }
                if skipDepth == 0 { skipping = [] }
                continue
            }
            if closing {
                if blockNames.contains(name) { addText(space) }
                continue
            }
            if skippedNames.contains(name) || contains(tag, "aria-hidden=\"true\"") {
                if !voidNames.contains(name), tag.last != UInt8(ascii: "/") { skipping = name; skipDepth = 1 }
                continue
            }
            if blockNames.contains(name) { addText(space) }
            if let id = attribute(tag, "id"), done.count + open.count < maxSections,
               name.count == 2 && name[0] == UInt8(ascii: "h") || id.hasPrefix("^") {
                open.append((id, TextTaker(limit: length)))
            }
        }
        for section in open where !section.taker.text.isEmpty { done.append((section.id, section.taker.text)) }
        return (opening.text, done)
    }

    /// Collects text up to `limit` characters (Unicode scalars), white space
    /// collapsed, cut at a word and marked `…` when there is more. Works on
    /// UTF-8 bytes: iterating Characters made previews a sixth of a cold build.
    struct TextTaker {
        let limit: Int
        private var bytes: [UInt8] = []
        private var count = 0
        private var pendingSpace = false
        private(set) var full = false
        var text: String { String(decoding: bytes, as: UTF8.self) }

        init(limit: Int) { self.limit = limit }

        mutating func add<C: Collection>(_ piece: C) where C.Element == UInt8 {
            guard !full else { return }
            for b in piece {
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                let starts = b & 0xC0 != 0x80
                if starts, count + (pendingSpace ? 1 : 0) >= limit { return finish() }
                if pendingSpace { bytes.append(0x20); count += 1; pendingSpace = false }
                bytes.append(b)
                if starts { count += 1 }
            }
        }

        /// Cut at the last word's start when it is near, and say the text goes on.
        private mutating func finish() {
            full = true
            if let space = bytes.lastIndex(of: 0x20), bytes.count - space < 40 { bytes.removeSubrange(space...) }
            bytes += [0xE2, 0x80, 0xA6]
        }
    }

    private static let blockNames: Set<[UInt8]> = Set(["p", "div", "li", "ul", "ol", "section", "h1", "h2", "h3", "h4", "h5", "h6",
                                                       "blockquote", "table", "tr", "td", "th", "br", "dt", "dd", "details", "summary", "figure"].map { Array($0.utf8) })
    private static let skippedNames: Set<[UInt8]> = Set(["pre", "svg", "script", "style", "template", "button", "noscript"].map { Array($0.utf8) })
    private static let voidNames: Set<[UInt8]> = Set(["br", "img", "input", "hr", "wbr", "source"].map { Array($0.utf8) })

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }

    private static func contains(_ tag: ArraySlice<UInt8>, _ needle: String) -> Bool {
        ByteSearch.find(Array(needle.utf8), in: Array(tag), from: 0) != nil
    }

    /// The value of `name="…"` in a tag, decoded.
    static func attribute(_ tag: ArraySlice<UInt8>, _ name: String) -> String? {
        let tagBytes = Array(tag)
        let key = Array(" \(name)=\"".utf8)
        guard let at = ByteSearch.find(key, in: tagBytes, from: 0) else { return nil }
        let from = at + key.count
        guard let to = tagBytes[from...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return decode(tagBytes[from..<to])
    }

    /// Text with HTML's character references decoded (the renderer writes
    /// `&amp; &lt; &gt; &quot; &#39;` and numeric references).
    static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: decodedBytes(bytes), as: UTF8.self)
    }

    /// `decode` as UTF-8 bytes.
    static func decodedBytes<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        let b = Array(bytes)
        guard b.contains(UInt8(ascii: "&")) else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "&"), let semi = b[i..<min(b.count, i + 12)].firstIndex(of: UInt8(ascii: ";")) else {
                out.append(b[i]); i += 1; continue
            }
            let name = String(decoding: b[(i + 1)..<semi], as: UTF8.self)
            let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{a0}"]
            var scalar: Unicode.Scalar?
            if let value = named[name] {
                out += Array(value.utf8)
            } else if name.hasPrefix("#x") || name.hasPrefix("#X") {
                scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
            } else {
                out += b[i...semi]
            }
            if let scalar { out += Array(String(Character(scalar)).utf8) }
            else if name.hasPrefix("#"), named[name] == nil { out += b[i...semi] }
            i = semi + 1
        }
        return out
    }
}
