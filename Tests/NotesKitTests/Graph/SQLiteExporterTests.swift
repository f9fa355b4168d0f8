import Foundation
import GRDB
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

/// The database of `notesc graph --format sqlite`, queried as the README
/// and docs/graph.md show.
@Suite struct SQLiteExporterTests {
    /// Writes the graph of a case and runs `body` on the database.
    static func withDatabase<T>(_ name: String, _ body: (Database) throws -> T) throws -> T {
        let scratch = try Scratch("graph")
        let folder = try scratch.folder("work")
        let path = folder + "/notes.db"
        try GraphGoldenTests.graph(name).write(.sqlite, to: path)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read(body)
    }

    @Test func everyClaimAboutASystem() throws {
        let rows = try Self.withDatabase("study") { db in
            try Row.fetchAll(db, sql: """
                SELECT c.note, c.line, c.text
                FROM claims c JOIN edges e ON e.source = c.id AND e.kind = 'about'
                JOIN nodes s ON s.id = e.target
                WHERE s.label = 'DeepSeek-V3'
                ORDER BY c.note, c.line
                """)
        }
        #expect(rows.map { $0["line"] as Int } == [18, 24])
        #expect(rows.map { $0["text"] as String } == ["MLA (93% KV cache reduction)", "$5.5M for 671B params"])
        #expect(rows.allSatisfy { $0["note"] == "note:llm-survey" })
    }

    @Test func everyVerdictPerTopicWithTheSystemsItFavours() throws {
        let rows = try Self.withDatabase("study") { db in
            try Row.fetchAll(db, sql: """
                SELECT t.label AS topic, v.label AS verdict, group_concat(s.label, ', ') AS favours
                FROM nodes v
                JOIN nodes t ON t.id = v.topic
                LEFT JOIN edges f ON f.source = v.id AND f.kind = 'favors'
                LEFT JOIN nodes s ON s.id = f.target
                WHERE v.kind = 'verdict'
                GROUP BY v.id
                ORDER BY topic, v.id
                """)
        }
        let table = rows.map { [$0["topic"] as String, $0["verdict"] as String, ($0["favours"] as String?) ?? "-"] }
        #expect(table == [
            ["Attention Mechanisms", "MLA is the clear winner for memory efficiency", "-"],
            ["Thin Topic", "Mixtral 8x7B by default", "Mixtral 8x7B"],
            ["Training Efficiency", "DeepSeek crushes on cost efficiency", "DeepSeek-V3"],
        ])
    }

    @Test func claimsWithNumbersAboveAThreshold() throws {
        let rows = try Self.withDatabase("notes") { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, q.text, q.value
                FROM quantities q JOIN claims c ON c.id = q.claim
                WHERE q.unit = 'params' AND q.value > 300e9
                ORDER BY q.value DESC, c.id
                """)
        }
        #expect(rows.map { $0["text"] as String } == ["671B params", "671B params", "405B params"])
        #expect(rows.first?["value"] == 671e9)
    }

    @Test func fullTextSearchOverClaims() throws {
        let ids = try Self.withDatabase("study") { db in
            try String.fetchAll(db, sql: """
                SELECT c.id FROM claims_fts JOIN claims c ON c.pk = claims_fts.rowid
                WHERE claims_fts MATCH 'cache OR tokens' ORDER BY c.id
                """)
        }
        #expect(ids == ["claim:llm-survey:18", "claim:llm-survey:27"])
    }

    /// Counts agree with the graph; keys hold; quantities keep their flags.
    @Test func tablesHoldTheWholeGraph() throws {
        let graph = try GraphGoldenTests.graph("notes")
        try Self.withDatabase("notes") { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM nodes") == graph.nodes.count)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM edges") == graph.edges.count)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") == graph.nodes.filter { $0.kind == .claim }.count)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM quantities") == graph.nodes.reduce(0) { $0 + $1.quantities.count })
            #expect(try Int.fetchOne(db, sql: "SELECT value FROM graph WHERE key = 'notes'") == 7)
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == SQLiteExporter.schemaVersion)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            #expect(indexes.contains("edges_target") && indexes.contains("quantities_unit_value"))
        }
        let flags = try #require(try Self.withDatabase("study") { db in
            try Row.fetchOne(db, sql: "SELECT approximate, lower_bound, value FROM quantities WHERE text = '~$10M+'")
        })
        let approximate: Bool = flags["approximate"], lowerBound: Bool = flags["lower_bound"], value: Double = flags["value"]
        #expect(approximate && lowerBound && value == 1e7)
    }
}

/// `-o FILE` replaces the file whole or not at all.
@Suite struct AtomicWriteTests {
    @Test func replacesAnExistingFileAndLeavesNoTemporaryFile() throws {
        let scratch = try Scratch("graph")
        let folder = try scratch.folder("work")
        let graph = try GraphGoldenTests.graph("study")
        for format in GraphFormat.allCases {
            let path = folder + "/out"
            try Data("old".utf8).write(to: URL(fileURLWithPath: path))
            try graph.write(format, to: path)
            if format.isText { #expect(FileManager.default.contents(atPath: path) == (try graph.export(format))) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out"])
        }
    }

    @Test func unwritablePathsFailWithoutTouchingAnything() throws {
        let scratch = try Scratch("graph")
        let folder = try scratch.folder("work")
        let graph = try GraphGoldenTests.graph("study")
        #expect(throws: GraphExportError.self) { try graph.write(.json, to: folder + "/no/such/folder/graph.json") }
        #expect(throws: GraphExportError.self) { try graph.write(.sqlite, to: folder) }
        #expect(throws: GraphExportError.notText(.sqlite)) { try graph.export(.sqlite) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
