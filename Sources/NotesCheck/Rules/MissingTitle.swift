import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `missing-title`: a study note with no title or H1, or an empty file.
/// A plain note without one is titled by its file name, as Obsidian titles it.
enum MissingTitle: NoteRule {
    static let rule = Rule.missingTitle

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        guard parsed.note.title == nil else { return [] }
        let empty = parsed.source?.bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } ?? true
        guard empty || parsed.note.isStudyNote else { return [] }
        return [diagnostic(parsed.note, SourceRange(line: 1, column: 1, length: 1),
                           empty ? "empty file: a note needs at least an H1 title" : "note has no H1 title",
                           suggestion: "start the note with '# Title'")]
    }
}
