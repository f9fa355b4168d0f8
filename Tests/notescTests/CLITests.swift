import Foundation
import Testing
import NotesTestSupport

extension CLI {
    static let repository = Repository.root

    /// What a run's scratch folder holds, at the same paths as in the
    /// repository, so relative paths and messages read as there.
    static let copied = ["Notes", "Tests/NotesKitTests/Fixtures/records", "Tests/NotesKitTests/Fixtures/lint"]

    /// Runs notesc in a new scratch folder holding copies of `copied`.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try run(arguments, in: try Scratch("cli", copying: copied), environment: environment)
    }

    static func fixture(_ name: String) -> String {
        "Tests/NotesKitTests/Fixtures/records/\(name)/notes"
    }
}

@Suite struct RecordsCommandTests {
    @Test func sampleNotesPrintRecords() throws {
        let result = try CLI.run(["records", "Notes"])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("error["))
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let notes = json?["notes"] as? [[String: Any]]
        #expect(notes?.count == 7)
        #expect(notes?.compactMap { $0["id"] as? String }.contains("04-big-llm-architecture-comparison") == true)
        #expect((json?["systems"] as? [Any])?.isEmpty == false)
        // Same bytes as the golden file the library tests keep.
        let golden = try Data(contentsOf: Repository.root.appendingPathComponent("Tests/NotesKitTests/Fixtures/notes-records.json"))
        #expect(result.stdoutBytes == golden, "notesc records Notes \(Golden.difference(actual: result.stdoutBytes, expected: golden) ?? "")")
    }

    @Test func errorsInNotesExitOneWithCompilerStyleDiagnostics() throws {
        let result = try CLI.run(["records", CLI.fixture("encodings")], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(CLI.fixture("encodings"))/invalid-utf8.md:3:16: error[invalid-encoding]: file is not valid UTF-8"))
        #expect(result.stderr.contains("\(CLI.fixture("encodings"))/empty.md:1:1: warning[missing-title]"))
        #expect(!result.stderr.contains("\u{1B}["), "no colour when stderr is not a terminal")
        // The readable notes are still printed.
        #expect(result.stdout.contains("\"id\": \"crlf-bom\""))
    }

    /// A full disk must not pass for complete records.
    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full")))
    func failedWriteExitsTwo() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try CLI.run(["records", "Notes"], in: try Scratch("cli", copying: ["Notes"]), stdout: full)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: cannot write to stdout: No space left on device"))
    }

    @Test func quietDropsDiagnostics() throws {
        let result = try CLI.run(["records", "--quiet", CLI.fixture("bad")])
        #expect(result.status == 1)
        #expect(result.stderr == "")
    }

    @Test func missingFolderIsExitTwo() throws {
        let result = try CLI.run(["records", "no/such/folder"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: no such folder: no/such/folder\n")
        #expect(result.stdout == "")
    }

    /// Templates load while the notes are read; one that does not parse still
    /// stops the build with its file named, and the previous site stays.
    @Test func brokenTemplateIsExitTwoAndKeepsTheSite() throws {
        let scratch = try Scratch("cli", files: ["notes/a.md": "# A\n\nSome text.\n"])
        let out = scratch.path("site"), notes = scratch.path("notes")
        let first = try CLI.run(["build", notes, "--out", out, "--quiet"], in: scratch)
        #expect(first.status == 0, "\(first.stderr)")
        let before = FileManager.default.contents(atPath: out + "/index.html")
        #expect(before != nil)
        let templates = scratch.path("broken-templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "{{#unclosed}}".write(toFile: templates + "/note.mustache", atomically: true, encoding: .utf8)
        let result = try CLI.run(["build", notes, "--out", out, "--templates", templates], in: scratch)
        #expect(result.status == 2)
        #expect(result.stderr.contains("note.mustache"), "\(result.stderr)")
        #expect(FileManager.default.contents(atPath: out + "/index.html") == before)
    }

    @Test func badFlagIsExitTwo() throws {
        let result = try CLI.run(["records", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--no-such-flag'"))
    }
}

/// DESIGN §5: a build with errors writes nothing and its last line names the
/// ways forward; `--keep-going` writes the site anyway and still exits 1.
@Suite struct KeepGoingTests {
    @Test func failedBuildSaysHowToGoOnAndKeepGoingWritesTheSite() throws {
        let scratch = try Scratch("keep-going", files: [
            "notes/a.md": "# A\n\nSee [[missing-note]] and [[b]].\n",
            "notes/b.md": "# B\n\nText.\n",
        ])
        let notes = scratch.path("notes"), out = scratch.path("site")
        let failed = try CLI.run(["build", notes, "--out", out], in: scratch, environment: ["NO_COLOR": "1"])
        #expect(failed.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out + "/index.html"))
        let lines = failed.stderr.split(separator: "\n")
        #expect(lines.last?.hasPrefix("to go on: fix the errors above") == true, "\(failed.stderr)")
        #expect(lines.last?.contains("rules: {broken-link: warning}") == true)
        #expect(lines.last?.contains("--keep-going") == true)

        let kept = try CLI.run(["build", notes, "--out", out, "--keep-going"], in: scratch, environment: ["NO_COLOR": "1"])
        #expect(kept.status == 1)
        #expect(kept.stderr.contains("error[broken-link]"))
        #expect(kept.stderr.hasSuffix("the site was written anyway (--keep-going)\n"), "\(kept.stderr)")
        let page = try #require(FileManager.default.contents(atPath: out + "/notes/a.html").map { String(decoding: $0, as: UTF8.self) })
        #expect(page.contains("class=\"broken-link\""), "the broken link is marked on its page")
        #expect(page.contains("<a href=\"../notes/b.html\">b</a>"), "the good link still works")

        // The same inputs again: the recorded build is reused, and without
        // --keep-going it still fails, leaving the site as it was.
        let before = FileManager.default.contents(atPath: out + "/notes/a.html")
        let again = try CLI.run(["build", notes, "--out", out], in: scratch, environment: ["NO_COLOR": "1"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("nothing was written"))
        #expect(FileManager.default.contents(atPath: out + "/notes/a.html") == before)

        // Fixed: exit 0.
        try scratch.write("notes/missing-note.md", "# Missing note\n")
        let fixed = try CLI.run(["build", notes, "--out", out], in: scratch)
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }
}
