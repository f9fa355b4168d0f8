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

/// Builds fixture sites into scratch folders and reads them back.
enum SiteFixtures {
    static func notes(_ name: String) -> String { Fixtures.path("site/\(name)/notes") }
    static func expected(_ name: String) -> String { Fixtures.path("site/\(name)/expected") }

    /// Loads and builds `notesRoot` into `out` (by default `out` in the
    /// scratch folder), with the build cache in the scratch folder; returns `out`.
    @discardableResult
    static func build(_ notesRoot: String, in scratch: Scratch, into out: String? = nil,
                      configure: (inout Notebook) -> Void = { _ in },
                      options configureOptions: (inout SiteOptions) -> Void = { _ in }) throws -> String {
        var notebook = try Pipeline.load(root: notesRoot)
        configure(&notebook)
        let out = out ?? scratch.path("out")
        var options = SiteOptions(notesRoot: notesRoot, outDir: out, cacheDir: scratch.cache)
        configureOptions(&options)
        _ = try SiteBuilder.build(notebook, options: options)
        return out
    }

    /// Every regular file below `root` (hidden files included), by relative
    /// path; the libraries copied from Debian's packages (`VendorAssets`) are
    /// left out: they are Debian's bytes, not ours (`VendorAssetsTests` checks them).
    static func files(_ root: String) -> [String: Data] {
        Golden.files(root).filter { !$0.key.hasPrefix("assets/katex/") && !$0.key.hasPrefix("assets/highlight/") }
    }

    static func text(_ root: String, _ relative: String) -> String {
        String(decoding: FileManager.default.contents(atPath: root + "/" + relative) ?? Data(), as: UTF8.self)
    }

    static func html(_ root: String) -> [String: String] {
        files(root).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// Every `href="…"` and `src="…"` value in a page (attribute values as written, entities decoded).
    static func references(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                found.append(String(after[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = after[end...]
            }
        }
        return found
    }

    /// Every `id="…"` in a page.
    static func ids(in html: String) -> Set<String> {
        var found = Set<String>()
        var rest = html[...]
        while let start = rest.range(of: " id=\"") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            found.insert(String(after[..<end]))
            rest = after[end...]
        }
        return found
    }
}
