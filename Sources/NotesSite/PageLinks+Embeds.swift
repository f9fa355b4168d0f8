import NotesMarkdown
import NotesModel
import NotesSupport

/// A part of a note a page shows: the page's own note whole, or what an embed shows of another.
struct EmbeddedPart: Equatable {
    var note: String
    var part: NotePart

    /// The positions of the notes that note `i` embeds (`![[Note…]]` resolved
    /// to a published note), and those they embed in turn, without `i`:
    /// what its page reads besides the note itself.
    static func notes(embeddedBy i: Int, in notes: [Note], positions: [String: Int]) -> [Int] {
        var found: [Int] = [], seen: Set<Int> = [i], queue = [i]
        while let next = queue.popLast() {
            let links = notes[next].links
            for l in links.indices where links[l].embed && links[l].style == .wikilink {
                guard let id = links[l].resolved, let p = positions[id], seen.insert(p).inserted else { continue }
                found.append(p)
                queue.append(p)
            }
        }
        return found.sorted()
    }
}

extension PageLinks {
    /// How many embeds deep a page shows notes; an embed deeper still is a link.
    static let embedDepth = 4

    /// What `![[id#fragment]]`, alone in its paragraph, shows: the note's part
    /// rendered as the note itself would render it (its links resolved from
    /// there, its math kept), with a link to the source. A part already on
    /// `trail` (a cycle of embeds, `embed-cycle`) shows a note that the embed
    /// stops there. Nil, for a link instead, when the note has no such
    /// heading or block, or embeds nest deeper than `embedDepth`.
    func embed(_ id: String, fragment: String?, text: String, trail: [EmbeddedPart]) -> String? {
        let shown = EmbeddedPart(note: id, part: NotePart(fragment: fragment))
        let href = noteHref(id, fragment: fragment.map(Self.fragmentID))
        let source = "<p class=\"embed-source\"><a href=\"\(HTMLEscape.escape(href))\">\(HTMLEscape.escape(text))</a></p>\n"
        let open = "<div class=\"embed\" data-embed=\"\(HTMLEscape.escape(id))\">\n"
        if let first = trail.firstIndex(of: shown) {
            let cycle = (trail[first...] + [shown]).map { $0.part.name(of: $0.note) }.joined(separator: " → ")
            return open + "<p class=\"embed-stop\">The embed of “\(HTMLEscape.escape(text))” stops here: it embeds itself ("
                + HTMLEscape.escape(cycle) + ").</p>\n" + source + "</div>\n"
        }
        guard trail.count <= Self.embedDepth, let note = model.note(id),
              let markdown = shown.part.markdown(in: NoteBody.markdown(of: note, root: model.options.notesRoot)) else { return nil }
        // Math is kept out of cmark-gfm as on the note's own page (DESIGN §2a).
        let (protected, math) = MathSpans.protect(markdown)
        let blocks = CmarkBridge.renderBlocks(protected, hooks: hooks(for: id, trail: trail + [shown]))
        return open + "<div class=\"embed-body\">\n" + blocks.map { $0.restoring(math).markingMermaid().html }.joined() + "</div>\n"
            + source + "</div>\n"
    }
}
