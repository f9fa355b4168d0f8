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

/// Every export format of three notes folders against golden files under
/// `Fixtures/graph/<case>/`: the study fixture, the repository's `Notes/`,
/// and the references fixture (broken and ambiguous references, a note with
/// an error). The harness fails on a difference, a missing golden file and
/// an extra one. `NOTESC_BLESS=1` rewrites them.
@Suite struct GraphGoldenTests {
    static let cases = ["study", "notes", "references"]
    static let files = ["graph.dot", "graph.graphml", "graph.jgf.json", "graph.json", "graph.sqlite.txt"]

    static func root(_ name: String) -> String {
        name == "notes" ? Fixtures.repository.appendingPathComponent("Notes").path : Fixtures.path("records/\(name)/notes")
    }

    static func graph(_ name: String) throws -> KnowledgeGraph {
        KnowledgeGraph(try notebook(name))
    }

    /// The notebook as `notesc graph` loads it, with the folder's `notesc.yml`.
    static func notebook(_ name: String) throws -> Notebook {
        let root = root(name)
        return try Pipeline.load(root: root, config: Config.load(root: root))
    }

    @Test(arguments: cases)
    func everyFormatMatchesGolden(_ name: String) throws {
        let graph = try Self.graph(name)
        for format in GraphFormat.allCases where format.isText {
            let file = format == .jgf ? "graph.jgf.json" : "graph.\(format.rawValue)"
            // Goldens hold the JSON formats indented, for review; the compact
            // bytes are the same document (`compactIsThePrettyDocument`).
            Fixtures.expectGolden(String(decoding: try graph.export(format, pretty: true), as: UTF8.self), "graph/\(name)/\(file)")
        }
        let scratch = try Scratch("graph")
        let database = scratch.path("graph.db")
        try graph.write(.sqlite, to: database)
        Fixtures.expectGolden(try SQLiteDump.dump(database), "graph/\(name)/graph.sqlite.txt")
        let present = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("graph/\(name)")).sorted()
        #expect(present == Self.files, "unexpected files in graph/\(name)")
    }

    /// The site's `graph.json` and `notesc graph --format json` are the same
    /// bytes: a site built from `Notes/` holds the golden file the JSON export
    /// is held to above (`graph/notes/graph.json`), written independently of
    /// the writer, so a change to either fails.
    @Test func siteGraphJSONIsTheJSONExport() throws {
        let scratch = try Scratch("graph-site")
        let out = try SiteFixtures.build(Self.root("notes"), in: scratch)
        let site = try #require(FileManager.default.contents(atPath: out + "/graph.json"), "the site has graph.json")
        let golden = try #require(FileManager.default.contents(atPath: Fixtures.path("graph/notes/graph.json")))
        #expect(site == (try Self.graph("notes").export(.json)), "the site's graph.json is `notesc graph`'s")
        #expect(!site.dropLast().contains(0x0A), "written without line breaks (DESIGN §6)")
        #expect(try Self.sameDocument(site, golden), "the same document as the indented golden")
    }

    /// Whether two JSON texts parse to the same value.
    static func sameDocument(_ a: Data, _ b: Data) throws -> Bool {
        let x = try JSONSerialization.jsonObject(with: a) as? NSDictionary
        let y = try JSONSerialization.jsonObject(with: b) as? NSDictionary
        return x != nil && x == y
    }

    /// Compact JSON is the indented JSON without the white space between
    /// tokens: whitespace inside strings is kept, keys stay sorted.
    @Test(arguments: cases)
    func compactIsThePrettyDocument(_ name: String) throws {
        let graph = try Self.graph(name)
        for format in [GraphFormat.json, .jgf] {
            let compact = try graph.export(format), pretty = try graph.export(format, pretty: true)
            #expect(compact.count < pretty.count && compact.filter { $0 == 0x0A }.count == 1, "\(format): one line")
            #expect(try Self.sameDocument(compact, pretty), "\(format)")
        }
    }

    @Test func sameBytesEveryRun() throws {
        for format in GraphFormat.allCases where format.isText {
            #expect(try Self.graph("notes").export(format) == Self.graph("notes").export(format), "\(format)")
        }
    }
}

/// A database as text: its schema, then every row of every table in order.
enum SQLiteDump {
    static func dump(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var out = "PRAGMA user_version = \(try Int.fetchOne(db, sql: "PRAGMA user_version") ?? -1);\n"
            for sql in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'claims_fts_%' ORDER BY name") {
                out += sql + ";\n"
            }
            for table in ["graph", "nodes", "edges", "claims", "quantities"] {
                out += "\n-- \(table)\n"
                let columns = try db.columns(in: table).count
                let order = (1...columns).map(String.init).joined(separator: ", ")
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                    out += row.databaseValues.map(\.description).joined(separator: "\t") + "\n"
                }
            }
            return out
        }
    }
}
