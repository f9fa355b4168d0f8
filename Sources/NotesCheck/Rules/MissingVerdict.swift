import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `missing-verdict`: a comparison topic without a Verdict bullet.
enum MissingVerdict: NoteRule {
    static let rule = Rule.missingVerdict

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        parsed.note.comparisons.filter(\.verdicts.isEmpty).map {
            diagnostic(parsed.note, $0.range, "topic '\($0.title)' has no verdict", suggestion: "add '- **Verdict**: which wins and why'")
        }
    }
}
