import Foundation
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `search-index.json`: one entry per note, system and topic, with the
/// note's TL;DR and records' words, for programs. The search box uses the
/// full-text index made from the same entries (`SearchShards`).
enum SearchIndex {
    struct Entry: Encodable {
        var kind: String
        var title: String
        var url: String
        var category: String?
        var date: String?
        var tags: [String]
        var text: String
    }

    /// The document `json(_:)` writes, for comparing with `JSONEncoder`'s bytes.
    struct Document: Encodable {
        static let version = 1
        var version = Document.version
        var entries: [Entry]
    }

    static func entries(_ notebook: Notebook) -> [Entry] {
        notebook.notes.map(entry) + otherEntries(notebook)
    }

    /// A note's entry, made from the note alone (not the site model), so
    /// it can be made as soon as the notes are read.
    static func entry(_ note: Note) -> Entry {
        var words = note.tldr.joined(separator: " ")
        // Counting bytes first spares most TL;DRs the grapheme walk.
        if words.utf8.count > 600, words.count > 600 { words = String(words.prefix(600)) }
        let systems = note.comparisons.flatMap { $0.claims.flatMap { $0.subjects.map(\.name) } }
        var seen = Set<String>()
        let keywords = (note.comparisons.map(\.title) + systems).filter { seen.insert($0).inserted }
        return Entry(kind: "note", title: SiteModel.title(note), url: SitePaths.encode(SitePaths.note(note.id)),
                     category: note.category, date: note.date, tags: note.tags,
                     text: ([words] + keywords).joined(separator: " ").trimmingSpaces)
    }

    /// A hash of all that `entry(_:)` reads of a note: notes with the same
    /// hash have the same entry. Cheaper than the entry itself, so a build
    /// after an edit makes only the entries of the notes that changed.
    static func entryHash(_ note: Note) -> UInt64 {
        var h = StableHash()
        h.add(note.id)
        h.add(note.title?.text ?? "")
        for field in [note.category, note.date] {
            h.add(word: field == nil ? 0 : 1)
            h.add(field ?? "")
        }
        for list in [note.tags, note.tldr] {
            h.add(word: UInt64(list.count))
            for s in list { h.add(s) }
        }
        h.add(word: UInt64(note.comparisons.count))
        for comparison in note.comparisons {
            h.add(comparison.title)
            h.add(word: UInt64(comparison.claims.count))
            for claim in comparison.claims {
                h.add(word: UInt64(claim.subjects.count))
                for subject in claim.subjects { h.add(subject.name) }
            }
        }
        return h.value
    }

    /// The entries of the systems and topics, which follow the notes'.
    static func otherEntries(_ notebook: Notebook) -> [Entry] {
        let systemNames = Dictionary(notebook.systems.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = []
        for system in notebook.systems {
            entries.append(Entry(kind: "system", title: system.name, url: SitePaths.encode(SitePaths.system(system.slug)),
                                 category: nil, date: nil, tags: [], text: system.spellings.joined(separator: " ")))
        }
        for topic in notebook.topics {
            entries.append(Entry(kind: "topic", title: topic.title, url: SitePaths.encode(SitePaths.topic(topic.slug)),
                                 category: nil, date: nil, tags: [], text: topic.systems.map { systemNames[$0] ?? $0 }.joined(separator: " ")))
        }
        return entries
    }

    /// A hash of an entry's fields.
    static func hash(_ entry: Entry, into h: inout StableHash) {
        for field in [entry.kind, entry.title, entry.url, entry.category ?? "", entry.date ?? "", entry.text] { h.add(field) }
        h.add(word: (entry.category == nil ? 0 : 1) | (entry.date == nil ? 0 : 2))
        h.add(word: UInt64(entry.tags.count))
        for tag in entry.tags { h.add(tag) }
    }

    /// The index as compact JSON with sorted keys (the bytes `JSONEncoder`
    /// gives with `.sortedKeys` and `.withoutEscapingSlashes`; a test keeps
    /// them equal), for programs. The search box uses `SearchShards`.
    static func json(_ notebook: Notebook) -> [UInt8] {
        json(entries(notebook)) + [0x0A]
    }

    /// The document written byte by byte: `JSONEncoder` spent a quarter of a
    /// second building and sorting its tree at 10,000 notes, on every rebuild.
    static func json(_ entries: [Entry]) -> [UInt8] {
        var w = JSONWriter(capacity: entries.count * 512)
        w.compact = true
        w.object { w in
            w.key("entries")
            w.array(entries) { w, e in
                w.object { w in
                    w.optional("category", e.category)
                    w.optional("date", e.date)
                    w.string("kind", e.kind)
                    w.strings("tags", e.tags)
                    w.string("text", e.text)
                    w.string("title", e.title)
                    w.string("url", e.url)
                }
            }
            w.int("version", Document.version)
        }
        return w.bytes
    }
}
