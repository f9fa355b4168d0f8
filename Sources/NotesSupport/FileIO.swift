import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one low-level write loop: every file notesc writes (pages, caches,
/// graph exports, fixed notes, stdout) goes through it.
package enum FileIO {
    /// Writes all of `buffer` to `fd`, retrying after interrupts and short
    /// writes; on failure returns the system's reason.
    package static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += n
        }
        return nil
    }

    /// `writeAll` of an array's bytes.
    package static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }
}

/// A file written past the page cache (`O_DIRECT`), a megabyte at a time
/// from an aligned buffer; its last partial block is written through the
/// page cache. On the machines notesc is measured on, putting a megabyte
/// into the page cache costs the kernel about 5 ms (a new page for each
/// 4 KB, from the host), against a fraction of that to send it to the disk:
/// `graph.json` and the caches are hundreds of megabytes at 10k notes, and
/// nothing reads them again soon. Where the file system refuses `O_DIRECT`
/// (tmpfs) the file is written as any other.
package final class DirectFile {
    /// `O_DIRECT`, which Glibc's module leaves out (glibc defines it only with `_GNU_SOURCE`).
    #if arch(x86_64)
    static let oDirect: Int32 = 0o40000
    #elseif arch(arm64)
    static let oDirect: Int32 = 0o200000
    #else
    static let oDirect: Int32 = 0
    #endif

    /// The block every direct write's place, length and memory are aligned to.
    static let alignment = 4096
    /// Bytes gathered before a direct write.
    static let chunk = 1 << 20

    private let fd: Int32
    private var direct: Bool
    private let buffer: UnsafeMutableRawPointer
    private var filled = 0
    /// Why a write failed, once one did; later writes are not attempted.
    package private(set) var failure: String?

    /// Creates (or truncates) the file at `path`; nil, with `errno` set, when it cannot be opened.
    package init?(path: String, mode: mode_t = 0o644) {
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | Self.oDirect, mode)
        var direct = true
        if fd < 0, errno == EINVAL {
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
            direct = false
        }
        guard fd >= 0 else { return nil }
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, Self.alignment, Self.chunk) == 0, let memory else {
            Glibc.close(fd)
            errno = ENOMEM
            return nil
        }
        self.fd = fd
        self.direct = direct
        buffer = memory
    }

    deinit { free(buffer) }

    /// Appends `bytes` to the file.
    package func write(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count, failure == nil {
            let n = min(Self.chunk - filled, bytes.count - offset)
            (buffer + filled).copyMemory(from: bytes.baseAddress! + offset, byteCount: n)
            filled += n
            offset += n
            if filled == Self.chunk {
                out(UnsafeRawBufferPointer(start: buffer, count: filled))
                filled = 0
            }
        }
    }

    package func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }

    /// Writes what is left and closes the file; returns why a write failed, if one did.
    @discardableResult
    package func close() -> String? {
        let whole = filled & ~(Self.alignment - 1)
        if whole > 0 { out(UnsafeRawBufferPointer(start: buffer, count: whole)) }
        if filled > whole {
            // The last partial block goes through the page cache: O_DIRECT writes whole blocks only.
            buffered()
            out(UnsafeRawBufferPointer(start: buffer + whole, count: filled - whole))
        }
        filled = 0
        Glibc.close(fd)
        return failure
    }

    /// Turns `O_DIRECT` off for the rest of the file.
    private func buffered() {
        guard direct else { return }
        direct = false
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~Self.oDirect)
    }

    private func out(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                // A file system that takes O_DIRECT at open but not for this write: through the page cache.
                if errno == EINVAL, direct { buffered(); continue }
                failure = String(cString: strerror(errno))
                return
            }
            offset += n
            // A short direct write leaves the rest unaligned.
            if offset < bytes.count { buffered() }
        }
    }
}

/// Reads ranges of a file past the page cache (`O_DIRECT`), a megabyte-
/// aligned window at a time, for files this process wrote with `DirectFile`
/// and reads once: `graph.json`'s unchanged parts, copied into the next one.
/// Read through the page cache, each megabyte costs what writing it there
/// does. Where the file system refuses `O_DIRECT`, reads go through it.
package final class DirectReader {
    private let fd: Int32
    private var direct: Bool
    private let window: UnsafeMutableRawPointer
    /// Where the window's bytes start in the file, and how many it holds.
    private var start = 0, count = 0

    /// Opens the regular file at `path`; nil when it cannot be opened.
    package init?(path: String) {
        var fd = open(path, O_RDONLY | O_CLOEXEC | DirectFile.oDirect)
        var direct = true
        if fd < 0, errno == EINVAL {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            direct = false
        }
        guard fd >= 0 else { return nil }
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, DirectFile.alignment, DirectFile.chunk) == 0, let memory else {
            Glibc.close(fd)
            return nil
        }
        self.fd = fd
        self.direct = direct
        window = memory
    }

    deinit {
        Glibc.close(fd)
        free(window)
    }

    /// The file's size and whether it is a regular file.
    package var size: Int? {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(st.st_size)
    }

    /// Hands the bytes of `range` to `body`, a piece at a time; false when
    /// the file ends before the range does or a read fails.
    package func read(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        var at = range.lowerBound
        while at < range.upperBound {
            if at < start || at >= start + count {
                guard fill(at) else { return false }
            }
            let n = min(start + count, range.upperBound) - at
            body(UnsafeRawBufferPointer(start: window + (at - start), count: n))
            at += n
        }
        return true
    }

    /// Reads the aligned window holding byte `offset`; false when there is none.
    private func fill(_ offset: Int) -> Bool {
        start = offset & ~(DirectFile.alignment - 1)
        count = 0
        while true {
            let n = pread(fd, window, DirectFile.chunk, off_t(start))
            if n < 0, errno == EINTR { continue }
            // A file system that takes O_DIRECT at open but not for this read: through the page cache.
            if n < 0, errno == EINVAL, direct {
                direct = false
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~DirectFile.oDirect)
                continue
            }
            guard n > 0 else { return false }
            count = n
            return offset < start + count
        }
    }
}
