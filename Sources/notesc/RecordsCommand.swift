import Foundation
import ArgumentParser
import NotesKit

struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Print every note's records (titles, sections, claims, connections, positions) as JSON.",
        discussion: "Diagnostics go to stderr. Exit status: 0 no errors, 1 errors in notes, 2 the run failed."
    )

    @OptionGroup var folder: FolderFlags

    @Flag(help: "Do not print diagnostics to stderr.")
    var quiet = false

    @Flag(help: "One line of JSON, without indentation.")
    var compact = false


    var notes: String { folder.notes }

    func run() throws {
        let notebook: Notebook
        do {
            notebook = try Pipeline.load(root: notes, config: try folder.loadConfig(), forSite: false)
        } catch {
            Output.stderr("error: \(error)\n")
            throw ExitCode(2)
        }
        notebook.writeRecordsJSON(compact: compact) { Output.stdout($0) }
        // Infos are in the JSON; stderr carries what needs attention.
        if !quiet { Output.report(notebook.diagnostics.filter { $0.severity != .info }, root: notes) }
        // Done: skip tearing down the records of every note on the way out.
        Foundation.exit(notebook.diagnostics.errorCount > 0 ? 1 : 0)
    }
}
