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

    /// Whether the target names a file rather than a note: its last part has
    /// an extension (letters and digits after the last dot, a letter among
    /// them) other than `.md`: `image.png`, `a b.pdf`, not `v1.2` or `notes`.
    public var namesFile: Bool { Self.hasFileExtension(target) }

    package static func hasFileExtension(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        let ext = name[name.index(after: dot)...]
        return (1...10).contains(ext.count) && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            && ext.contains(where: \.isLetter) && ext.lowercased() != "md"
    }

    /// The link as the author wrote it, for messages: `[[target]]`, `![[image.png]]`, `b.md`, `img/x.png`.
    public var written: String {
        switch style {
        case .wikilink: (embed ? "!" : "") + "[[\(target)]]"
        case .markdown: namesFile ? target : target + ".md"
        }
    }
}
