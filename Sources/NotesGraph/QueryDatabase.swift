import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import NotesSupport

/// A value in a query's result, as SQLite typed it.
public enum QueryValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// A BLOB, by its size: the notes' database holds none, a query can make one.
    case blob(Int)

    /// The value as a table cell shows it: integers as written, reals
    /// without a trailing `.0` when whole, a BLOB as its size.
    public var display: String {
        switch self {
        case .null: ""
        case .integer(let n): String(n)
        case .real(let x):
            x.rounded() == x && abs(x) < 1e15 ? String(Int64(x)) : String(x)
        case .text(let s): s
        case .blob(let n): "<\(n) bytes>"
        }
    }

    /// The value as a number, for a chart: integers and reals, and text that reads as one.
    public var number: Double? {
        switch self {
        case .integer(let n): Double(n)
        case .real(let x): x.isFinite ? x : nil
        case .text(let s): Double(s.trimmingSpaces).flatMap { $0.isFinite ? $0 : nil }
        case .null, .blob: nil
        }
    }
}

/// The rows a query returned.
public struct QueryResult: Sendable, Equatable {
    /// The result's column names, as SQLite names them (`AS` names when given).
    public var columns: [String]
    /// At most `QueryLimits.rows` rows.
    public var rows: [[QueryValue]]
    /// Whether the query had more rows than `rows` holds.
    public var truncated: Bool

    public init(columns: [String], rows: [[QueryValue]], truncated: Bool) {
        self.columns = columns
        self.rows = rows
        self.truncated = truncated
    }
}

/// How long a query may run and how many rows it may show.
public struct QueryLimits: Sendable, Equatable {
    /// Wall-clock time a query may run before it is stopped.
    public var seconds: Double
    /// Rows kept; a result with more says it shows the first `rows`.
    public var rows: Int

    public init(seconds: Double = 1, rows: Int = 1000) {
        self.seconds = seconds
        self.rows = rows
    }
}

/// A query SQLite refused or stopped: its message, for a `query-error`.
public struct QueryRejection: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The folder's knowledge graph as an in-memory SQLite database (the
/// tables of `notesc graph --format sqlite` and the view `facts`), and the
/// one way to run a query block's SQL over it: read only, one statement, in
/// a time and a row limit (DESIGN §9).
///
/// Read only three ways over: `PRAGMA query_only`; an authorizer that allows
/// reading tables, calling functions and recursive CTEs and nothing else (no
/// writes, `ATTACH`, `PRAGMA`, transactions or schema changes); and a check
/// that the statement SQLite compiled is read-only. A progress handler stops
/// a query past its time; strings and BLOBs a query makes are capped at a
/// megabyte. The database is the process's own, in memory: nothing a query
/// does reaches a file.
public final class QueryDatabase: @unchecked Sendable {
    public let limits: QueryLimits
    private let queue: DatabaseQueue
    private let guardian = Guardian()
    private let lock = NSLock()

    /// What the authorizer and the progress handler read and record.
    private final class Guardian {
        /// Uptime in nanoseconds after which the running query is stopped.
        var deadline: UInt64 = .max
        var timedOut = false
        /// What the authorizer refused first in the statement being compiled.
        var refused: String?
    }

