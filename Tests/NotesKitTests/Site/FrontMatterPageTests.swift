import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesModel
@testable import NotesSite
import NotesTestSupport

/// DESIGN §2a: front matter keys a reader cares about are shown on the page;
/// the ones for tools (`cssclasses`, `publish`, `permalink`, …) stay in the
/// records. `description` is the meta description and the summary in lists.
@Suite struct FrontMatterPageTests {
    static let files = [
        "notes/plain.md": """
        ---
        cssclasses: [wide-TOOL-KEY]
        permalink: /TOOL-PERMALINK
        publish: true
        author: Ada Lovelace
        source: https://example.org/paper
        description: Handwritten summary of the plain note.
        ---
        # Plain

        **Owner**: the body's own metadata line

        Body text that is not the summary.
        """,
    ]

    @Test func toolKeysStayOffThePageAndDescriptionSummarises() throws {
        let scratch = try Scratch("front-matter", files: Self.files)
        _ = try BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"), cacheDir: scratch.cache))
        let page = try #require(FileManager.default.contents(atPath: scratch.path("site/notes/plain.html")).map { String(decoding: $0, as: UTF8.self) })
        #expect(!page.contains("TOOL-KEY") && !page.contains("TOOL-PERMALINK") && !page.contains("cssclasses"))
        #expect(!page.contains("<dt>publish</dt>"))
        #expect(page.contains("Ada Lovelace") && page.contains("https://example.org/paper"))
        #expect(page.contains("the body&#39;s own metadata line") || page.contains("the body's own metadata line"),
                "a **Key**: value line is the author's text and is shown")
        #expect(page.contains("<meta name=\"description\" content=\"Handwritten summary of the plain note.\">"))
        let index = try #require(FileManager.default.contents(atPath: scratch.path("site/index.html")).map { String(decoding: $0, as: UTF8.self) })
        #expect(index.contains("Handwritten summary of the plain note."), "lists summarise a note by its description")

        // The records keep every key, tools' included.
        let notebook = try Pipeline.load(root: scratch.path("notes"))
        let keys = notebook.notes[0].metadata.map(\.key)
        #expect(keys.contains("cssclasses") && keys.contains("permalink") && keys.contains("publish"))
    }
}
