import Foundation
import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport

/// Finds the quantities written in a claim: `93%`, `128k tokens`, `1M+ tokens`,
/// `~$10M+`, `$5.5M`, `671B params`, `???M`.
enum QuantityScanner {
    /// Words after a number that name what it counts.
    static let unitWords: Set<String> = [
        "tokens", "token", "params", "parameters", "parameter", "layers", "layer", "heads", "head",
        "experts", "expert", "gpus", "gpu", "hours", "hour", "days", "day", "steps", "step",
        "bit", "bits", "byte", "bytes", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "tib",
        "flop", "flops", "s", "ms", "seconds", "minutes", "samples", "images", "words", "dims", "dimensions",
    ]

    /// Magnitude letters attached to digits, as powers of ten.
    static let magnitudes: [UInt8: Int] = [
        UInt8(ascii: "k"): 3, UInt8(ascii: "K"): 3, UInt8(ascii: "M"): 6,
        UInt8(ascii: "B"): 9, UInt8(ascii: "G"): 9, UInt8(ascii: "T"): 12,
    ]

    /// Scans one line's bytes; `line`/`column` is where `bytes` starts in the file.
    static func scan(_ bytes: [UInt8], line: Int, column: Int) -> [Quantity] {
        var found: [Quantity] = []
        var i = 0
        let n = bytes.count
        func isWordByte(_ b: UInt8) -> Bool { isAlnum(b) || b >= 0x80 || b == UInt8(ascii: "_") }
        while i < n {
            let start = i
            var j = i
            var approximate = false
            if bytes[j] == UInt8(ascii: "~") { approximate = true; j += 1 }
            else if j + 2 < n, bytes[j] == 0xE2, bytes[j + 1] == 0x89, bytes[j + 2] == 0x88 { approximate = true; j += 3 } // ≈
            var currency = false
            if j < n, bytes[j] == UInt8(ascii: "$") { currency = true; j += 1 }
            // A number must start a word: not `FP8`, `GPT-4`, `V3`.
            let before = start > 0 ? bytes[start - 1] : UInt8(ascii: " ")
            guard !isWordByte(before), before != UInt8(ascii: "-"), before != UInt8(ascii: "."), before != UInt8(ascii: "/") else { i += 1; continue }
            var unknown = false
            let digitsStart = j
            if j + 2 < n, bytes[j] == UInt8(ascii: "?"), bytes[j + 1] == UInt8(ascii: "?"), bytes[j + 2] == UInt8(ascii: "?") {
                unknown = true
                while j < n, bytes[j] == UInt8(ascii: "?") { j += 1 }
            } else {
                while j < n, isDigit(bytes[j]) || bytes[j] == UInt8(ascii: ",") && j + 1 < n && isDigit(bytes[j + 1]) && j > digitsStart { j += 1 }
                if j < n - 1, bytes[j] == UInt8(ascii: "."), isDigit(bytes[j + 1]) {
                    j += 1
                    while j < n, isDigit(bytes[j]) { j += 1 }
                }
            }
            guard j > digitsStart else { i = max(i + 1, j); continue }
            // Scale by editing the exponent, so `93.3%` is exactly 0.933, not 93.3 / 100.
            let digits = String(decoding: bytes[digitsStart..<j].filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)
            var exponent = 0
            if j < n, let m = magnitudes[bytes[j]], !(j + 1 < n && isAlnum(bytes[j + 1])) {
                exponent += m
                j += 1
            }
            var unit: String? = currency ? "USD" : nil
            if j < n, bytes[j] == UInt8(ascii: "%") {
                exponent -= 2
                unit = "%"
                j += 1
            } else if j < n, bytes[j] == UInt8(ascii: "x"), !(j + 1 < n && isWordByte(bytes[j + 1])) {
                unit = "x"
                j += 1
            }
            var lowerBound = false
            if j < n, bytes[j] == UInt8(ascii: "+") { lowerBound = true; j += 1 }
            // The number must end a word: not `8x7B`, `3rd`.
            if j < n, isWordByte(bytes[j]) { i = j; continue }
            var end = j
            if unit == nil {
                var k = j
                if k < n, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "-") { k += 1 }
                let wordStart = k
                while k < n, isAlnum(bytes[k]) { k += 1 }
                var word = String(decoding: bytes[wordStart..<k], as: UTF8.self)
                var lowered = word.lowercased()
                // `GPU hours` and `GPU-hours` are one unit.
                if lowered == "gpu", k + 1 < n, bytes[k] == 0x20 || bytes[k] == UInt8(ascii: "-") {
                    var m = k + 1
                    while m < n, isAlnum(bytes[m]) { m += 1 }
                    let next = String(decoding: bytes[(k + 1)..<m], as: UTF8.self)
                    if ["hours", "hour", "days", "day"].contains(next.lowercased()) {
                        word = String(decoding: bytes[wordStart..<m], as: UTF8.self)
                        lowered = word.lowercased()
                        k = m
                    }
                }
                if k > wordStart, unitWords.contains(lowered) || lowered.hasPrefix("gpu") {
                    unit = word
                    end = k
                }
            }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            let value = unknown ? nil : Double(digits + "e\(exponent)")
            let decimals = digits.utf8.firstIndex(of: UInt8(ascii: ".")).map { digits.utf8.distance(from: $0, to: digits.utf8.endIndex) - 1 } ?? 0
            let resolution = unknown ? nil : Double("1e\(exponent - decimals)")
            found.append(Quantity(text: text, value: value, unit: unit, approximate: approximate, lowerBound: lowerBound, resolution: resolution,
                                  range: SourceRange(line: line, column: column + start, length: end - start)))
            i = end
        }
        return found
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isAlnum(_ b: UInt8) -> Bool {
        isDigit(b) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))
    }
}
