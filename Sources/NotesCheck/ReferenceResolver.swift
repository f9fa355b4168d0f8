import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Resolves a note's connections and links against the folder, once: each
/// stores what it names (`resolution`), and the rules (`broken-connection`,
/// `broken-link`, `ambiguous-reference`) and the site read that.
package enum ReferenceResolver {
    /// Which did-you-means are wanted: none for a rule that is off.
    package struct Suggest: Sendable {
        var connections = true
        var links = true

        package init(connections: Bool = true, links: Bool = true) {
            self.connections = connections
            self.links = links
        }

        package init(_ config: Config) {
            self.init(connections: config.isOn(.brokenConnection), links: config.isOn(.brokenLink))
        }
    }

    package static func resolve(_ note: inout Note, index: NoteIndex, suggest: Suggest = Suggest()) {
        for i in note.connections.indices {
            note.connections[i].resolution = index.resolve(note.connections[i].target, from: note.id, suggest: suggest.connections)
        }
        for i in note.links.indices {
            // `[[#Heading]]` names a heading of this note.
            guard !note.links[i].target.isEmpty else { continue }
            note.links[i].resolution = index.resolveLink(note.links[i], from: note.id, suggest: suggest.links)
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
