import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesCheck
@testable import NotesGraph
@testable import NotesModel
@testable import NotesParse
@testable import NotesSite
import NotesTestSupport

/// DESIGN §9: a query block's page shows its result as a table (and a bar
/// chart when asked), is redone when a claim changes anywhere and only then,
/// and a refused query is a `query-error` in build and lint.
@Suite struct QueryBlockPageTests {
    static let notes = Fixtures.path("site/query/notes")

    func build(_ notes: String, _ out: String, _ scratch: Scratch) throws -> BuildOutcome {
        try BuildEngine.build(BuildRequest(notesRoot: notes, outDir: out, cacheDir: scratch.cache))
    }

    @Test func theTableAndChartPageMatchesItsGolden() throws {
        let scratch = try Scratch("query-page")
        let out = scratch.path("out")
        let outcome = try build(Self.notes, out, scratch)
        #expect(outcome.errors == 0)
        let page = SiteFixtures.text(out, "notes/across.html")
        Fixtures.expectGolden(page, "site/query/expected/notes/across.html")
        // Cells naming a system, a note or a topic link to its page; the script stays text.
        #expect(page.contains("<td><a href=\"../systems/gemini.html\">Gemini</a></td>"))
        #expect(page.contains("<td><a href=\"../notes/models.html\">models</a></td>"))
        #expect(page.contains("<td><a href=\"../topics/context-length.html\">Context Length</a></td>"))
        #expect(page.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(!page.contains("<script>x</script>"))
        #expect(page.contains("role=\"img\""))
        #expect(page.contains("(5 rows)"))
    }

    /// A query block inside a list item, a quote or a callout shows its
    /// result where it stands, as one at the top level does; a refused one
    /// its message. Front matter does not shift which block is which.
    @Test func aQueryInsideAListOrACalloutShowsItsResultThere() throws {
        let scratch = try Scratch("query-nested")
        try scratch.write([
            "notes/a.md": """
                ---
                tags: [x]
                ---
                # A

                - In a list:

                  ```query
                  SELECT 'LIST-' || count(*) AS answer FROM nodes WHERE kind = 'note'
                  ```

                > [!note] In a callout
                > ```query
                > SELECT 'CALLOUT-' || 1 AS answer
                > ```

                > In a quote
                >
                > ```query
                > DELETE FROM nodes
                > ```

                ```query
                SELECT 'TOP-' || 1 AS answer
                ```

                - And code that is no query:

                  ```sql
                  SELECT 'STAYS-CODE'
                  ```

                """,
        ])
        _ = try? BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("out"), cacheDir: scratch.cache, keepGoing: true))
        let page = SiteFixtures.text(scratch.path("out"), "notes/a.html")
        for answer in ["LIST-1", "CALLOUT-1", "TOP-1"] { #expect(page.contains("<td>\(answer)</td>"), "\(answer) in a table") }
        #expect(page.components(separatedBy: "<figure class=\"query\"").count - 1 == 4)
        #expect(page.contains("DELETE is not allowed"), "the refused one says why, in its quote")
        #expect(!page.contains("language-query"), "no query block is left as code")
        #expect(page.contains("<code class=\"language-sql\">SELECT 'STAYS-CODE'") && !page.contains("<td>STAYS-CODE</td>"), "other code inside a list stays code")
    }

    @Test func aRefusedQueryIsAQueryErrorInBuildAndLint() throws {
        let scratch = try Scratch("query-error")
        try scratch.write(["notes/bad.md": "# Bad\n\nText.\n\n```query\nDELETE FROM nodes\n```\n\n```query\nSELECT 1\n```\n"])
        var notebook = try Pipeline.load(root: scratch.path("notes"), entities: false)
        QueryStage.check(&notebook)
        let errors = notebook.diagnostics.filter { $0.rule == "query-error" }
        #expect(errors.count == 1)
        #expect(errors.first?.line == 5)
        #expect(errors.first?.severity == .error)
        #expect(errors.first?.message.contains("DELETE is not allowed") == true)
        #expect(throws: BuildFailure.self) { _ = try build(scratch.path("notes"), scratch.path("out"), scratch) }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out/notes/bad.html")))
        // --keep-going writes the page with the message where the table would be.
        _ = try? BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("out"), cacheDir: scratch.cache, keepGoing: true))
        let page = SiteFixtures.text(scratch.path("out"), "notes/bad.html")
        #expect(page.contains("class=\"query-error\""))
        #expect(page.contains("DELETE is not allowed"))
    }

    @Test func aQueryPageIsRedoneWhenAClaimChangesAndOnlyThen() throws {
        let scratch = try Scratch("query-rebuild")
        let notes = try scratch.copy("Tests/NotesKitTests/Fixtures/site/query/notes", to: "notes")
        let out = scratch.path("out")
        _ = try build(notes, out, scratch)
        let page = out + "/notes/across.html"
        #expect(SiteFixtures.text(out, "notes/across.html").contains("200000"))

        // Prose in another note: that note's page only; the query page is kept.
        try scratch.edit("notes/models.md") { $0 + "\nA closing paragraph.\n" }
        let before = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date
        let prose = try build(notes, out, scratch)
        #expect(prose.site.rendered == 1, "only the edited note's page")
        #expect(try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date == before)

        // A claim in another note: the query page shows the new number.
        try scratch.edit("notes/models.md") { $0.replacingOccurrences(of: "200k tokens", with: "300k tokens") }
        let claim = try build(notes, out, scratch)
        #expect(claim.site.rendered > 1)
        let redone = SiteFixtures.text(out, "notes/across.html")
        #expect(redone.contains("300000"))
        #expect(!redone.contains(">200000<"))

        // And the result is what a clean build gives.
        let clean = try Scratch("query-clean")
        _ = try build(notes, clean.path("out"), clean)
        #expect(SiteFixtures.text(clean.path("out"), "notes/across.html") == redone)
    }
}
