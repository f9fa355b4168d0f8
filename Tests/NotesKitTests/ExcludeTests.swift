import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesParse
import NotesTestSupport

/// DESIGN §2a: `notesc.yml` `exclude:` takes gitignore-style patterns of
/// files and folders notesc never reads.
@Suite struct ExcludeTests {
    @Test(arguments: [
        ("drafts", "drafts", true, true), ("drafts", "a/drafts", true, true), ("drafts", "drafts.md", false, false),
        ("/private", "private", true, true), ("/private", "a/private", true, false),
        ("templates/", "templates", true, true), ("templates/", "templates", false, false),
        ("*.tmp.md", "x/y.tmp.md", false, true), ("*.tmp.md", "x/y.md", false, false),
        ("journal/2019", "journal/2019", true, true), ("journal/2019", "old/journal/2019", true, false),
        ("**/secret.md", "a/b/secret.md", false, true), ("**/secret.md", "secret.md", false, true),
        ("a/**/z.md", "a/b/c/z.md", false, true), ("a/**/z.md", "a/z.md", false, true),
        ("note?.md", "note1.md", false, true), ("note?.md", "note10.md", false, false),
        ("# comment", "# comment", false, false),
    ] as [(String, String, Bool, Bool)])
    func patterns(_ pattern: String, _ path: String, _ isFolder: Bool, _ excluded: Bool) {
        #expect(ExcludePatterns([pattern]).excludes(path, isFolder: isFolder) == excluded, "\(pattern) on \(path)")
    }

    @Test func negationReincludes() {
        let p = ExcludePatterns(["*.md", "!keep.md"])
        #expect(p.excludes("a.md", isFolder: false) && !p.excludes("keep.md", isFolder: false))
    }

    @Test func excludedFilesAreNeverRead() throws {
        let scratch = try Scratch("exclude", files: [
            "notes/notesc.yml": "exclude:\n  - private/\n  - \"*.wip.md\"\n",
            "notes/public.md": "# Public\n\nPublic words.\n",
            "notes/private/secret.md": "# SECRET-TITLE\n",
            "notes/idea.wip.md": "# SECRET-WIP\n",
        ])
        let outcome = try BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"),
                                                         cacheDir: scratch.cache, infos: true))
        #expect(outcome.notes == 1)
        for (name, data) in Golden.files(scratch.path("site")) {
            #expect(!String(decoding: data, as: UTF8.self).contains("SECRET"), "\(name) shows an excluded file")
        }
        // Lint, records and graph read the folder the same way.
        let notes = scratch.path("notes")
        let notebook = try Pipeline.load(root: notes, config: try Config.load(root: notes))
        #expect(notebook.notes.map(\.id) == ["public"])
        #expect(throws: Error.self) { try Config.parse("exclud: [x]") }
    }
}
