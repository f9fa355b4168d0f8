import Foundation
import NotesModel
import NotesSupport

/// The full-text search index under `search/`, as scripts (browsers refuse
/// to fetch files for pages opened from disk), split so a query loads only
/// what it needs:
///
/// - `search/manifest.js`: the number of documents, the term prefixes that
///   have a shard, and the two-letter prefixes split into three-letter ones;
/// - `search/p/<prefix>.js`: the terms starting with that prefix, each
///   with its posting list: document numbers times two, plus one where the
///   term is in the title, tags or category, as differences from the
///   previous entry (ascending, so the numbers stay short);
/// - `search/d/<n>.js`: document `n` (a note, system or topic): its title,
///   link, metadata and text, for the snippet; loaded for the top results only.
///
/// Each calls a function of `window.notescSearch` (`assets/search.js`).
/// Documents are numbered in `SearchIndex.entries` order; terms and shards
/// are sorted, so the same notes give the same bytes.
enum SearchShards {
    /// A term is at least this many letters long: its shard is named by them.
    static let prefixLength = 2
    /// Longer words are cut to this many letters (the browser does the same to a query).
    static let maxTermLength = 40
    /// The text a document's file holds for its snippet, in UTF-8 bytes.
    static let maxTextBytes = 32_768

    /// Every file of the index, by path below the site, in a stable order.
    static func files(_ notebook: Notebook, splitAbove: Int = 24_000) -> [(path: String, bytes: [UInt8])] {
        let entries = SearchIndex.entries(notebook)
        var postings: [String: [Int]] = [:]
        var texts: [String] = []
        texts.reserveCapacity(entries.count)
        for (n, entry) in entries.enumerated() {
            let body = n < notebook.notes.count ? notebook.notes[n].bodyText : entry.text
            var named = Set<String>()
            for field in [entry.title, entry.category ?? ""] + entry.tags { terms(field) { named.insert($0) } }
            var all = named
            terms(entry.text) { all.insert($0) }
            terms(body) { all.insert($0) }
            for term in all { postings[term, default: []].append(n * 2 + (named.contains(term) ? 1 : 0)) }
            texts.append(body.isEmpty ? entry.text : body)
        }
        var grouped: [String: [String]] = [:]
        for term in postings.keys { grouped[shardKey(term), default: []].append(term) }
        func shard(_ key: String, _ terms: [String]) -> [UInt8] {
            var out = Array("notescSearch.shard(".utf8)
            out.appendJSONString(key)
            out += Array(",{".utf8)
            for (i, term) in terms.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.appendJSONString(term)
                out += Array(":[".utf8)
                var previous = 0
                // Entries were appended in document order: already ascending.
                for (j, value) in postings[term]!.enumerated() {
                    if j > 0 { out.append(UInt8(ascii: ",")) }
                    out.appendDecimal(value - previous)
                    previous = value
                }
                out.append(UInt8(ascii: "]"))
            }
            out += Array("});\n".utf8)
            return escapeForScript(out)
        }
        // A prefix with too many postings (`co`, `re`, `th` in English) is
        // split by its words' first three letters; its two-letter words keep
        // the two-letter shard. The manifest names the prefixes split.
        var shards: [String: [UInt8]] = [:]
        var split: [String] = []
        for (key, terms) in grouped {
            let whole = shard(key, terms.sorted())
            guard whole.count > splitAbove, terms.contains(where: { $0.unicodeScalars.count > prefixLength }) else {
                shards[key] = whole
                continue
            }
            split.append(key)
            var parts: [String: [String]] = [:]
            for term in terms { parts[String(String.UnicodeScalarView(term.unicodeScalars.prefix(prefixLength + 1))), default: []].append(term) }
            for (part, terms) in parts { shards[part] = shard(part, terms.sorted()) }
        }
        let keys = shards.keys.sorted()
        var files: [(path: String, bytes: [UInt8])] = []
        files.reserveCapacity(keys.count + entries.count + 1)
        var manifest = Array("notescSearch.manifest({\"count\":".utf8)
        manifest.appendDecimal(entries.count)
        manifest += Array(",\"shards\":[".utf8)
        for (i, key) in keys.enumerated() {
            if i > 0 { manifest.append(UInt8(ascii: ",")) }
            manifest.appendJSONString(key)
        }
        manifest += Array("],\"split\":[".utf8)
        for (i, key) in split.sorted().enumerated() {
            if i > 0 { manifest.append(UInt8(ascii: ",")) }
            manifest.appendJSONString(key)
        }
        manifest += Array("],\"version\":2});\n".utf8)
        files.append(("search/manifest.js", escapeForScript(manifest)))
        for key in keys { files.append(("search/p/\(fileName(key)).js", shards[key]!)) }
        for (n, entry) in entries.enumerated() {
            var w = JSONWriter(capacity: 256 + min(texts[n].utf8.count, maxTextBytes))
            w.compact = true
            w.object { w in
                w.optional("category", entry.category)
                w.optional("date", entry.date)
                w.string("kind", entry.kind)
                w.strings("tags", entry.tags)
                w.string("text", clipped(texts[n]))
                w.string("title", entry.title)
                w.string("url", entry.url)
            }
            var out = Array("notescSearch.doc(".utf8)
            out.appendDecimal(n)
            out.append(UInt8(ascii: ","))
            out += w.bytes
            out += Array(");\n".utf8)
            files.append(("search/d/\(n).js", escapeForScript(out)))
        }
        return files
    }

    /// The words of `text` as the browser folds a query: accents stripped
    /// (NFD, combining marks U+0300–U+036F dropped), lowercased, split at
    /// anything not a letter or digit; words shorter than `prefixLength` left
    /// out, longer than `maxTermLength` cut.
    static func terms(_ text: String, _ found: (String) -> Void) {
        var word: [UInt8] = []
        var letters = 0
        func flush() {
            if letters >= prefixLength { found(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
            letters = 0
        }
        func add(_ scalar: Unicode.Scalar) {
            if scalar.value < 0x80 {
                var b = UInt8(scalar.value)
                if b >= 0x41 && b <= 0x5A { b += 32 }
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if letters < maxTermLength { word.append(b); letters += 1 }
                } else {
                    flush()
                }
                return
            }
            if scalar.value >= 0x300 && scalar.value <= 0x36F { return }
            if isLetterOrDigit(scalar.properties.generalCategory) {
                if letters < maxTermLength {
                    for s in scalar.properties.lowercaseMapping.unicodeScalars { word += Array(String(s).utf8) }
                    letters += 1
                }
            } else {
                flush()
            }
        }
        // Most text is ASCII: only the other characters are decomposed (NFD).
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                add(scalar)
            } else {
                for s in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars { add(s) }
            }
        }
        flush()
    }

    /// `\p{L}` or `\p{N}`, as the browser splits a query.
    private static func isLetterOrDigit(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// The shard a term is in: its first two letters.
    static func shardKey(_ term: String) -> String {
        String(String.UnicodeScalarView(term.unicodeScalars.prefix(prefixLength)))
    }

    /// A shard's file name: the key when it is ASCII letters and digits, else
    /// `x` and the hex of its UTF-8 (`assets/search.js` names it the same way).
    static func fileName(_ key: String) -> String {
        if key.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) { return key }
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "x")]
        for b in key.utf8 { out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func clipped(_ text: String) -> String {
        guard text.utf8.count > maxTextBytes else { return text }
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: maxTextBytes)
        while end > text.startIndex, end.samePosition(in: text.unicodeScalars) == nil { end = text.utf8.index(before: end) }
        return String(text[..<end])
    }

    /// `</script>` inside a string must not end the script early.
    static func escapeForScript(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "<")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for b in bytes {
            if b == UInt8(ascii: "<") { out += Array("\\u003c".utf8) } else { out.append(b) }
        }
        return out
    }
}
