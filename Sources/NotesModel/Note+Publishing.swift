import NotesSupport

/// Which notes a site publishes (`publish:` in `notesc.yml`).
public enum PublishMode: String, Sendable, Equatable {
    /// Every note but drafts (`draft: true`, `publish: false`).
    case all
    /// Only notes with `publish: true` (as Obsidian Publish), and never a draft.
    case explicit
}

extension Note {
    /// Whether the site leaves the note out: front matter `draft: true` or
    /// `publish: false` (as Quartz and Obsidian Publish read them); with
    /// `.explicit`, also any note without `publish: true`.
    public func isDraft(in mode: PublishMode = .all) -> Bool {
        var published = mode == .all
        for entry in metadata {
            // The value is read only for the two keys that decide (every note is asked, every build).
            let key = entry.key.lowercased()
            guard key == "draft" || key == "publish" else { continue }
            let value = entry.value.trimmingSpaces.lowercased()
            switch key {
            case "draft" where ["true", "yes", "on"].contains(value): return true
            case "publish" where ["false", "no", "off"].contains(value): return true
            case "publish" where ["true", "yes", "on"].contains(value): published = true
            default: break
            }
        }
        return !published
    }
}

extension Notebook {
    /// The notebook as the site shows it: drafts left out, with every link
    /// and connection to one made no link, and the systems and topics
    /// gathered again by `gather` from what is left. The diagnostics stay.
    package func published(_ mode: PublishMode, gather: ([Note]) -> ([System], [TopicEntity])) -> (notebook: Notebook, drafts: Set<String>) {
        let drafts = Set(notes.indices.filter { notes[$0].isDraft(in: mode) }.map { notes[$0].id })
        guard !drafts.isEmpty else { return (self, []) }
        var kept = notes.filter { !drafts.contains($0.id) }
        for i in kept.indices {
            for j in kept[i].connections.indices where kept[i].connections[j].resolved.map(drafts.contains) == true {
                kept[i].connections[j].resolved = nil
            }
            for j in kept[i].links.indices where kept[i].links[j].resolved.map(drafts.contains) == true {
                kept[i].links[j].resolved = nil
            }
            // A claim disputed only by drafts is not disputed on the site.
            for t in kept[i].comparisons.indices {
                for c in kept[i].comparisons[t].claims.indices where !kept[i].comparisons[t].claims[c].disputedBy.isEmpty {
                    let before = kept[i].comparisons[t].claims[c].disputedBy.count
                    kept[i].comparisons[t].claims[c].disputedBy.removeAll { drafts.contains($0.note) }
                    kept[i].comparisons[t].claims[c].disputes -= before - kept[i].comparisons[t].claims[c].disputedBy.count
                }
            }
        }
        let (systems, topics) = gather(kept)
        return (Notebook(notes: kept, systems: systems, topics: topics, diagnostics: diagnostics), drafts)
    }
}

extension Note {
    /// The title a reader sees: front matter `title` or the first H1, else
    /// the file name without `.md` (`other/Untitled idea` → `Untitled idea`),
    /// as Obsidian titles a note; never the id path.
    public var displayTitle: String { Self.displayTitle(id: id, heading: title) }

    public static func displayTitle(id: String, heading: Title?) -> String {
        let text = heading?.text.trimmingSpaces ?? ""
        guard text.isEmpty else { return text }
        return id.split(separator: "/").last.map(String.init) ?? id
    }

    /// Front matter `description`: the page's meta description and the
    /// note's summary in lists (DESIGN §2a).
    public var writtenDescription: String? {
        guard let entry = metadata.first(where: { $0.fromFrontMatter && $0.key.lowercased() == "description" }) else { return nil }
        let text = entry.value.trimmingSpaces
        return text.isEmpty ? nil : text
    }
}
