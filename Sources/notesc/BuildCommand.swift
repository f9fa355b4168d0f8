import ArgumentParser
import Foundation
import NotesKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static website of a notes folder.",
        discussion: """
        Pages are written into a staging folder and moved into --out only when \
        the whole build succeeded. Exit status: 0 built, 1 errors in notes \
        (nothing written), 2 the run failed (refused --out, bad templates, I/O).
        """
    )

    @Argument(help: "The notes folder.")
    var notes: String = "Notes"

    @Option(help: "The folder the site goes into. Not the notes folder, a folder containing it, / or the home folder.")
    var out: String = "Site"

    @Option(help: "Templates and assets that replace the built-in ones by name (default: ./Templates when present).")
    var templates: String?

    @Flag(help: "Pass raw HTML in notes through to the pages (GFM's tagfilter still applies).")
    var unsafeHTML = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print every diagnostic, infos included, and what was written.")
    var verbose = false

    @Option(help: "Config file (default: notesc.yml in the notes folder): site title, base URL, rule severities, aliases.")
    var config: String?

    func run() throws {
        let started = Date()
        var clock = StageClock()
        let settings: Config
        let sources: NoteSources
        do {
            settings = try Config.load(root: notes, explicitPath: config)
            sources = try NoteSources.read(root: notes)
        } catch {
            Output.stderr("error: \(error)\n")
            throw ExitCode(2)
        }
        clock.lap("read")
        var templatesDir = templates
        var isDir: ObjCBool = false
        if templatesDir == nil, FileManager.default.fileExists(atPath: "Templates", isDirectory: &isDir), isDir.boolValue { templatesDir = "Templates" }
        var options = SiteOptions(notesRoot: notes, outDir: out, templatesDir: templatesDir, unsafeHTML: unsafeHTML)
        if let title = settings.title { options.title = title }
        options.baseURL = settings.baseURL
        // Nothing changed since the last build, and its output is as it left
        // it: say what it said, without parsing a note.
        let inputs = BuildRecord.inputs(sources, config: settings, options: options)
        let record = inputs.flatMap { BuildRecord.current(outDir: out, notesRoot: notes, inputs: $0, infos: verbose) }
        clock.lap("record")
        if let record {
            report(record.diagnostics)
            summary(notes: record.notes, pages: record.pages, rendered: 0, files: record.files, removed: 0, since: started)
            Foundation.exit(0)
        }
        // The templates load on another thread while the notes are checked.
        let prepared = SiteBuilder.prepare(options)
        // The notes' bytes are not needed past here (pages read their Markdown
        // again, one at a time): `consume` lets them go before the site is built.
        let notebook = Pipeline.load(consume sources, config: settings, cachedFor: notes)
        // The caches may still be being written: wait for them however the build ends.
        defer { CacheWriting.wait() }
        report(notebook.diagnostics)
        clock.lap("diagnostics")
        // From here the output may change: the old record no longer describes it.
        BuildRecord.forget(outDir: out, notesRoot: notes)
        do {
            // A progress line only on a terminal: logs and CI get the summary alone.
            let progress: (@Sendable (Int, Int) -> Void)? = !quiet && isatty(2) == 1 ? Self.showProgress : nil
            let report = try SiteBuilder.build(notebook, options: options, prepared: prepared, progress: progress)
            clock.lap("site:returned")
            if let inputs {
                BuildRecord.save(outDir: out, notesRoot: notes, inputs: inputs, notes: notebook.notes.count, report: report,
                                 diagnostics: notebook.diagnostics, infos: verbose)
            }
            clock.lap("record")
            CacheWriting.wait()
            summary(notes: notebook.notes.count, pages: report.pages, rendered: report.rendered, files: report.files,
                    removed: report.removed, since: started)
            // Done: end here rather than free the notebook's records one by one
            // on the way out (a tenth of a second at 10,000 notes). Output is
            // written unbuffered, so nothing is lost.
            Foundation.exit(0)
        } catch let error as SiteError {
            Output.stderr("error: \(error)\n")
            if case .notesHaveErrors = error { throw ExitCode(1) }
            throw ExitCode(2)
        }
    }

    /// The diagnostics `--quiet` and `--verbose` leave to show.
    private func report(_ diagnostics: [Diagnostic]) {
        let shown = diagnostics.filter { d in
            d.severity == .error || (!quiet && (verbose || d.severity == .warning))
        }
        Output.report(shown, root: notes)
    }

    private func summary(notes count: Int, pages: Int, rendered: Int, files: Int, removed: Int, since started: Date) {
        guard !quiet else { return }
        let seconds = Date().timeIntervalSince(started)
        var line = "built \(count) notes into \(out): \(pages) pages (\(rendered) rendered, \(pages - rendered) unchanged), \(files) files"
        if removed > 0 { line += ", \(removed) old files removed" }
        Output.stderr(line + String(format: " in %.2fs\n", seconds))
    }

    /// `rendering pages: 120/4000`, rewritten in place; cleared at the end.
    @Sendable static func showProgress(_ done: Int, _ total: Int) {
        Output.stderr("\rrendering pages: \(done)/\(total)" + (done == total ? "\r\u{1B}[K" : ""))
    }
}
