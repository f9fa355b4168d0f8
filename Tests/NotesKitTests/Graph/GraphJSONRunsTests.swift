import Foundation
import Testing
@testable import NotesCheck
@testable import NotesGraph
@testable import NotesModel
@testable import NotesSite
@testable import NotesSupport
import NotesTestSupport

/// `graph.json` made from the previous file's runs (`GraphJSONRuns`) is, after
/// any edit, byte for byte `KnowledgeGraph.writeJSON(pretty: false)`, and
/// copies the parts of the notes that did not change.
@Suite struct GraphJSONRunsTests {
    /// A document written by `GraphJSONRuns.write`, its runs, and how many of its bytes were copied from `previous`.
    struct Written {
        var bytes: [UInt8]
        var runs: GraphJSONRuns?
        var copied: Int
    }

    func write(_ notebook: Notebook, after previous: Written?) -> Written {
        var bytes: [UInt8] = [], copied = 0
        let hashes = notebook.notes.map { PageDependencies.partHashes($0).graph }
        let runs = GraphJSONRuns.write(notebook, graphHashes: hashes, previous: previous?.runs,
                                       bytes: { bytes.append(contentsOf: $0) },
                                       copy: { range in
                                           bytes.append(contentsOf: previous!.bytes[range])
                                           copied += range.count
                                       })
        return Written(bytes: bytes, runs: runs, copied: copied)
    }

    func whole(_ notebook: Notebook) throws -> [UInt8] { [UInt8](try KnowledgeGraph(notebook).json(pretty: false)) }

    /// Each edit is one more build after the one before: the document
    /// equals the whole graph's, and the notes the edit left alone are copied.
    @Test func everyKindOfEditGivesTheWholeGraphsBytes() throws {
        let scratch = try Scratch("graph-runs")
        let notes = try scratch.copy("Notes", to: "notes")
        func edit(_ file: String, _ before: String, _ after: String) throws {
            let path = notes + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(before), "the edit's anchor text is in \(file)")
            try text.replacingOccurrences(of: before, with: after).write(toFile: path, atomically: true, encoding: .utf8)
        }
        var last = write(try Pipeline.load(root: notes), after: nil)
        #expect(last.copied == 0)
        #expect(last.bytes == (try whole(try Pipeline.load(root: notes))))
        // The previous runs, once more through their cached form.
        #expect(GraphJSONRuns(encoded: last.runs!.encoded)?.encoded == last.runs!.encoded)

        // Each edit, and whether it changes one note's part of the graph only (most of the file is then copied).
        let steps: [(String, Bool, () throws -> Void)] = [
            ("a claim's number", true, { try edit("05-fp8-lm-paper.md", "- **DeepSeek-V3**:", "- **DeepSeek-V3**: 7% more,") }),
            ("a claim that another note's disputes", false, { try edit("01-deepseek-v3-technical-report.md", "$5.576M total", "$5.58M total") }),
            ("the dispute settled", false, { try edit("01-deepseek-v3-technical-report.md", "$5.58M total", "$5.5M total") }),
            ("a connection", true, { try edit("03-deepseek-moe-paper.md", "## 🔗 Connections\n", "## 🔗 Connections\n- **05-fp8-lm-paper**: a new connection\n") }),
            ("a title", true, { try edit("06-mla-explained.md", "# Multi-head Latent Attention (MLA) Explained - Study", "# MLA, Renamed") }),
            // `05-fp8-lm-paper-b`'s claims sort before `05-fp8-lm-paper`'s, its note after.
            ("a note added", false, { _ = try scratch.copy("Notes/05-fp8-lm-paper.md", to: "notes/05-fp8-lm-paper-b.md") }),
            ("a note linked to removed", false, { try FileManager.default.removeItem(atPath: notes + "/02-deepseek-v2-technical-report.md") }),
            ("a note removed", false, { try FileManager.default.removeItem(atPath: notes + "/05-fp8-lm-paper.md") }),
        ]
        for (what, oneNote, step) in steps {
            try step()
            let notebook = try Pipeline.load(root: notes)
            let next = write(notebook, after: last)
            #expect(next.bytes == (try whole(notebook)), "graph.json after \(what)")
            #expect(next.copied > (oneNote ? next.bytes.count / 2 : 0), "the other notes' parts copied after \(what)")
            #expect(next.runs?.size == next.bytes.count)
            last = next
        }
    }

    /// Runs that do not fit the file are not used: a damaged description reads as none.
    @Test func aDamagedDescriptionIsNotRead() throws {
        let notebook = try Pipeline.load(root: Fixtures.path("site/study/notes"))
        let first = write(notebook, after: nil)
        var damaged = first.runs!.encoded
        damaged.removeLast()
        #expect(GraphJSONRuns(encoded: damaged) == nil)
        #expect(GraphJSONRuns(encoded: []) == nil)
    }

    /// Ids that runs cannot rest on (one with a colon) give the whole document and no runs.
    @Test func idsWithAColonAreWrittenWhole() throws {
        let scratch = try Scratch("graph-runs-colon")
        let notes = try scratch.copy("Notes", to: "notes")
        _ = try scratch.copy("Notes/05-fp8-lm-paper.md", to: "notes/05:1.md")
        let notebook = try Pipeline.load(root: notes)
        #expect(notebook.notes.contains { $0.id == "05:1" })
        let written = write(notebook, after: nil)
        #expect(written.runs == nil)
        #expect(written.bytes == (try whole(notebook)))
    }

    /// Through the site build: after a claim edit graph.json is a clean
    /// build's; and when the previous graph.json is not the one the cache
    /// describes (its size differs), it is made whole, not copied from.
    @Test func theSiteCopiesOnlyFromTheFileItDescribes() throws {
        let scratch = try Scratch("graph-runs-site")
        let notes = try scratch.copy("Notes", to: "notes")
        let out = scratch.path("out")
        func build() throws {
            _ = try SiteBuilder.build(try Pipeline.load(root: notes), options: SiteOptions(notesRoot: notes, outDir: out, cacheDir: scratch.cache))
        }
        func edit(_ before: String, _ after: String) throws {
            let path = notes + "/01-deepseek-v3-technical-report.md"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: before, with: after).write(toFile: path, atomically: true, encoding: .utf8)
        }
        func graphJSON() throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/graph.json"))) }
        try build()
        try edit("2.788M GPU hours", "2.789M GPU hours")
        try build()
        #expect(try graphJSON() == (try whole(try Pipeline.load(root: notes))))

        // Another graph.json in its place: one byte longer, every part a byte further on.
        try ([0x20] + (try graphJSON())).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: out + "/graph.json")) }
        try edit("2.789M GPU hours", "2.787M GPU hours")
        try build()
        #expect(try graphJSON() == (try whole(try Pipeline.load(root: notes))))
    }
}
