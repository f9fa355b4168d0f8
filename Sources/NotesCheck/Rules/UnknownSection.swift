import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `unknown-section`: an H2 that is not a section of DESIGN §2. Info in a
/// study note; a warning, in any note, when it is a near miss (`Conections`).
enum UnknownSection: NoteRule {
    static let rule = Rule.unknownSection

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        let note = parsed.note
        return note.sections.filter { $0.kind == .other }.compactMap { section in
            let words = SectionKind.significantWords(section.heading).joined(separator: " ")
            if let near = NearMiss.suggestion(for: words, among: SectionKind.canonicalHeadings) {
                var d = diagnostic(note, section.range, "unknown section '\(words)'; did you mean '\(near)'?",
                                   suggestion: "rename the heading to '\(near)'")
                d.severity = .warning
                return d
            }
            guard note.isStudyNote else { return nil }
            return diagnostic(note, section.range, "section '\(words)' is not a study section; it is shown as a generic section",
                              suggestion: "known sections: TL;DR, Key Comparisons, … Take, Calculations, Connections, References, Open Questions")
        }
    }
}
