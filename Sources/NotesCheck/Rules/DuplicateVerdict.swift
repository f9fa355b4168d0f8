import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `duplicate-verdict`: two Verdict bullets in one topic.
enum DuplicateVerdict: NoteRule {
    static let rule = Rule.duplicateVerdict

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        parsed.note.comparisons.flatMap { topic in
            topic.verdicts.dropFirst().map {
                diagnostic(parsed.note, $0.range, "topic '\(topic.title)' already has a verdict (line \(topic.verdicts[0].range.start.line))",
                           suggestion: "merge the verdicts into one bullet")
            }
        }
    }
}
