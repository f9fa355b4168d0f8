/// Gathers systems and topics across notes (DESIGN §2): `LLaMA` in two notes
/// is one system, keyed by slug.
enum Entities {
    /// `aliases` maps an alias's slug to the canonical name, which names the system.
    static func gather(_ notes: [Note], aliases: [String: String] = [:]) -> (systems: [System], topics: [TopicEntity]) {
        var systems: [String: System] = [:]
        var topics: [String: TopicEntity] = [:]
        for note in notes {
            for topic in note.comparisons {
                var entity = topics[topic.slug] ?? TopicEntity(slug: topic.slug, title: topic.title, notes: [], systems: [])
                if entity.notes.last != note.id { entity.notes.append(note.id) }
                for claim in topic.claims {
                    for subject in claim.subjects {
                        let canonical = aliases.values.first { slugify($0) == subject.slug } ?? subject.name
                        var system = systems[subject.slug] ?? System(slug: subject.slug, name: canonical, spellings: [], mentions: [])
                        if subject.name != system.name, !system.spellings.contains(subject.name) { system.spellings.append(subject.name) }
                        system.mentions.append(Mention(note: note.id, topic: topic.slug, line: claim.range.start.line))
                        systems[subject.slug] = system
                        if !entity.systems.contains(subject.slug) { entity.systems.append(subject.slug) }
                    }
                }
                topics[topic.slug] = entity
            }
        }
        return (systems.values.sorted { $0.slug < $1.slug }, topics.values.sorted { $0.slug < $1.slug })
    }
}
