import Foundation

/// Byte-string search over whole notes.
package enum ByteSearch {
    /// The first offset at or after `from` where `needle` occurs in `b`.
    /// libc's `memchr` finds candidates: whole notes are searched for `<!--` and `[[`.
    package static func find(_ needle: [UInt8], in b: [UInt8], from: Int) -> Int? {
        b.withUnsafeBufferPointer { find(needle, in: $0, from: from, to: $0.count) }
    }

    /// The first offset of `needle` in `b[from..<to]`, searched in place (a
    /// page's bytes, a tag of it).
    package static func find(_ needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        var start = max(from, 0)
        let end = min(to, b.count)
        guard !needle.isEmpty, start < end, needle.count <= end - start else { return nil }
        let last = end - needle.count // the last offset where the needle fits
        return needle.withUnsafeBytes { n in
            let base = UnsafeRawPointer(b.baseAddress!)
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
