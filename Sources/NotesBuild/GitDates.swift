import Foundation
import NotesModel
import NotesSupport

/// Dates for notes that state none, from git (DESIGN §5): the day of the
/// last commit that touched the file, as `YYYY-MM-DD` in the committer's
/// time zone (`git log --format=%cs`). The same commit gives the same dates,
/// so the same bytes; a file git does not track has no date. When the notes
/// folder is in no repository, or git is not installed, no note gets one.
enum GitDates {
    /// The commit checked out in the repository holding `root`, or nil when
    /// there is none: it joins the build's fingerprint, so a new commit
    /// (which may date a note) rebuilds.
    static func head(_ root: String) -> String? {
        guard let out = run(["-C", root, "rev-parse", "--verify", "-q", "HEAD"]) else { return nil }
        let line = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? nil : line
    }

    /// The last commit's day of each of `paths` (relative to `root`) that git
    /// knows. One pass over the history, newest first, stopping once every
    /// path is dated: the first time a path shows up is its last commit.
    static func dates(_ root: String, paths: Set<String>) -> [String: String] {
        guard !paths.isEmpty else { return [:] }
        // `--relative` names files from `root`, not the repository's top;
        // -z separates names with NUL, so any file name survives.
        let arguments = ["-C", root, "-c", "core.quotepath=off", "log", "--format=%x01%cs", "--name-only", "-z",
                         "--no-renames", "--relative", "--", "."]
        var found: [String: String] = [:]
        var day = ""
        _ = run(arguments) { chunk in
            for field in chunk.split(separator: 0, omittingEmptySubsequences: true) {
                var name = Substring(decoding: field, as: UTF8.self)
                // A commit's line: \x01YYYY-MM-DD, then a newline before its first file name.
                if name.first == "\u{1}" {
                    let parts = name.dropFirst().split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
                    day = String(parts.first ?? "")
                    guard parts.count > 1 else { continue }
                    name = parts[1]
                }
                name = name.drop { $0 == "\n" }
                let path = String(name)
                if found[path] == nil, paths.contains(path) {
                    found[path] = day
                    if found.count == paths.count { return false }
                }
            }
            return true
        }
        return found.filter { isDay($0.value) }
    }

    private static func isDay(_ s: String) -> Bool {
        let b = Array(s.utf8)
        return b.count == 10 && b[4] == UInt8(ascii: "-") && b[7] == UInt8(ascii: "-")
    }

    /// Runs git with `arguments`; `consume` gets its output as it comes and
    /// returns false to stop reading (git is then ended). The whole output
    /// when there is no `consume`; nil when git failed or is missing.
    @discardableResult
    private static func run(_ arguments: [String], consume: ((ArraySlice<UInt8>) -> Bool)? = nil) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"   // reading must not take the index lock
        environment["LC_ALL"] = "C"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // POSIX reads, retried when a signal interrupts them: FileHandle's
        // `availableData` traps on EINTR (a child process ending elsewhere).
        let fd = pipe.fileHandleForReading.fileDescriptor
        var all: [UInt8] = []
        var pending: [UInt8] = []
        var stopped = false
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            let data = buffer[..<n]
            if let consume {
                pending += data
                // Hand over whole NUL-ended fields only; the rest waits for more.
                guard let last = pending.lastIndex(of: 0) else { continue }
                let ready = pending[...last]
                if !consume(ready) {
                    stopped = true
                    process.terminate()
                    break
                }
                pending = Array(pending[(last + 1)...])
            } else {
                all += data
            }
        }
        if stopped {
            process.waitUntilExit()
            return all
        }
        if let consume, !pending.isEmpty { _ = consume(pending[...]) }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? all : nil
    }
}
