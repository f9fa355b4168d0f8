import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `ambiguous-reference`: a reference by stem that several notes share.
enum AmbiguousReference: NoteRule {
    static let rule = Rule.ambiguousReference

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        let references = parsed.note.connections.map { ($0.target, $0.range) } + parsed.note.links.map { ($0.target, $0.range) }
        return references.compactMap { target, range in
            guard case .ambiguous(let ids) = context.index.resolve(target, from: parsed.note.id) else { return nil }
            return diagnostic(parsed.note, range, "'\(target)' could be any of \(ids.map { "'\($0)'" }.joined(separator: ", "))",
                              suggestion: "write the full id, e.g. '\(ids[0])'")
        }
    }
}
