import NotesModel
import NotesSupport

/// A calculated quantity: a number in base units, its dimension, and the unit it
/// prefers to be shown in.
///
/// `16 bit` is 16 with dimension `bit` and display unit `bit`; `kv -> KiB` keeps the
/// number and dimension and sets the display unit to `KiB`; `93%` is 0.93 shown in `%`.
public struct CalcValue: Sendable, Hashable, Codable {
    /// The number in base units (bits, seconds, USD, declared units).
    public var value: Double
    /// What the number measures.
    public var dimension: CalcDimension
    /// The unit to print the value in; nil prints it in base units (USD as `$`).
    public var displayUnit: CalcUnit?

    /// Creates a value.
    public init(_ value: Double, dimension: CalcDimension = .dimensionless, displayUnit: CalcUnit? = nil) {
        self.value = value
        self.dimension = dimension
        self.displayUnit = displayUnit
    }

    /// One of `unit`, shown in it.
    public init(_ value: Double, unit: CalcUnit) {
        self.init(value * unit.factor, dimension: unit.dimension, displayUnit: unit)
    }

    /// True when the value has no dimension.
    public var isDimensionless: Bool { dimension.isDimensionless }

    /// True when the value is shown as a percentage.
    public var isPercent: Bool { displayUnit?.isPercent == true }

    /// The display unit that survives scaling by a plain number: percentages do not
    /// (`reduction * 100` is no longer a percentage), units do (`2 * 16 bit`).
    var scalableDisplayUnit: CalcUnit? { isPercent ? nil : displayUnit }

    /// The same number and dimension, shown in `unit` (which must share the dimension).
    func shown(in unit: CalcUnit?) -> CalcValue {
        CalcValue(value, dimension: dimension, displayUnit: unit)
    }
}
