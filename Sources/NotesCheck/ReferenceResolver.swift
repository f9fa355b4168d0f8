import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Resolves a note's connections and links against the folder; the rules
/// (`broken-connection`, `broken-link`, `ambiguous-reference`) report the rest.
package enum ReferenceResolver {
    package static func resolve(_ note: inout Note, index: NoteIndex) {
        for i in note.connections.indices {
            if case .note(let id) = index.resolve(note.connections[i].target, from: note.id) { note.connections[i].resolved = id }
        }
        for i in note.links.indices {
            if case .note(let id) = index.resolve(note.links[i].target, from: note.id) { note.links[i].resolved = id }
        }
    }

    /// Config aliases: another name of a system takes the canonical one's slug.
    package static func applyAliases(_ note: inout Note, aliases: [String: String]) {
        guard !aliases.isEmpty else { return }
        func canonical(_ slug: String) -> String { aliases[slug].map(slugify) ?? slug }
        for t in note.comparisons.indices {
            for c in note.comparisons[t].claims.indices {
                for s in note.comparisons[t].claims[c].subjects.indices {
                    note.comparisons[t].claims[c].subjects[s].slug = canonical(note.comparisons[t].claims[c].subjects[s].slug)
                }
            }
            for v in note.comparisons[t].verdicts.indices {
                var seen = Set<String>()
                note.comparisons[t].verdicts[v].favors = note.comparisons[t].verdicts[v].favors.map(canonical).filter { seen.insert($0).inserted }
            }
        }
    }
}
