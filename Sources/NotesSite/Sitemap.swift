import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `sitemap.xml`: every page, with the note's date as `lastmod`.
enum Sitemap {
    static func xml(_ pages: [(path: String, lastmod: String?)], baseURL: String?) -> String {
        let base = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            out += "  <url><loc>\(HTMLEscape.xml(base + SitePaths.encode(page.path)))</loc>"
            if let lastmod = page.lastmod { out += "<lastmod>\(lastmod)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }
}
