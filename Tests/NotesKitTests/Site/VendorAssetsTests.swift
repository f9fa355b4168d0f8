import Foundation
import Testing
@testable import NotesKit
@testable import NotesModel
@testable import NotesSite
import NotesTestSupport

/// DESIGN §1: KaTeX and highlight.js come from Debian's packages, are copied
/// into `assets/` only when a page needs them, byte for byte, and only the
/// pages that need them load them.
@Suite struct VendorAssetsTests {
    static let installed = FileManager.default.fileExists(atPath: VendorAssets.javascriptFolder + "/katex/katex.min.js")
        && FileManager.default.fileExists(atPath: VendorAssets.javascriptFolder + "/highlight.js/highlight.min.js")

    @Test(.enabled(if: installed, "needs libjs-katex, fonts-katex and libjs-highlight.js (make deps)"))
    func copiedFromDebianOnlyWhereNeeded() throws {
        let scratch = try Scratch("vendor")
        let out = try SiteFixtures.build(SiteFixtures.notes("obsidian"), in: scratch)
        let files = Golden.files(out)
        for (path, source) in [("assets/katex/katex.min.js", "katex/katex.min.js"), ("assets/katex/katex.min.css", "katex/katex.min.css"),
                               ("assets/katex/fonts/KaTeX_Main-Regular.woff2", "katex/fonts/KaTeX_Main-Regular.woff2"),
                               ("assets/highlight/highlight.min.js", "highlight.js/highlight.min.js"),
                               ("assets/highlight/a11y-dark.css", "highlight.js/styles/a11y-dark.css")] {
            #expect(files[path] == FileManager.default.contents(atPath: VendorAssets.javascriptFolder + "/" + source), "\(path) is Debian's file")
        }
        let math = SiteFixtures.text(out, "notes/Softmax and friends.html"), code = SiteFixtures.text(out, "notes/Code samples.html")
        #expect(math.contains("assets/katex/katex.min.js") && !math.contains("highlight.min.js"))
        #expect(code.contains("assets/highlight/highlight.min.js") && !code.contains("katex.min.js"))
        #expect(code.contains("<pre class=\"mermaid\"><code class=\"language-mermaid\">"))
        for page in ["index.html", "graph.html", "tags/math.html"] {
            #expect(!SiteFixtures.text(out, page).contains("typeset.js"), "\(page) has no math or code")
        }

        // The same site without its math and code: no library is copied.
        let plain = try Scratch("vendor-none", files: ["notes/a.md": "# A\n\nIt cost $5M and then $10M.\n\n```\nplain\n```\n"])
        let none = try SiteFixtures.build(plain.path("notes"), in: plain)
        #expect(Golden.files(none).keys.filter { $0.hasPrefix("assets/katex") || $0.hasPrefix("assets/highlight") || $0 == "assets/typeset.js" }.isEmpty)
    }

    /// Without the packages the site still builds, shows the TeX and the
    /// code as written, loads nothing missing, and says what to install.
    @Test func missingPackagesAreANoticeNotAFailure() throws {
        let notebook = try Pipeline.load(root: SiteFixtures.notes("obsidian"))
        let vendor = VendorAssets(notebook.notes, folder: "/nonexistent/javascript")
        #expect(!vendor.katex && !vendor.highlight && vendor.files.isEmpty && vendor.typesetScript == nil)
        #expect(vendor.notices.count == 2)
        #expect(vendor.notices[0].contains("apt-get install libjs-katex fonts-katex"))
        #expect(vendor.notices[1].contains("apt-get install libjs-highlight.js"))
    }
}
