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

/// Each case is a folder `Fixtures/records/<case>/` with input `notes/` and
/// golden `expected/records.json` and `expected/diagnostics.txt`; the harness
/// fails on a difference, a missing golden file and an extra one.
@Suite struct RecordsGoldenTests {
    static let cases = ["study", "plain", "encodings", "references", "bad"]

    @Test(arguments: cases)
    func recordsMatchGolden(_ name: String) throws {
        let root = Fixtures.path("records/\(name)/notes")
        let notebook = try Pipeline.load(root: root)
        Fixtures.expectGolden(String(decoding: try StableJSON.encode(notebook), as: UTF8.self), "records/\(name)/expected/records.json")
        Fixtures.expectGolden(Fixtures.human(notebook.diagnostics, root: root), "records/\(name)/expected/diagnostics.txt")
        let expected = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("records/\(name)/expected")).sorted()
        #expect(expected == ["diagnostics.txt", "records.json"], "unexpected files in records/\(name)/expected")
    }

    /// The repository's own `Notes/`, the seed above all.
    @Test func sampleNotesMatchGolden() throws {
        let root = Fixtures.repository.appendingPathComponent("Notes").path
        let notebook = try Pipeline.load(root: root)
        Fixtures.expectGolden(String(decoding: try StableJSON.encode(notebook), as: UTF8.self), "notes-records.json")
        #expect(notebook.notes.count == 7)
        #expect(notebook.diagnostics.errorCount == 0, "Notes/ must compile: \(notebook.diagnostics)")
        for note in notebook.notes {
            #expect(note.connections.allSatisfy { $0.resolved != nil }, "\(note.id) has a dangling connection")
        }
    }

    /// The parallel parse gives the same records as a one-core parse.
    @Test func parallelParseIsDeterministic() throws {
        let root = Fixtures.repository.appendingPathComponent("Notes").path
        let files = try Discovery.find(root: root).files
        let parallel = Pipeline.parseAll(files)
        let sequential = files.map { NoteParser.parse(id: $0.id, path: $0.path, bytes: try! Discovery.read($0.absolutePath).get()) }
        #expect(try StableJSON.encode(parallel.map(\.note)) == StableJSON.encode(sequential.map(\.note)))
        #expect(try StableJSON.encode(Pipeline.load(root: root)) == StableJSON.encode(Pipeline.load(root: root)))
    }

    @Test func missingFolderIsARunFailure() {
        #expect(throws: NotesError.noSuchFolder("/no/such/notes")) { try Pipeline.load(root: "/no/such/notes") }
    }
}

/// The hand-written records writer and Foundation's encoder agree byte for byte.
@Suite struct RecordsWriterTests {
    @Test(arguments: RecordsGoldenTests.cases.map { "records/\($0)/notes" } + ["lint/mistakes/notes"])
    func writerMatchesFoundation(_ folder: String) throws {
        let notebook = try Pipeline.load(root: Fixtures.path(folder))
        #expect(notebook.recordsJSON() == Array(try StableJSON.encode(notebook)))
    }

    @Test func sampleNotes() throws {
        let notebook = try Pipeline.load(root: Fixtures.repository.appendingPathComponent("Notes").path)
        #expect(notebook.recordsJSON() == Array(try StableJSON.encode(notebook)))
    }

    @Test func compactIsTheSameDocument() throws {
        let notebook = try Pipeline.load(root: Fixtures.repository.appendingPathComponent("Notes").path)
        let compact = notebook.recordsJSON(compact: true)
        #expect(!compact.dropLast().contains(0x0A))
        let a = try JSONSerialization.jsonObject(with: Data(compact)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(notebook.recordsJSON())) as? NSDictionary
        #expect(a != nil && a == b)
    }

    /// Streamed in batches of any size, the records are the same bytes, and
    /// every batch is handed over as soon as it is written.
    @Test(arguments: [1, 2, 5, 1000])
    func batchesDoNotChangeTheBytes(_ batch: Int) throws {
        let notebook = try Pipeline.load(root: Fixtures.repository.appendingPathComponent("Notes").path)
        for compact in [false, true] {
            var pieces: [[UInt8]] = []
            notebook.writeRecordsJSON(compact: compact, batch: batch) { pieces.append($0) }
            let whole = compact ? notebook.recordsJSON(compact: true) : Array(try StableJSON.encode(notebook))
            #expect(Array(pieces.joined()) == whole)
            // A piece per batch of notes at least, plus the end of the document.
            #expect(pieces.count >= (notebook.notes.count + batch - 1) / batch + 1)
        }
    }

    @Test func integers() {
        var w = JSONWriter()
        w.array([0, 7, 10, -1, -10, 1234567890, Int.max, Int.min]) { $0.int($1) }
        #expect(String(decoding: w.finish(), as: UTF8.self)
            == "[\n  0,\n  7,\n  10,\n  -1,\n  -10,\n  1234567890,\n  9223372036854775807,\n  -9223372036854775808\n]\n")
    }

    @Test func escapesAndNumbers() throws {
        var w = JSONWriter()
        w.array([0.93, 671e9, 1e16, -4, 0.1 + 0.2]) { $0.double($1) }
        let strings = ["quote \" back \\ slash / tab \t nl \n cr \r bell \u{7} nul \u{0} é 📝"]
        var v = JSONWriter()
        v.array(strings) { $0.string($1) }
        let foundationNumbers = try StableJSON.encode([0.93, 671e9, 1e16, -4, 0.1 + 0.2])
        let foundationStrings = try StableJSON.encode(strings)
        #expect(w.finish() == Array(foundationNumbers))
        #expect(v.finish() == Array(foundationStrings))
    }
}
