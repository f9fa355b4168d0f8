import Foundation
#if canImport(Glibc)
import Glibc
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport
#endif

/// Writes a build into a staging folder beside `--out`, then moves it into
/// place: a build that fails half-way leaves the previous output as it was.
/// `.notesc-manifest` lists the files a build wrote, so the next build
/// removes those it no longer writes and never touches anything else.
package final class OutputWriter: @unchecked Sendable {
    static let manifestName = ".notesc-manifest"

    let outDir: String
    let stagingDir: String
    private var written: [String] = []
    /// Files the previous build wrote with the same content: left in place.
    private var kept = Set<String>()
    private let lock = NSLock()

    init(outDir: String) throws {
        self.outDir = outDir
        let url = URL(fileURLWithPath: outDir)
        stagingDir = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".notesc-staging"
        if FileManager.default.fileExists(atPath: stagingDir) { try? FileManager.default.removeItem(atPath: stagingDir) }
        try Self.makeDirectory(stagingDir)
    }

    /// Opens `full`, a path below the staging folder, for writing; its folder
    /// is made when missing, so a rebuild that writes a few files makes a few
    /// folders, not the site's thousands.
    private static func create(_ full: String) throws -> Int32 {
        var fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT, let slash = full.lastIndex(of: "/") {
            try makeDirectory(String(full[..<slash]))
            fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw SiteError.io("cannot create \(full): \(errnoText())") }
        return fd
    }

    func write(_ path: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try write(path, UnsafeRawBufferPointer($0)) }
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(path, $0) }
    }

    /// Writes a file `produce` hands over piece by piece; when `produce`
    /// throws, the file is not written (and may be written again).
    func write(_ path: String, streaming produce: (_ sink: @escaping (UnsafeRawBufferPointer) -> Void) throws -> Void) throws {
        let full = stagingDir + "/" + path
        let file = try Self.createDirect(full)
        var closed = false
        defer { if !closed { file.close() } }
        try produce { buffer in file.write(buffer) }
        closed = true
        if let why = file.close() { throw SiteError.io("cannot write \(full): \(why)") }
        lock.lock()
        written.append(path)
        lock.unlock()
    }

    private func write(_ path: String, _ buffer: UnsafeRawBufferPointer) throws {
        try Self.writeFile(stagingDir + "/" + path, buffer)
        lock.lock()
        written.append(path)
        lock.unlock()
    }

    /// Copies the file at `source` to `path`, a megabyte at a time; when
    /// the previous build's `path` has the same bytes it is kept instead.
    func copy(_ source: String, to path: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw SiteError.io("cannot read \(source): \(Self.errnoText())") }
        defer { close(input) }
        // The previous build's copy has the source's size and time (copies
        // take the source's time): kept without reading either, as rsync
        // does. Otherwise it is kept when its bytes are the same.
        var st = stat(), previous = stat()
        guard fstat(input, &st) == 0 else { throw SiteError.io("cannot read \(source): \(Self.errnoText())") }
        if stat(outDir + "/" + path, &previous) == 0, previous.st_mode & S_IFMT == S_IFREG, previous.st_size == st.st_size,
           previous.st_mtim.tv_sec == st.st_mtim.tv_sec, previous.st_mtim.tv_nsec == st.st_mtim.tv_nsec, keep(path) { return }
        if Self.sameBytes(input, outDir + "/" + path), keep(path) { return }
        guard lseek(input, 0, SEEK_SET) == 0 else { throw SiteError.io("cannot read \(source): \(Self.errnoText())") }
        let full = stagingDir + "/" + path
        let output = try Self.create(full)
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw SiteError.io("cannot read \(source): \(Self.errnoText())") }
            if n == 0 { break }
            try buffer.withUnsafeBytes { try Self.writeAll(output, UnsafeRawBufferPointer(rebasing: $0[..<n]), path: full) }
        }
        var times = [st.st_atim, st.st_mtim]
        _ = futimens(output, &times)
        lock.lock()
        written.append(path)
        lock.unlock()
    }

    /// Whether the open file `input` and the file at `other` hold the same bytes.
    private static func sameBytes(_ input: Int32, _ other: String) -> Bool {
        var a = stat(), b = stat()
        guard fstat(input, &a) == 0, stat(other, &b) == 0, b.st_mode & S_IFMT == S_IFREG, a.st_size == b.st_size else { return false }
        let fd = open(other, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var left = [UInt8](repeating: 0, count: 1 << 20), right = left
        while true {
            let n = left.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            guard n >= 0 else { return false }
            if n == 0 { return true }
            var got = 0
            while got < n {
                let m = right.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, n - got) }
                guard m > 0 else { return false }
                got += m
            }
            guard left[..<n] == right[..<n] else { return false }
        }
    }

    /// Keeps `path` from the previous build (its content would be the same)
    /// when it is still there; false when it must be written again.
    func keep(_ path: String) -> Bool {
        var st = stat()
        guard lstat(outDir + "/" + path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return false }
        lock.lock()
        written.append(path)
        kept.insert(path)
        lock.unlock()
        return true
    }

    /// Keeps those of `names`, files in `folder`, that the previous build
    /// left there, as `keep(_:)` does, from one listing of the folder rather
    /// than a `stat` of each (the search index's thousands of documents);
    /// returns whether each was kept.
    func keep(in folder: String, _ names: [String]) -> [Bool] {
        guard !names.isEmpty, let dir = opendir(outDir + "/" + folder) else { return names.map { _ in false } }
        var present = Set<String>()
        present.reserveCapacity(names.count)
        while let entry = readdir(dir) {
            let type = entry.pointee.d_type
            guard type == UInt8(DT_REG) || type == UInt8(DT_UNKNOWN) else { continue }
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            var st = stat()
            if type == UInt8(DT_UNKNOWN), lstat(outDir + "/" + folder + "/" + name, &st) != 0 || st.st_mode & S_IFMT != S_IFREG { continue }
            present.insert(name)
        }
        closedir(dir)
        let found = names.map { present.contains($0) }
        lock.lock()
        for (name, here) in zip(names, found) where here {
            written.append(folder + "/" + name)
            kept.insert(folder + "/" + name)
        }
        lock.unlock()
        return found
    }

    /// Keeps those of `paths` the previous build left, as `keep(_:)` does,
    /// a listing of each folder rather than a `stat` of each file.
    func keep(_ paths: [String]) -> [Bool] {
        // A few files are looked at one by one.
        guard paths.count >= 32 else { return paths.map(keep) }
        var byFolder: [String: [Int]] = [:]
        for (i, path) in paths.enumerated() { byFolder[path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "", default: []].append(i) }
        var found = [Bool](repeating: false, count: paths.count)
        for (folder, indices) in byFolder {
            let names = indices.map { i in paths[i].lastIndex(of: "/").map { String(paths[i][paths[i].index(after: $0)...]) } ?? paths[i] }
            for (i, here) in zip(indices, keep(in: folder, names)) { found[i] = here }
        }
        return found
    }

    /// Moves the staged files into `outDir`, removes what the previous build
    /// wrote and this one did not, and writes the new manifest.
    func commit() throws -> (written: Int, removed: Int) {
        let files = written.sorted()
        var manifest = Array("# Files written by `notesc build`; the next build removes those it no longer writes.\n".utf8)
        manifest.reserveCapacity(files.reduce(manifest.count + 1) { $0 + $1.utf8.count + 1 })
        for (i, file) in files.enumerated() {
            if i > 0 { manifest.append(0x0A) }
            manifest += file.utf8
        }
        manifest.append(0x0A)
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if !fm.fileExists(atPath: outDir, isDirectory: &isDir) {
            try manifest.withUnsafeBytes { try Self.writeFile(stagingDir + "/" + Self.manifestName, $0) }
            try Self.makeDirectory(URL(fileURLWithPath: outDir).deletingLastPathComponent().path)
            guard rename(stagingDir, outDir) == 0 else { throw SiteError.io("cannot move the build into \(outDir): \(Self.errnoText())") }
            return (files.count, 0)
        }
        // The same files as the last build wrote (a rebuild after an edit):
        // nothing to remove, and the old manifest is not read into paths. It
        // is written all the same: a new one tells the next build that the
        // output is as this build left it (`BuildCache.manifestStamp`).
        let previousBytes: [UInt8]? = if case .success(let bytes) = Discovery.read(outDir + "/" + Self.manifestName) { bytes } else { nil }
        try manifest.withUnsafeBytes { try Self.writeFile(stagingDir + "/" + Self.manifestName, $0) }
        let previous = previousBytes == manifest ? [] : previousBytes.map(Self.manifestPaths) ?? []
        var made = Set<String>()
        for file in files + [Self.manifestName] where !kept.contains(file) {
            let parent = (file as NSString).deletingLastPathComponent
            if !parent.isEmpty, !made.contains(parent) {
                try Self.makeInside(outDir, parent)
                made.insert(parent)
            }
            guard rename(stagingDir + "/" + file, outDir + "/" + file) == 0 else {
                throw SiteError.io("cannot write \(outDir)/\(file): \(Self.errnoText())")
            }
        }
        let keep = previous.isEmpty ? [] : Set(files)
        var removed = 0
        for old in previous where !keep.contains(old) && old != Self.manifestName {
            var st = stat()
            let full = outDir + "/" + old
            guard lstat(full, &st) == 0, st.st_mode & S_IFMT == S_IFREG || st.st_mode & S_IFMT == S_IFLNK else { continue }
            if unlink(full) == 0 {
                removed += 1
                // Folders the old build made and that are now empty go too.
                var folder = (old as NSString).deletingLastPathComponent
                while !folder.isEmpty, rmdir(outDir + "/" + folder) == 0 {
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
        }
        try? fm.removeItem(atPath: stagingDir)
        return (files.count, removed)
    }

    /// Removes the staging folder after a failed build.
    func abandon() {
        try? FileManager.default.removeItem(atPath: stagingDir)
    }

    // MARK: - POSIX

    /// Paths of a manifest that are safe to delete: relative, no `..`, no empty parts.
    static func readManifest(_ path: String) -> [String] {
        guard case .success(let bytes) = Discovery.read(path) else { return [] }
        return manifestPaths(bytes)
    }

    /// The safe paths of a manifest's bytes (`readManifest`).
    static func manifestPaths(_ bytes: [UInt8]) -> [String] {
        // Checked as bytes, line by line: splitting each line into its parts
        // was most of the time a rebuild took to put its files in place.
        return bytes.split(separator: 0x0A).compactMap { line -> String? in
            guard let first = line.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "/") else { return nil }
            // No part may be empty, `.` or `..`.
            var length = 0, dots = 0
            for b in line {
                if b == UInt8(ascii: "/") {
                    if length == 0 || (dots == length && length <= 2) { return nil }
                    length = 0
                    dots = 0
                } else {
                    length += 1
                    if b == UInt8(ascii: ".") { dots += 1 }
                }
            }
            if length == 0 || (dots == length && length <= 2) { return nil }
            return String(decoding: line, as: UTF8.self)
        }
    }

    static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer) throws {
        if buffer.count >= directFrom {
            let file = try createDirect(path)
            file.write(buffer)
            if let why = file.close() { throw SiteError.io("cannot write \(path): \(why)") }
            return
        }
        let fd = try create(path)
        defer { close(fd) }
        try writeAll(fd, buffer, path: path)
    }

    /// Files of at least this many bytes are written past the page cache (`DirectFile`).
    static let directFrom = 1 << 18

    /// `create` for a `DirectFile`.
    private static func createDirect(_ full: String) throws -> DirectFile {
        if let file = DirectFile(path: full) { return file }
        if errno == ENOENT, let slash = full.lastIndex(of: "/") {
            try makeDirectory(String(full[..<slash]))
            if let file = DirectFile(path: full) { return file }
        }
        throw SiteError.io("cannot create \(full): \(errnoText())")
    }

    private static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
        if let why = FileIO.writeAll(fd, buffer) { throw SiteError.io("cannot write \(path): \(why)") }
    }

    /// Creates the folder `path` and any missing parents, with mkdir(2):
    /// FileManager's took a tenth of a rebuild at 10k notes (750 folders).
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 { return }
        let failure = errno
        var st = stat()
        if failure == EEXIST, stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { return }
        if failure == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex {
            try makeDirectory(String(path[..<slash]))
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw SiteError.io("cannot create folder \(path): \(Discovery.describe(failure == ENOENT ? errno : failure))")
    }

    /// Creates `relative` below `root` one part at a time, refusing a part
    /// that is a symlink or a file, so nothing is written outside `root`.
    static func makeInside(_ root: String, _ relative: String) throws {
        var path = root
        for part in relative.split(separator: "/") {
            path += "/" + part
            var st = stat()
            if lstat(path, &st) == 0 {
                guard st.st_mode & S_IFMT == S_IFDIR else {
                    throw SiteError.io("\(path) is in the way: it is not a folder (a link or a file); move it and build again")
                }
            } else if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw SiteError.io("cannot create folder \(path): \(errnoText())")
            }
        }
    }

    static func errnoText() -> String { Discovery.describe(errno) }
}
