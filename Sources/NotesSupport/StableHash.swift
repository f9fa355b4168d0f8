import Foundation

/// A stable 64-bit hash: the same input gives the same value in every
/// process (Swift's `Hasher` is seeded per process, so it cannot key a cache).
/// FNV-1a, taking eight bytes (little-endian) at a step where it can, and
/// four such lanes side by side through a long buffer: a rebuild hashes
/// every note's file and checks every cache block.
package struct StableHash {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func add(_ bytes: some Sequence<UInt8>) {
        if let done = bytes.withContiguousStorageIfAvailable({ add(buffer: $0) }) { return done }
        for b in bytes {
            value ^= UInt64(b)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    private mutating func add(buffer: UnsafeBufferPointer<UInt8>) {
        var v = value
        var i = 0
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            // Long buffers (a note, a page, a cache block) go four words
            // at a step through four independent lanes: one lane waits on
            // each multiply, and checking a rebuild's caches was a tenth of it.
            if buffer.count >= 64 {
                var a = v, b = v ^ 0x9E37_79B9_7F4A_7C15, c = v ^ 0xC2B2_AE3D_27D4_EB4F, d = v ^ 0x1656_67B1_9E37_79F9
                while i + 32 <= buffer.count {
                    a ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    b ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                    c ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                    d ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                    a &*= 0x0000_0100_0000_01B3; b &*= 0x0000_0100_0000_01B3
                    c &*= 0x0000_0100_0000_01B3; d &*= 0x0000_0100_0000_01B3
                    a ^= a >> 29; b ^= b >> 29; c ^= c >> 29; d ^= d >> 29
                    i += 32
                }
                v = (a ^ b) &* 0x0000_0100_0000_01B3
                v = ((v ^ (v >> 29)) ^ c) &* 0x0000_0100_0000_01B3
                v = ((v ^ (v >> 29)) ^ d) &* 0x0000_0100_0000_01B3
                v ^= v >> 29
            }
            while i + 8 <= buffer.count {
                v ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                v &*= 0x0000_0100_0000_01B3
                v ^= v >> 29
                i += 8
            }
        }
        while i < buffer.count {
            v ^= UInt64(buffer[i])
            v &*= 0x0000_0100_0000_01B3
            i += 1
        }
        value = v
    }

    package mutating func add(word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { add(buffer: $0.bindMemory(to: UInt8.self)) }
    }

    package mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { add(buffer: $0) }
        // separator: "ab"+"c" differs from "a"+"bc"
        value ^= 0xFF
        value &*= 0x0000_0100_0000_01B3
    }

    package var hex: String { String(value, radix: 16) }
}
