import Foundation
import NotesModel
import NotesSupport

/// A physical dimension: each base unit's name with its integer exponent (`bit: 1`,
/// `USD: 1, gpu_hour: -1`). Base units declared in different notes with the same
/// name (`unit gpu_hour`) are the same dimension, so imported values combine.
public struct CalcDimension: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Base unit name → nonzero exponent.
    public private(set) var exponents: [String: Int]

    /// A plain number.
    public static let dimensionless = CalcDimension(exponents: [:])

    /// Creates a dimension, dropping zero exponents.
    public init(exponents: [String: Int]) {
        self.exponents = exponents.filter { $0.value != 0 }
    }

    static let usd = CalcDimension(base: "USD")

    /// The dimension of one base unit.
    public init(base: String) {
        exponents = [base: 1]
    }

    /// True for plain numbers.
    public var isDimensionless: Bool { exponents.isEmpty }

    func multiplied(by other: CalcDimension) -> CalcDimension {
        if other.isDimensionless { return self }
        if isDimensionless { return other }
        var result = exponents
        for (name, exponent) in other.exponents { result[name, default: 0] += exponent }
        return CalcDimension(exponents: result)
    }

    func divided(by other: CalcDimension) -> CalcDimension {
        multiplied(by: other.raised(to: -1))
    }

    func raised(to power: Int) -> CalcDimension {
        CalcDimension(exponents: exponents.mapValues { $0 * power })
    }

    /// The dimension to a fractional power, when every exponent stays whole.
    func raised(to power: Double) -> CalcDimension? {
        var result: [String: Int] = [:]
        for (name, exponent) in exponents {
            let e = Double(exponent) * power
            guard e == e.rounded(), abs(e) <= 1_000 else { return nil }
            result[name] = Int(e)
        }
        return CalcDimension(exponents: result)
    }

    /// Written like a unit: `bit`, `bit^2`, `USD/gpu_hour`, `bit/(USD·s)`, `s^-1`; empty when dimensionless.
    public var description: String {
        let sorted = exponents.sorted { $0.key < $1.key }
        let up = sorted.filter { $0.value > 0 }
        let down = sorted.filter { $0.value < 0 }
        func power(_ name: String, _ e: Int) -> String { e == 1 ? name : "\(name)^\(e)" }
        if up.isEmpty { return down.map { power($0.key, $0.value) }.joined(separator: "·") }
        let top = up.map { power($0.key, $0.value) }.joined(separator: "·")
        if down.isEmpty { return top }
        let bottom = down.map { power($0.key, -$0.value) }
        return bottom.count == 1 ? "\(top)/\(bottom[0])" : "\(top)/(\(bottom.joined(separator: "·")))"
    }

    /// How messages name the dimension: its units, or "a plain number".
    var phrase: String { isDimensionless ? "a plain number" : description }
}

/// A unit: a display name, its size in base units, and its dimension.
/// `KiB` is 8192 `bit`; `%` is 0.01 of a plain number.
public struct CalcUnit: Sendable, Hashable, Codable {
    /// The name as it is written and printed: `KiB`, `%`, `USD/gpu_hour`.
    public var name: String
    /// How many base units one of this unit is.
    public var factor: Double
    /// What the unit measures.
    public var dimension: CalcDimension

    /// Creates a unit.
    public init(name: String, factor: Double, dimension: CalcDimension) {
        self.name = name
        self.factor = factor
        self.dimension = dimension
    }

    /// A new base unit, as `unit NAME` declares.
    public init(base name: String) {
        self.init(name: name, factor: 1, dimension: CalcDimension(base: name))
    }

    /// The percent display unit.
    public static let percent = CalcUnit(name: "%", factor: 0.01, dimension: .dimensionless)

    /// True for `%`.
    public var isPercent: Bool { name == "%" && dimension.isDimensionless }

    /// True for the dollar unit, which prints as a `$` prefix.
    var isUSD: Bool { factor == 1 && dimension == CalcDimension.usd }
}

/// The units every note knows without declaring them.
enum CalcUnitTable {
    static let builtIn: [String: CalcUnit] = {
        let bit = CalcDimension(base: "bit")
        let second = CalcDimension(base: "s")
        var table: [String: CalcUnit] = [:]
        func add(_ name: String, _ factor: Double, _ dimension: CalcDimension) {
            table[name] = CalcUnit(name: name, factor: factor, dimension: dimension)
        }
        add("bit", 1, bit)
        add("byte", 8, bit)
        for (i, prefix) in ["K", "M", "G", "T"].enumerated() {
            let power = Double(i + 1)
            add("\(prefix)B", 8 * pow(1000, power), bit)
            add("\(prefix)iB", 8 * pow(1024, power), bit)
        }
        add("s", 1, second)
        add("min", 60, second)
        add("h", 3_600, second)
        add("day", 86_400, second)
        add("FLOP", 1, CalcDimension(base: "FLOP"))
        add("USD", 1, CalcDimension(base: "USD"))
        return table
    }()

    /// The functions a calc expression may call.
    static let functionNames = ["min", "max", "abs", "round", "floor", "ceil", "sqrt", "ln", "log2", "log10"]
}
