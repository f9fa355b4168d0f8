import NotesCalc
import NotesCheck
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// What one query block came to: its rows, or why SQLite refused it.
public enum QueryOutcome: Sendable, Equatable {
    case rows(QueryResult)
    case failed(String)
}

/// The outcome of every query block of a folder, by note and fence line.
public struct QueryResults: Sendable {
    private var outcomes: [String: [Int: QueryOutcome]] = [:]

    public init() {}

    /// The outcome of the block of note `note` whose fence is on `line`.
    public func outcome(note: String, line: Int) -> QueryOutcome? { outcomes[note]?[line] }

    mutating func set(_ outcome: QueryOutcome, note: String, line: Int) {
        outcomes[note, default: [:]][line] = outcome
    }

    public var isEmpty: Bool { outcomes.isEmpty }
}

/// Runs the folder's query blocks (DESIGN §9) after every other stage, over
/// a database made once from the folder's knowledge graph, and only when
/// some note has a query block. A block SQLite refuses, or that runs out of
/// time, is a `query-error` at its fence.
public enum QueryStage {
    /// Whether any note of `notebook` has a query block.
    public static func needed(_ notebook: Notebook) -> Bool {
        notebook.notes.contains { !$0.queryBlocks.isEmpty }
    }

    /// The outcome of every query block of `notebook`, and the `query-error`s,
    /// severities as `config` sets them, less those `silenced` says an inline
    /// directive of their note silences (the block still shows its error on
    /// the page). A notebook without systems and topics gathered
    /// (`Pipeline.load(entities: false)`) has them gathered here.
    public static func run(_ notebook: Notebook, config: Config = Config(), limits: QueryLimits = QueryLimits(),
                           silenced: (Diagnostic) -> Bool = { _ in false })
        -> (results: QueryResults, diagnostics: [Diagnostic]) {
        guard needed(notebook) else { return (QueryResults(), []) }
        var graphed = notebook
        if graphed.systems.isEmpty, graphed.topics.isEmpty, graphed.notes.contains(where: { !$0.comparisons.isEmpty }) {
            (graphed.systems, graphed.topics) = Entities.gather(graphed.notes, aliases: config.aliases)
        }
        var results = QueryResults()
        var diagnostics: [Diagnostic] = []
        let database: QueryDatabase
        do {
            database = try QueryDatabase(KnowledgeGraph(graphed), limits: limits)
        } catch {
            // Making an in-memory database fails only when memory does: say so at every block.
            for note in notebook.notes {
                for block in note.queryBlocks {
                    results.set(.failed("\(error)"), note: note.id, line: block.range.start.line)
                    diagnostics.append(Diagnostic(file: note.path, range: block.range, rule: .queryError, message: "\(error)"))
                }
            }
            return (results, Pipeline.applySeverities(diagnostics.filter { !silenced($0) }, config: config))
        }
        for note in notebook.notes {
            for block in note.queryBlocks {
                let line = block.range.start.line
                do {
                    results.set(.rows(try database.run(block.text)), note: note.id, line: line)
                } catch {
                    let message = (error as? QueryRejection)?.message ?? "\(error)"
                    results.set(.failed(message), note: note.id, line: line)
                    diagnostics.append(Diagnostic(file: note.path, range: block.range, rule: .queryError, message: message,
                                                  suggestion: "try it with `notesc query`; see docs/graph.md for the tables"))
                }
            }
        }
        return (results, Pipeline.applySeverities(diagnostics.filter { !silenced($0) }, config: config))
    }

    /// Runs the query blocks of `notebook` and adds their `query-error`s to
    /// its diagnostics, in output order.
    @discardableResult
    public static func check(_ notebook: inout Notebook, config: Config = Config(), limits: QueryLimits = QueryLimits(),
                             silenced: (Diagnostic) -> Bool = { _ in false }) -> QueryResults {
        let (results, diagnostics) = run(notebook, config: config, limits: limits, silenced: silenced)
        if !diagnostics.isEmpty { notebook.diagnostics = Diagnostic.sortedForOutput(notebook.diagnostics + diagnostics) }
        return results
    }
}
