import Foundation
import Testing

/// Runs the built `notesc` binary as users meet it: arguments in; stdout,
/// stderr and exit status out.
struct CLI {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("notesc")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repository.appendingPathComponent(".build/debug/notesc")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL = repository) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        // Caches go to a scratch folder, never the user's or the repository.
        env["XDG_CACHE_HOME"] = scratchCache
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        var outData = Data(), errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The cache home of the notesc runs that name none, removed by the OS's temporary-folder cleaning.
    static let scratchCache = NSTemporaryDirectory() + "notesc-tests-cache-\(getpid())"

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
        #expect(notes?.count == 6)
        #expect(notes?.compactMap { $0["id"] as? String }.contains("04-big-llm-architecture-comparison") == true)
        #expect((json?["systems"] as? [Any])?.isEmpty == false)
        // Same bytes as the golden file the library tests keep.
        let golden = try String(contentsOf: CLI.repository.appendingPathComponent("Tests/NotesKitTests/Fixtures/notes-records.json"), encoding: .utf8)
        #expect(result.stdout.count == golden.count)
    }

    @Test func errorsInNotesExitOneWithCompilerStyleDiagnostics() throws {
        let result = try CLI.run(["records", CLI.fixture("encodings")], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(CLI.fixture("encodings"))/invalid-utf8.md:3:16: error[invalid-encoding]: file is not valid UTF-8"))
        #expect(result.stderr.contains("\(CLI.fixture("encodings"))/empty.md:1:1: error[missing-title]"))
        #expect(!result.stderr.contains("\u{1B}["), "no colour when stderr is not a terminal")
        // The readable notes are still printed.
        #expect(result.stdout.contains("\"id\": \"crlf-bom\""))
    }

    /// A full disk must not pass for complete records.
    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full")))
    func failedWriteExitsTwo() throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["records", "Notes"]
        process.currentDirectoryURL = CLI.repository
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(stderr.contains("error: cannot write to stdout: No space left on device"))
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
        let scratch = try ScratchCopy(files: ["a.md": "# A\n\nSome text.\n"])
        let out = scratch.root + "/site", notes = scratch.root
        let first = try CLI.run(["build", notes, "--out", out, "--quiet"], in: URL(fileURLWithPath: scratch.root))
        #expect(first.status == 0, "\(first.stderr)")
        let before = FileManager.default.contents(atPath: out + "/index.html")
        #expect(before != nil)
        let templates = scratch.root + "/broken-templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "{{#unclosed}}".write(toFile: templates + "/note.mustache", atomically: true, encoding: .utf8)
        let result = try CLI.run(["build", notes, "--out", out, "--templates", templates], in: URL(fileURLWithPath: scratch.root))
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
