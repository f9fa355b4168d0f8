import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Where each page of the site lives, and how one page links to another.
/// Every link is relative, so the site works from disk and under any base path.
enum SitePaths {
    static func note(_ id: String) -> String { "notes/\(id).html" }
    /// File `k` of the notes' hover previews (`NotePreview`).
    static func previewFile(_ k: Int) -> String { "previews/\(k).js" }
    /// How many files of previews there are.
    static let previewIndex = "previews/index.js"
    /// A system's page: `systems/<slug>.html`, then `systems/<slug>/2.html`, … (`claimsPerPage` claims a page).
    static func system(_ slug: String, page number: Int = 1) -> String {
        number == 1 ? "systems/\(page(slug)).html" : "systems/\(slug)/\(number).html"
    }
    /// A topic's page: `topics/<slug>.html`, then `topics/<slug>/2.html`, … (`topicNotesPerPage` notes a page).
    static func topic(_ slug: String, page number: Int = 1) -> String {
        number == 1 ? "topics/\(page(slug)).html" : "topics/\(slug)/\(number).html"
    }
    /// How many notes' claims a page of a topic's table holds.
    static let topicNotesPerPage = 50
    /// A tag's page: `tags/<slug>.html`, then `tags/<slug>/_page/2.html`, …
    /// when its notes take more than one page. Not `tags/<slug>/2.html`: that
    /// is the page of the nested tag `<slug>/2` (`#year/2`); no slug starts
    /// with `_` (`slugify`).
    static func tag(_ slug: String, page number: Int = 1) -> String {
        number == 1 ? "tags/\(page(slug)).html" : "tags/\(slug)/_page/\(number).html"
    }
    /// A folder's page: `folders/a/b/index.html` for the folder `a/b`, then
    /// `folders/a/b/2.html`, … when its notes take more than one page.
    /// The root's page is `folders/index.html`, then `folders/2.html`, ….
    static func folder(_ path: String, page: Int = 1) -> String {
        let folder = path.isEmpty ? "folders" : "folders/\(path)"
        return page == 1 ? "\(folder)/index.html" : "\(folder)/\(page).html"
    }

    /// A category's page: `categories/<slug>.html`, then `categories/<slug>/2.html`, ….
    static func category(_ slug: String, page number: Int = 1) -> String {
        number == 1 ? "categories/\(page(slug)).html" : "categories/\(slug)/\(number).html"
    }

    /// How many notes a page of a list holds, so that no page grows without bound (DESIGN §5).
    static let notesPerPage = 200

    /// How many claims a page of a system's claims holds.
    static let claimsPerPage = 200

    /// How many pages a list of `count` items takes, `per` a page: at least one.
    static func pageCount(_ count: Int, per: Int = notesPerPage) -> Int { max(1, (count + per - 1) / per) }
    /// Where an attachment (a file below the notes root that is no note) is linked to.
    /// Nothing copies it there yet (issue 15 will).
    static func attachment(_ path: String) -> String { "files/\(path)" }

    /// `systems/index.html` lists the systems, so a system whose slug is `index` gets another name.
    private static func page(_ slug: String) -> String { slug == "index" ? "index-" : slug }

    /// `../` once per folder of `page`: the way from the page back to the site root.
    static func root(of page: String) -> String {
        String(repeating: "../", count: page.utf8.filter { $0 == UInt8(ascii: "/") }.count)
    }

    /// A site path as it goes into `href`: percent-encoded except for
    /// unreserved characters and `/`.
    static func encode(_ path: String) -> String {
        if path.utf8.allSatisfy(isUnreserved) { return path }
        var out = ""
        out.reserveCapacity(path.utf8.count)
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%"
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b & 0xF)]))
            }
        }
        return out
    }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~") || b == UInt8(ascii: "/")
    }

    /// The link from a page whose root prefix is `root` to the site path `path`.
    static func href(_ path: String, root: String, fragment: String? = nil) -> String {
        root + encode(path) + (fragment.map { "#" + encode($0) } ?? "")
    }

    /// The anchor of a line of a note: claims, verdicts and calc statements.
    static func lineAnchor(_ line: Int) -> String { "L\(line)" }
}
