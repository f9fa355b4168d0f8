import NotesSupport

/// The one wikilink grammar: the parser records links with it and the
/// renderer turns them into links with it.
extension NoteLink {
    /// The parts of `[[target#fragment|label]]` from the text between the
    /// brackets; nil when it is empty or holds another `[`.
    package static func wikilink(_ inner: String) -> (target: String, label: String?, fragment: String?)? {
        guard !inner.isEmpty, !inner.contains("[") else { return nil }
        var target = inner
        var label: String?
        if let bar = target.firstIndex(of: "|") {
            label = String(target[target.index(after: bar)...]).trimmingSpaces
            target = String(target[..<bar])
            // `[[Note\|alias]]`: the bar escaped for a table cell.
            if target.hasSuffix("\\") { target.removeLast() }
        }
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        return (stripMarkdownExtension(target.trimmingSpaces), label, fragment)
    }

    package static func stripMarkdownExtension(_ s: String) -> String {
        s.lowercased().hasSuffix(".md") ? String(s.dropLast(3)) : s
    }
}
