import NotesSupport

extension Note {
    /// Whether the author kept the note from the site: front matter
    /// `draft: true` or `publish: false` (as Quartz and Obsidian Publish read them).
    public var isDraft: Bool {
        metadata.contains { entry in
            let value = entry.value.trimmingSpaces.lowercased()
            switch entry.key.lowercased() {
            case "draft": return ["true", "yes", "on"].contains(value)
            case "publish": return ["false", "no", "off"].contains(value)
            default: return false
            }
        }
    }
}

extension Notebook {
    /// The notebook as the site shows it: drafts left out, with every link
    /// and connection to one made no link, and the systems and topics
    /// gathered again by `gather` from what is left. The diagnostics stay.
    package func published(gather: ([Note]) -> ([System], [TopicEntity])) -> (notebook: Notebook, drafts: Set<String>) {
        let drafts = Set(notes.filter(\.isDraft).map(\.id))
        guard !drafts.isEmpty else { return (self, []) }
        var kept = notes.filter { !drafts.contains($0.id) }
        for i in kept.indices {
            for j in kept[i].connections.indices where kept[i].connections[j].resolved.map(drafts.contains) == true {
                kept[i].connections[j].resolved = nil
            }
            for j in kept[i].links.indices where kept[i].links[j].resolved.map(drafts.contains) == true {
                kept[i].links[j].resolved = nil
            }
        }
        let (systems, topics) = gather(kept)
        return (Notebook(notes: kept, systems: systems, topics: topics, diagnostics: diagnostics), drafts)
    }
}
