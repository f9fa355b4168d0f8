import Dispatch
import Foundation
import NotesModel
import NotesSupport

extension SearchShards {
    /// The index of a notebook, made from what the last build's was made of
    /// (`SearchWords`): only the documents whose inputs changed are read
    /// again, only the shards holding terms whose postings changed are made,
    /// and of those only the files whose bytes changed are written. Without
    /// a previous build it is made whole; either way the bytes are the same.
    ///
    /// A document's terms are a function of its key (a hash of its entry and
    /// text), so a document whose key is unchanged keeps its terms, also when
    /// it moved (a note added before it renumbers it). A term's postings can
    /// only change where a document number's terms did: comparing each
    /// number's terms before and after gives the shards to make.
    struct Index {
        /// The manifest and the shards to write; the others are kept as the last build left them (`keep`).
        private(set) var files: [(path: String, bytes: [UInt8])] = []
        /// What the next build starts from.
        private(set) var words = SearchWords()
        var documentCount: Int { words.documentCount }
        private let notes: [Note]
        private let others: [SearchIndex.Entry]
        /// The entries made to read documents' terms; the others are made when their file is.
        private var entries: [Int: SearchIndex.Entry] = [:]
        private let previousKeys: [UInt64]?

        /// `entryHashes` are the notes' `SearchIndex.entryHash` when the
        /// caller has them. `keep(paths)` keeps the files of the last build
        /// that are still there and says which were (`OutputWriter.keep`); it
        /// is called only for files whose bytes would be the same.
        init(_ notebook: Notebook, entryHashes: [UInt64]? = nil, previous: SearchWords? = nil, splitAbove: Int = 24_000,
             keep: ([String]) -> [Bool] = { $0.map { _ in false } }) {
            var clock = StageClock()
            notes = notebook.notes
            others = SearchIndex.otherEntries(notebook)
            previousKeys = previous?.keys
            let old = previous ?? SearchWords()
            let keys = Self.documentKeys(notes, others, entryHashes: entryHashes)
            clock.lap("search:keys")

            // Each document's terms: the previous build's for a document with its key, else read anew.
            let count = keys.count
            var source = [Int](repeating: -1, count: count)
            var byKey: [UInt64: Int]?
            var fresh: [Int] = []
            for n in 0..<count {
                if n < old.documentCount, old.keys[n] == keys[n] { source[n] = n; continue }
                if byKey == nil { byKey = Dictionary(old.keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
                if let m = byKey![keys[n]] { source[n] = m } else { fresh.append(n) }
            }
            var next = SearchWords()
            next.terms = old.terms
            next.prefixes = old.prefixes
            next.keys = keys
            let read = Self.read(fresh, notes, others)
            for chunk in read { for (n, entry) in chunk.entries { entries[n] = entry } }
            let freshTerms = Self.number(read, into: &next)
            clock.lap("search:words")
            next.starts.reserveCapacity(count + 1)
            next.postings.reserveCapacity(old.postings.count + 1024)
            for n in 0..<count {
                if source[n] >= 0 { next.postings += old.terms(of: source[n]) } else { next.postings += freshTerms[n]! }
                next.starts.append(next.postings.count)
            }

            // The shard keys whose terms' postings changed: all of them without a previous build.
            var changed = Set<String>()
            if previous == nil {
                changed = Set(next.prefixes.keys)
            } else {
                var seen = [Bool](repeating: false, count: next.terms.count)
                for n in 0..<max(count, old.documentCount) {
                    if n < count, n < old.documentCount, old.keys[n] == keys[n] { continue }
                    let before = n < old.documentCount ? old.terms(of: n) : [], after = n < count ? next.terms(of: n) : []
                    Self.difference(before, after) { t in
                        if !seen[t] { seen[t] = true; changed.insert(SearchShards.shardKey(next.terms[t])) }
                    }
                }
            }
            // The other shards are as the last build left them; one whose file is gone is made again.
            let same = old.shards.filter { !changed.contains($0.key) }
            let names = same.values.flatMap { $0.files.map(\.key) }
            let kept = Set(zip(names, keep(names.map(SearchShards.shardPath))).filter(\.1).map(\.0))
            for (key, shard) in same {
                if shard.files.allSatisfy({ kept.contains($0.key) }) { next.shards[key] = shard } else { changed.insert(key) }
            }

            // The postings of the terms of those shards, in document order; and which terms some document still has.
            let made = changed.sorted()
            var slot = [Int32](repeating: -1, count: next.terms.count)
            var lists: [[Int]] = []
            for key in made { for t in next.prefixes[key] ?? [] { slot[Int(t)] = Int32(lists.count); lists.append([]) } }
            var used = [Bool](repeating: false, count: made.isEmpty ? 0 : next.terms.count)
            if !made.isEmpty {
                next.postings.withUnsafeBufferPointer { all in
                    for n in 0..<count {
                        for i in next.starts[n]..<next.starts[n + 1] {
                            let t = Int(all[i] >> 1)
                            used[t] = true
                            let s = slot[t]
                            if s >= 0 { lists[Int(s)].append(n * 2 + Int(all[i] & 1)) }
                        }
                    }
                }
            }
            clock.lap("search:postings")
            let shards = ResultSlots<(split: Bool, files: [(key: String, bytes: [UInt8])])>(count: made.count)
            DispatchQueue.concurrentPerform(iterations: made.count) { k in
                let ids = (next.prefixes[made[k]] ?? []).filter { !lists[Int(slot[Int($0)])].isEmpty }
                    .map { (term: next.terms[Int($0)], id: Int($0)) }.sorted { $0.term < $1.term }
                guard !ids.isEmpty else { return }
                shards[k] = SearchShards.shardFiles(made[k], ids.map(\.term), splitAbove: splitAbove) { lists[Int(slot[ids[$0].id])] }
            }
            var written: [(key: String, bytes: [UInt8])] = []
            for (k, key) in made.enumerated() {
                guard let shard = shards[k] else { continue }
                var files: [(key: String, hash: UInt64)] = []
                for file in shard.files {
                    var h = StableHash()
                    h.add(file.bytes)
                    files.append((file.key, h.value))
                    if kept.contains(file.key) { continue }
                    let before = old.shards[key]?.files.first { $0.key == file.key }?.hash
                    if before == h.value, keep([SearchShards.shardPath(file.key)]) == [true] { continue }
                    written.append(file)
                }
                next.shards[key] = SearchWords.Shard(split: shard.split, files: files)
            }
            clock.lap("search:shards")

            let manifest = SearchShards.manifest(count: count, shards: next.shards.values.flatMap { $0.files.map(\.key) }.sorted(),
                                                 split: next.shards.filter(\.value.split).keys.sorted())
            var h = StableHash()
            h.add(manifest)
            next.manifest = h.value
            if !(previous != nil && old.manifest == h.value && keep(["search/manifest.js"]) == [true]) {
                files.append(("search/manifest.js", manifest))
            }
            for file in written.sorted(by: { $0.key < $1.key }) { files.append((SearchShards.shardPath(file.key), file.bytes)) }
            // Terms drop out of documents only where shards were made.
            if !made.isEmpty { next.compact(used) }
            words = next
        }

        /// Whether file `b` of documents is as the last build left it: it
        /// holds the same documents (their numbers and keys are the same).
        func unchanged(_ b: Int) -> Bool {
            guard let previousKeys else { return false }
            let per = SearchShards.documentsPerFile, end = min(documentCount, (b + 1) * per)
            guard min(previousKeys.count, (b + 1) * per) == end else { return false }
            return (b * per..<end).allSatisfy { previousKeys[$0] == words.keys[$0] }
        }

        /// Writes the files to write, and keeps the documents' files the last build left as they would be.
        func write(_ writer: OutputWriter) throws {
            let fileCount = SearchShards.documentFiles(documentCount)
            let unchanged = (0..<fileCount).filter(unchanged)
            var kept = [Bool](repeating: false, count: fileCount)
            for (b, here) in zip(unchanged, writer.keep(in: "search/d", unchanged.map { "\($0).js" })) { kept[b] = here }
            let documents = (0..<fileCount).filter { !kept[$0] }
            let failures = ResultSlots<String>(count: 1)
            // The documents are made as they are written, not held all at once.
            let count = files.count + documents.count
            DispatchQueue.concurrentPerform(iterations: min(8, count)) { part in
                for i in stride(from: part, to: count, by: 8) {
                    let file = i < files.count ? files[i] : documentFile(documents[i - files.count])
                    do { try writer.write(file.path, file.bytes) } catch { failures[0] = "\(error)" }
                }
            }
            if let failure = failures[0] { throw SiteError.io(failure) }
        }

        /// File `b` of documents: each one's title, link, metadata and text, for the snippet.
        func documentFile(_ b: Int) -> (path: String, bytes: [UInt8]) {
            SearchShards.documentFile(b, count: documentCount) { n in
                let entry = entries[n] ?? (n < notes.count ? SearchIndex.entry(notes[n]) : others[n - notes.count])
                let body = n < notes.count ? notes[n].bodyText : ""
                return SearchShards.document(n, entry, text: body.isEmpty ? entry.text : body)
            }
        }

        /// Each document's key: a hash of what its entry is made from and of its text.
        private static func documentKeys(_ notes: [Note], _ others: [SearchIndex.Entry], entryHashes: [UInt64]?) -> [UInt64] {
            let chunk = 256
            let chunks = (notes.count + chunk - 1) / chunk
            let slots = ResultSlots<[UInt64]>(count: chunks)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                slots[c] = ((c * chunk)..<min((c + 1) * chunk, notes.count)).map { i in
                    var h = StableHash()
                    h.add(word: entryHashes.flatMap { $0.count == notes.count ? $0[i] : nil } ?? SearchIndex.entryHash(notes[i]))
                    h.add(notes[i].bodyText)
                    return h.value
                }
            }
            return slots.values.flatMap { $0 } + others.map { entry in
                var h = StableHash()
                SearchIndex.hash(entry, into: &h)
                return h.value
            }
        }

        /// The terms of some documents, read on all cores: per share of them,
        /// the words it has, and each document's as those words' numbers
        /// times two, plus one where the word names the document.
        private struct Read {
            var words = SearchShards.DistinctWords()
            var documents: [(n: Int, terms: [UInt32])] = []
            var entries: [(n: Int, entry: SearchIndex.Entry)] = []
        }

        private static func read(_ fresh: [Int], _ notes: [Note], _ others: [SearchIndex.Entry]) -> [Read] {
            let chunk = 64
            let chunks = (fresh.count + chunk - 1) / chunk
            let slots = ResultSlots<Read>(count: chunks)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var read = Read()
                // The document that last had each word: each is listed once per document.
                var last: [Int] = []
                for n in fresh[(c * chunk)..<min((c + 1) * chunk, fresh.count)] {
                    let entry = n < notes.count ? SearchIndex.entry(notes[n]) : others[n - notes.count]
                    var terms: [UInt32] = []
                    func add(_ word: [UInt8], named: UInt32) {
                        let w = read.words.insert(word)
                        if w == last.count { last.append(-1) }
                        guard last[w] != n else { return }
                        last[w] = n
                        terms.append(UInt32(w) << 1 | named)
                    }
                    // The title, category and tags first: their words name the document.
                    for field in [entry.title, entry.category ?? ""] + entry.tags { SearchShards.termBytes(field) { add($0, named: 1) } }
                    SearchShards.termBytes(entry.text) { add($0, named: 0) }
                    if n < notes.count { SearchShards.termBytes(notes[n].bodyText) { add($0, named: 0) } }
                    read.documents.append((n, terms))
                    if n < notes.count { read.entries.append((n, entry)) }
                }
                slots[c] = read
            }
            return slots.values
        }

