import ArgumentParser
import Foundation
import NotesKit

extension LintFormat: ExpressibleByArgument {}

/// `--min-verified 50` or `50%`: a percentage from 0 to 100.
struct Percentage: ExpressibleByArgument {
    var value: Double

    init?(argument: String) {
        var text = argument.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") { text.removeLast() }
        guard let value = Double(text), value.isFinite, (0...100).contains(value) else { return nil }
        self.value = value
    }

}

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check notes: references, structure, metadata, encoding, calculations.",
        discussion: """
            Exit status: 0 no errors, 1 errors (or warnings with --strict, or verified claims \
            below --min-verified), 2 the run failed (no such folder, unreadable config, bad flags).
            """
    )

    @OptionGroup var folder: FolderFlags

    @Option(help: "Output format: human, json, sarif or github.")
    var format: LintFormat = .human

    @Flag(help: "Repair what is safely fixable (mojibake) in place, then report what is left.")
    var fix = false

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(name: .customLong("min-verified"), help: ArgumentHelp(
        "Fail when fewer than this percentage of the numeric claims are verified by a calc check (50 or 50%).",
        valueName: "PCT"))
    var minVerified: Percentage?

    var notes: String { folder.notes }

    func run() throws {
        let root = notes
        let loaded: Config
        let notebook: Notebook
        let lines: SourceLines
        do {
            loaded = try folder.loadConfig()
            if fix {
                let fixes = try MojibakeFixer.fix(root: root, config: loaded)
                for f in fixes {
                    Output.stderr("fixed \(LintReport.path(root, f.file)):\(f.line):\(f.column): '\(f.original)' → '\(f.fixed)'\n")
                }
                if !fixes.isEmpty {
                    let files = Set(fixes.map(\.file)).count
                    Output.stderr("fixed \(fixes.count) mis-decoded run\(fixes.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")\n")
                }
            }
            var checked: Notebook
            (checked, lines) = try Pipeline.loadKeepingSources(root: root, config: loaded, entities: false, forSite: false)
            // Query blocks are run, not only compiled: a query past its time limit is an error too.
            QueryStage.check(&checked, config: loaded, silenced: lines.silences)
            notebook = checked
        } catch {
            Output.stderr("error: \(error)\n")
            throw ExitCode(2)
        }
        let coverage = ClaimCoverage(notebook.notes)
        let report = LintReport(diagnostics: notebook.diagnostics, filesChecked: notebook.notes.count, root: root,
                                claims: coverage, sourceLine: { lines.line($0, $1) })
        let color = format == .human && isatty(1) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        Output.stdout(format.reporter(color: color).bytes(report))
        var failed = notebook.diagnostics.errorCount > 0 || (strict && notebook.diagnostics.warningCount > 0)
        if let minimum = minVerified?.value, !coverage.meets(minimum) {
            Output.stderr("error: \(coverage.summary), below --min-verified \(ClaimCoverage.percentText(minimum))\n")
            failed = true
        }
        // Done: skip tearing down the records of every note on the way out.
        Foundation.exit(failed ? 1 : 0)
    }
}

extension LintReport {
    static func path(_ root: String, _ file: String) -> String {
        LintReport(diagnostics: [], filesChecked: 0, root: root, sourceLine: { _, _ in nil }).displayPath(file)
    }
}
