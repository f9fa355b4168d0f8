import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `broken-link`: a `[[wikilink]]` or relative `.md` link to no note.
enum BrokenLink: NoteRule {
    static let rule = Rule.brokenLink

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        parsed.note.links.compactMap { link in
            // `[[#Heading]]` names a heading of this note.
            guard link.resolved == nil, !link.target.isEmpty,
                  case .missing(let suggestion) = context.index.resolve(link.target) else { return nil }
            let written = link.style == .wikilink ? "[[\(link.target)]]" : "\(link.target).md"
            return diagnostic(parsed.note, link.range,
                              "link \(written) points to no note" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                              suggestion: suggestion.map { "link to '\($0)'" } ?? "create the note '\(link.target)', or fix the link")
        }
    }
}