        /// Numbers the words read as `words.terms` does, adding the new ones,
        /// and gives each document's terms in those numbers, ascending.
        private static func number(_ reads: [Read], into words: inout SearchWords) -> [Int: [UInt32]] {
            var result: [Int: [UInt32]] = [:]
            guard reads.contains(where: { !$0.documents.isEmpty }) else { return result }
            var numbers = Dictionary(words.terms.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { a, _ in a })
            for read in reads {
                var global = [UInt32](repeating: 0, count: read.words.count)
                for i in 0..<read.words.count {
                    let word = read.words.word(i)
                    if let t = numbers[word] { global[i] = t; continue }
                    let t = UInt32(words.terms.count)
                    words.terms.append(word)
                    words.prefixes[SearchShards.shardKey(word), default: []].append(t)
                    numbers[word] = t
                    global[i] = t
                }
                for (n, terms) in read.documents {
                    result[n] = terms.map { global[Int($0 >> 1)] << 1 | ($0 & 1) }.sorted()
                }
            }
            return result
        }

        /// Calls `changed` with the number of each term in one list and not the other (or named in one only).
        private static func difference(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>, _ changed: (Int) -> Void) {
            var i = a.startIndex, j = b.startIndex
            while i < a.endIndex || j < b.endIndex {
                if j == b.endIndex || (i < a.endIndex && a[i] < b[j]) {
                    changed(Int(a[i] >> 1)); i += 1
                } else if i == a.endIndex || b[j] < a[i] {
                    changed(Int(b[j] >> 1)); j += 1
                } else {
                    i += 1; j += 1
                }
            }
        }
    }
}

extension SearchWords {
    /// Drops the terms no document has any more, once they are a quarter
    /// of the table, renumbering the others (in the same order, so each
    /// document's list stays ascending).
    mutating func compact(_ used: [Bool]) {
        let dead = used.lazy.filter { !$0 }.count
        guard dead > 4096, dead * 4 > terms.count else { return }
        var number = [UInt32](repeating: 0, count: terms.count)
        var kept: [String] = []
        kept.reserveCapacity(terms.count - dead)
        for t in terms.indices where used[t] {
            number[t] = UInt32(kept.count)
            kept.append(terms[t])
        }
        terms = kept
        for i in postings.indices { postings[i] = number[Int(postings[i] >> 1)] << 1 | (postings[i] & 1) }
        prefixes = prefixes.compactMapValues { list in
            let live = list.filter { used[Int($0)] }.map { number[Int($0)] }
            return live.isEmpty ? nil : live
        }
    }
}
