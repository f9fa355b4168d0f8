#if canImport(Glibc)
import Glibc
#endif
import NotesSupport

/// What a hover preview of a note shows (DESIGN §5): its title, its opening
/// text, and the text after each heading and block id, so a link to
/// `note.html#section` previews that section. Read out of the note's page as
/// it was rendered, so a preview says what the page says and changes when
/// it does. Pages opened from disk cannot fetch, so previews are scripts
/// calling `notescPreview` of `assets/preview.js`, a line each, several
/// notes to a file: `previews/<k>.js` holds the notes whose ids hash to `k`
/// (`file(of:files:)`), and `previews/index.js` says how many files there
/// are. A file for each note was a third of the site's files, and a file
/// costs the build more than its bytes do.
enum NotePreview {
    /// Characters of text a preview shows.
    static let length = 320
    /// Sections kept for one note; a longer note's later sections preview from the top.
    static let maxSections = 200

    /// About this many notes' previews to a file.
    static let notesPerFile = 8

    /// The number of files of previews for `notes` notes: a power of two, so
    /// that it changes (and every note moves to another file) only when the
    /// folder doubles or halves.
    static func fileCount(_ notes: Int) -> Int {
        var files = 1
        while files * notesPerFile < notes { files *= 2 }
        return files
    }

    /// The file of `files` that holds note `id`'s preview: the FNV-1a hash
    /// (32 bits) of the id's UTF-8 bytes, modulo `files`, as `assets/preview.js` works it out.
    static func file(of id: String, files: Int) -> Int {
        var h: UInt32 = 0x811C_9DC5
        for b in id.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return Int(h % UInt32(files))
    }

    /// `previews/index.js`: the number of files of previews.
    static func index(files: Int) -> [UInt8] { Array("notescPreviewFiles(\(files));\n".utf8) }

    /// How note `id`'s line of its file starts: a line of the previous
    /// build's file is the note's when it starts so.
    static func linePrefix(_ id: String) -> [UInt8] {
        var bytes: [UInt8] = Array("notescPreview(".utf8)
        bytes.appendJSONString(id)
        bytes.append(UInt8(ascii: ","))
        return SearchShards.escapeForScript(bytes)
    }

