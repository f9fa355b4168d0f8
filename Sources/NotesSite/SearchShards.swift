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
/// - `search/d/<b>.js`: documents `8b` to `8b + 7` (notes, systems or
///   topics): each one's title, link, metadata and text, for the snippet;
///   loaded for the top results only. Eight to a file: a file for each
///   document was two files in five of a site, and a file costs the
///   build more than its bytes do.
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
        let index = Index(notebook, splitAbove: splitAbove)
        return index.files + (0..<documentFiles(index.documentCount)).map(index.documentFile)
    }

    /// Documents to a file of `search/d/`.
    static let documentsPerFile = 8

    /// Document `n`'s line of its file: its title, link, metadata and text, for the snippet.
    static func document(_ n: Int, _ entry: SearchIndex.Entry, text: String) -> [UInt8] {
        var w = JSONWriter(capacity: 256 + min(text.utf8.count, maxTextBytes))
        w.compact = true
        w.object { w in
            w.optional("category", entry.category)
            w.optional("date", entry.date)
            w.string("kind", entry.kind)
            w.strings("tags", entry.tags)
            w.string("text", clipped(text))
            w.string("title", entry.title)
            w.string("url", entry.url)
        }
        var out = Array("notescSearch.doc(".utf8)
        out.appendDecimal(n)
        out.append(UInt8(ascii: ","))
        out += w.bytes
        out += Array(");\n".utf8)
        return escapeForScript(out)
    }

    /// The file of documents `documentsPerFile * b` up to `count` (exclusive), made by `line`.
    static func documentFile(_ b: Int, count: Int, _ line: (Int) -> [UInt8]) -> (path: String, bytes: [UInt8]) {
        var bytes: [UInt8] = []
        for n in (b * documentsPerFile)..<min(count, (b + 1) * documentsPerFile) { bytes += line(n) }
        return (documentPath(b), bytes)
    }

    /// The file holding documents `documentsPerFile * b` to `documentsPerFile * (b + 1) - 1`.
    static func documentPath(_ b: Int) -> String { "search/d/\(b).js" }

    /// The number of files `count` documents take.
    static func documentFiles(_ count: Int) -> Int { (count + documentsPerFile - 1) / documentsPerFile }

    static func shardPath(_ key: String) -> String { "search/p/\(fileName(key)).js" }

    /// The files of the terms with shard key `key`, sorted, each with its
    /// postings (document numbers times two, plus one where the term names
    /// the document, ascending): the key's own file, or when it is over
    /// `splitAbove` bytes (`co`, `re`, `th` in English) a file per three-letter
    /// prefix of its longer words, its two-letter words keeping the key's file.
    static func shardFiles(_ key: String, _ terms: [String], splitAbove: Int, postings: (Int) -> [Int]) -> (split: Bool, files: [(key: String, bytes: [UInt8])]) {
        func shard(_ key: String, _ indices: [Int]) -> [UInt8] {
            var out = Array("notescSearch.shard(".utf8)
            out.appendJSONString(key)
            out += Array(",{".utf8)
            for (i, t) in indices.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.appendJSONString(terms[t])
                out += Array(":[".utf8)
                var previous = 0
                for (j, value) in postings(t).enumerated() {
                    if j > 0 { out.append(UInt8(ascii: ",")) }
                    out.appendDecimal(value - previous)
                    previous = value
                }
                out.append(UInt8(ascii: "]"))
            }
            out += Array("});\n".utf8)
            return escapeForScript(out)
        }
        let whole = shard(key, Array(terms.indices))
        guard whole.count > splitAbove, terms.contains(where: { $0.unicodeScalars.count > prefixLength }) else {
            return (false, [(key, whole)])
        }
        var parts: [String: [Int]] = [:]
        for (t, term) in terms.enumerated() {
            parts[String(String.UnicodeScalarView(term.unicodeScalars.prefix(prefixLength + 1))), default: []].append(t)
        }
        return (true, parts.keys.sorted().map { ($0, shard($0, parts[$0]!)) })
    }

    /// `search/manifest.js`: the number of documents, the shards' keys and the keys split.
    static func manifest(count: Int, shards: [String], split: [String]) -> [UInt8] {
        var manifest = Array("notescSearch.manifest({\"count\":".utf8)
        manifest.appendDecimal(count)
        manifest += Array(",\"shards\":[".utf8)
        for (i, key) in shards.enumerated() {
            if i > 0 { manifest.append(UInt8(ascii: ",")) }
            manifest.appendJSONString(key)
        }
        manifest += Array("],\"split\":[".utf8)
        for (i, key) in split.enumerated() {
            if i > 0 { manifest.append(UInt8(ascii: ",")) }
            manifest.appendJSONString(key)
        }
        manifest += Array("],\"version\":2});\n".utf8)
        return escapeForScript(manifest)
    }

    /// Words seen once each, in the order first seen: an open-addressing
    /// table of FNV-1a hashes over the words' bytes, compared byte for byte.
    struct DistinctWords {
        private var bytes: [UInt8] = []
        private var spans: [(start: Int32, count: Int32, hash: UInt64)] = []
        private var table = [Int32](repeating: -1, count: 1024)

        /// The word's number: the number of words inserted before it was first.
        @discardableResult
        mutating func insert(_ word: [UInt8]) -> Int {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in word { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: h) & (table.count - 1)
            while table[slot] >= 0 {
                let s = spans[Int(table[slot])]
                if s.hash == h, Int(s.count) == word.count, bytes[Int(s.start)..<Int(s.start) + word.count].elementsEqual(word) { return Int(table[slot]) }
                slot = (slot + 1) & (table.count - 1)
            }
            table[slot] = Int32(spans.count)
            spans.append((Int32(bytes.count), Int32(word.count), h))
            bytes += word
            if spans.count * 2 > table.count { grow() }
            return spans.count - 1
        }

        private mutating func grow() {
            table = [Int32](repeating: -1, count: table.count * 2)
            for (i, s) in spans.enumerated() {
                var slot = Int(truncatingIfNeeded: s.hash) & (table.count - 1)
                while table[slot] >= 0 { slot = (slot + 1) & (table.count - 1) }
                table[slot] = Int32(i)
            }
        }

        var count: Int { spans.count }

        /// Word number `i`.
        func word(_ i: Int) -> String {
            let s = spans[i]
            return String(decoding: bytes[Int(s.start)..<Int(s.start) + Int(s.count)], as: UTF8.self)
        }
    }

    /// The words of `text` as the browser folds a query: accents stripped
    /// (NFD, combining marks U+0300–U+036F dropped), lowercased, split at
    /// anything not a letter or digit; words shorter than `prefixLength` left
    /// out, longer than `maxTermLength` cut.
    static func terms(_ text: String, _ found: (String) -> Void) {
        termBytes(text) { found(String(decoding: $0, as: UTF8.self)) }
    }

    /// `terms(text)` as the bytes of each word, without making a String of each occurrence.
    static func termBytes(_ text: String, _ found: ([UInt8]) -> Void) {
        // State in a struct, not variables captured by nested functions:
        // those were checked for exclusive access on every byte.
        var w = WordBuilder()
        var text = text
        text.withUTF8 { utf8 in
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                if b < 0x80 {
                    w.addASCII(b, found)
                    i += 1
                    continue
                }
                // Most text is ASCII: only the other characters are decoded and
                // decomposed (NFD). A String's bytes are valid UTF-8: the lead byte gives the length.
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                let end = min(i + length, utf8.count)
                let character = String(decoding: UnsafeBufferPointer(rebasing: utf8[i..<end]), as: UTF8.self)
                for scalar in character.decomposedStringWithCanonicalMapping.unicodeScalars { w.add(scalar, found) }
                i = end
            }
        }
        w.flush(found)
    }

    /// One word as it is read, folded as the browser folds a query.
    private struct WordBuilder {
        var word: [UInt8] = []
        var letters = 0

        init() { word.reserveCapacity(64) }

        mutating func flush(_ found: ([UInt8]) -> Void) {
            if letters >= SearchShards.prefixLength { found(word) }
            word.removeAll(keepingCapacity: true)
            letters = 0
        }

        @inline(__always)
        mutating func addASCII(_ byte: UInt8, _ found: ([UInt8]) -> Void) {
            let b = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                if letters < SearchShards.maxTermLength { word.append(b); letters += 1 }
            } else {
                flush(found)
            }
        }

        mutating func add(_ scalar: Unicode.Scalar, _ found: ([UInt8]) -> Void) {
            if scalar.value < 0x80 { return addASCII(UInt8(scalar.value), found) }
            if scalar.value >= 0x300 && scalar.value <= 0x36F { return }
            if SearchShards.isLetterOrDigit(scalar.properties.generalCategory) {
                if letters < SearchShards.maxTermLength {
                    for s in scalar.properties.lowercaseMapping.unicodeScalars { word += Array(String(s).utf8) }
                    letters += 1
                }
            } else {
                flush(found)
            }
        }
    }

    /// `\p{L}` or `\p{N}`, as the browser splits a query.
    fileprivate static func isLetterOrDigit(_ category: Unicode.GeneralCategory) -> Bool {
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

    static func clipped(_ text: String) -> String {
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
