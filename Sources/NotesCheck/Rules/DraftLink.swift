import NotesModel
import NotesParse

/// `draft-link`: a published note links or connects to a draft, which the
/// site leaves out; the link reads as plain text there.
enum DraftLink: NoteRule {
    static let rule = Rule.draftLink

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        guard !context.drafts.isEmpty, !parsed.note.isDraft(in: context.publish) else { return [] }
        let targets = parsed.note.connections.map { ($0.resolved, $0.range) } + parsed.note.links.map { ($0.resolved, $0.range) }
        return targets.compactMap { target, range in
            guard let id = target, context.drafts.contains(id) else { return nil }
            return diagnostic(parsed.note, range, "'\(id)' is a draft (left out of the site); this link shows as plain text",
                              suggestion: "publish '\(id)' (remove draft: true or publish: false), or unlink it")
        }.sorted { $0.line < $1.line }
    }
}
