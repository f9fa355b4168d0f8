import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesCalc
@testable import NotesCheck
@testable import NotesGraph
@testable import NotesMarkdown
@testable import NotesModel
@testable import NotesParse
@testable import NotesSite
@testable import NotesSupport
import NotesTestSupport

/// Nothing a note says can run in a reader's browser.
@Suite struct SiteSafetyTests {
    /// The opening tags of a page, as a browser would parse them.
    static func tags(_ html: String) -> [String] {
        var tags: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard let first = after.first, first.isLetter, let close = after.firstIndex(of: ">") else {
                rest = after
                continue
            }
            tags.append(String(after[..<close]))
            rest = after[close...]
        }
        return tags
    }

    /// Attribute names of a tag, skipping quoted values.
    static func attributeNames(_ tag: String) -> [String] {
        var names: [String] = []
        var current = ""
        var quote: Character?
        var inValue = false
        for ch in tag.drop(while: { !$0.isWhitespace }) {
            if let q = quote {
                if ch == q { quote = nil; inValue = false }
                continue
            }
            if inValue {
                if ch == "\"" || ch == "'" { quote = ch } else if ch.isWhitespace { inValue = false }
                continue
            }
            if ch == "=" {
                if !current.isEmpty { names.append(current) }
                current = ""
                inValue = true
            } else if ch.isWhitespace || ch == "/" {
                if !current.isEmpty { names.append(current) }
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { names.append(current) }
        return names
    }

    @Test func noScriptOrEventHandlerFromNoteTextSurvives() throws {
        let scratch = try Scratch("site")
        let out = try SiteFixtures.build(SiteFixtures.notes("study"), in: scratch)
        for (page, html) in SiteFixtures.html(out) {
            for tag in Self.tags(html) {
                let name = tag.prefix { !$0.isWhitespace }.lowercased()
                if name == "script" {
                    let own = ["assets/preview.js", "assets/search.js", "assets/graph.js", "assets/local-graph.js", "graph-data.js", "assets/typeset.js", "assets/katex/katex.min.js", "assets/highlight/highlight.min.js"]
                    // The theme's script runs before the first paint, so a chosen theme shows no flash of the other.
                    let theme = "script src=\"\(SitePaths.root(of: page))assets/theme.js\""
                    #expect(tag == theme || own.contains { tag.hasPrefix("script src=\"\(SitePaths.root(of: page))\($0)\"") && tag.hasSuffix("\" defer") },
                            "\(page): a script that is not the site's own: <\(tag)>")
                }
                #expect(!["iframe", "object", "embed", "style"].contains(name), "\(page): <\(tag)>")
                for attribute in Self.attributeNames(tag) where attribute.lowercased().hasPrefix("on") {
                    Issue.record("\(page): event handler in <\(tag)>")
                }
                #expect(!tag.lowercased().contains("javascript:"), "\(page): javascript: URL in <\(tag)>")
                #expect(!tag.lowercased().contains("href=\"data:"), "\(page): data: link in <\(tag)>")
            }
        }
        let xss = SiteFixtures.text(out, "notes/xss.html")
        #expect(xss.contains("<h1 id=\"note-title\">&lt;img src=x onerror=alert(1)&gt;</h1>"), "a title with HTML shows as text")
        #expect(xss.contains("<title>&lt;img src=x onerror=alert(1)&gt; · "))
        #expect(xss.contains("<!-- raw HTML omitted -->"), "raw HTML is omitted by default")
        #expect(xss.contains("&lt;b onmouseover=alert(1)&gt;Danger&lt;/b&gt;"), "metadata values are escaped")
        #expect(SiteFixtures.files(out).contains { $0.key.hasPrefix("search/d/") && String(decoding: $0.value, as: UTF8.self).contains("\\u003cscript>") }, "the search scripts cannot be closed by note text")
        #expect(!SiteFixtures.files(out).contains { $0.key.hasPrefix("search/") && String(decoding: $0.value, as: UTF8.self).contains("</script") })
    }

    @Test func unsafeHTMLPassesRawHTMLButKeepsTagfilterAndDropsJavascriptLinks() throws {
        let root = SiteFixtures.notes("study")
        let notebook = try Pipeline.load(root: root)
        let scratch = try Scratch("site")
        let out = scratch.path("out")
        _ = try SiteBuilder.build(notebook, options: SiteOptions(notesRoot: root, outDir: out, unsafeHTML: true, cacheDir: scratch.cache))
        let xss = SiteFixtures.text(out, "notes/xss.html")
        #expect(xss.contains("<div onclick=\"alert(1)\">raw block</div>"), "--unsafe-html passes raw HTML")
        #expect(xss.contains("&lt;script>alert(\"body\")&lt;/script>"), "GFM's tagfilter still disarms <script>")
        #expect(!xss.contains("href=\"javascript:"), "javascript: links are dropped even with --unsafe-html")
    }
}
