import Foundation

/// What cmark-gfm and the record reader made of each note in an earlier run,
/// by note path and the hash of the file's path and bytes, so that a rebuild
/// parses only the notes whose files changed. One file in `.notesc-cache/`;
/// it belongs to one notesc binary (a new binary starts afresh), each entry
/// carries a checksum, and a file that is truncated, corrupt or of another
/// format is ignored as a whole.
public final class ParseCache: @unchecked Sendable {
    static let format = "notesc-parse-cache 1"

    /// Where the cache lives.
    public let path: String
    /// The bytes of the cache file as loaded (the entries point into them).
    private let stored: [UInt8]
    /// Path → the hash of the file the entry was made from, and where its encoded note is in `stored`.
    private let entries: [String: (file: UInt64, payload: Range<Int>)]
    /// Hash of this binary: an entry made by another notesc may differ.
    private let stamp: String

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
        if case .success(let bytes) = Discovery.read(path) {
            var r = CacheReader(bytes)
            do {
                guard try r.string() == Self.format, try r.string() == stamp else { throw CacheReader.Malformed() }
                let n = try r.count()
                entries.reserveCapacity(n)
                for _ in 0..<n {
                    let notePath = try r.string()
                    let file = try r.word()
                    entries[notePath] = (file, try r.rawRange())
                }
                guard r.atEnd else { throw CacheReader.Malformed() }
                stored = bytes
            } catch {
                entries = [:]
            }
        }
        self.stored = stored
        self.entries = entries
    }

    /// The note parsed from `file`, as it was when its bytes hashed to `hash`;
    /// nil when not cached or the entry does not check out. `source` and
    /// `suppressions` are made again from `bytes`, the file's current bytes.
    func lookup(_ file: NoteFile, hash: UInt64, bytes: [UInt8]) -> ParsedNote? {
        guard let entry = entries[file.path], entry.file == hash,
              case .success(let source) = SourceText.decode(bytes) else { return nil }
        var r = CacheReader(stored, from: entry.payload.lowerBound, to: entry.payload.upperBound)
        do {
            let checksum = try r.word()
            var h = StableHash()
            h.add(stored[r.offset..<entry.payload.upperBound])
            guard h.value == checksum else { return nil }
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
        var h = StableHash()
        h.add(w.bytes)
        var entry = CacheWriter(capacity: w.bytes.count + 8)
        entry.word(h.value)
        var bytes = entry.bytes
        bytes.append(contentsOf: w.bytes)
        return bytes
    }

    /// The number of entries loaded.
    var count: Int { entries.count }

    /// Writes the cache for `files`: each entry from `fresh` (encoded notes
    /// parsed in this run, nil where the old entry still holds). Notes that
    /// could not be read or decoded are left out. A cache that cannot be
    /// written only costs speed.
    func save(_ files: [NoteFile], hashes: [UInt64], fresh: [[UInt8]?]) {
        var w = CacheWriter(capacity: stored.count + fresh.reduce(0) { $0 + ($1?.count ?? 0) } + 1024)
        w.string(Self.format)
        w.string(stamp)
        var kept: [(String, UInt64, ArraySlice<UInt8>)] = []
        kept.reserveCapacity(files.count)
        for i in files.indices {
            if let bytes = fresh[i] {
                kept.append((files[i].path, hashes[i], bytes[...]))
            } else if let entry = entries[files[i].path], entry.file == hashes[i] {
                kept.append((files[i].path, hashes[i], stored[entry.payload]))
            }
        }
        w.unsigned(UInt64(kept.count))
        for (path, hash, payload) in kept {
            w.string(path)
            w.word(hash)
            w.raw(payload)
        }
        OutputWriter.replaceFile(path, w.bytes)
    }
}
