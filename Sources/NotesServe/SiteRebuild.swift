import Foundation
import NotesKit

/// What one build of the served site did.
public enum ServedBuild: Sendable {
    /// The site was built: what was written, and how long it took.
    case built(SiteReport, seconds: Double)
    /// Nothing was written: the errors in the notes (if any) and why.
    case failed([Diagnostic], summary: String)
}

extension PreviewServer {
    /// One build of the served site: `notesc build`'s own (`BuildEngine`),
    /// with the config read anew and the notes' caches.
    static func rebuild(_ options: Options) -> ServedBuild {
        let started = Date()
        let request = BuildRequest(notesRoot: options.notesRoot, outDir: options.siteFolder, templatesDir: options.templatesFolder,
                                   configPath: options.configPath, unsafeHTML: options.unsafeHTML, cacheDir: options.cacheDir)
        do {
            let outcome = try BuildEngine.build(request)
            return .built(outcome.site, seconds: Date().timeIntervalSince(started))
        } catch BuildFailure.site(.notesHaveErrors(let count), let diagnostics) {
            return .failed(diagnostics.filter { $0.severity == .error },
                           summary: "\(count) error\(count == 1 ? "" : "s") in the notes; the site was not rebuilt")
        } catch {
            return .failed([], summary: "the site was not rebuilt: \(error)")
        }
    }
}
