import Foundation
import GRDB
import NotesCalc
import NotesCheck
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// The graph as an SQLite database for `sqlite3` and Datasette: `nodes` and
/// `edges` hold the whole graph, `claims` and `quantities` the claims with
/// their numbers in typed columns, `claims_fts` a full-text index over claim
/// text, `graph` the counts, and the view `facts` one row per claim, system
/// and quantity (DESIGN §9), which query blocks and `notesc query` read.
/// Foreign keys and indexes are declared, so
/// joins are fast and Datasette links rows to the rows they name. Tables
/// keyed by text are `WITHOUT ROWID`: the key is the table, stored once.
enum SQLiteExporter {
    /// Bumped with `PRAGMA user_version` when a table changes (2: the view `facts`).
    static let schemaVersion = 2

    static let tables = """
        CREATE TABLE graph (
          key TEXT NOT NULL PRIMARY KEY,
          value INTEGER NOT NULL
        );
        CREATE TABLE nodes (
          id TEXT NOT NULL PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('note', 'system', 'topic', 'claim', 'verdict')),
          label TEXT NOT NULL,
          url TEXT,
          path TEXT,
          category TEXT,
          date TEXT,
          tags TEXT,
          note TEXT REFERENCES nodes(id),
          topic TEXT REFERENCES nodes(id),
          line INTEGER
        ) WITHOUT ROWID;
        CREATE TABLE edges (
          source TEXT NOT NULL REFERENCES nodes(id),
          target TEXT NOT NULL REFERENCES nodes(id),
          kind TEXT NOT NULL CHECK (kind IN ('connects', 'links', 'states', 'about', 'in-topic', 'favors', 'contradicts')),
          key TEXT NOT NULL,
          label TEXT,
          PRIMARY KEY (source, target, key)
        ) WITHOUT ROWID;
        CREATE TABLE claims (
          pk INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE REFERENCES nodes(id),
          note TEXT NOT NULL REFERENCES nodes(id),
          topic TEXT NOT NULL REFERENCES nodes(id),
          line INTEGER NOT NULL,
          text TEXT NOT NULL,
          qualifier TEXT,
          verified INTEGER NOT NULL CHECK (verified IN (0, 1))
        );
        CREATE TABLE quantities (
          claim TEXT NOT NULL REFERENCES claims(id),
          position INTEGER NOT NULL,
          text TEXT NOT NULL,
          value REAL,
          unit TEXT,
          approximate INTEGER NOT NULL CHECK (approximate IN (0, 1)),
          lower_bound INTEGER NOT NULL CHECK (lower_bound IN (0, 1)),
          PRIMARY KEY (claim, position)
        ) WITHOUT ROWID;
        """

    /// Created once the rows are in, which is faster than keeping them up to date row by row.
    static let indexes = """
        CREATE INDEX nodes_kind ON nodes(kind);
        CREATE INDEX nodes_note ON nodes(note);
        CREATE INDEX nodes_topic ON nodes(topic);
        CREATE INDEX edges_target ON edges(target, kind);
        CREATE INDEX edges_kind ON edges(kind, source);
        CREATE INDEX claims_note ON claims(note);
        CREATE INDEX claims_topic ON claims(topic);
        CREATE INDEX quantities_unit_value ON quantities(unit, value);
        CREATE INDEX quantities_value ON quantities(value);
        CREATE VIRTUAL TABLE claims_fts USING fts5(text, qualifier, content="claims", content_rowid="pk");
        """ + facts

    /// One row per claim, system and quantity (DESIGN §9): a claim about two
    /// systems with two numbers is four rows; a claim without a number has
    /// one row per system with `value` null. `note` is the note's id,
    /// `system` and `topic` their labels; `quantity` is the number as
    /// written. A claim is `disputed` when a `contradicts` edge joins it to
    /// another, either way.
    static let facts = """

        CREATE VIEW facts AS
        SELECT substr(c.note, 6) AS note, c.line AS line, s.label AS system, t.label AS topic, c.text AS text,
               q.value AS value, q.unit AS unit, q.approximate AS approximate, q.lower_bound AS lower_bound,
               c.verified AS verified,
               EXISTS (SELECT 1 FROM edges d WHERE d.kind = 'contradicts' AND (d.source = c.id OR d.target = c.id)) AS disputed,
               q.text AS quantity
        FROM claims c
        LEFT JOIN nodes t ON t.id = c.topic
        LEFT JOIN edges a ON a.source = c.id AND a.kind = 'about'
        LEFT JOIN nodes s ON s.id = a.target
        LEFT JOIN quantities q ON q.claim = c.id;
        """

    /// Writes a new database at `path`, which must not exist yet.
    static func write(_ graph: KnowledgeGraph, to path: String) throws {
        // The keys hold by construction (the tests run `PRAGMA foreign_key_check`),
        // and the file is a temporary one renamed into place when complete, so
        // checking keys row by row and journalling would only cost time.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { try fill($0, with: graph) }
        try queue.close()
    }

    /// Makes the schema in the empty database `db` and puts `graph` in it:
    /// the file `write` makes, and the in-memory database of query blocks.
    static func fill(_ db: Database, with graph: KnowledgeGraph) throws {
        try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
        try db.execute(sql: tables)
        try insert(graph, into: db)
        try db.execute(sql: indexes)
        try db.execute(sql: "INSERT INTO claims_fts(claims_fts) VALUES('rebuild')")
    }

    static func insert(_ graph: KnowledgeGraph, into db: Database) throws {
        let counts = graph.diagnostics
        for (key, value) in [("version", KnowledgeGraph.version), ("notes", graph.noteCount), ("errors", counts.errors),
                             ("warnings", counts.warnings), ("infos", counts.infos)] {
            try db.execute(sql: "INSERT INTO graph VALUES (?, ?)", arguments: [key, value])
        }
        let node = try db.makeStatement(sql: "INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let claim = try db.makeStatement(sql: "INSERT INTO claims VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)")
        let quantity = try db.makeStatement(sql: "INSERT INTO quantities VALUES (?, ?, ?, ?, ?, ?, ?)")
        for n in graph.nodes {
            try node.execute(arguments: [n.id, n.kind.rawValue, n.label, n.url, n.path, n.category, n.date,
                                         n.kind == .note ? tagsJSON(n.tags) : nil, n.note, n.topic, n.line])
            guard n.kind == .claim else { continue }
            try claim.execute(arguments: [n.id, n.note, n.topic, n.line, n.label, n.qualifier, n.verified ?? false])
            for (position, q) in n.quantities.enumerated() {
                try quantity.execute(arguments: [n.id, position + 1, q.text, q.value, q.unit, q.approximate, q.lowerBound])
            }
        }
        let edge = try db.makeStatement(sql: "INSERT INTO edges VALUES (?, ?, ?, ?, ?)")
        for e in graph.edges {
            try edge.execute(arguments: [e.source, e.target, e.kind.rawValue, e.key, e.label])
        }
    }

    /// Tags as a JSON array, which SQLite's `json_each` and Datasette read.
    static func tagsJSON(_ tags: [String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = try encoder.encode(tags)
        return String(decoding: data, as: UTF8.self)
    }
}
