import Foundation
import NotesModel
import NotesSupport

enum CalcTokenKind: Sendable, Equatable {
    /// Digits with an optional magnitude letter; `resolution` is the place value of the last digit.
    case number(value: Double, resolution: Double)
    /// `$` directly followed by a number: `$5.5M`.
    case dollarNumber(value: Double, resolution: Double)
    case identifier(String)
    case dollar, percent
    case plus, minus, star, slash, caret
    case leftParen, rightParen, comma
    case arrow, assign
    case comparison(CalcComparison)
    case tilde
    /// `±`, or `+-` written without a space (which, outside a check, is plus and minus).
    case plusMinus(spelledAsPlusMinus: Bool)
    case invalid(String)
    case end
}

/// A token with its file span and its byte range within the line.
struct CalcToken: Sendable, Equatable {
    var kind: CalcTokenKind
    var span: CalcSpan
    var start: Int
    var end: Int
}

/// Splits one statement line into tokens. Works on UTF-8 bytes so columns are byte
/// columns; stops at the first character it cannot read and reports it as `.invalid`.
struct CalcLexer {
    let bytes: [UInt8]
    let line: Int
    /// File column of `bytes[0]`.
    let column: Int

    func tokenize(from start: Int = 0, to stop: Int? = nil) -> [CalcToken] {
        let stop = stop ?? bytes.count
        var tokens: [CalcToken] = []
        var i = start
        while true {
            while i < stop, let width = blankWidth(at: i, stop: stop) { i += width }
            if i >= stop {
                tokens.append(token(.end, i, i))
                return tokens
            }
            let (kind, end) = next(at: i, stop: stop)
            tokens.append(token(kind, i, end))
            if case .invalid = kind {
                tokens.append(token(.end, end, end))
                return tokens
            }
            i = end
        }
    }

    /// Space, tab, CR, and the no-break and thin spaces that text copied from the web carries.
    private func blankWidth(at i: Int, stop: Int) -> Int? {
        switch bytes[i] {
        case 0x20, 0x09, 0x0D: return 1
        case 0xC2 where byte(i + 1, stop) == 0xA0: return 2                       // U+00A0
        case 0xE2 where byte(i + 1, stop) == 0x80:
            guard let third = byte(i + 2, stop), third == 0x89 || third == 0xAF else { return nil }  // U+2009, U+202F
            return 3
        default: return nil
        }
    }

    private func token(_ kind: CalcTokenKind, _ start: Int, _ end: Int) -> CalcToken {
        CalcToken(kind: kind, span: CalcSpan(line: line, column: column + start, endColumn: column + max(end, start + 1)),
                  start: start, end: end)
    }

    private func byte(_ i: Int, _ stop: Int) -> UInt8? { i < stop ? bytes[i] : nil }

    private func next(at i: Int, stop: Int) -> (CalcTokenKind, Int) {
        let b = bytes[i]
        let following = byte(i + 1, stop)
        if isDigit(b) || (b == UInt8(ascii: ".") && following.map(isDigit) == true) {
            let (value, resolution, end) = number(at: i, stop: stop)
            return (.number(value: value, resolution: resolution), end)
        }
        if isIdentifierStart(at: i, stop: stop) {
            var end = i
            while end < stop, let length = identifierCharacterLength(at: end, stop: stop) { end += length }
            return (.identifier(String(decoding: bytes[i..<end], as: UTF8.self)), end)
        }
        switch b {
        case UInt8(ascii: "$"):
            if let f = following, isDigit(f) || (f == UInt8(ascii: ".") && byte(i + 2, stop).map(isDigit) == true) {
                let (value, resolution, end) = number(at: i + 1, stop: stop)
                return (.dollarNumber(value: value, resolution: resolution), end)
            }
            return (.dollar, i + 1)
        case UInt8(ascii: "%"): return (.percent, i + 1)
        case UInt8(ascii: "+"):
            return following == UInt8(ascii: "-") ? (.plusMinus(spelledAsPlusMinus: true), i + 2) : (.plus, i + 1)
        case UInt8(ascii: "-"):
            return following == UInt8(ascii: ">") ? (.arrow, i + 2) : (.minus, i + 1)
        case UInt8(ascii: "*"):
            return following == UInt8(ascii: "*") ? (.caret, i + 2) : (.star, i + 1)
        case UInt8(ascii: "/"): return (.slash, i + 1)
        case UInt8(ascii: "^"): return (.caret, i + 1)
        case UInt8(ascii: "("): return (.leftParen, i + 1)
        case UInt8(ascii: ")"): return (.rightParen, i + 1)
        case UInt8(ascii: ","): return (.comma, i + 1)
        case UInt8(ascii: "="):
            return following == UInt8(ascii: "=") ? (.comparison(.equal), i + 2) : (.assign, i + 1)
        case UInt8(ascii: "!") where following == UInt8(ascii: "="): return (.comparison(.notEqual), i + 2)
        case UInt8(ascii: "<"):
            return following == UInt8(ascii: "=") ? (.comparison(.lessOrEqual), i + 2) : (.comparison(.less), i + 1)
        case UInt8(ascii: ">"):
            return following == UInt8(ascii: "=") ? (.comparison(.greaterOrEqual), i + 2) : (.comparison(.greater), i + 1)
        case UInt8(ascii: "~"):
            return following == UInt8(ascii: "=") ? (.comparison(.approximately), i + 2) : (.tilde, i + 1)
        default:
            break
        }
        let (scalar, length) = decodeScalar(at: i, stop: stop)
        let end = i + length
        switch scalar?.value {
        case 0x2248: return (.comparison(.approximately), end)      // ≈
        case 0x2264: return (.comparison(.lessOrEqual), end)        // ≤
        case 0x2265: return (.comparison(.greaterOrEqual), end)     // ≥
        case 0x2260: return (.comparison(.notEqual), end)           // ≠
        case 0x00B1: return (.plusMinus(spelledAsPlusMinus: false), end)  // ±
        case 0x00D7, 0x00B7, 0x22C5: return (.star, end)            // × · ⋅
        case 0x00F7: return (.slash, end)                           // ÷
        case 0x2212: return (.minus, end)                           // −
        default:
            let shown = scalar.map { String(Character($0)) } ?? "\\x" + String(b, radix: 16)
            return (.invalid("unexpected character '\(shown)'"), end)
        }
    }

