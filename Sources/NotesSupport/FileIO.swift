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
