import Foundation
import NotesModel
import NotesSupport

/// A note file's bytes, decoded, with the line table that maps positions back
/// to the original bytes (BOM, CRLF and CR included).
package struct SourceText: Sendable {
    /// The file's bytes with a leading UTF-8 BOM removed.
    package let bytes: [UInt8]
    /// Whether the original file started with a BOM (3 bytes before column 1 of line 1).
    package let hadBOM: Bool
    /// Byte offset in `bytes` where each line starts; `lineStarts[0] == 0`.
    package let lineStarts: [Int]

    package enum DecodingProblem: Error, Equatable {
        /// The first byte that is not valid UTF-8, at a position of the original file.
        case invalidUTF8(SourcePosition)
        case nulByte(SourcePosition)
    }

    package static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Validates `data` as strict UTF-8 and builds the line table.
    package static func decode(_ data: [UInt8]) -> Result<SourceText, DecodingProblem> {
        let hadBOM = data.starts(with: bom)
        let bytes = hadBOM ? Array(data.dropFirst(3)) : data
        let lineStarts = Self.lineStarts(of: bytes)
        let text = SourceText(bytes: bytes, hadBOM: hadBOM, lineStarts: lineStarts)
        if let bad = firstInvalidUTF8Offset(bytes) {
            return .failure(.invalidUTF8(text.position(ofOffset: bad)))
        }
        if let nul = bytes.withUnsafeBytes({ b in b.isEmpty ? nil : memchr(b.baseAddress!, 0, b.count).map { b.baseAddress!.distance(to: UnsafeRawPointer($0)) } }) {
            return .failure(.nulByte(text.position(ofOffset: nul)))
        }
        return .success(text)
    }

    package static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBytes { b in
            guard let base = b.baseAddress else { return }
            let n = b.count
            if memchr(base, 0x0D, n) == nil {
                // LF only, the usual case: let memchr find each line end.
                var i = 0
                while i < n, let hit = memchr(base + i, 0x0A, n - i) {
                    i = base.distance(to: UnsafeRawPointer(hit)) + 1
                    starts.append(i)
                }
                return
            }
            var i = 0
            while i < n {
                let c = b[i]
                if c == 0x0A {
                    starts.append(i + 1)
                } else if c == 0x0D {
                    if i + 1 < n, b[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        return starts
    }

    package var lineCount: Int {
        // A final line terminator does not start a new (empty) line.
        if let last = lineStarts.last, last == bytes.count, lineStarts.count > 1 { return lineStarts.count - 1 }
        return lineStarts.count
    }

    /// Original-file position of a byte offset into `bytes`.
    package func position(ofOffset offset: Int) -> SourcePosition {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return originalPosition(line: lo + 1, column: offset - lineStarts[lo] + 1)
    }

    /// Shifts a position in the BOM-stripped text to the original file's bytes.
    package func originalPosition(line: Int, column: Int) -> SourcePosition {
        SourcePosition(line: line, column: hadBOM && line == 1 ? column + 3 : column)
    }

    /// The bytes of line `line` (1-based) without its terminator.
    package func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    /// Line `line` as a string, without its terminator.
    package func line(_ line: Int) -> String {
        String(decoding: lineBytes(line), as: UTF8.self)
    }

    /// Column (1-based, original bytes) of the first non-blank byte of `line`.
    package func firstNonBlankColumn(_ line: Int) -> Int {
        let bytes = lineBytes(line)
        let offset = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }).map { $0 - bytes.startIndex } ?? 0
        return originalPosition(line: line, column: offset + 1).column
    }

    package init(bytes: [UInt8], hadBOM: Bool, lineStarts: [Int]) {
        self.bytes = bytes
        self.hadBOM = hadBOM
        self.lineStarts = lineStarts
    }
}

/// Offset of the first byte that starts an invalid UTF-8 sequence (overlongs,
/// surrogates and code points above U+10FFFF are invalid), or nil.
func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset)
}

private func firstInvalidUTF8Offset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = b.count
    while i < n {
        // ASCII eight bytes at a time.
        if i + 8 <= n, UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
            continue
        }
        let c = b[i]
        if c < 0x80 { i += 1; continue }
        var need = 0
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return i
        }
        if i + need >= n { return i }
        for k in 1...need {
            let x = b[i + k]
            let (l, h) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
            if x < l || x > h { return i }
        }
        i += need + 1
    }
    return nil
}
