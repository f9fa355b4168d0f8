import NotesSupport

/// A whole notes folder after reading: every note's records, the systems and
/// topics they share, and every problem found.
public struct Notebook: Codable, Sendable {
    /// Version of the records format printed by `notesc records`.
    public var version = 1
    public var notes: [Note]
    public var systems: [System]
    public var topics: [TopicEntity]
    public var diagnostics: [Diagnostic]

    public func note(_ id: String) -> Note? { notes.first { $0.id == id } }

    package init(notes: [Note], systems: [System], topics: [TopicEntity], diagnostics: [Diagnostic]) {
        self.notes = notes
        self.systems = systems
        self.topics = topics
        self.diagnostics = diagnostics
    }
}

/// A system compared in the notes (a claim's subject), across the whole folder.
public struct System: Codable, Sendable {
    public var slug: String
    /// The first spelling met, in note order.
    public var name: String
    /// Other spellings met (`LLaMA` and `Llama`).
    public var spellings: [String]
    public var mentions: [Mention]

    package init(slug: String, name: String, spellings: [String], mentions: [Mention]) {
        self.slug = slug
        self.name = name
        self.spellings = spellings
        self.mentions = mentions
    }
}

/// Where a system is claimed about: note, topic and the claim's line.
public struct Mention: Codable, Hashable, Sendable {
    public var note: String
    public var topic: String
    public var line: Int

    package init(note: String, topic: String, line: Int) {
        self.note = note
        self.topic = topic
        self.line = line
    }
}

/// A comparison topic (the `###` heading) across the whole folder.
public struct TopicEntity: Codable, Sendable {
    public var slug: String
    public var title: String
    /// Ids of the notes that compare this topic, in order.
    public var notes: [String]
    /// Slugs of the systems compared under it, in first-seen order.
    public var systems: [String]

    package init(slug: String, title: String, notes: [String], systems: [String]) {
        self.slug = slug
        self.title = title
        self.notes = notes
        self.systems = systems
    }
}
