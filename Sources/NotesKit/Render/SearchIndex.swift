import Foundation

/// `search-index.json`: what the search box searches, one entry per note,
/// system and topic. `search-index.js` holds the same data for pages opened
/// from disk, where browsers refuse to fetch files.
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

    struct Document: Encodable {
        var version = 1
        var entries: [Entry]
    }

    static func entries(_ model: SiteModel) -> [Entry] {
        var entries: [Entry] = []
        for note in model.notebook.notes {
            var words = note.tldr.joined(separator: " ")
            if words.count > 600 { words = String(words.prefix(600)) }
            let systems = note.comparisons.flatMap { $0.claims.flatMap { $0.subjects.map(\.name) } }
            var seen = Set<String>()
            let keywords = (note.comparisons.map(\.title) + systems).filter { seen.insert($0).inserted }
            entries.append(Entry(kind: "note", title: SiteModel.title(note), url: SitePaths.encode(SitePaths.note(note.id)),
                                 category: note.category, date: note.date, tags: note.tags,
                                 text: ([words] + keywords).joined(separator: " ").trimmingSpaces))
        }
        for system in model.notebook.systems {
            entries.append(Entry(kind: "system", title: system.name, url: SitePaths.encode(SitePaths.system(system.slug)),
                                 category: nil, date: nil, tags: [], text: system.spellings.joined(separator: " ")))
        }
        for topic in model.notebook.topics {
            entries.append(Entry(kind: "topic", title: topic.title, url: SitePaths.encode(SitePaths.topic(topic.slug)),
                                 category: nil, date: nil, tags: [], text: topic.systems.map(model.systemName).joined(separator: " ")))
        }
        return entries
    }

    /// The index as compact JSON with sorted keys, and the same as a script.
    static func files(_ model: SiteModel) throws -> (json: [UInt8], script: [UInt8]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var json = Array(try encoder.encode(Document(entries: entries(model))))
        // `</script>` inside a string must not end the script early.
        let script = Array("window.notescSearchIndex = ".utf8) + escapeForScript(json) + Array(";\n".utf8)
        json.append(0x0A)
        return (json, script)
    }

    private static func escapeForScript(_ json: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count)
        for b in json {
            if b == UInt8(ascii: "<") { out += Array("\\u003c".utf8) } else { out.append(b) }
        }
        return out
    }
}
