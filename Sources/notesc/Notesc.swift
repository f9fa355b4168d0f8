import ArgumentParser

@main
struct Notesc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notesc",
        abstract: "Compile a folder of Markdown study notes: records, lint, site, knowledge graph.",
        version: "0.1.0",
        subcommands: [RecordsCommand.self]
    )
}
