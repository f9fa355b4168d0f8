import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Gathers systems and topics across notes (DESIGN §2): `LLaMA` in two notes
/// is one system, keyed by slug.
package enum Entities {
    /// `aliases` maps an alias's slug to the canonical name, which names the system.
    package static func gather(_ notes: [Note], aliases: [String: String] = [:]) -> (systems: [System], topics: [TopicEntity]) {
        let canonicalNames = Dictionary(aliases.values.map { (slugify($0), $0) }, uniquingKeysWith: { a, _ in a })
        // Entities live in arrays, found by slug once per subject (hashing
        // the slug again for every field made this the slowest serial step).
        var systemIndex: [String: Int] = [:]
        var systems: [System] = []
        var topicIndex: [String: Int] = [:]
        var topics: [TopicEntity] = []
        var topicSystems: [Set<String>] = []
        for note in notes {
            for topic in note.comparisons {
                let t = slot(topic.slug, &topicIndex, &topics) { TopicEntity(slug: topic.slug, title: topic.title, notes: [], systems: []) }
                if t == topicSystems.count { topicSystems.append([]) }
                if topics[t].notes.last != note.id { topics[t].notes.append(note.id) }
                for claim in topic.claims {
                    for subject in claim.subjects {
                        let s = slot(subject.slug, &systemIndex, &systems) {
                            System(slug: subject.slug, name: canonicalNames[subject.slug] ?? subject.name, spellings: [], mentions: [])
                        }
                        if subject.name != systems[s].name, !systems[s].spellings.contains(subject.name) {
                            systems[s].spellings.append(subject.name)
                        }
                        systems[s].mentions.append(Mention(note: note.id, topic: topic.slug, line: claim.range.start.line))
                        if topicSystems[t].insert(subject.slug).inserted { topics[t].systems.append(subject.slug) }
                    }
                }
            }
        }
        return (systems.sorted { $0.slug < $1.slug }, topics.sorted { $0.slug < $1.slug })
    }

    /// The position of the entity keyed `slug` in `list`, made and appended the first time.
    private static func slot<T>(_ slug: String, _ index: inout [String: Int], _ list: inout [T], _ make: () -> T) -> Int {
        if let known = index[slug] { return known }
        index[slug] = list.count
        list.append(make())
        return list.count - 1
    }
}
