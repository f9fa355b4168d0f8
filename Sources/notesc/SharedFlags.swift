import ArgumentParser
import Foundation
import NotesKit

/// The notes folder and its config: every command that reads a folder takes them.
struct FolderFlags: ParsableArguments {
    @Argument(help: "The notes folder.")
    var notes: String = "Notes"

    @Option(help: "Config file (default: notesc.yml in the notes folder): site title, base URL, rule severities, aliases.")
    var config: String?

    /// The folder's config (`--config`, else its `notesc.yml`, else the defaults).
    func loadConfig() throws -> Config { try Config.load(root: notes, explicitPath: config) }
}

/// The flags of the commands that build a site (`build`, `serve`).
struct SiteFlags: ParsableArguments {
    @OptionGroup var folder: FolderFlags

    var notes: String { folder.notes }
    var config: String? { folder.config }

    @Option(help: "Templates and assets that replace the built-in ones by name (default: ./Templates when present).")
    var templates: String?

    @Flag(help: "Pass raw HTML in notes through to the pages (GFM's tagfilter still applies).")
    var unsafeHTML = false

    @Option(help: "The cache folder (default: one per notes folder in $XDG_CACHE_HOME/notesc, else ~/.cache/notesc).")
    var cacheDir: String?

    /// `--templates`, else `./Templates` when it is a folder.
    var templatesDir: String? {
        if let templates { return templates }
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: "Templates", isDirectory: &isDir) && isDir.boolValue ? "Templates" : nil
    }

    /// The build these flags ask for, into `out`.
    func request(out: String, infos: Bool = false, keepGoing: Bool = false) -> BuildRequest {
        BuildRequest(notesRoot: notes, outDir: out, templatesDir: templatesDir, configPath: config,
                     unsafeHTML: unsafeHTML, cacheDir: cacheDir, infos: infos, keepGoing: keepGoing)
    }
}
