import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `empty-section`: a known section with no content.
enum EmptySection: NoteRule {
    static let rule = Rule.emptySection

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        parsed.note.sections.filter { $0.kind != .other && !$0.hasContent }.map {
            diagnostic(parsed.note, $0.range, "section '\($0.heading)' is empty", suggestion: "write the section, or remove its heading")
        }
    }
}
