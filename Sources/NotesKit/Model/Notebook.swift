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
}

/// A system compared in the notes (a claim's subject), across the whole folder.
public struct System: Codable, Sendable {
    public var slug: String
    /// The first spelling met, in note order.
    public var name: String
    /// Other spellings met (`LLaMA` and `Llama`).
    public var spellings: [String]
    public var mentions: [Mention]
}

/// Where a system is claimed about: note, topic and the claim's line.
public struct Mention: Codable, Hashable, Sendable {
    public var note: String
    public var topic: String
    public var line: Int
}

/// A comparison topic (the `###` heading) across the whole folder.
public struct TopicEntity: Codable, Sendable {
    public var slug: String
    public var title: String
    /// Ids of the notes that compare this topic, in order.
    public var notes: [String]
    /// Slugs of the systems compared under it, in first-seen order.
    public var systems: [String]
}
