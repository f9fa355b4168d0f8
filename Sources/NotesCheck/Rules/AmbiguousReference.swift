import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `ambiguous-reference`: a reference by stem that several notes (or files) share.
enum AmbiguousReference: NoteRule {
    static let rule = Rule.ambiguousReference

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        // Resolved once, by `ReferenceResolver`, from the note's own folder.
        let references = parsed.note.connections.map { ($0.target, $0.range, $0.resolution) }
            + parsed.note.links.map { ($0.target, $0.range, $0.resolution) }
        return references.compactMap { target, range, resolution in
            guard case .ambiguous(let ids) = resolution else { return nil }
            return diagnostic(parsed.note, range, "'\(target)' could be any of \(ids.map { "'\($0)'" }.joined(separator: ", "))",
                              suggestion: "write the full id, e.g. '\(ids[0])'")
        }
    }
}
