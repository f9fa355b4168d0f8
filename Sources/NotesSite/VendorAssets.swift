import Foundation
import NotesMarkdown
import NotesModel
import NotesSupport

/// KaTeX and highlight.js, from Debian's `libjs-katex`, `fonts-katex` and
/// `libjs-highlight.js` (DESIGN §1): copied into the site's `assets/` only
/// when a published page has math or code, so the page typesets from disk,
/// offline. When the packages are not installed the pages still build and
/// show the TeX and code as written; `SiteReport.notices` says what to install.
struct VendorAssets: Sendable {
    /// Where Debian puts browser libraries.
    static let javascriptFolder = "/usr/share/javascript"

    /// Some published page has math and KaTeX is installed.
    var katex = false
    /// Some published page has code in a language and highlight.js is installed.
    var highlight = false
    /// What could not be copied, and how to fix it.
    var notices: [String] = []

    init() {}

    /// What the site's pages need of the vendored libraries, and whether they are there.
    init(_ notes: [Note], folder: String = Self.javascriptFolder) {
        let math = notes.filter(\.pageNeeds.math).count
        let code = notes.filter { !$0.pageNeeds.codeLanguages.isEmpty }.count
        if math > 0 {
            katex = Self.exists(folder + "/katex/katex.min.js")
            if !katex {
                notices.append("\(math) page\(math == 1 ? " has" : "s have") math, but KaTeX is not installed (\(folder)/katex): "
                    + "the TeX is shown as written; install it with 'apt-get install libjs-katex fonts-katex'")
            }
        }
        if code > 0 {
            highlight = Self.exists(folder + "/highlight.js/highlight.min.js")
            if !highlight {
                notices.append("\(code) page\(code == 1 ? " has" : "s have") code in a named language, but highlight.js is not installed "
                    + "(\(folder)/highlight.js): the code is shown plain; install it with 'apt-get install libjs-highlight.js'")
            }
        }
        self.folder = folder
    }

    private var folder = Self.javascriptFolder

    /// The files to copy: site path → file to copy it from.
    var files: [(path: String, source: String)] {
        var files: [(String, String)] = []
        if katex {
            files.append(("assets/katex/katex.min.js", folder + "/katex/katex.min.js"))
            files.append(("assets/katex/katex.min.css", folder + "/katex/katex.min.css"))
            // Every browser that runs KaTeX reads WOFF2, the first format its stylesheet names.
            let fonts = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/katex/fonts")) ?? []
            for font in fonts.sorted() where font.hasSuffix(".woff2") {
                files.append(("assets/katex/fonts/" + font, folder + "/katex/fonts/" + font))
            }
        }
        if highlight {
            files.append(("assets/highlight/highlight.min.js", folder + "/highlight.js/highlight.min.js"))
            for style in ["a11y-light.css", "a11y-dark.css"] {
                files.append(("assets/highlight/" + style, folder + "/highlight.js/styles/" + style))
            }
        }
        return files
    }

    /// Our own script that runs KaTeX and highlight.js over a page, when either is there.
    var typesetScript: String? { katex || highlight ? Self.typeset : nil }

    private static func exists(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
    }

    /// Typesets `.math` elements (their text is the TeX as written) and
    /// highlights code blocks with a language; a language highlight.js does
    /// not know stays plain.
    static let typeset = """
    // notesc: math with KaTeX and code with highlight.js, both copied from Debian's packages.
    document.addEventListener("DOMContentLoaded", function () {
      if (window.katex) {
        document.querySelectorAll(".math").forEach(function (el) {
          try {
            katex.render(el.textContent, el, { displayMode: el.classList.contains("math-display"), throwOnError: false });
          } catch (e) {
            el.classList.add("math-error");
          }
        });
      }
      if (window.hljs) {
        document.querySelectorAll("pre code[class*='language-']").forEach(function (el) {
          if (el.parentElement.classList.contains("mermaid")) return;
          try { hljs.highlightBlock(el); } catch (e) { /* a language highlight.js does not know */ }
        });
      }
    });

    """
}

extension RenderedBlock {
    /// ```` ```mermaid ```` stays a code block, marked `class="mermaid"` for Mermaid to find (DESIGN §2a).
    func markingMermaid() -> RenderedBlock {
        guard case .codeBlock(let info) = kind, info.split(separator: " ").first == "mermaid" else { return self }
        var copy = self
        copy.html = html.replacingOccurrences(of: "<pre><code class=\"language-mermaid\">", with: "<pre class=\"mermaid\"><code class=\"language-mermaid\">")
        return copy
    }
}
