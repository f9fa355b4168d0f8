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

/// DESIGN §7: bad input gets a diagnostic; nothing crashes or hangs.
@Suite struct BadInputTests {
    @Test func deepNestingIsCutNotCrashed() throws {
        for (name, body) in [("quotes", String(repeating: ">", count: 10_000)),
                             ("lists", String(repeating: "- ", count: 10_000)),
                             ("brackets", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)),
                             ("emphasis", String(repeating: "*a ", count: 10_000))] {
            let parsed = Fixtures.note("# Deep\n\n" + body + " x\n", id: name)
            #expect(parsed.note.title?.text == "Deep")
            if name == "quotes" || name == "lists" {
                #expect(parsed.diagnostics.map(\.rule) == ["nesting-limit"])
                #expect(parsed.diagnostics.first?.line == 3)
            }
        }
    }

    @Test func manyBulletsAndAHugeNote() throws {
        var text = "# Many\n\n## Key Comparisons\n\n### Topic\n"
        for i in 0..<100_000 { text += "- **S\(i % 7)**: claim \(i)%\n" }
        let parsed = Fixtures.note(text)
        #expect(parsed.note.comparisons.first?.claims.count == 100_000)
        let huge = "# Huge\n\n" + String(repeating: "Lorem ipsum dolor sit amet, [[link]] and `code`.\n", count: 210_000)
        #expect(huge.utf8.count > 10_000_000)
        let big = Fixtures.note(huge)
        #expect(big.note.links.count == 210_000)
    }

    @Test func emptyAndBinaryFiles() {
        let empty = Fixtures.note("")
        #expect(MissingTitle.check(empty, in: CheckContext(notes: [], index: NoteIndex(ids: []))).map(\.message) == ["empty file: a note needs at least an H1 title"])
        let nul = NoteParser.parse(id: "n", path: "n.md", bytes: Array("# A\n".utf8) + [0, 1, 2])
        #expect(nul.diagnostics.map(\.rule) == ["invalid-encoding"])
        #expect(!nul.readable)
    }

    @Test func symlinksNeverLeaveTheRoot() throws {
        let scratch = try Scratch("bad")
        try scratch.write("a.md", "# A\n")
        let outside = try Scratch("bad")
        try outside.write("secret.md", "# Secret\n")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: scratch.root + "/loop", withDestinationPath: scratch.root)
        try fm.createSymbolicLink(atPath: scratch.root + "/escape.md", withDestinationPath: outside.root + "/secret.md")
        try fm.createSymbolicLink(atPath: scratch.root + "/dangling.md", withDestinationPath: scratch.root + "/nowhere.md")
        try fm.createSymbolicLink(atPath: scratch.root + "/alias.md", withDestinationPath: scratch.root + "/a.md")
        let notebook = try Pipeline.load(root: scratch.root)
        #expect(notebook.notes.map(\.id) == ["a", "alias"])
        #expect(notebook.diagnostics.filter { $0.rule == "unreadable-file" }.map { "\($0.file) \($0.severity)" } == ["dangling.md warning", "escape.md warning"])
    }

    @Test func unreadableFileIsReportedAndOthersGoOn() throws {
        let scratch = try Scratch("bad")
        try scratch.write("good.md", "# Good\n")
        try FileManager.default.createDirectory(atPath: scratch.root + "/dir-not-file", withIntermediateDirectories: true)
        let files = [NoteFile(id: "good", path: "good.md", absolutePath: scratch.root + "/good.md"),
                     NoteFile(id: "broken", path: "broken.md", absolutePath: scratch.root + "/dir-not-file")]
        let parsed = Pipeline.parseAll(files)
        #expect(parsed[0].note.title?.text == "Good")
        #expect(parsed[1].diagnostics.map(\.rule) == ["unreadable-file"])
        #expect(parsed[1].diagnostics.first?.message.contains("is a directory") == true)
    }

    @Test func pathLikeReferencesStayReferences() throws {
        let scratch = try Scratch("bad")
        try scratch.write("a.md", "# A\n\nSee [[../../etc/passwd]] and [x](../../etc/passwd.md).\n\n## Connections\n- **../../etc/passwd**: no\n")
        let notebook = try Pipeline.load(root: scratch.root)
        #expect(notebook.diagnostics.filter { $0.severity == .error }.map(\.rule) == ["broken-link", "broken-link", "broken-connection"])
    }
}
