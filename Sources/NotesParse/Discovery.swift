import Foundation
#if canImport(Glibc)
import Glibc
import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport
#endif

/// A Markdown file found below the notes root.
public struct NoteFile: Hashable, Sendable {
    /// The path below the root without `.md`.
    public var id: String
    /// The path below the root.
    public var path: String
    /// The path to open.
    public var absolutePath: String
}

/// Finds every `*.md` below the notes root, in a stable order, and the paths
/// of the other files (attachments: images, PDFs), without reading them.
/// Hidden files and folders (`.git`, `.obsidian`) and excluded ones are
/// skipped; symlinks are followed only to files inside the root, never to
/// folders (no loops, no escapes).
package enum Discovery {
    static func find(root: String, exclude: ExcludePatterns = ExcludePatterns()) throws
        -> (files: [NoteFile], diagnostics: [Diagnostic], attachments: [String], attachmentStamp: UInt64) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDir) else { throw NotesError.noSuchFolder(root) }
        guard isDir.boolValue else { throw NotesError.notAFolder(root) }
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        var files: [NoteFile] = []
        var diagnostics: [Diagnostic] = []
        var attachments: [String] = []
        /// Each attachment's size and time: a changed image must be copied again.
        var stamps: [String: (Int, Int, Int)] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: folder)
            } catch {
                diagnostics.append(Diagnostic(file: relative.isEmpty ? "." : relative, range: nil, rule: .unreadableFile,
                                              message: "cannot read folder: \(describe(errnoOf(error)))"))
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let rel = relative.isEmpty ? name : relative + "/" + name
                let full = root + "/" + rel
                var st = stat()
                guard lstat(full, &st) == 0 else { continue }
                let type = st.st_mode & S_IFMT
                if !exclude.isEmpty, exclude.excludes(rel, isFolder: type == S_IFDIR) { continue }
                if type == S_IFDIR {
                    pending.append(rel)
                    continue
                }
                guard name.lowercased().hasSuffix(".md") else {
                    if type == S_IFLNK, !isFileInside(full, realRoot: realRoot) {
                        // A file linked in from outside the notes folder is never published.
                        var target = stat()
                        if stat(full, &target) == 0, target.st_mode & S_IFMT == S_IFREG {
                            diagnostics.append(Diagnostic(
                                file: rel, range: nil, severity: .warning, rule: Rule.unreadableFile.id,
                                message: "symlink points outside the notes folder; not an attachment, never published",
                                suggestion: "copy the file into the notes folder instead of linking to it"))
                        }
                        continue
                    }
                    if type == S_IFREG || type == S_IFLNK {
                        attachments.append(rel)
                        var target = st
                        if type == S_IFLNK { _ = stat(full, &target) }
                        stamps[rel] = (Int(target.st_size), Int(target.st_mtim.tv_sec), Int(target.st_mtim.tv_nsec))
                    }
                    continue
                }
                if type == S_IFLNK {
                    let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
                    var targetIsDir: ObjCBool = false
                    let exists = fm.fileExists(atPath: target, isDirectory: &targetIsDir)
                    guard exists, !targetIsDir.boolValue, target.hasPrefix(realRoot + "/") else {
                        diagnostics.append(Diagnostic(
                            file: rel, range: nil, severity: .warning, rule: Rule.unreadableFile.id,
                            message: exists ? "symlink points outside the notes folder; not followed" : "symlink points nowhere (or loops); not followed",
                            suggestion: "copy the note into the notes folder instead of linking to it"))
                        continue
                    }
                } else if type != S_IFREG {
                    continue
                }
                files.append(NoteFile(id: String(rel.dropLast(3)), path: rel, absolutePath: full))
            }
        }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        // By bytes, with each path's bytes made once: comparing through
        // `utf8` views was 4% of linting a vault of 20,000 images.
        attachments = attachments.map { (Array($0.utf8), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
        var stamp = StableHash()
        for path in attachments {
            let (size, seconds, nanoseconds) = stamps[path] ?? (0, 0, 0)
            stamp.add(path)
            stamp.add(word: UInt64(truncatingIfNeeded: size))
            stamp.add(word: UInt64(truncatingIfNeeded: seconds) &* 1_000_000_007 &+ UInt64(truncatingIfNeeded: nanoseconds))
        }
        return (files, diagnostics, attachments, attachments.isEmpty ? 0 : stamp.value)
    }

    /// Whether the symlink at `path` leads to a regular file inside the root.
    private static func isFileInside(_ path: String, realRoot: String) -> Bool {
        guard let resolved = realpath(path, nil) else { return false }
        defer { free(resolved) }
        var st = stat()
        return String(cString: resolved).hasPrefix(realRoot + "/") && stat(resolved, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
    }

    private static func errnoOf(_ error: Error) -> Int32 {
        ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { Int32($0.code) } ?? EACCES
    }

    package static func describe(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }

    /// Reads a whole file with POSIX calls (no extra copies, no Foundation bridging).
    package static func read(_ path: String) -> Result<[UInt8], NotesError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(path, describe(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable(path, describe(errno))) }
        // One byte past the size, so the read that finds the end needs no
        // more room (growing the array on it doubled what every note held),
        // read into unset memory (setting 80 MB of cache to zero first cost
        // as much as reading it).
        let room = max(Int(st.st_size), 0) + 1
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        // The file grew since it was measured: the rest a piece at a time.
        if failure == 0, bytes.count == room {
            var piece = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = piece.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                bytes.append(contentsOf: piece[..<n])
            }
        }
        guard failure == 0 else { return .failure(.unreadable(path, describe(failure))) }
        return .success(bytes)
    }
}

/// Failures of a run itself (exit status 2), as opposed to problems in notes.
public enum NotesError: Error, CustomStringConvertible, Equatable {
    case noSuchFolder(String)
    case notAFolder(String)
    case unreadable(String, String)
    case invalidConfig(String)

    public var description: String {
        switch self {
        case .noSuchFolder(let p): "no such folder: \(p)"
        case .notAFolder(let p): "not a folder: \(p)"
        case .unreadable(let p, let why): "cannot read \(p): \(why)"
        case .invalidConfig(let why): why
        }
    }
}
