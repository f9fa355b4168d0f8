import Foundation
import NotesKit

/// `notesc serve`: builds the site, serves it on 127.0.0.1, watches the notes
/// and templates with inotify, rebuilds after each burst of changes (the
/// caches keep what did not change) and tells open pages to reload, or to
/// show the errors of a build that failed.
public final class PreviewServer: @unchecked Sendable {
    public struct Options: Sendable {
        /// The notes folder, watched with its subfolders.
        public var notesRoot: String
        /// Where the served site is built.
        public var siteFolder: String
        /// Templates and assets that replace the built-in ones; watched too.
        public var templatesFolder: String?
        /// The config file when not `notesc.yml` in the notes folder; watched too.
        public var configPath: String?
        /// The port on 127.0.0.1; 0 picks a free one.
        public var port: UInt16
        /// How long the folders must be quiet after a change before a rebuild starts.
        public var debounce: TimeInterval
        /// Pass raw HTML in notes through, as `notesc build --unsafe-html`.
        public var unsafeHTML: Bool
        /// The cache folder; nil for the notes folder's own (`CacheFolder`).
        public var cacheDir: String?

        public init(notesRoot: String, siteFolder: String, templatesFolder: String? = nil, configPath: String? = nil,
                    port: UInt16 = 8000, debounce: TimeInterval = 0.05, unsafeHTML: Bool = false, cacheDir: String? = nil) {
            self.notesRoot = notesRoot; self.siteFolder = siteFolder; self.templatesFolder = templatesFolder
            self.configPath = configPath; self.port = port; self.debounce = debounce
            self.unsafeHTML = unsafeHTML; self.cacheDir = cacheDir
        }
    }

    /// A build's outcome, for the terminal; `changed` lists the paths that
    /// started it (empty for the first build).
    public typealias Report = @Sendable (_ outcome: ServedBuild, _ changed: [String]) -> Void

    public let options: Options
    private let report: Report
    private let events = ReloadEvents()
    private var server: SiteServer?
    private var watcher: FolderWatcher?

    public init(_ options: Options, report: @escaping Report = { _, _ in }) {
        self.options = options
        self.report = report
    }

    /// Starts watching, builds once, then serves; returns the port.
    public func start() async throws -> UInt16 {
        let watcher = try FolderWatcher(watchedFolders(), excluding: [options.siteFolder], debounce: options.debounce) { [self] changed in
            build(changed: changed)
        }
        self.watcher = watcher
        // The first build runs on the watcher's thread (it blocks for a while);
        // changes made meanwhile are already being recorded.
        await withCheckedContinuation { (built: CheckedContinuation<Void, Never>) in
            watcher.run { [self] in
                build(changed: [])
                built.resume()
            }
        }
        let server = try SiteServer(siteFolder: options.siteFolder, port: options.port, events: events)
        self.server = server
        do {
            return try await server.start()
        } catch {
            watcher.stop()
            throw error
        }
    }

    /// Stops watching and serving; open event streams end.
    public func stop() async {
        watcher?.stop()
        await server?.stop()
    }

    private func build(changed: [String]) {
        let outcome = Self.rebuild(options)
        switch outcome {
        case .built:
            events.buildPassed()
        case .failed(let diagnostics, let summary):
            events.buildFailed(diagnostics, summary: summary, root: options.notesRoot)
        }
        report(outcome, changed)
    }

    /// The notes folder (notes, attachments, folders, `notesc.yml`), the
    /// templates folder (any file) and the folder of a config file named by path.
    private func watchedFolders() -> [FolderWatcher.Folder] {
        var folders = [FolderWatcher.Folder(path: options.notesRoot, recursive: true) { name, _ in
            // Any file but hidden ones and editors' backup and swap files:
            // an image pasted into the vault is an attachment a note may embed.
            !name.hasPrefix(".") && !name.hasSuffix("~") && !name.hasSuffix(".swp") && !name.hasSuffix(".swx")
                && !name.hasSuffix(".tmp") && name != "4913"
        }]
        if let templates = options.templatesFolder {
            folders.append(FolderWatcher.Folder(path: templates, recursive: true) { name, _ in
                // Not an editor's backup or swap file.
                !name.hasSuffix("~") && !name.hasSuffix(".swp") && !name.hasSuffix(".swx") && name != "4913"
            })
        }
        if let config = options.configPath {
            let url = URL(fileURLWithPath: config)
            let name = url.lastPathComponent
            folders.append(FolderWatcher.Folder(path: url.deletingLastPathComponent().path, recursive: false) { changed, _ in changed == name })
        }
        return folders
    }
}
