import NotesModel
import NotesSupport

/// Front matter `aliases` name a note too (DESIGN §2a): each alias gets a
/// small page beside the note's that sends the reader on to it, as Hugo's
/// and Quartz's alias pages do, so an old name's address keeps working.
enum AliasRedirects {
    struct Page: Equatable {
        /// Where the page goes, like a note's page: `notes/<folder>/<alias>.html`.
        var path: String
        /// The note it sends the reader to.
        var target: String
    }

    /// The alias pages of the published notes. An alias that is a note's own
    /// page, that two notes share, or that is no plain file name (`/`, `..`,
    /// a leading dot) gets no page: links by it are for the linter to judge.
    static func pages(_ notes: [Note]) -> [Page] {
        // Most folders have no aliases: nothing to index then.
        guard notes.indices.contains(where: { !notes[$0].aliases.isEmpty }) else { return [] }
        // Compared without case: a site may be served from a file system that ignores it.
        let taken = Set(notes.map { SitePaths.note($0.id).lowercased() })
        var claimed: [String: [Page]] = [:]
        for note in notes {
            let folder = note.id.lastIndex(of: "/").map { String(note.id[...$0]) } ?? ""
            var seen = Set<String>()
            for alias in note.aliases {
                let name = alias.trimmingSpaces
                guard isFileName(name) else { continue }
                let path = SitePaths.note(folder + name)
                guard !taken.contains(path.lowercased()), seen.insert(path.lowercased()).inserted else { continue }
                claimed[path.lowercased(), default: []].append(Page(path: path, target: note.id))
            }
        }
        return claimed.values.compactMap { $0.count == 1 ? $0[0] : nil }.sorted { $0.path < $1.path }
    }

    private static func isFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.utf8.count <= 200
            && !name.utf8.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }
    }

    /// The page: an immediate refresh to the note, its canonical address,
    /// and a link for readers whose browser does not follow the refresh.
    static func html(_ page: Page, title: String, language: String) -> String {
        let href = HTMLEscape.escape(SitePaths.href(SitePaths.note(page.target), root: SitePaths.root(of: page.path)))
        let name = HTMLEscape.escape(title)
        return """
        <!doctype html>
        <html lang="\(HTMLEscape.escape(language))">
        <head>
        <meta charset="utf-8">
        <title>\(name)</title>
        <link rel="canonical" href="\(href)">
        <meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(href)">
        </head>
        <body><p>This page is <a href="\(href)">\(name)</a>.</p></body>
        </html>

        """
    }
}
