import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `broken-connection`: a Connections target that is no note id.
enum BrokenConnection: NoteRule {
    static let rule = Rule.brokenConnection

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        parsed.note.connections.compactMap { connection in
            // Resolved once, by `ReferenceResolver`.
            guard case .missing(let suggestion) = connection.resolution else { return nil }
            return diagnostic(parsed.note, connection.range, noSuchNote(connection.target, suggestion),
                              suggestion: suggestion.map { "connect to '\($0)'" } ?? "create the note '\(connection.target)', or remove the connection")
        }
    }

    static func noSuchNote(_ target: String, _ suggestion: String?) -> String {
        "no note '\(target)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    }
}
