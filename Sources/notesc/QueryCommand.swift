import ArgumentParser
import Foundation
import NotesKit

extension QueryFormat: ExpressibleByArgument {}

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run one read-only SQL SELECT over the notes' database, as a query block does.",
        discussion: """
            The database holds the tables of `notesc graph --format sqlite` (nodes, edges, claims, quantities, \
            graph, claims_fts) and the view facts: one row per claim, system and quantity (see docs/graph.md). \
            Writes, ATTACH and PRAGMA are refused; a query stops after 1 second; at most 1000 rows are printed. \
            Formats: table (default), json (an array of row objects), csv (RFC 4180). \
            Exit status: 0 the rows were printed, 1 the query was refused or failed, 2 the run failed \
            (no such folder, unreadable config, bad flags).
            """
    )

    @Argument(help: "The SQL: one SELECT.")
    var sql: String

    @OptionGroup var folder: FolderFlags

    @Option(help: "Output format: table, json or csv.")
    var format: QueryFormat = .table

    func run() throws {
        let notebook: Notebook
        let config: Config
        do {
            config = try folder.loadConfig()
            notebook = try Pipeline.load(root: folder.notes, config: config, forSite: false)
        } catch {
            Output.stderr("error: \(error)\n")
            throw ExitCode(2)
        }
        let result: QueryResult
        do {
            let database = try QueryDatabase(KnowledgeGraph(notebook))
            result = try database.run(sql)
        } catch {
            Output.stderr("error[query-error]: \(error)\n")
            throw ExitCode(1)
        }
        Output.stdout(result.formatted(format))
        if result.truncated {
            Output.stderr("note: showing the first \(result.rows.count) rows; the query returned more (add LIMIT, or narrow the WHERE)\n")
        }
    }
}
