import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `feed.xml`: an Atom feed of the most recent dated notes. Dates are the
/// notes' own; the build's clock is never read.
enum Feed {
    static let limit = 50

    static func atom(_ model: SiteModel) -> String {
        let options = model.options
        let notes = model.notebook.notes
        let dated = model.byDate(notes.indices.filter { notes[$0].date != nil }.map { notes[$0].id }).prefix(limit)
        let updated = dated.first.flatMap { model.note($0)?.date }.map(timestamp) ?? "1970-01-01T00:00:00Z"
        func x(_ s: String) -> String { HTMLEscape.xml(s) }
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
        if let base = options.baseURL { out += " xml:base=\"\(x(base))\"" }
        out += ">\n"
        out += "  <title>\(x(options.title))</title>\n"
        out += "  <id>\(x(id(for: "", options)))</id>\n"
        out += "  <updated>\(updated)</updated>\n"
        out += "  <link rel=\"self\" href=\"feed.xml\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"index.html\"/>\n"
        out += "  <author><name>\(x(options.title))</name></author>\n"
        out += "  <generator>notesc</generator>\n"
        for noteID in dated {
            guard let note = model.note(noteID), let date = note.date else { continue }
            let path = SitePaths.encode(SitePaths.note(note.id))
            out += "  <entry>\n"
            out += "    <title>\(x(SiteModel.title(note)))</title>\n"
            out += "    <id>\(x(id(for: path, options)))</id>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(x(path))\"/>\n"
            out += "    <updated>\(timestamp(date))</updated>\n"
            if let category = note.category { out += "    <category term=\"\(x(category))\"/>\n" }
            if let summary = PageContext.summary(note) { out += "    <summary>\(x(summary))</summary>\n" }
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }

    static func timestamp(_ date: String) -> String { date + "T00:00:00Z" }

    /// An entry id that never changes: the page's URL under the base URL, or a URN without one.
    static func id(for path: String, _ options: SiteOptions) -> String {
        if let base = options.baseURL { return (base.hasSuffix("/") ? base : base + "/") + path }
        return "urn:notesc:" + (path.isEmpty ? "site" : path)
    }
}
