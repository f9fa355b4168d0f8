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
        (nothing written, or with --keep-going the site written anyway), \
        2 the run failed (refused --out, bad templates, I/O).
        """
    )

    @OptionGroup var site: SiteFlags

    @Option(help: "The folder the site goes into. Not the notes folder, a folder containing it, / or the home folder.")
    var out: String = "Site"

    @Flag(help: "Write the site even when the notes have errors (broken links are marked on their pages); still exit 1.")
    var keepGoing = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print every diagnostic, infos included, and what was written.")
    var verbose = false

    func run() throws {
        let started = Date()
        // A progress line only on a terminal: logs and CI get the summary alone.
        let progress: (@Sendable (Int, Int) -> Void)? = !quiet && isatty(2) == 1 ? Self.showProgress : nil
        do {
            let outcome = try BuildEngine.build(site.request(out: out, infos: verbose, keepGoing: keepGoing),
                                                checked: report, progress: progress)
            summary(outcome, since: started)
            if outcome.errors > 0 {
                let n = outcome.errors
                Output.stderr("error: \(n) error\(n == 1 ? "" : "s") in the notes; the site was written anyway (--keep-going)\n")
                throw ExitCode(1)
            }
            // Done: end here rather than free the notebook's records one by
            // one on the way out (a tenth of a second at 10,000 notes).
            // Output is written unbuffered, so nothing is lost.
            Foundation.exit(0)
        } catch BuildFailure.setup(let why) {
            Output.stderr("error: \(why)\n")
            throw ExitCode(2)
        } catch BuildFailure.site(let error, let diagnostics) {
            Output.stderr("error: \(error)\n")
            if case .notesHaveErrors = error {
                Output.stderr(Self.howToGoOn(diagnostics))
                throw ExitCode(1)
            }
            throw ExitCode(2)
        }
    }

    /// The last line of a build that failed on errors in the notes: the
    /// three ways forward (DESIGN §5), the config example naming the rule
    /// of the first error.
    static func howToGoOn(_ diagnostics: [Diagnostic]) -> String {
        let rule = diagnostics.first { $0.severity == .error }?.rule ?? "broken-link"
        return "to go on: fix the errors above, set their rules' severity in notesc.yml (rules: {\(rule): warning}), "
            + "or build with --keep-going to write the site anyway\n"
    }

    /// The diagnostics `--quiet` and `--verbose` leave to show.
    private func report(_ diagnostics: [Diagnostic], _ lines: SourceLines) {
        func shows(_ severity: Severity) -> Bool { severity == .error || (!quiet && (verbose || severity == .warning)) }
        // Most builds show them all: then they are not copied into another list.
        let all = diagnostics.indices.allSatisfy { shows(diagnostics[$0].severity) }
        Output.report(all ? diagnostics : diagnostics.filter { shows($0.severity) }, root: site.notes, lines: lines)
    }

    private func summary(_ outcome: BuildOutcome, since started: Date) {
        guard !quiet else { return }
        let seconds = Date().timeIntervalSince(started)
        let s = outcome.site
        var line = "built \(outcome.notes) notes into \(out): \(s.pages) pages (\(s.rendered) rendered, \(s.pages - s.rendered) unchanged), \(s.files) files"
        if s.removed > 0 { line += ", \(s.removed) old files removed" }
        Output.stderr(line + String(format: " in %.2fs\n", seconds))
        for notice in s.notices { Output.stderr("note: \(notice)\n") }
    }

    /// `rendering pages: 120/4000`, rewritten in place; cleared at the end.
    @Sendable static func showProgress(_ done: Int, _ total: Int) {
        Output.stderr("\rrendering pages: \(done)/\(total)" + (done == total ? "\r\u{1B}[K" : ""))
    }
}