    /// The database of `graph`, ready for queries.
    public init(_ graph: KnowledgeGraph, limits: QueryLimits = QueryLimits()) throws {
        self.limits = limits
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        queue = try DatabaseQueue(configuration: configuration)
        try queue.inDatabase { db in
            try SQLiteExporter.fill(db, with: graph)
            try db.execute(sql: "PRAGMA query_only = 1")
            guard let connection = db.sqliteConnection else { throw QueryRejection(message: "the database is closed") }
            sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, 1_000_000)
            sqlite3_limit(connection, SQLITE_LIMIT_SQL_LENGTH, 100_000)
            sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, 0)
            let context = Unmanaged.passUnretained(guardian).toOpaque()
            // From here on statements are compiled with the C API only: GRDB's
            // own authorizer (which this one replaces) is no longer consulted.
            sqlite3_set_authorizer(connection, { context, action, first, second, _, _ in
                let guardian = Unmanaged<Guardian>.fromOpaque(context!).takeUnretainedValue()
                switch action {
                case SQLITE_SELECT, SQLITE_READ, SQLITE_FUNCTION, SQLITE_RECURSIVE:
                    return SQLITE_OK
                // FTS5 reads it before a MATCH; it only reads a counter.
                case SQLITE_PRAGMA where first.map({ String(cString: $0) }) == "data_version" && second == nil:
                    return SQLITE_OK
                default:
                    if guardian.refused == nil {
                        guardian.refused = QueryDatabase.refusal(action, first.map { String(cString: $0) })
                    }
                    return SQLITE_DENY
                }
            }, context)
            // Every 1,000 virtual machine steps: a few microseconds.
            sqlite3_progress_handler(connection, 1000, { context in
                let guardian = Unmanaged<Guardian>.fromOpaque(context!).takeUnretainedValue()
                guard DispatchTime.now().uptimeNanoseconds > guardian.deadline else { return 0 }
                guardian.timedOut = true
                return 1
            }, context)
        }
    }

    /// Runs `sql`, one read-only statement; throws `QueryRejection` with
    /// SQLite's message when it is refused, fails or runs out of time.
    public func run(_ sql: String) throws -> QueryResult {
        lock.lock()
        defer { lock.unlock() }
        return try queue.inDatabase { db -> Result<QueryResult, QueryRejection> in
            guard let connection = db.sqliteConnection else { return .failure(QueryRejection(message: "the database is closed")) }
            return Result { try self.run(sql, on: connection) }.mapError { $0 as? QueryRejection ?? QueryRejection(message: "\($0)") }
        }.get()
    }

    private func run(_ sql: String, on connection: OpaquePointer) throws -> QueryResult {
        guardian.refused = nil
        guardian.timedOut = false
        guardian.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limits.seconds * 1e9)
        defer { guardian.deadline = .max }
        let bytes = Array(sql.utf8) + [0]
        var statement: OpaquePointer?
        var tailOffset = 0
        let code = bytes.withUnsafeBufferPointer { buffer -> Int32 in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(connection, chars.baseAddress, Int32(bytes.count), &statement, &tail)
                if let tail { tailOffset = tail - chars.baseAddress! }
                return code
            }
        }
        guard code == SQLITE_OK else { throw rejection(connection, code) }
        guard let statement else { throw QueryRejection(message: "the query is empty: write one SELECT") }
        defer { sqlite3_finalize(statement) }
        // Only blanks, comments and semicolons may follow the statement.
        let rest = String(decoding: bytes[tailOffset..<(bytes.count - 1)], as: UTF8.self)
        if try hasStatement(rest, on: connection) {
            throw QueryRejection(message: "a query block holds one statement; this one holds more")
        }
        guard sqlite3_stmt_readonly(statement) != 0 else {
            throw QueryRejection(message: "query blocks only read: this statement would write")
        }
        let columns = (0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) }
        var rows: [[QueryValue]] = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { return QueryResult(columns: columns, rows: rows, truncated: false) }
            guard step == SQLITE_ROW else { throw rejection(connection, step) }
            if rows.count == limits.rows { return QueryResult(columns: columns, rows: rows, truncated: true) }
            rows.append((0..<Int32(columns.count)).map { Self.value(statement, $0) })
        }
    }

    private func hasStatement(_ sql: String, on connection: OpaquePointer) throws -> Bool {
        guard sql.contains(where: { !$0.isWhitespace && $0 != ";" }) else { return false }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        // A second statement SQLite cannot compile is still a second statement.
        return code != SQLITE_OK || statement != nil
    }

    private func rejection(_ connection: OpaquePointer, _ code: Int32) -> QueryRejection {
        if guardian.timedOut || code == SQLITE_INTERRUPT {
            let limit = limits.seconds == 1 ? "1 second" : "\(limits.seconds) seconds"
            return QueryRejection(message: "the query ran longer than \(limit) and was stopped (a recursive CTE that never ends, or a join of every row with every row?)")
        }
        let message = String(cString: sqlite3_errmsg(connection))
        if let refused = guardian.refused {
            return QueryRejection(message: "query blocks only read: \(refused) is not allowed (SQLite: \(message))")
        }
        return QueryRejection(message: message)
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> QueryValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let text = sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB: return .blob(Int(sqlite3_column_bytes(statement, column)))
        default: return .null
        }
    }

    /// What an authorizer action code asks to do, in SQL's words.
    static func refusal(_ action: Int32, _ first: String?) -> String {
        // `CREATE`, `DROP` and `ALTER` ask first to write the schema table, and stop there when refused.
        if action == SQLITE_INSERT || action == SQLITE_UPDATE || action == SQLITE_DELETE, first?.hasPrefix("sqlite_") == true {
            return "changing the schema (CREATE, DROP, ALTER)"
        }
        return switch action {
        case SQLITE_INSERT: "INSERT"
        case SQLITE_UPDATE: "UPDATE"
        case SQLITE_DELETE: "DELETE"
        case SQLITE_ATTACH: "ATTACH"
        case SQLITE_DETACH: "DETACH"
        case SQLITE_PRAGMA: first.map { "PRAGMA \($0)" } ?? "PRAGMA"
        case SQLITE_TRANSACTION: "a transaction"
        case SQLITE_SAVEPOINT: "SAVEPOINT"
        case SQLITE_ANALYZE: "ANALYZE"
        case SQLITE_REINDEX: "REINDEX"
        case SQLITE_ALTER_TABLE: "ALTER TABLE"
        case SQLITE_CREATE_INDEX, SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_INDEX, SQLITE_CREATE_TEMP_TABLE,
             SQLITE_CREATE_TEMP_TRIGGER, SQLITE_CREATE_TEMP_VIEW, SQLITE_CREATE_TRIGGER, SQLITE_CREATE_VIEW,
             SQLITE_CREATE_VTABLE: "CREATE"
        case SQLITE_DROP_INDEX, SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_INDEX, SQLITE_DROP_TEMP_TABLE,
             SQLITE_DROP_TEMP_TRIGGER, SQLITE_DROP_TEMP_VIEW, SQLITE_DROP_TRIGGER, SQLITE_DROP_VIEW,
             SQLITE_DROP_VTABLE: "DROP"
        default: "this statement"
        }
    }
}
