import ArgumentParser
import NotesKit

extension GraphFormat: ExpressibleByArgument {}

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Export the knowledge graph: notes, systems, topics, claims, verdicts and how they connect.",
        discussion: """
            Formats: json (default; what Site/graph.json holds, for networkx), jgf (JSON Graph Format v2), \
            graphml (Gephi, yEd), dot (Graphviz), sqlite (a database; needs -o). Text formats go to stdout \
            unless -o is given; -o replaces FILE atomically. Notes with errors are still in the graph. \
            Exit status: 0 written, 2 the run failed (no such folder, unreadable config, sqlite without -o, unwritable FILE).
            """
    )

    @OptionGroup var folder: FolderFlags

    @Option(help: "The output format.")
    var format: GraphFormat = .json

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Write to FILE (replaced atomically) instead of stdout; '-' is stdout.", valueName: "file"))
    var output: String?

    /// The file to write; nil for stdout.
    var file: String? { output == "-" ? nil : output }


    @Flag(help: "Indent json and jgf (two spaces, a member a line); they are written without line breaks otherwise.")
    var pretty = false

    @Flag(help: "Also print the notes' diagnostics to stderr.")
    var verbose = false

    func validate() throws {
        if file == nil, !format.isText {
            throw ValidationError("--format \(format.rawValue) writes a database file; give its path with -o FILE")
        }
    }

    var notes: String { folder.notes }

    func run() throws {
        let notebook: Notebook
        do {
            notebook = try Pipeline.load(root: notes, config: folder.loadConfig(), forSite: false)
        } catch {
            Output.stderr("error: \(error)\n")
            throw ExitCode(2)
        }
        if verbose { Output.report(notebook.diagnostics, root: notes) }
        let graph = KnowledgeGraph(notebook)
        do {
            if let file {
                try graph.write(format, to: file, pretty: pretty)
            } else {
                Output.stdout(try graph.export(format, pretty: pretty))
            }
        } catch {
            Output.stderr("error: \(error)\n")
            throw ExitCode(2)
        }
    }
}
