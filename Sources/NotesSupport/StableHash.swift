import Foundation

/// A stable 64-bit hash: the same input gives the same value in every
/// process (Swift's `Hasher` is seeded per process, so it cannot key a cache).
/// FNV-1a, taking eight bytes (little-endian) at a step where it can: a
/// rebuild hashes every note's file and records.
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
