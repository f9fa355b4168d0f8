import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `broken-link`: a `[[wikilink]]`, embed, or relative link or image to no note or file.
enum BrokenLink: NoteRule {
    static let rule = Rule.brokenLink

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        parsed.note.links.compactMap { link in
            // Resolved once, by `ReferenceResolver`; `[[#Heading]]` (no target) is left unresolved.
            guard case .missing(let suggestion) = link.resolution else { return nil }
            let what = link.namesFile ? "no note or file" : "no note"
            return diagnostic(parsed.note, link.range,
                              "link \(link.written) points to \(what)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                              suggestion: suggestion.map { "link to '\($0)'" }
                                ?? (link.namesFile ? "add the file '\(link.target)', or fix the link" : "create the note '\(link.target)', or fix the link"))
        }
    }
}
