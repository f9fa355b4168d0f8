import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesMarkdown
@testable import NotesModel
@testable import NotesSite
import NotesTestSupport

/// DESIGN §2a: `%% comment %%` is removed from every output — page, search,
/// feed, graph, records — while `%%` in code stays as written.
@Suite struct PrivateCommentsTests {
    static let note = """
    ---
    title: Comments %%kept in YAML%%
    ---
    # Commented note

    Visible start %%SECRET-INLINE%% visible end.

    %%
    SECRET-BLOCK line one
    - SECRET-BULLET
    %%

    ## 🎯 Key Comparisons
    ### Context
    - **GPT-4**: 128k tokens %%SECRET-CLAIM 1M tokens%%
    - **Claude**: 200k tokens
    - **Verdict**: Claude %%SECRET-VERDICT%% is longer

    Code keeps it: `printf("%%d")` and

    ```
    SELECT * FROM t WHERE a LIKE '%%x%%';
    ```

    A link hidden %%[[SECRET-LINK]]%% here. Last words %%SECRET-UNCLOSED to the end
    and beyond.
    """

    @Test func commentsReachNoOutputButCodeKeepsPercentSigns() throws {
        let scratch = try Scratch("comments", files: ["notes/commented.md": Self.note])
        let outcome = try BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"),
                                                         cacheDir: scratch.cache))
        #expect(outcome.diagnostics.filter { $0.severity == .error }.isEmpty, "\(outcome.diagnostics)")
        let site = Golden.files(scratch.path("site")).mapValues { String(decoding: $0, as: UTF8.self) }
        let records = String(decoding: try Pipeline.load(root: scratch.path("notes")).recordsJSON(), as: UTF8.self)
        for (name, text) in site.merging(["records.json": records], uniquingKeysWith: { a, _ in a }) {
            #expect(!text.contains("SECRET"), "\(name) shows a comment")
        }
        let page = try #require(site["notes/commented.html"])
        for visible in ["Visible start", "visible end.", "Code keeps it", "%%d", "LIKE &#39;%%x%%&#39;", "A link hidden", "Last words"] {
            #expect(page.contains(visible) || page.contains(visible.replacingOccurrences(of: "&#39;", with: "'")),
                    "the page lost '\(visible)'")
        }
        // The claim keeps its own quantity and loses the commented one.
        let notebook = try Pipeline.load(root: scratch.path("notes"))
        let claim = try #require(notebook.notes.first?.comparisons.first?.claims.first)
        #expect(claim.quantities.map(\.text) == ["128k tokens"])
        #expect(notebook.notes.first?.links.isEmpty == true, "a link inside a comment is no link")
        #expect(notebook.notes.first?.title?.text == "Commented note")
    }

    @Test func blankingKeepsEveryPosition() throws {
        let text = "a %%b\nc%% d `%%e%%` f\n```\n%%g\n```\n%%h"
        let source = try SourceText.decode(Array(text.utf8)).get()
        let blanked = source.withoutComments()
        #expect(String(decoding: blanked.bytes, as: UTF8.self) == "a    \n    d `%%e%%` f\n```\n%%g\n```\n   ")
        #expect(blanked.lineStarts == source.lineStarts)
        #expect(try SourceText.decode(Array("no comments".utf8)).get().withoutComments().bytes == Array("no comments".utf8))
    }

    /// An unclosed `%%` hides the rest of the note, as in Obsidian, but not
    /// silently: `unclosed-comment` says where it opens and how much it hides.
    @Test func anUnclosedCommentIsReported() throws {
        let scratch = try Scratch("unclosed", files: ["a.md": Self.note, "b.md": "# B\n\nAll %%closed%% here.\n"])
        let notebook = try Pipeline.load(root: scratch.root)
        let found = notebook.diagnostics.filter { $0.rule == "unclosed-comment" }
        #expect(found.map { "\($0.file):\($0.line):\($0.column)" } == ["a.md:25:52"])
        #expect(found.first?.message == "'%%' opens a comment that never closes: the rest of the note (2 lines) is hidden")
        #expect(found.first?.severity == .warning)
    }
}
