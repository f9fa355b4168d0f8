import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A compact binary form for the caches (`CacheFile`): integers as
/// LEB128 varints (zigzag for signed), strings as a length and their UTF-8
/// bytes, doubles by bit pattern, so that a value reads back exactly.
public struct CacheWriter {
    package internal(set) var bytes: [UInt8] = []

    package init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Empties the buffer (keeping its memory) once its bytes went to a file.
    package mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    @usableFromInline package mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    package mutating func int(_ value: Int) {
        let v = Int64(value)
        unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    package mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @usableFromInline package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    package mutating func string(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func raw(_ value: some Collection<UInt8>) {
        unsigned(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    @inlinable public mutating func optional<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }

    @inlinable public mutating func array<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        // Through the buffer: a loop over the values copied each (a diagnostic retains five strings).
        values.withUnsafeBufferPointer { values in
            for i in values.indices { write(&self, values[i]) }
        }
    }
}

extension CacheWriter {
    /// `body` after an eight-byte checksum of it: a cache entry whose damage a reader notices.
    package static func checksummed(_ body: [UInt8]) -> [UInt8] {
        var h = StableHash()
        h.add(body)
        var entry = CacheWriter(capacity: body.count + 8)
        entry.word(h.value)
        entry.bytes.append(contentsOf: body)
        return entry.bytes
    }
}

/// Reads what `CacheWriter` wrote. Every read checks its bounds and throws
/// `CacheReader.Malformed` on a truncated or corrupt file: a bad cache costs
/// speed, never a crash.
public struct CacheReader {
    package struct Malformed: Error {
        package init() {
        }
}

    /// Kept alive while `base` points into it.
    private let storage: CacheBytes
    private let base: UnsafePointer<UInt8>
    package private(set) var offset: Int
    package let end: Int

    package init(_ bytes: CacheBytes, from start: Int = 0, to end: Int? = nil) {
        storage = bytes
        base = bytes.buffer.baseAddress!
        self.offset = min(max(start, 0), bytes.buffer.count)
        self.end = max(self.offset, min(end ?? bytes.buffer.count, bytes.buffer.count))
    }

    /// A reader over a copy of `bytes`.
    package init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.init(CacheBytes(bytes), from: start, to: end)
    }

    package var atEnd: Bool { offset >= end }

    package mutating func unsigned() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Malformed() }
            let b = base[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    package mutating func int() throws -> Int {
        let u = try unsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    /// A count of things each taking at least one byte: never more than what is left.
    @usableFromInline package mutating func count() throws -> Int {
        let n = try unsigned()
        guard n <= UInt64(end - offset) else { throw Malformed() }
        return Int(n)
    }

    package mutating func word() throws -> UInt64 {
        guard end - offset >= 8 else { throw Malformed() }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(base[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return v
    }

    @usableFromInline package mutating func bool() throws -> Bool {
        guard offset < end else { throw Malformed() }
        let b = base[offset]
        offset += 1
        guard b <= 1 else { throw Malformed() }
        return b == 1
    }

    /// A string as written. The caches check their entries' checksums, so
    /// the bytes are what a `String` gave; decoding still repairs bad UTF-8
    /// rather than trusting it.
    package mutating func string() throws -> String {
        let range = try rawRange()
        return String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
    }

    /// The offsets of a `raw` value.
    package mutating func rawRange() throws -> Range<Int> {
        let n = try count()
        defer { offset += n }
        return offset..<(offset + n)
    }

    /// The part of `range` after the checksum `CacheWriter.checksummed` put first, when the checksum holds.
    package static func verified(_ bytes: CacheBytes, _ range: Range<Int>) -> Range<Int>? {
        var r = CacheReader(bytes, from: range.lowerBound, to: range.upperBound)
        guard let checksum = try? r.word() else { return nil }
        var h = StableHash()
        h.add(UnsafeBufferPointer(rebasing: bytes.buffer[r.offset..<r.end]))
        return h.value == checksum ? r.offset..<r.end : nil
    }

    @inlinable public mutating func optional<T>(_ read: (inout CacheReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    @inlinable public mutating func array<T>(_ read: (inout CacheReader) throws -> T) throws -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }
}

/// The bytes a cache is read from: a file mapped into memory, whose pages
/// are then the kernel's page cache rather than a copy the process zeroes
/// and fills (the compile cache is 140 MB at 10,000 notes, read on every
/// edit), or a copy of an array.
///
/// Cache files are replaced by renaming a new file into their place and
/// otherwise only appended to, so a mapped file does not shrink under its reader.
public final class CacheBytes: @unchecked Sendable {
    package let buffer: UnsafeBufferPointer<UInt8>
    private let mappedLength: Int

    package init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count)
        mappedLength = 0
    }

    /// The regular file `fd` is open on, mapped; nil when it is empty or cannot be mapped.
    package init?(mapping fd: Int32, size: Int) {
        guard size > 0, let start = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), start != MAP_FAILED else { return nil }
        // Read through from the start: the kernel reads the whole file ahead rather than page by page.
        madvise(start, size, MADV_WILLNEED)
        buffer = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: size)
        mappedLength = size
    }

    deinit {
        if mappedLength > 0 {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress!), mappedLength)
        } else {
            UnsafeMutableRawPointer(mutating: buffer.baseAddress!).deallocate()
        }
    }

    package var count: Int { buffer.count }
}