    /// Reads `1_000`, `3.14`, `2.5e6`, `2.788M`; returns value, last-digit resolution and end.
    private func number(at start: Int, stop: Int) -> (Double, Double, Int) {
        var i = start
        var text: [UInt8] = []
        var fractionDigits = 0
        func digits(counting: Bool) {
            while i < stop {
                if isDigit(bytes[i]) {
                    text.append(bytes[i]); i += 1
                    if counting { fractionDigits += 1 }
                } else if bytes[i] == UInt8(ascii: "_"), i > start, isDigit(bytes[i - 1]),
                          byte(i + 1, stop).map(isDigit) == true {
                    i += 1
                } else { break }
            }
        }
        digits(counting: false)
        if byte(i, stop) == UInt8(ascii: "."), byte(i + 1, stop).map(isDigit) == true {
            text.append(UInt8(ascii: ".")); i += 1
            digits(counting: true)
        }
        if text.first == UInt8(ascii: ".") { text.insert(UInt8(ascii: "0"), at: 0) }
        var exponent = 0
        if let e = byte(i, stop), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var j = i + 1
            var negative = false
            if let s = byte(j, stop), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
                negative = s == UInt8(ascii: "-"); j += 1
            }
            if byte(j, stop).map(isDigit) == true {
                var value = 0
                while let d = byte(j, stop), isDigit(d) {
                    value = min(value * 10 + Int(d - 48), 100_000); j += 1
                }
                exponent = negative ? -value : value
                i = j
            }
        }
        var scale = 1.0
        if let m = byte(i, stop), identifierCharacterLength(at: i + 1, stop: stop) == nil {
            switch m {
            case UInt8(ascii: "k"): scale = 1e3
            case UInt8(ascii: "M"): scale = 1e6
            case UInt8(ascii: "B"), UInt8(ascii: "G"): scale = 1e9
            case UInt8(ascii: "T"): scale = 1e12
            default: break
            }
            if scale != 1 { i += 1 }
        }
        if exponent != 0 { text.append(contentsOf: "e\(exponent)".utf8) }
        let value = (Double(String(decoding: text, as: UTF8.self)) ?? .nan) * scale
        let resolution = Self.powerOfTen(exponent - fractionDigits) * scale
        return (value, resolution, i)
    }

    private static let powersOfTen: [Double] = (0...22).map { Double("1e\($0)")! }

    /// 10^e, exact for |e| ≤ 22; saturates for absurd exponents.
    static func powerOfTen(_ e: Int) -> Double {
        if e >= 0, e <= 22 { return powersOfTen[e] }
        if e < 0, e >= -22 { return 1 / powersOfTen[-e] }
        if e > 400 { return .infinity }
        if e < -400 { return 0 }
        return Foundation.pow(10, Double(e))
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private func isIdentifierStart(at i: Int, stop: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return isASCIILetter(b) || b == UInt8(ascii: "_") }
        guard let s = decodeScalar(at: i, stop: stop).0 else { return false }
        return s.properties.isAlphabetic
    }

    /// The byte length of the identifier character at `i`, or nil when none is there.
    private func identifierCharacterLength(at i: Int, stop: Int) -> Int? {
        guard i < stop else { return nil }
        let b = bytes[i]
        if b < 0x80 { return isASCIILetter(b) || isDigit(b) || b == UInt8(ascii: "_") ? 1 : nil }
        let (scalar, length) = decodeScalar(at: i, stop: stop)
        guard let s = scalar, s.properties.isAlphabetic else { return nil }
        return length
    }

    private func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    private func decodeScalar(at i: Int, stop: Int) -> (Unicode.Scalar?, Int) {
        let b = bytes[i]
        let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard i + length <= stop else { return (nil, 1) }
        var decoder = UTF8()
        var iterator = bytes[i..<(i + length)].makeIterator()
        if case .scalarValue(let s) = decoder.decode(&iterator) { return (s, length) }
        return (nil, 1)
    }
}
