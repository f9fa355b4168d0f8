import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `orphan-note`: a note with no connections or links in or out.
enum OrphanNote: NoteRule {
    static let rule = Rule.orphanNote

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        guard context.neighbours[parsed.note.id]?.isEmpty ?? true else { return [] }
        return [diagnostic(parsed.note, parsed.note.title?.range ?? SourceRange(line: 1, column: 1, length: 1),
                           "note has no connections or links in or out",
                           suggestion: "add a '## Connections' bullet to a related note")]
    }
}
