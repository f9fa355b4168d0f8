import ArgumentParser
import Foundation
import NotesKit
import NotesServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site on loopback, rebuild what changes, reload open pages.",
        discussion: """
        Binds 127.0.0.1 only. Watches the notes, the templates and the config \
        with inotify; after each change the site is rebuilt (the caches keep \
        what did not change) and open pages reload, or show the build's errors \
        over the page until the next build passes. Stop with Ctrl-C.
        """
    )

    @OptionGroup var site: SiteFlags

    @Option(help: "The port on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "Where the served site is built (default: serve/ in the notes folder's cache folder, so Site/ is left alone).")
    var out: String?

    var notes: String { site.notes }

    func run() throws {
        Self.stopOnSignals()
        do {
            _ = try Config.load(root: notes, explicitPath: site.config)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: notes, isDirectory: &isDir), isDir.boolValue else { throw NotesError.noSuchFolder(notes) }
        } catch {
            Output.stderr("error: \(error)\n")
            throw ExitCode(2)
        }
        let request = site.request(out: "")
        let siteFolder = out ?? request.cacheFolder + "/serve"
        let root = notes
        let server = PreviewServer(
            PreviewServer.Options(notesRoot: notes, siteFolder: siteFolder, templatesFolder: request.templatesDir, configPath: site.config,
                                  port: port, unsafeHTML: site.unsafeHTML, cacheDir: site.cacheDir)
        ) { outcome, changed in
            if let first = changed.first {
                Output.stderr("changed: \(first)\(changed.count > 1 ? " and \(changed.count - 1) more" : "")\n")
            }
            switch outcome {
            case .built(let report, let seconds):
                Output.stderr(String(format: "built: %d pages (%d rendered) in %.2fs\n", report.pages, report.rendered, seconds))
            case .failed(let diagnostics, let summary):
                Output.report(diagnostics, root: root)
                Output.stderr("not rebuilt: \(summary)\n")
            }
        }
        // The server runs on Swift concurrency's threads; this one only waits.
        let started = Started()
        Task {
            do { started.finish(.success(try await server.start())) } catch { started.finish(.failure(error)) }
        }
        switch started.wait() {
        case .success(let bound):
            Output.stderr("serving \(notes) at http://127.0.0.1:\(bound)/ (site in \(siteFolder); Ctrl-C to stop)\n")
        case .failure(let error):
            Output.stderr("error: \(error)\n")
            throw ExitCode(2)
        }
        while true { sleep(3600) }
    }

    /// Ctrl-C and SIGTERM end the server once the cache files being written
    /// are complete. SIGTERM ignored by the parent (as test runners may leave
    /// it) would stay ignored, so its default is put back; SIGINT ignored (a
    /// shell's background job) stays ignored. Called before other threads
    /// start, so that they inherit the blocked signals.
    private static func stopOnSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        var interrupt = sigaction()
        sigaction(SIGINT, nil, &interrupt)
        let ignored = unsafeBitCast(interrupt.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
        if !ignored { sigaddset(&signals, SIGINT) }
        sigaddset(&signals, SIGTERM)
        signal(SIGTERM, SIG_DFL)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let waited = signals
        Thread.detachNewThread {
            var signals = waited, received: Int32 = 0
            sigwait(&signals, &received)
            CacheWriting.wait()
            Output.stderr("stopped\n")
            Foundation.exit(0)
        }
    }
}

/// The outcome of starting the server, handed from its task to the main thread.
private final class Started: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<UInt16, Error>?

    func finish(_ result: Result<UInt16, Error>) {
        self.result = result
        done.signal()
    }

    func wait() -> Result<UInt16, Error> {
        done.wait()
        return result!
    }
}
