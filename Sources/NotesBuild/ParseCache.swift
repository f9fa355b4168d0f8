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
/// parses only the notes whose files changed. One file in `.notesc-cache/`:
/// a header, then entries; a rebuild appends the notes it parsed (a later
/// entry for a path replaces an earlier one) and writes the file afresh only
/// when most of it is replaced entries. It belongs to one notesc binary (a
/// new binary starts afresh), each entry carries a checksum, and a file that
/// is truncated, corrupt or of another format is ignored as a whole.
public final class ParseCache: @unchecked Sendable {
    static let format = "notesc-parse-cache 2"

    /// Where the cache lives.
    public let path: String
    /// The bytes of the cache file as loaded (the entries point into them).
    private let stored: [UInt8]
    /// Path → the hash of the file the entry was made from, and where its encoded note is in `stored`.
    private let entries: [String: (file: UInt64, payload: Range<Int>)]
    /// Whether `Pipeline.parseAll` writes the cache on another thread (see `CacheWriting`).
    var writesInBackground = false
    /// Hash of this binary: an entry made by another notesc may differ.
    private let stamp: String
    /// The number of entries in the file, replaced ones included.
    private let written: Int

    /// `.notesc-cache/parse-<hash of the notes root>` in the current folder.
    public static func location(notesRoot: String) -> String {
        var h = StableHash()
        h.add(URL(fileURLWithPath: notesRoot).standardizedFileURL.path)
        return FileManager.default.currentDirectoryPath + "/.notesc-cache/parse-" + h.hex
    }

    /// Loads the cache at `path`; missing, unreadable or malformed, it is empty.
    public init(path: String) {
        self.path = path
        stamp = BuildCache.binaryStamp
        var entries: [String: (UInt64, Range<Int>)] = [:]
        var stored: [UInt8] = []
        var written = 0
        if case .success(let bytes) = Discovery.read(path) {
            var r = CacheReader(bytes)
            do {
                guard try r.string() == Self.format, try r.string() == stamp else { throw CacheReader.Malformed() }
                while !r.atEnd {
                    let notePath = try r.string()
                    let file = try r.word()
                    entries[notePath] = (file, try r.rawRange())
                    written += 1
                }
                stored = bytes
            } catch {
                entries = [:]
                written = 0
            }
        }
        self.stored = stored
        self.entries = entries
        self.written = written
    }

    /// The note parsed from `file`, as it was when its bytes hashed to `hash`;
    /// nil when not cached or the entry does not check out. `source` and
    /// `suppressions` are made again from `bytes`, the file's current bytes.
    func lookup(_ file: NoteFile, hash: UInt64, bytes: [UInt8]) -> ParsedNote? {
        guard let entry = entries[file.path], entry.file == hash,
              case .success(let source) = SourceText.decode(bytes) else { return nil }
        guard let body = CacheReader.verified(stored, entry.payload) else { return nil }
        var r = CacheReader(stored, from: body.lowerBound, to: body.upperBound)
        do {
            var parsed = try r.parsed()
            guard r.atEnd, parsed.readable, parsed.note.id == file.id, parsed.note.path == file.path else { return nil }
            parsed.source = source
            parsed.suppressions = Suppression.scan(source)
            return parsed
        } catch {
            return nil
        }
    }

    /// An entry's encoded form: a checksum, then the note.
    static func encode(_ parsed: ParsedNote) -> [UInt8] {
        var w = CacheWriter(capacity: 8192)
        w.parsed(parsed)
        return CacheWriter.checksummed(w.bytes)
    }

    /// The number of entries loaded.
    var count: Int { entries.count }

    /// Brings the cache file up to date for `files`: `fresh` holds the
    /// encoded notes parsed in this run (nil where the old entry still holds).
    /// Notes that could not be read or decoded have no entry. A cache that
    /// cannot be written only costs speed.
    func save(_ files: [NoteFile], hashes: [UInt64], fresh: [[UInt8]?]) {
        var live = 0
        for i in files.indices where fresh[i] != nil || entries[files[i].path]?.file == hashes[i] { live += 1 }
        let added = fresh.lazy.filter { $0 != nil }.count
        // Appending is enough while replaced and removed entries are no more than the live ones.
        if !stored.isEmpty, written + added - live <= max(live, 64) {
            var w = CacheWriter(capacity: fresh.reduce(0) { $0 + ($1?.count ?? 0) } + 64 * added)
            for i in files.indices { if let bytes = fresh[i] { w.entry(files[i].path, hashes[i], bytes[...]) } }
            let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            if fd >= 0 {
                defer { close(fd) }
                let done = w.bytes.withUnsafeBytes { b in write(fd, b.baseAddress, b.count) }
                if done == w.bytes.count { return }
            }
        }
        guard let sink = CacheFileSink(path: path) else { return }
        var w = CacheWriter(capacity: 2 << 20)
        w.string(Self.format)
        w.string(stamp)
        for i in files.indices {
            if let bytes = fresh[i] {
                w.entry(files[i].path, hashes[i], bytes[...])
            } else if let entry = entries[files[i].path], entry.file == hashes[i] {
                w.entry(files[i].path, hashes[i], stored[entry.payload])
            }
            if w.bytes.count >= 1 << 20 { sink.write(&w) }
        }
        sink.write(&w)
        sink.finish()
    }
}

extension CacheWriter {
    /// One entry of the parse cache: the note's path, its file's hash and the encoded note.
    mutating func entry(_ path: String, _ hash: UInt64, _ payload: ArraySlice<UInt8>) {
        string(path)
        word(hash)
        raw(payload)
    }
}
