/// Resolves a note's connections and links against the folder, reporting
/// `broken-connection`, `broken-link` and `ambiguous-reference`.
enum ReferenceResolver {
    static func resolve(_ note: inout Note, index: NoteIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for i in note.connections.indices {
            let c = note.connections[i]
            switch index.resolve(c.target) {
            case .note(let id): note.connections[i].resolved = id
            case .ambiguous(let ids): diagnostics.append(ambiguous(note, c.target, ids, c.range))
            case .missing(let suggestion):
                diagnostics.append(Diagnostic(
                    file: note.path, range: c.range, rule: .brokenConnection,
                    message: "no note '\(c.target)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                    suggestion: suggestion.map { "connect to '\($0)'" } ?? "create the note, or remove the connection"))
            }
        }
        for i in note.links.indices {
            let link = note.links[i]
            switch index.resolve(link.target) {
            case .note(let id): note.links[i].resolved = id
            case .ambiguous(let ids): diagnostics.append(ambiguous(note, link.target, ids, link.range))
            case .missing(let suggestion):
                diagnostics.append(Diagnostic(
                    file: note.path, range: link.range, rule: .brokenLink,
                    message: "link to no note '\(link.target)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                    suggestion: suggestion.map { "link to '\($0)'" } ?? "create the note, or fix the link"))
            }
        }
        return diagnostics
    }

    private static func ambiguous(_ note: Note, _ target: String, _ ids: [String], _ range: SourceRange) -> Diagnostic {
        Diagnostic(file: note.path, range: range, rule: .ambiguousReference,
                   message: "'\(target)' could be any of \(ids.map { "'\($0)'" }.joined(separator: ", "))",
                   suggestion: "write the full id, e.g. '\(ids[0])'")
    }
}
