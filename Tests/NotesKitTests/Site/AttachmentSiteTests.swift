import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesModel
@testable import NotesSite
import NotesTestSupport

/// DESIGN §2a: every attachment a published note references is copied into
/// the site byte for byte, its URL relative to the page; files nobody
/// references, or only drafts do, are not published; copies are incremental.
@Suite struct AttachmentSiteTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 100)

    func scratch() throws -> Scratch {
        let scratch = try Scratch("attachments", files: [
            "notes/papers/reading.md": """
            # Reading

            ![[diagram one.png]]
            ![[Engelbart.jpg|100]] and ![[Engelbart.jpg|100x145]]
            ![the plot](attachments/plot%20ü.png) and [the paper](../files/paper.pdf).
            ![[../../outside.png]]
            """,
            "notes/wip.md": "---\ndraft: true\n---\n# WIP\n\n![[secret.png]]\n",
        ])
        for (path, bytes) in [("notes/papers/diagram one.png", Self.png), ("notes/Engelbart.jpg", Self.png + [1]),
                              ("notes/papers/attachments/plot ü.png", Self.png + [2]), ("notes/files/paper.pdf", Array("%PDF-1.4".utf8)),
                              ("notes/secret.png", Self.png + [3]), ("notes/unreferenced.png", Self.png + [4]), ("outside.png", Self.png + [5])] {
            try scratch.write(path, bytes)
        }
        return scratch
    }

    func build(_ scratch: Scratch) throws -> BuildOutcome {
        try BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"), cacheDir: scratch.cache, keepGoing: true))
    }

    @Test func referencedFilesAreCopiedAndLinkedRelatively() throws {
        let scratch = try scratch()
        let outcome = try build(scratch)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map(\.message) == ["link ![[../../outside.png]] points to no note or file"])
        let site = Golden.files(scratch.path("site"))
        let copied = site.keys.filter { $0.hasPrefix("files/") }.sorted()
        #expect(copied == ["files/Engelbart.jpg", "files/files/paper.pdf", "files/papers/attachments/plot ü.png", "files/papers/diagram one.png"])
        #expect(site["files/papers/diagram one.png"] == Data(Self.png), "byte for byte")
        #expect(site["files/Engelbart.jpg"] == Data(Self.png + [1]))
        let page = SiteFixtures.text(scratch.path("site"), "notes/papers/reading.html")
        #expect(page.contains("<img src=\"../../files/papers/diagram%20one.png\" alt=\"diagram one.png\" loading=\"lazy\">"))
        #expect(page.contains("<img src=\"../../files/Engelbart.jpg\" alt=\"Engelbart.jpg\" width=\"100\" loading=\"lazy\">"))
        #expect(page.contains("width=\"100\" height=\"145\""))
        #expect(page.contains("<img src=\"../../files/papers/attachments/plot%20%C3%BC.png\" alt=\"the plot\""), "percent-encoded, relative to the page")
        #expect(page.contains("<a href=\"../../files/files/paper.pdf\">the paper</a>"))
        #expect(!page.contains("!<"), "the ! of an embed is not printed")
        #expect(site.keys.allSatisfy { !$0.contains("secret") && !$0.contains("unreferenced") && !$0.contains("outside") })
    }

    /// An unchanged attachment is left as the last build wrote it (same
    /// file, not read again); a changed one is copied again.
    @Test func copiesAreIncremental() throws {
        let scratch = try scratch()
        _ = try build(scratch)
        let copy = scratch.path("site/files/papers/diagram one.png")
        func inode(_ path: String) throws -> UInt64 {
            (try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
        let first = try inode(copy)
        try scratch.edit("notes/papers/reading.md") { $0 + "\nMore prose.\n" }
        _ = try build(scratch)
        #expect(try inode(copy) == first, "an unchanged attachment is kept in place")
        try scratch.write("notes/papers/diagram one.png", Self.png + [9, 9])
        _ = try build(scratch)
        #expect(FileManager.default.contents(atPath: copy) == Data(Self.png + [9, 9]))
    }
}
