import Foundation
import NotesKit

/// What one build of the served site did.
public enum BuildOutcome: Sendable {
    /// The site was built: what was written, and how long it took.
    case built(SiteReport, seconds: Double)
    /// Nothing was written: the errors in the notes (if any) and why.
    case failed([Diagnostic], summary: String)
}

extension PreviewServer {
    /// One build of the served site, the way `notesc build` makes it: the
    /// config (title, base URL) read anew, the notes read, checked with the
    /// parse and compile caches, and the site written with the build cache.
    /// To be replaced by the build engine's single entry.
    static func rebuild(_ options: Options) -> BuildOutcome {
        // The previous build's caches may still be being written.
        CacheWriting.wait()
        let started = Date()
        do {
            let config = try Config.load(root: options.notesRoot, explicitPath: options.configPath)
            let sources = try NoteSources.read(root: options.notesRoot)
            var site = SiteOptions(notesRoot: options.notesRoot, outDir: options.siteFolder, templatesDir: options.templatesFolder)
            if let title = config.title { site.title = title }
            site.baseURL = config.baseURL
            let prepared = SiteBuilder.prepare(site)
            let notebook = Pipeline.load(consume sources, config: config, cachedFor: options.notesRoot)
            let errors = notebook.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                return .failed(errors, summary: "\(errors.count) error\(errors.count == 1 ? "" : "s") in the notes; the site was not rebuilt")
            }
            let report = try SiteBuilder.build(notebook, options: site, prepared: prepared)
            return .built(report, seconds: Date().timeIntervalSince(started))
        } catch {
            return .failed([], summary: "the site was not rebuilt: \(error)")
        }
    }
}