    /// The note `id`'s line of its file (its page is `html`), or nil when the page has no article.
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
        html.withUnsafeBufferPointer { extract(in: $0) }
    }

    /// `extract` over the page's bytes in place: every page of a build passes
    /// through here, so a tag costs no allocation unless its text is kept.
    private static func extract(in html: UnsafeBufferPointer<UInt8>) -> (opening: String, sections: [(id: String, text: String)])? {
        guard let start = ByteSearch.find(articleOpen, in: html, from: 0, to: html.count) else { return nil }
        let end = ByteSearch.find(articleClose, in: html, from: start, to: html.count) ?? html.count
        var opening = TextTaker(limit: length)
        var open: [(id: String, taker: TextTaker)] = []
        var done: [(id: String, text: String)] = []
        var skipping: UInt64 = 0   // the packed name of the tag whose content is left out (0: none), and its depth
        var skipDepth = 0
        var i = start
        // The note's header (breadcrumbs, title, metadata, tags) is not what it says.
        if let header = ByteSearch.find(headerClose, in: html, from: start, to: end) { i = header + headerClose.count }
        func addText(_ from: Int, _ to: Int) {
            let text = UnsafeBufferPointer(rebasing: html[from..<to])
            if text.contains(UInt8(ascii: "&")) { add(decodedBytes(text)) } else { add(text) }
        }
        func add<C: Collection>(_ text: C) where C.Element == UInt8 {
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
            guard let lt = firstIndex(of: UInt8(ascii: "<"), in: html, from: i, to: end) else { break }
            i = lt
            if skipping == 0, textStart < i { addText(textStart, i) }
            guard let close = firstIndex(of: UInt8(ascii: ">"), in: html, from: i, to: end) else { break }
            // The tag is html[i + 1 ..< close].
            let closing = i + 1 < close && html[i + 1] == UInt8(ascii: "/")
            let nameStart = i + 1 + (closing ? 1 : 0)
            var nameEnd = nameStart
            while nameEnd < close, isNameByte(html[nameEnd]) { nameEnd += 1 }
            let selfClosing = close > i + 1 && html[close - 1] == UInt8(ascii: "/")
            let tagStart = i + 1
            i = close + 1
            textStart = i
            let key = packedName(html, nameStart, nameEnd)
            if skipping != 0 {
                if key == skipping { skipDepth += closing ? -1 : (selfClosing ? 0 : 1) }
                if skipDepth == 0 { skipping = 0 }
                continue
            }
            let kind = kinds[key] ?? []
            if closing {
                if kind.contains(.block) { add(space) }
                continue
            }
            if kind.contains(.skipped) || ByteSearch.find(ariaHidden, in: html, from: tagStart, to: close) != nil {
                if !kind.contains(.void), !selfClosing, key != 0 { skipping = key; skipDepth = 1 }
                continue
            }
            if kind.contains(.block) { add(space) }
            if done.count + open.count < maxSections, let at = ByteSearch.find(idAttribute, in: html, from: tagStart, to: close) {
                let from = at + idAttribute.count
                guard let to = firstIndex(of: UInt8(ascii: "\""), in: html, from: from, to: close) else { continue }
                let heading = nameEnd - nameStart == 2 && html[nameStart] | 0x20 == UInt8(ascii: "h")
                // Only a heading's id or a block id (`^id`) names a section; any other id is not decoded.
                guard heading || (from < to && (html[from] == UInt8(ascii: "^") || html[from] == UInt8(ascii: "&"))) else { continue }
                let id = decode(UnsafeBufferPointer(rebasing: html[from..<to]))
                if heading || id.hasPrefix("^") { open.append((id, TextTaker(limit: length))) }
            }
        }
        for section in open where !section.taker.text.isEmpty { done.append((section.id, section.taker.text)) }
        return (opening.text, done)
    }

    private static let articleOpen = Array("<article class=\"note\"".utf8)
    private static let articleClose = Array("</article>".utf8)
    private static let headerClose = Array("</header>".utf8)
    private static let ariaHidden = Array("aria-hidden=\"true\"".utf8)
    private static let idAttribute = Array(" id=\"".utf8)

    /// What a tag's name says about its content.
    private struct Kind: OptionSet {
        let rawValue: UInt8
        static let block = Kind(rawValue: 1)     // its start and end separate words
        static let skipped = Kind(rawValue: 2)   // its content is not text a reader reads
        static let void = Kind(rawValue: 4)      // it has no end tag
    }

    /// A tag's name, lowercased, as one number: up to eight bytes packed
    /// (name bytes are ASCII, so the top bit stays clear), a longer name
    /// hashed with the top bit set; 0 for no name.
    private static func packedName(_ html: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        var key: UInt64 = 0
        if to - from <= 8 {
            for k in from..<to { key = key << 8 | UInt64(html[k] | 0x20) }
            return key
        }
        key = 0xcbf2_9ce4_8422_2325
        for k in from..<to { key = (key ^ UInt64(html[k] | 0x20)) &* 0x100_0000_01b3 }
        return key | 1 << 63
    }

    private static func packedName(_ name: String) -> UInt64 {
        Array(name.utf8).withUnsafeBufferPointer { packedName($0, 0, $0.count) }
    }

    private static let kinds: [UInt64: Kind] = {
        var kinds: [UInt64: Kind] = [:]
        for name in ["p", "div", "li", "ul", "ol", "section", "h1", "h2", "h3", "h4", "h5", "h6",
                     "blockquote", "table", "tr", "td", "th", "br", "dt", "dd", "details", "summary", "figure"] {
            kinds[packedName(name), default: []].insert(.block)
        }
        for name in ["pre", "svg", "script", "style", "template", "button", "noscript"] { kinds[packedName(name), default: []].insert(.skipped) }
        for name in ["br", "img", "input", "hr", "wbr", "source"] { kinds[packedName(name), default: []].insert(.void) }
        return kinds
    }()

    private static func firstIndex(of byte: UInt8, in html: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let hit = memchr(html.baseAddress! + from, Int32(byte), to - from) else { return nil }
        return UnsafeRawPointer(html.baseAddress!).distance(to: UnsafeRawPointer(hit))
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

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }

    /// Text with HTML's character references decoded (the renderer writes
    /// `&amp; &lt; &gt; &quot; &#39;` and numeric references).
    static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: decodedBytes(bytes), as: UTF8.self)
    }

    private static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{a0}"]

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
