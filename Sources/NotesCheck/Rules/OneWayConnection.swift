import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `one-way-connection`: A connects to B, B does not connect back.
enum OneWayConnection: NoteRule {
    static let rule = Rule.oneWayConnection

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        let id = parsed.note.id
        var seen = Set<String>()
        return parsed.note.connections.compactMap { connection in
            guard let target = connection.resolved, target != id, seen.insert(target).inserted,
                  !(context.incomingConnections[id]?.contains(target) ?? false) else { return nil }
            return diagnostic(parsed.note, connection.range, "'\(target)' does not connect back to '\(id)'",
                              suggestion: "add '- **\(id)**: …' to the Connections of '\(target)'")
        }
    }
}
