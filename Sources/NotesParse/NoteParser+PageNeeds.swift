import NotesMarkdown
import NotesModel
import NotesSupport

extension NoteParser {
    /// Whether the page will show math (the renderer's own scan, `MathSpans`)
    /// and which languages its fenced code is in.
    static func pageNeeds(_ cmarkBytes: [UInt8], _ root: MarkdownNode) -> PageNeeds {
        var needs = PageNeeds()
        needs.math = !MathSpans.protect(cmarkBytes).math.isEmpty
        var languages = Set<String>()
        var stack = [root]
        while let node = stack.popLast() {
            if case .codeBlock(let info) = node.kind {
                let language = info.split(separator: " ").first.map { String($0).lowercased() } ?? ""
                if !language.isEmpty, language != "calc", language != "mermaid" { languages.insert(language) }
            }
            stack.append(contentsOf: node.children)
        }
        needs.codeLanguages = languages.sorted()
        return needs
    }
}
