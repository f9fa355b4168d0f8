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

    @Argument(help: "The notes folder.")
    var notes: String = "Notes"

    @Option(help: "The port on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "Where the served site is built (default: $XDG_CACHE_HOME/notesc/serve-<hash of the notes folder>, ~/.cache when unset).")
    var out: String?

    @Option(help: "Templates and assets that replace the built-in ones by name (default: ./Templates when present).")
    var templates: String?

    @Option(help: "Config file (default: notesc.yml in the notes folder): site title, base URL, rule severities, aliases.")
    var config: String?

    func run() throws {
        Self.stopOnSignals()
        do {
            _ = try Config.load(root: notes, explicitPath: config)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: notes, isDirectory: &isDir), isDir.boolValue else { throw NotesError.noSuchFolder(notes) }
        } catch {
            Output.stderr("error: \(error)\n")
            throw ExitCode(2)
        }
        var templatesDir = templates
        var isDir: ObjCBool = false
        if templatesDir == nil, FileManager.default.fileExists(atPath: "Templates", isDirectory: &isDir), isDir.boolValue { templatesDir = "Templates" }
        let site = out ?? Self.defaultSiteFolder(notes: notes)
        let root = notes
        let server = PreviewServer(
            PreviewServer.Options(notesRoot: notes, siteFolder: site, templatesFolder: templatesDir, configPath: config, port: port)
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
            Output.stderr("serving \(notes) at http://127.0.0.1:\(bound)/ (site in \(site); Ctrl-C to stop)\n")
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

    /// The folder the served site is built into unless `--out` names one:
    /// `${XDG_CACHE_HOME:-$HOME/.cache}/notesc/serve-<short hash of the
    /// notes folder's absolute path>`, so the working folder and `Site/` are
    /// left alone and two notes folders never share a site. (It stands in
    /// for the build engine's cache-folder function until that exists.)
    static func defaultSiteFolder(notes: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var cache = environment["XDG_CACHE_HOME"] ?? ""
        // The XDG spec: a relative path is invalid and ignored.
        if !cache.hasPrefix("/") { cache = (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache" }
        let absolute = URL(fileURLWithPath: notes).standardizedFileURL.path
        // FNV-1a, 64 bits: stable across runs and machines, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in absolute.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return cache + "/notesc/serve-" + padded.prefix(12)
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
