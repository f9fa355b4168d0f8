import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `duplicate-id`: two files whose ids differ only in case (one page on
/// case-insensitive disks). Reported on every file after the first.
package enum DuplicateID {
    static let rule = Rule.duplicateID

    package static func check(_ files: [NoteFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for group in Dictionary(grouping: files, by: { $0.id.lowercased() }).values where group.count > 1 {
            let sorted = group.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            for file in sorted.dropFirst() {
                diagnostics.append(Diagnostic(
                    file: file.path, range: SourceRange(line: 1, column: 1, length: 1), rule: rule,
                    message: "note id '\(file.id)' differs only in case from '\(sorted[0].id)'",
                    suggestion: "rename one of the files; ids must differ in more than case"))
            }
        }
        return diagnostics
    }
}
