import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `self-connection`: a note connects to itself.
enum SelfConnection: NoteRule {
    static let rule = Rule.selfConnection

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        parsed.note.connections.filter { $0.resolved == parsed.note.id }.map {
            diagnostic(parsed.note, $0.range, "note connects to itself", suggestion: "remove this connection")
        }
    }
}
