import Foundation
import NotesSupport

/// What the last build's search index (`SearchShards`) was made of: each
/// document's distinct terms, and the shard files each term prefix went
/// to. A build after an edit reads again only the documents whose inputs
/// changed, and makes and writes only the shards whose terms they touch
/// (DESIGN §7). Kept in the notes' cache folder beside the build cache.
struct SearchWords {
    /// Every term the documents have had, by number; numbers stay the same
    /// from build to build (the documents' lists hold them), so a term no
    /// document has any more stays until the table is compacted.
    var terms: [String] = []
    /// Per document, in `SearchIndex.entries` order: the hash of what it is
    /// made from (its entry and body text, `SearchShards.documentKeys`).
    var keys: [UInt64] = []
    /// Document `n`'s terms are `postings[starts[n]..<starts[n + 1]]`, each
    /// its number times two, plus one where it names the document, ascending.
    var starts: [Int] = [0]
    var postings: [UInt32] = []
    /// The numbers of the terms, by shard key (their first two letters).
    var prefixes: [String: [UInt32]] = [:]
    /// Per shard key: the files its terms went to (the key's own, or its
    /// three-letter parts when it is split), with a hash of each file's bytes.
    var shards: [String: Shard] = [:]
    /// A hash of `search/manifest.js`'s bytes.
    var manifest: UInt64 = 0

    struct Shard: Equatable {
        var split: Bool
        var files: [(key: String, hash: UInt64)]

        static func == (a: Shard, b: Shard) -> Bool {
            a.split == b.split && a.files.map(\.key) == b.files.map(\.key) && a.files.map(\.hash) == b.files.map(\.hash)
        }
    }

    var documentCount: Int { keys.count }

    func terms(of n: Int) -> ArraySlice<UInt32> { postings[starts[n]..<starts[n + 1]] }

    /// Version of the layout below.
    static let format = "search words 2"

    /// The file beside the build cache of `outDir`.
    static func location(cacheDir: String, outDir: String) -> String {
        BuildCache.location(cacheDir: cacheDir, outDir: outDir) + "-search"
    }

    /// The words the last build into `outDir` left, when they are for the
    /// output as it is now (its manifest is the one that build wrote); nil
    /// when there are none, they are damaged or another build wrote since.
    static func load(cacheDir: String, outDir: String) -> SearchWords? {
        guard let file = CacheFile.load(location(cacheDir: cacheDir, outDir: outDir), format: format), file.blocks.count == 2,
              let stamp = file.verified(file.blocks[0]), let body = file.verified(file.blocks[1]) else { return nil }
        var r = CacheReader(file.bytes, from: stamp.lowerBound, to: stamp.upperBound)
        guard (try? r.string()) == BuildCache.manifestStamp(outDir) else { return nil }
        return try? SearchWords(file.bytes, body)
    }

    private init(_ bytes: CacheBytes, _ body: Range<Int>) throws {
        var r = CacheReader(bytes, from: body.lowerBound, to: body.upperBound)
        terms = try r.array { try $0.string() }
        keys = try Self.integers(&r, bytes)
        starts = (try Self.integers(&r, bytes) as [UInt32]).map(Int.init)
        postings = try Self.integers(&r, bytes)
        // Checked as they are trusted: a bad cache costs speed, never a crash.
        guard starts.count == keys.count + 1, starts.first == 0, starts.last == postings.count,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
              postings.allSatisfy({ Int($0 >> 1) < terms.count }) else { throw CacheReader.Malformed() }
        for _ in 0..<(try r.count()) {
            let key = try r.string()
            prefixes[key] = try r.array { r in
                let t = try r.unsigned()
                guard t < UInt64(terms.count) else { throw CacheReader.Malformed() }
                return UInt32(t)
            }
        }
        for _ in 0..<(try r.count()) {
            let key = try r.string()
            let split = try r.bool()
            shards[key] = Shard(split: split, files: try r.array { r in (try r.string(), try r.word()) })
        }
        manifest = try r.word()
        guard r.atEnd else { throw CacheReader.Malformed() }
    }

    init() {}

    /// The words in the cache's binary form; written once the build's output is in place (`save`).
    func encoded() -> [UInt8] {
        var w = CacheWriter(capacity: 64 + terms.count * 12 + postings.count * 4 + keys.count * 12)
        w.array(terms) { $0.string($1) }
        // The lists as they are in memory: reading and writing them is a copy.
        Self.append(keys, to: &w)
        Self.append(starts.map { UInt32($0) }, to: &w)
        Self.append(postings, to: &w)
        w.array(prefixes.keys.sorted()) { w, key in
            w.string(key)
            w.array(prefixes[key]!) { $0.unsigned(UInt64($1)) }
        }
        w.array(shards.keys.sorted()) { w, key in
            w.string(key)
            w.bool(shards[key]!.split)
            w.array(shards[key]!.files) { w, file in w.string(file.key); w.word(file.hash) }
        }
        w.word(manifest)
        return w.bytes
    }

    private static func append<T: FixedWidthInteger>(_ values: [T], to w: inout CacheWriter) {
        values.withUnsafeBytes { w.raw($0) }
    }

    /// Integers `append` wrote (in this machine's byte order: the cache is this binary's own).
    private static func integers<T: FixedWidthInteger>(_ r: inout CacheReader, _ bytes: CacheBytes) throws -> [T] {
        let range = try r.rawRange()
        let size = MemoryLayout<T>.size
        guard range.count % size == 0 else { throw CacheReader.Malformed() }
        return [T](unsafeUninitializedCapacity: range.count / size) { buffer, count in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.buffer[range])))
            count = range.count / size
        }
    }

    /// Saves `encoded` words for the output `outDir` holds now: call it
    /// after the build's files are in place. One that cannot be written only costs speed.
    static func save(_ encoded: [UInt8], cacheDir: String?, outDir: String) {
        guard let cacheDir else { return }
        var stamp = CacheWriter()
        stamp.string(BuildCache.manifestStamp(outDir))
        CacheFile.write(location(cacheDir: cacheDir, outDir: outDir), format: format, blocks: [stamp.bytes, encoded])
    }
}
