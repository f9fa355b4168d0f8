import Foundation
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Where a build may write. `--out` may not be the notes folder, a folder
/// that contains it, `/`, or the home folder: a build removes files it wrote
/// there before, and a slip of the keyboard must not cost anyone their notes.
package enum OutputLocation {
    /// The absolute, symlink-resolved output folder, or `SiteError.refusedOutput`.
    package static func check(_ out: String, notesRoot: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) throws -> String {
        guard !out.isEmpty else { throw SiteError.refusedOutput("--out is empty; name the folder the site goes into") }
        let target = resolve(out)
        let notes = resolve(notesRoot)
        if target == "/" { throw SiteError.refusedOutput("refusing to build into '/'; choose a folder of its own, e.g. --out Site") }
        if let home, !home.isEmpty, target == resolve(home) {
            throw SiteError.refusedOutput("refusing to build into the home folder '\(out)'; choose a folder of its own, e.g. --out Site")
        }
        if target == notes { throw SiteError.refusedOutput("refusing to build into the notes folder '\(out)'; choose another folder, e.g. --out Site") }
        if notes.hasPrefix(target + "/") {
            throw SiteError.refusedOutput("refusing to build into '\(out)': it contains the notes folder '\(notesRoot)'; choose a folder beside it, e.g. --out Site")
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDir), !isDir.boolValue {
            throw SiteError.refusedOutput("'\(out)' is a file, not a folder")
        }
        return target
    }

    /// The absolute path with symlinks resolved, also for a path that does
    /// not exist yet (its existing ancestor is resolved, the rest appended).
    static func resolve(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = URL(fileURLWithPath: absolute).standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var resolved = existing.resolvingSymlinksInPath().path
        for part in rest { resolved += (resolved.hasSuffix("/") ? "" : "/") + part }
        return resolved
    }
}
