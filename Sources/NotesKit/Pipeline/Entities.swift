/// Gathers systems and topics across notes (DESIGN §2): `LLaMA` in two notes
/// is one system, keyed by slug.
enum Entities {
    /// `aliases` maps an alias's slug to the canonical name, which names the system.
    static func gather(_ notes: [Note], aliases: [String: String] = [:]) -> (systems: [System], topics: [TopicEntity]) {
        let canonicalNames = Dictionary(aliases.values.map { (slugify($0), $0) }, uniquingKeysWith: { a, _ in a })
        var systems: [String: System] = [:]
        var topics: [String: TopicEntity] = [:]
        var topicSystems: [String: Set<String>] = [:]
        for note in notes {
            for topic in note.comparisons {
                // Mutate the stored values in place: a copy per append would make this quadratic.
                if topics[topic.slug] == nil {
                    topics[topic.slug] = TopicEntity(slug: topic.slug, title: topic.title, notes: [], systems: [])
                }
                if topics[topic.slug]!.notes.last != note.id { topics[topic.slug]!.notes.append(note.id) }
                for claim in topic.claims {
                    for subject in claim.subjects {
                        if systems[subject.slug] == nil {
                            systems[subject.slug] = System(slug: subject.slug, name: canonicalNames[subject.slug] ?? subject.name,
                                                           spellings: [], mentions: [])
                        }
                        if subject.name != systems[subject.slug]!.name, !systems[subject.slug]!.spellings.contains(subject.name) {
                            systems[subject.slug]!.spellings.append(subject.name)
                        }
                        systems[subject.slug]!.mentions.append(Mention(note: note.id, topic: topic.slug, line: claim.range.start.line))
                        if topicSystems[topic.slug, default: []].insert(subject.slug).inserted { topics[topic.slug]!.systems.append(subject.slug) }
                    }
                }
            }
        }
        return (systems.values.sorted { $0.slug < $1.slug }, topics.values.sorted { $0.slug < $1.slug })
    }
}
