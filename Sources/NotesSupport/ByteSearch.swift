import Foundation

/// Byte-string search over whole notes.
package enum ByteSearch {
    /// The first offset at or after `from` where `needle` occurs in `b`.
    /// libc's `memchr` finds candidates: whole notes are searched for `<!--` and `[[`.
    package static func find(_ needle: [UInt8], in b: [UInt8], from: Int) -> Int? {
        var start = max(from, 0)
        guard !needle.isEmpty, start < b.count, needle.count <= b.count - start else { return nil }
        let last = b.count - needle.count // the last offset where the needle fits
        return b.withUnsafeBytes { hay in
            needle.withUnsafeBytes { n in
                let base = hay.baseAddress!
                while start <= last {
                    guard let hit = memchr(base + start, Int32(n[0]), last + 1 - start) else { return nil }
                    let i = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + i, n.baseAddress!, n.count) == 0 { return i }
                    start = i + 1
                }
                return nil
            }
        }
    }
}
