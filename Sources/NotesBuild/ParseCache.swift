import Dispatch
import Foundation
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSite
import NotesSupport

/// What cmark-gfm and the record reader made of each note in an earlier run,
/// by note path and the hash of the file's path and bytes, so that a rebuild
/// parses only the notes whose files changed. A `CacheFile` of one block per
/// note (its path, its file's hash, the encoded note); a rebuild appends the
/// notes it parsed (a later block for a path replaces an earlier one) and
/// writes the file afresh only when most of it is replaced blocks. A block
/// whose checksum fails is parsed again.
public final class ParseCache: @unchecked Sendable {
    static let format = "parse 13"

    /// Where the cache lives.
    public let path: String
    /// The cache file as loaded (the entries point into its bytes).
    private let stored: CacheFile.Contents?
    /// Path → the hash of the file the entry was made from, and its block.
    private let entries: [String: (file: UInt64, block: Range<Int>)]
    /// Whether `parseAll` writes the cache on another thread (see `CacheWriting`).
    var writesInBackground = false

    /// `parse` in the notes' cache folder.
    public static func location(cacheDir: String) -> String { cacheDir + "/parse" }

    /// Loads the cache at `path`; missing, unreadable or malformed, it is empty.
    public init(path: String) {
        self.path = path
        stored = CacheFile.load(path, format: Self.format)
        var entries: [String: (UInt64, Range<Int>)] = [:]
        for block in stored?.blocks ?? [] {
            guard var r = stored?.reader(block), let notePath = try? r.string(), let file = try? r.word() else { continue }
            entries[notePath] = (file, block)
        }
        self.entries = entries
    }

    /// The note parsed from `file`, as it was when its bytes hashed to `hash`;
    /// nil when not cached or the entry does not check out. `source` and
    /// `suppressions` are made again from `bytes`, the file's current bytes.
    func lookup(_ file: NoteFile, hash: UInt64, bytes: [UInt8]) -> ParsedNote? {
        guard let stored, let entry = entries[file.path], entry.file == hash,
              case .success(let source) = SourceText.decode(bytes), let body = stored.verified(entry.block) else { return nil }
        var r = CacheReader(stored.bytes, from: body.lowerBound, to: body.upperBound)
        do {
            guard try r.string() == file.path, try r.word() == hash else { return nil }
            var parsed = try r.parsed()
            guard r.atEnd, parsed.readable, parsed.note.id == file.id, parsed.note.path == file.path else { return nil }
            parsed.source = source
            parsed.suppressions = Suppression.scan(source)
            return parsed
        } catch {
            return nil
        }
    }

    /// A note's block: its path, its file's hash and the note.
    static func encode(_ parsed: ParsedNote, hash: UInt64) -> [UInt8] {
        var w = CacheWriter(capacity: 8192)
        w.string(parsed.note.path)
        w.word(hash)
        w.parsed(parsed)
        return w.bytes
    }

    /// The number of entries loaded.
    var count: Int { entries.count }

    /// Brings the cache file up to date for `files`: `fresh` tells the
    /// notes parsed in this run (false where the old entry still holds), and
    /// `encode` makes the block of one of them. Notes that could not be read
    /// or decoded have no entry. A cache that cannot be written only costs speed.
    func save(_ files: [NoteFile], hashes: [UInt64], fresh: [Bool], encode: @escaping (Int) -> [UInt8]) {
        var live = 0
        for i in files.indices where fresh[i] || entries[files[i].path]?.file == hashes[i] { live += 1 }
        let added = fresh.indices.filter { fresh[$0] }
        // Appending is enough while replaced and removed entries are no more than the live ones.
        if let stored, stored.blocks.count + added.count - live <= max(live, 64),
           CacheFile.append(path, blocks: added.map(encode)) { return }
        guard let sink = CacheFile.Sink(path: path, format: Self.format) else { return }
        var w = CacheWriter(capacity: 2 << 20)
        // Encoded on all cores a block of notes at a time: a block's bytes are all that is held at once.
        for start in stride(from: 0, to: files.count, by: 1024) {
            let end = min(start + 1024, files.count)
            let encoded = ResultSlots<[UInt8]>(count: end - start)
            DispatchQueue.concurrentPerform(iterations: end - start) { k in
                if fresh[start + k] { encoded[k] = encode(start + k) }
            }
            for i in start..<end {
                if let bytes = encoded[i - start] {
                    CacheFile.block(bytes, into: &w)
                } else if !fresh[i], let stored, let entry = entries[files[i].path], entry.file == hashes[i] {
                    stored.copy(entry.block, into: &w)
                }
                if w.bytes.count >= 1 << 20 { sink.write(&w) }
            }
        }
        sink.write(&w)
        sink.finish()
    }
}
