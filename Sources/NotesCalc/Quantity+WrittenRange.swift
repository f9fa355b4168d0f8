import NotesModel
import NotesSupport

/// The values a quantity written in a claim allows (DESIGN §9), with the
/// precision `check ≈` gives a stated value (§3): `128k` is 127.5k..128.5k,
/// `~130k` is ±10%, `1M+` is 1M and up, `???M` allows anything (no range).
public struct WrittenRange: Hashable, Sendable {
    /// Bounds in the quantity's comparable unit (`ComparableUnit`); `high` is infinite for a lower bound.
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// Whether a value can lie in both: ranges that only touch overlap, and so
    /// do ranges apart by less than floating-point error.
    public func overlaps(_ other: WrittenRange) -> Bool { !isBelow(other) && !other.isBelow(self) }

    /// Whether every value of this range is below every value of `other`.
    /// For ranges sorted by `high`, it holds for a prefix: conflicts are found by binary search.
    public func isBelow(_ other: WrittenRange) -> Bool {
        high.isFinite && high + 1e-9 * max(abs(high), abs(other.low)) < other.low
    }
}

/// What a quantity counts, normalised so that claims written differently
/// compare: case and plurals (`Tokens`, `token`), synonyms (`params`,
/// `parameters`) and magnitude prefixes (`GB` is 8e9 `bit`, `days` are
/// 86,400 `s`). Values are multiplied by `factor` to be in `name`.
public struct ComparableUnit: Hashable, Sendable {
    public var name: String
    public var factor: Double

    /// The comparable form of a quantity's unit; nil for a bare number, which is compared with nothing.
    public init?(_ unit: String?) {
        guard let unit else { return nil }
        if unit == "%" || unit == "USD" || unit == "x" { (name, factor) = (unit, 1); return }
        var words = unit.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard let last = words.popLast() else { return nil }
        let base = Self.scaled[last] ?? Self.scaled[Self.singular(last)] ?? (Self.singular(last), 1)
        (name, factor) = ((words + [base.0]).joined(separator: " "), base.1)
    }

    private static func singular(_ word: String) -> String {
        if let synonym = synonyms[word] { return synonym }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    private static let synonyms = ["parameters": "param", "parameter": "param", "params": "param", "dimensions": "dim",
                                   "dimension": "dim", "dims": "dim", "flops": "flop", "gpus": "gpu", "bits": "bit"]

    /// Units that are a multiple of another: sizes in bits, durations in seconds.
    private static let scaled: [String: (String, Double)] = [
        "bit": ("bit", 1), "byte": ("bit", 8), "kb": ("bit", 8e3), "mb": ("bit", 8e6), "gb": ("bit", 8e9), "tb": ("bit", 8e12),
        "kib": ("bit", 8 * 1024), "mib": ("bit", 8 * 1048576), "gib": ("bit", 8 * 1073741824), "tib": ("bit", 8 * 1099511627776),
        "s": ("s", 1), "second": ("s", 1), "ms": ("s", 1e-3), "minute": ("s", 60), "hour": ("s", 3600), "day": ("s", 86400),
    ]
}

extension Quantity {
    /// The values the quantity allows at written precision, in its `ComparableUnit`; nil when unknown (`???`) or bare.
    public var writtenRange: WrittenRange? {
        guard let unit = ComparableUnit(unit) else { return nil }
        return writtenRange(in: unit)
    }

    /// `writtenRange` when the quantity's `ComparableUnit` is known already.
    public func writtenRange(in unit: ComparableUnit) -> WrittenRange? {
        guard let bounds = writtenBounds else { return nil }
        return WrittenRange(low: bounds.low * unit.factor, high: bounds.high * unit.factor)
    }

    /// The range in the quantity's own unit: half the last written digit's
    /// step either side, ±10% when `~`, up without end when `+`.
    var writtenBounds: (low: Double, high: Double)? {
        guard let value, let resolution, value.isFinite, resolution.isFinite else { return nil }
        var half = resolution / 2
        if approximate { half = max(half, abs(value) * 0.1) }
        // `1M+` is 1M and up; `~1M+` about 1M and up.
        return (lowerBound ? value - (approximate ? half : 0) : value - half, lowerBound ? .infinity : value + half)
    }

    /// The range as a reader reads it, in the quantity's own unit:
    /// `127.5k..128.5k tokens`, `$5.45M..$5.55M`, `92.5%..93.5%`, `1M tokens and up`.
    public var writtenRangeText: String? {
        guard let (low, high) = writtenBounds else { return nil }
        let width = high.isFinite ? high - low : (resolution ?? 0) / 2
        func number(_ x: Double) -> String {
            let digits = CalcFormat.digits(for: x, resolution: width / 100)
            switch unit {
            case "%": return CalcFormat.number(x * 100, digits: digits, letters: false) + "%"
            case "USD": return (x < 0 ? "-$" : "$") + CalcFormat.number(abs(x), digits: digits, letters: true)
            default: return CalcFormat.number(x, digits: digits, letters: true)
            }
        }
        let word = unit.map { $0 == "%" || $0 == "USD" ? "" : $0 == "x" ? "x" : " " + $0 } ?? ""
        if !high.isFinite { return number(low) + word + " and up" }
        return number(low) + ".." + number(high) + word
    }
}
