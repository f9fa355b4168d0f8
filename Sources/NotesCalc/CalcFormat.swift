import Foundation
import NotesModel
import NotesSupport

/// Prints values the same way everywhere (terminal and site): 4 significant digits,
/// trailing zeros trimmed, a magnitude letter (`k M B T`) for large numbers, and the
/// value's display unit: `$5.576M`, `93.34%`, `25.31 KiB`, `3.113M bit`, `2 USD/gpu_hour`.
package enum CalcFormat {
    package static let defaultDigits = 4

    static func format(_ v: CalcValue, digits: Int = defaultDigits) -> String {
        if let unit = v.displayUnit, unit.dimension == v.dimension {
            if unit.isPercent { return number(v.value * 100, digits: digits, letters: false) + "%" }
            if unit.isUSD { return dollars(v.value, digits: digits) }
            return number(v.value / unit.factor, digits: digits, letters: true) + " " + unit.name
        }
        if v.dimension == CalcDimension.usd { return dollars(v.value, digits: digits) }
        if v.dimension.isDimensionless { return number(v.value, digits: digits, letters: true) }
        return number(v.value, digits: digits, letters: true) + " " + v.dimension.description
    }

    private static func dollars(_ x: Double, digits: Int) -> String {
        (x < 0 ? "-$" : "$") + number(abs(x), digits: digits, letters: true)
    }

    /// A number rounded to `digits` significant digits. With `letters`, thousands to
    /// trillions get `k M B T`; beyond that range numbers switch to `1.5e15` / `1.5e-7`.
    package static func number(_ x: Double, digits: Int, letters: Bool) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == 0 { return "0" }
        let (mantissa, exponent) = decimalDigits(abs(x), digits: max(1, min(17, digits)))
        var out: [UInt8] = x < 0 ? [UInt8(ascii: "-")] : []
        if exponent >= 15 || exponent < -4 {
            place(mantissa, point: 1, into: &out)
            out.append(UInt8(ascii: "e"))
            out.append(contentsOf: String(exponent).utf8)
        } else if letters && exponent >= 3 {
            let group = exponent / 3
            place(mantissa, point: exponent - 3 * group + 1, into: &out)
            out.append(Array("kMBT".utf8)[group - 1])
        } else {
            place(mantissa, point: exponent + 1, into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The significant digits of `x > 0` (ASCII, exactly `digits` of them) and the decimal
    /// exponent of the first. Rounds the shortest round-trip decimal form half away from
    /// zero, so values round as they read: 1.0005 → 1.001.
    static func decimalDigits(_ x: Double, digits: Int) -> ([UInt8], Int) {
        let zero = UInt8(ascii: "0")
        var all: [UInt8] = []
        var point: Int?
        var exponent = 0
        var text = x.description
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b >= zero && b <= zero + 9 {
                    all.append(b)
                } else if b == UInt8(ascii: ".") {
                    point = all.count
                } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                    exponent = Int(String(decoding: bytes[(i + 1)...], as: UTF8.self).replacingOccurrences(of: "+", with: "")) ?? 0
                    break
                }
                i += 1
            }
        }
        var leading = 0
        while leading < all.count - 1, all[leading] == zero { leading += 1 }
        exponent += (point ?? all.count) - leading - 1
        var kept = Array(all[leading...])
        if kept.count > digits {
            let roundUp = kept[digits] >= UInt8(ascii: "5")
            kept.removeLast(kept.count - digits)
            if roundUp {
                var i = digits - 1
                while i >= 0, kept[i] == zero + 9 { kept[i] = zero; i -= 1 }
                if i >= 0 {
                    kept[i] += 1
                } else {
                    kept.insert(UInt8(ascii: "1"), at: 0)
                    kept.removeLast()
                    exponent += 1
                }
            }
        }
        while kept.count < digits { kept.append(zero) }
        return (kept, exponent)
    }

    /// `x` rounded to `digits` significant digits, exactly as `number` rounds it.
    static func rounded(_ x: Double, digits: Int) -> Double {
        guard x.isFinite, x != 0 else { return x }
        let (mantissa, exponent) = decimalDigits(abs(x), digits: max(1, min(17, digits)))
        let value = Double(String(decoding: mantissa, as: UTF8.self) + "e\(exponent - mantissa.count + 1)") ?? x
        return x < 0 ? -value : value
    }

    /// Appends `digits` with a decimal point after `point` of them (padding with zeros),
    /// trailing fractional zeros trimmed.
    private static func place(_ digits: [UInt8], point: Int, into out: inout [UInt8]) {
        let zero = UInt8(ascii: "0")
        var significant = digits.count
        while significant > max(point, 0), significant > 0, digits[significant - 1] == zero { significant -= 1 }
        if point <= 0 {
            out.append(zero)
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: repeatElement(zero, count: -point))
            out.append(contentsOf: digits[..<significant])
        } else if point >= significant {
            out.append(contentsOf: digits[..<significant])
            out.append(contentsOf: repeatElement(zero, count: point - significant))
        } else {
            out.append(contentsOf: digits[..<point])
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[point..<significant])
        }
    }

    /// Enough significant digits (at least 4) that `x`'s printed rounding error stays
    /// below `resolution`: interval bounds like `2.7875M` stay distinct from `2.788M`.
    static func digits(for x: Double, resolution: Double) -> Int {
        guard x != 0, x.isFinite, resolution > 0, resolution.isFinite else { return defaultDigits }
        let needed = Int((log10(abs(x)) - log10(resolution)).rounded(.up)) + 1
        return max(defaultDigits, min(15, needed))
    }
}
