import ArgumentParser
import Foundation
import NotesKit

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site on loopback, rebuild what changes, reload open pages.",
        discussion: "Binds 127.0.0.1 only. Stop with Ctrl-C."
    )

    @Argument(help: "The notes folder.")
    var notes: String = "Notes"

    @Option(help: "The port on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "Where the served site is built (default: .notesc-cache/serve, so Site/ is left alone).")
    var out: String = ".notesc-cache/serve"

    @Option(help: "Templates and assets that replace the built-in ones by name (default: ./Templates when present).")
    var templates: String?

    @Option(help: "Config file (default: notesc.yml in the notes folder).")
    var config: String?

    func run() throws {
        let settings: Config
        do {
            settings = try Config.load(root: notes, explicitPath: config)
            guard FileManager.default.fileExists(atPath: notes) else { throw NotesError.noSuchFolder(notes) }
        } catch {
            Output.stderr("error: \(error)\n")
            throw ExitCode(2)
        }
        var templatesDir = templates
        var isDir: ObjCBool = false
        if templatesDir == nil, FileManager.default.fileExists(atPath: "Templates", isDirectory: &isDir), isDir.boolValue { templatesDir = "Templates" }
        let root = notes
        let server = PreviewServer(
            PreviewServer.Options(notesRoot: notes, siteDir: out, templatesDir: templatesDir, config: settings, port: port)
        ) { event in
            switch event {
            case .built(let report, let seconds):
                Output.stderr(String(format: "built: %d pages (%d rendered) in %.2fs\n", report.pages, report.rendered, seconds))
            case .failed(let diagnostics, let why):
                Output.report(diagnostics, root: root)
                Output.stderr("not rebuilt: \(why)\n")
            }
        }
        let bound: UInt16
        do {
            bound = try server.start()
        } catch {
            Output.stderr("error: \(error)\n")
            throw ExitCode(2)
        }
        Output.stderr("serving \(notes) at http://127.0.0.1:\(bound)/ (Ctrl-C to stop)\n")
        while true { sleep(3600) }
    }
}
