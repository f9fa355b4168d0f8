import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `duplicate-connection`: the same target twice in Connections.
enum DuplicateConnection: NoteRule {
    static let rule = Rule.duplicateConnection

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        var firstLine: [String: Int] = [:]
        var found: [Diagnostic] = []
        for connection in parsed.note.connections {
            let key = connection.resolved ?? connection.target.lowercased()
            if let line = firstLine[key] {
                found.append(diagnostic(parsed.note, connection.range, "'\(connection.target)' is already a connection (line \(line))",
                                        suggestion: "merge the two bullets into one"))
            } else {
                firstLine[key] = connection.range.start.line
            }
        }
        return found
    }
}
