import Foundation
import GRDB
import Testing
@testable import NotesKit
@testable import NotesCheck
@testable import NotesGraph
@testable import NotesModel
@testable import NotesParse
import NotesTestSupport

/// DESIGN §9: the `facts` view, and query blocks run read-only within their limits.
@Suite struct QueryDatabaseTests {
    static let notes = Fixtures.path("site/query/notes")

    static func graph() throws -> KnowledgeGraph { KnowledgeGraph(try Pipeline.load(root: notes)) }

    @Test func factsHaveARowPerClaimSystemAndQuantity() throws {
        let database = try QueryDatabase(Self.graph())
        let result = try database.run("""
            SELECT note, line, system, topic, text, value, unit, approximate, lower_bound, verified, disputed, quantity
            FROM facts ORDER BY note, line, system
            """)
        #expect(result.columns == ["note", "line", "system", "topic", "text", "value", "unit", "approximate", "lower_bound",
                                   "verified", "disputed", "quantity"])
        #expect(!result.truncated)
        let rows = result.rows.map { $0.map(\.display) }
        #expect(rows == [
            ["costs", "15", "GPT-4", "Training Cost", "~$100M+", "100000000", "USD", "1", "1", "0", "0", "~$100M+"],
            ["costs", "16", "DeepSeek-V3", "Training Cost", "$5.576M", "5576000", "USD", "0", "0", "0", "0", "$5.576M"],
            ["costs", "20", "GPT-4", "Context Length", "128k tokens as well", "128000", "tokens", "0", "0", "0", "0", "128k tokens"],
            ["costs", "21", "DeepSeek-V3", "Context Length", "128k tokens", "128000", "tokens", "0", "0", "0", "0", "128k tokens"],
            ["models", "15", "Gemini", "Context Length", "1M+ tokens", "1000000", "tokens", "0", "1", "0", "0", "1M+ tokens"],
            ["models", "16", "Claude-3", "Context Length", "200k tokens", "200000", "tokens", "0", "0", "0", "0", "200k tokens"],
            ["models", "17", "GPT-4", "Context Length", "128k tokens", "128000", "tokens", "0", "0", "0", "0", "128k tokens"],
        ])
    }

    @Test func aClaimWithoutANumberHasOneRowPerSystemWithoutAValue() throws {
        let database = try QueryDatabase(KnowledgeGraph(try Pipeline.load(root: Fixtures.path("site/study/notes"))))
        let result = try database.run("SELECT count(*) FROM facts WHERE value IS NULL AND quantity IS NULL")
        #expect(result.rows.first?.first?.number ?? 0 > 0)
        let perClaim = try database.run("SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE f.note || ':' || f.line = substr(c.id, 7))")
        #expect(perClaim.rows == [[.integer(0)]], "every claim is in facts")
    }

    /// `disputed` reads `contradicts` edges (made by the conflict check), either way round.
    @Test func disputedFollowsContradictsEdgesEitherWay() throws {
        let scratch = try Scratch("facts")
        let path = scratch.path("notes.db")
        try Self.graph().write(.sqlite, to: path)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let before = try queue.read { try Int.fetchOne($0, sql: "SELECT sum(disputed) FROM facts") }
        #expect(before == 0, "no contradicts edges yet")
        try queue.writeWithoutTransaction { db in
            // The edges table may not list the kind yet: the conflict check adds it.
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "INSERT INTO edges VALUES ('claim:costs:20', 'claim:models:17', 'contradicts', 'contradicts', NULL)")
        }
        let disputed = try queue.read {
            try Row.fetchAll($0, sql: "SELECT note, line FROM facts WHERE disputed ORDER BY note, line").map { "\($0["note"] as String):\($0["line"] as Int)" }
        }
        #expect(disputed == ["costs:20", "models:17"])
        #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == SQLiteExporter.schemaVersion)
    }

    /// Writes, ATTACH, PRAGMA, a CTE that never ends and a join of every
    /// claim with every claim: each refused or stopped, nothing written.
    @Test(arguments: [
        ("INSERT INTO graph VALUES ('x', 1)", "INSERT is not allowed"),
        ("UPDATE claims SET verified = 1", "UPDATE is not allowed"),
        ("DELETE FROM nodes", "DELETE is not allowed"),
        ("CREATE TABLE t (x)", "changing the schema"),
        ("CREATE TEMP VIEW v AS SELECT 1", "changing the schema"),
        ("DROP VIEW facts", "changing the schema"),
        ("ATTACH DATABASE 'evil.db' AS evil", "ATTACH is not allowed"),
        ("PRAGMA user_version = 7", "PRAGMA user_version is not allowed"),
        ("PRAGMA table_info(nodes)", "not allowed"),
        ("SELECT * FROM pragma_table_info('nodes')", "not allowed"),
        ("BEGIN", "a transaction is not allowed"),
        ("SELECT 1; DELETE FROM nodes", "one statement"),
        ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c", "longer than"),
        ("SELECT count(*) FROM claims a, claims b, claims c, claims d, claims e, claims f, claims g, claims h, claims i, claims j, claims k, claims l", "longer than"),
        ("SELECT zeroblob(100000000)", "too big"),
        ("", "empty"),
        ("SELECT * FROM no_such_table", "no such table: no_such_table"),
    ])
    func hostileQueriesAreRefusedAndWriteNothing(sql: String, message: String) throws {
        let scratch = try Scratch("hostile")
        try scratch.copy("Tests/NotesKitTests/Fixtures/site/query/notes", to: "notes")
        let before = Golden.files(scratch.root)
        let database = try QueryDatabase(KnowledgeGraph(try Pipeline.load(root: scratch.path("notes"))))
        let counts = "SELECT (SELECT count(*) FROM nodes), (SELECT count(*) FROM edges), (SELECT count(*) FROM claims), (SELECT count(*) FROM graph)"
        let expected = try database.run(counts)
        let started = Date()
        #expect {
            _ = try database.run(sql)
        } throws: { error in
            (error as? QueryRejection)?.message.contains(message) == true
        }
        // The limit is a second; this only catches a query that was not stopped at all.
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(try database.run(counts) == expected, "the database is as it was")
        #expect(try database.run("SELECT count(*) FROM sqlite_master WHERE name IN ('t', 'v')").rows == [[.integer(0)]])
        #expect(Golden.files(scratch.root) == before, "no file written")
    }

    @Test func rowsPastTheCapAreCutAndSaidSo() throws {
        let database = try QueryDatabase(Self.graph(), limits: QueryLimits(seconds: 1, rows: 3))
        let result = try database.run("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n")
        #expect(result.rows == [[.integer(1)], [.integer(2)], [.integer(3)]])
        #expect(result.truncated)
        let exact = try database.run("SELECT x FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 3)")
        #expect(!exact.truncated)
    }

    @Test func theDocumentedQueriesRun() throws {
        let database = try QueryDatabase(Self.graph())
        for sql in [
            "SELECT system, value FROM facts WHERE topic = 'Context Length' ORDER BY value DESC",
            "SELECT c.note, c.line, c.text FROM claims_fts JOIN claims c ON c.pk = claims_fts.rowid WHERE claims_fts MATCH 'tokens' ORDER BY rank",
            "SELECT system, count(DISTINCT note) AS notes, min(value), max(value) FROM facts WHERE unit = 'tokens' GROUP BY system HAVING notes > 1",
        ] {
            #expect(throws: Never.self) { _ = try database.run(sql) }
        }
        let twoNotes = try database.run("SELECT system FROM facts WHERE unit = 'tokens' GROUP BY system HAVING count(DISTINCT note) > 1")
        #expect(twoNotes.rows == [[.text("GPT-4")]])
    }

    @Test func formats() throws {
        let result = QueryResult(columns: ["system", "value", "note"],
                                 rows: [[.text("GPT-4"), .integer(128000), .text("a, \"quoted\"\nnote")], [.text("Gemini"), .real(0.5), .null]],
                                 truncated: false)
        #expect(result.formatted(.table) == """
            system   value  note
            ------  ------  ----------------
            GPT-4   128000  a, "quoted"⏎note
            Gemini     0.5

            """)
        #expect(result.formatted(.json) == """
            [
              {"system": "GPT-4", "value": 128000, "note": "a, \\"quoted\\"\\nnote"},
              {"system": "Gemini", "value": 0.5, "note": null}
            ]

            """)
        #expect(result.formatted(.csv) == "system,value,note\r\nGPT-4,128000,\"a, \"\"quoted\"\"\nnote\"\r\nGemini,0.5,\r\n")
    }
}
