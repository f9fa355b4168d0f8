import ArgumentParser
import CMimalloc
import Foundation

@main
struct Notesc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notesc",
        abstract: "Compile a folder of Markdown study notes: records, lint, site, knowledge graph.",
        version: "0.1.0",
        subcommands: [RecordsCommand.self, LintCommand.self, CalcCommand.self, BuildCommand.self, GraphCommand.self, QueryCommand.self, ServeCommand.self]
    )

    /// Like ArgumentParser's, but bad flags exit 2 (DESIGN §4), not 64.
    static func main() {
        if ProcessInfo.processInfo.environment["NOTESC_TIMING"] != nil {
            // Also keeps the link to mimalloc, whose malloc replaces glibc's.
            let version = Int(mi_version())
            FileHandle.standardError.write(Data("allocator: mimalloc \(version / 100).\(version % 100 / 10).\(version % 10)\n".utf8))
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
