import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `missing-section`: a study note lacks TL;DR, Key Comparisons or Connections.
enum MissingSection: NoteRule {
    static let rule = Rule.missingSection
    static let required: [(SectionKind, String)] = [(.tldr, "TL;DR"), (.comparisons, "Key Comparisons"), (.connections, "Connections")]

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        let note = parsed.note
        guard note.isStudyNote else { return [] }
        let kinds = Set(note.sections.map(\.kind))
        return required.filter { !kinds.contains($0.0) }.map { _, name in
            diagnostic(note, note.title?.range ?? SourceRange(line: 1, column: 1, length: 1),
                       "study note has no \(name) section", suggestion: "add a '## \(name)' section")
        }
    }
}
