import Foundation
import Testing
import NotesTestSupport

/// `notesc query 'SQL' [NOTES] [--format table|json|csv]` as users meet it (DESIGN §9).
@Suite struct QueryCommandTests {
    static let sql = "SELECT system, value, quantity, note FROM facts WHERE unit = 'tokens' ORDER BY value DESC, system, note"

    func scratch() throws -> Scratch {
        try Scratch("query", copying: ["Tests/NotesKitTests/Fixtures/site/query/notes"])
    }

    var notes: String { "Tests/NotesKitTests/Fixtures/site/query/notes" }

    @Test func table() throws {
        let scratch = try scratch()
        let result = try CLI.run(["query", Self.sql, notes], in: scratch)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            system         value  quantity     note
            -----------  -------  -----------  ------
            Gemini       1000000  1M+ tokens   models
            Claude-3      200000  200k tokens  models
            DeepSeek-V3   128000  128k tokens  costs
            GPT-4         128000  128k tokens  costs
            GPT-4         128000  128k tokens  models

            """)
    }

    @Test func json() throws {
        let scratch = try scratch()
        let result = try CLI.run(["query", Self.sql + " LIMIT 2", notes, "--format", "json"], in: scratch)
        #expect(result.status == 0)
        #expect(result.stdout == """
            [
              {"system": "Gemini", "value": 1000000, "quantity": "1M+ tokens", "note": "models"},
              {"system": "Claude-3", "value": 200000, "quantity": "200k tokens", "note": "models"}
            ]

            """)
        let rows = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [[String: Any]]
        #expect(rows?.count == 2)
    }

    @Test func csv() throws {
        let scratch = try scratch()
        let result = try CLI.run(["query", "SELECT system, text FROM facts WHERE note = 'costs' ORDER BY line LIMIT 1", notes, "--format", "csv"],
                                 in: scratch)
        #expect(result.status == 0)
        #expect(result.stdout == "system,text\r\nGPT-4,~$100M+\r\n")
    }

    @Test func aRejectedQueryExitsOneAndSaysWhy() throws {
        let scratch = try scratch()
        let before = Golden.files(scratch.root)
        for sql in ["DELETE FROM nodes", "ATTACH 'x.db' AS x", "PRAGMA writable_schema = 1", "SELECT * FROM nowhere"] {
            let result = try CLI.run(["query", sql, notes], in: scratch)
            #expect(result.status == 1, "\(sql)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("error[query-error]: "), "\(sql)")
        }
        #expect(Golden.files(scratch.root).filter { !$0.key.hasPrefix("cache/") } == before.filter { !$0.key.hasPrefix("cache/") },
                "the notes are as they were, and nothing was written beside them")
    }

    @Test func badFlagsAndMissingFoldersExitTwo() throws {
        let scratch = try scratch()
        #expect(try CLI.run(["query", "SELECT 1", "no-such-folder"], in: scratch).status == 2)
        #expect(try CLI.run(["query", "SELECT 1", notes, "--format", "xml"], in: scratch).status == 2)
        #expect(try CLI.run(["query"], in: scratch).status == 2)
    }

    @Test func lintReportsQueryErrors() throws {
        let scratch = try Scratch("query-lint", files: ["notes/a.md": "# A\n\n```query\nSELECT 1;\nDROP TABLE nodes\n```\n"])
        let result = try CLI.run(["lint", "notes"], in: scratch)
        #expect(result.status == 1)
        #expect(result.stdout.contains("notes/a.md:3:1: error[query-error]: a query block holds one statement"))
    }

    /// `notesc-disable-next-line query-error` silences a query block's error
    /// in lint and build, as it does any rule's; the page still says the
    /// query was refused.
    @Test func anInlineDirectiveSilencesAQueryError() throws {
        let scratch = try Scratch("query-silenced", files: [
            "notes/a.md": "# A\n\n<!-- notesc-disable-next-line query-error -->\n```query\nSELECT 1;\nDROP TABLE nodes\n```\n",
            "notes/b.md": "# B\n\n<!-- notesc-disable-next-line broken-link -->\n```query\nDROP TABLE nodes\n```\n",
        ])
        let lint = try CLI.run(["lint", "notes"], in: scratch)
        #expect(!lint.stdout.contains("notes/a.md:4:1: error[query-error]"), "silenced: \(lint.stdout)")
        #expect(lint.stdout.contains("notes/b.md:4:1: error[query-error]"), "another rule's directive does not silence it")
        try "# B\n\nNo query.\n".write(toFile: scratch.path("notes/b.md"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["lint", "notes"], in: scratch).status == 0)
        let build = try CLI.run(["build", "notes", "--out", "site"], in: scratch)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!build.stderr.contains("query-error"))
        #expect(try String(contentsOfFile: scratch.path("site/notes/a.html"), encoding: .utf8).contains("class=\"query-error\""))
    }
}
