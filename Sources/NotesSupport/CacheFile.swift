import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a notes folder's caches live: one folder per notes root under
/// `$XDG_CACHE_HOME/notesc/` (default `~/.cache/notesc/`), never in the
/// working folder or the site; `--cache-dir` names another.
public enum CacheFolder {
    /// The cache folder of `notesRoot`: `override` when given, else
    /// `<cache home>/notesc/<folder name>-<hash of its absolute path>`.
    public static func path(notesRoot: String, override: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let override { return URL(fileURLWithPath: override).standardizedFileURL.path }
        let root = URL(fileURLWithPath: notesRoot).standardizedFileURL
        var h = StableHash()
        h.add(root.path)
        let home = environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        let name = root.lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return home + "/notesc/" + (name.isEmpty ? "root" : String(name.prefix(40))) + "-" + h.hex
    }
}

/// The one layout of every cache file: a header (`notesc cache`, the
/// cache's format and the notesc binary that wrote it), then blocks, each a
/// length, an eight-byte checksum and a body. A file whose header is not
/// exactly this binary's for this format is ignored whole; a block whose
/// checksum fails is ignored (its cache decides whether the rest still
/// holds); a truncated last block ends the file. Files are written beside
/// their place and renamed into it (`Sink`), or appended to block by block
/// (`append`), so a reader never meets half a header.
package enum CacheFile {
    static let magic = "notesc cache"

    /// The notesc binary: its path, size and modification time. Another
    /// binary may parse, check or render differently, so its caches are not used.
    package static let binaryStamp: String = {
        var st = stat()
        // /proc/self/exe names the binary even when it was found on PATH.
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        guard stat(executable, &st) == 0 else { return "unknown binary" }
        return "\(executable) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }()

    /// A loaded cache file: its bytes and the ranges of its blocks (length and checksum included).
    package struct Contents {
        package var bytes: CacheBytes
        package var blocks: [Range<Int>]

        /// The body of `block` when its checksum holds.
        package func verified(_ block: Range<Int>) -> Range<Int>? { CacheReader.verified(bytes, block) }

        /// Appends `block` as it is (length and checksum included) to `w`.
        package func copy(_ block: Range<Int>, into w: inout CacheWriter) {
            var n = 1, v = block.count
            while v >= 0x80 { v >>= 7; n += 1 }
            w.bytes.append(contentsOf: bytes.buffer[(block.lowerBound - n)..<block.upperBound])
        }

        /// A reader over the body of `block`, unverified: for an index read
        /// before the block is used (and verified) as a whole.
        package func reader(_ block: Range<Int>) -> CacheReader {
            CacheReader(bytes, from: min(block.lowerBound + 8, block.upperBound), to: block.upperBound)
        }
    }

    /// The header of a cache file of `format`.
    package static func header(_ format: String) -> CacheWriter {
        var w = CacheWriter()
        w.string(magic)
        w.string(format)
        w.string(binaryStamp)
        return w
    }

    /// One block: `body` after its length and checksum.
    package static func block(_ body: [UInt8], into w: inout CacheWriter) {
        w.raw(CacheWriter.checksummed(body))
    }

    /// The file at `path` when it is a cache of `format` written by this binary; nil otherwise.
    package static func load(_ path: String, format: String) -> Contents? {
        guard let bytes = readFile(path) else { return nil }
        var r = CacheReader(bytes)
        guard (try? r.string()) == magic, (try? r.string()) == format, (try? r.string()) == binaryStamp else { return nil }
        var blocks: [Range<Int>] = []
        while !r.atEnd {
            guard let range = try? r.rawRange(), range.upperBound <= bytes.count, range.count >= 8 else { break }
            blocks.append(range)
        }
        return Contents(bytes: bytes, blocks: blocks)
    }

    /// A whole cache file of `format` holding `blocks`, written atomically.
    package static func write(_ path: String, format: String, blocks: [[UInt8]]) {
        guard let sink = Sink(path: path, format: format) else { return }
        var w = CacheWriter()
        for body in blocks { block(body, into: &w) }
        sink.write(&w)
        sink.finish()
    }

    /// Appends blocks to the cache file at `path`; when that fails the file
    /// is removed rather than left half-written.
    @discardableResult
    package static func append(_ path: String, blocks: [[UInt8]]) -> Bool {
        var w = CacheWriter()
        for body in blocks { block(body, into: &w) }
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if FileIO.writeAll(fd, w.bytes) != nil { unlink(path); return false }
        return true
    }

    /// Removes a cache file, so that nothing stale is read after an interrupted run.
    package static func remove(_ path: String) { unlink(path) }

    /// A cache file written a piece at a time beside its place and renamed
    /// into it when complete, so that a reader never meets half a file and
    /// a large cache is never whole in memory. A file that cannot be written
    /// only costs speed.
    package final class Sink {
        private let path: String
        private let temporary: String
        private let file: DirectFile

        /// Starts the file at `path` with the header of `format`.
        package init?(path: String, format: String) {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            self.path = path
            temporary = path + ".\(getpid()).tmp"
            guard let file = DirectFile(path: temporary) else { return nil }
            self.file = file
            var header = CacheFile.header(format)
            write(&header)
        }

        /// Writes what `writer` holds (whole blocks) and empties it.
        package func write(_ writer: inout CacheWriter) {
            file.write(writer.bytes)
            writer.reset()
        }

        /// Closes the file and puts it in its place (or removes it when a write failed).
        package func finish() {
            if file.close() != nil || rename(temporary, path) != 0 { unlink(temporary) }
        }
    }

    /// A whole file's bytes, mapped (or, where mapping fails, read without
    /// zeroing the buffer first); nil when it cannot be read.
    static func readFile(_ path: String) -> CacheBytes? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        if let mapped = CacheBytes(mapping: fd, size: size) { return mapped }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { break }
            }
            failed = done != size
            count = done
        }
        return failed ? nil : CacheBytes(bytes)
    }
}
