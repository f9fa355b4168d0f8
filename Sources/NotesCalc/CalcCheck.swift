import Foundation
import NotesModel
import NotesSupport

/// The outcome of a `check` statement.
public struct CalcCheckOutcome: Sendable, Hashable, Codable {
    /// Whether the check holds.
    public var passed: Bool
    /// The computed value, printed in the stated value's unit: `82.24%`.
    public var computed: String
    /// The stated operand as written, with a leading `~` if any: `93%`, `~$10M`.
    public var stated: String
    /// The accepted range for `≈` and `==` with a tolerance: `92.5%..93.5%`.
    public var interval: String?
    /// The stated value.
    public var statedValue: CalcValue
    /// The stated operand's source text without `~`: `93%`, `$5.5M`, `2.788M gpu_hour`.
    public var statedLiteral: String
    /// The comparison: `≈` (also written `~=`), `==`, `!=`, `<`, `<=` (also `≤`), `>`, `>=` (also `≥`).
    public var op: String
    /// The note whose claims this check verifies, from `for NOTE-ID`.
    public var forNote: String?
    /// The claim-failed message when the check fails: `reduction = 82.24%, stated 93% (92.5%..93.5%)`.
    public var message: String?

    /// Creates an outcome.
    public init(passed: Bool, computed: String, stated: String, interval: String? = nil, statedValue: CalcValue,
                statedLiteral: String, op: String, forNote: String? = nil, message: String? = nil) {
        self.passed = passed
        self.computed = computed
        self.stated = stated
        self.interval = interval
        self.statedValue = statedValue
        self.statedLiteral = statedLiteral
        self.op = op
        self.forNote = forNote
        self.message = message
    }
}

/// Check semantics: tolerances from written precision, `±`, or `~`, and the failure message.
enum CalcCheck {
    /// Slack for floating-point error when comparing against a tolerance.
    static let slack = 1e-9

    static func evaluate(_ check: CalcCheckSyntax, in evaluator: inout CalcEvaluator)
        throws(CalcEvaluationError) -> (CalcCheckOutcome, CalcValue) {
        let computed = try evaluator.evaluate(check.computed)
        let stated = try evaluator.evaluate(check.stated)
        guard computed.dimension == stated.dimension else {
            throw .diagnostic(.units("cannot compare \(computed.dimension.phrase) and \(stated.dimension.phrase)",
                                     at: check.comparisonSpan))
        }
        let tolerance = try self.tolerance(of: check, stated: stated, in: &evaluator)
        func holds(_ a: Double) -> Bool {
            let b = stated.value
            switch check.comparison {
            case .approximately, .equal:
                if let t = tolerance { return abs(a - b) <= t + slack * (t + abs(b)) }
                return nearlyEqual(a, b)
            case .notEqual: return !nearlyEqual(a, b)
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            case .greaterOrEqual: return a >= b
            }
        }
        let passed = holds(computed.value)

        // Print the computed value with enough digits that its rounding does not
        // contradict the verdict (92.4999% must not print as 92.5% and fail).
        let shown = computed.shown(in: stated.displayUnit ?? computed.displayUnit)
        let scale = shown.displayUnit.flatMap { $0.dimension == shown.dimension ? $0.factor : nil } ?? 1
        var digits = CalcFormat.defaultDigits
        while digits < 15, holds(CalcFormat.rounded(shown.value / scale, digits: digits) * scale) != passed { digits += 1 }
        let computedText = CalcFormat.format(shown, digits: digits)

        var interval: String?
        if let t = tolerance {
            let lo = stated.value - t, hi = stated.value + t
            func bound(_ x: Double) -> String {
                CalcFormat.format(stated.with(value: x),
                                  digits: CalcFormat.digits(for: x, resolution: t / 100))
            }
            interval = "\(bound(lo))..\(bound(hi))"
        }
        let statedLiteral = check.stated.text
        var outcome = CalcCheckOutcome(passed: passed, computed: computedText, stated: check.statedText,
                                       interval: interval, statedValue: stated, statedLiteral: statedLiteral,
                                       op: check.comparison.rawValue, forNote: check.forNote)
        if !passed {
            let name = check.computed.singleName ?? "value"
            switch check.comparison {
            case .approximately, .equal:
                outcome.message = "\(name) = \(computedText), stated \(check.statedText)" + (interval.map { " (\($0))" } ?? "")
            default:
                outcome.message = "\(name) = \(computedText), expected \(check.comparison.rawValue) \(check.statedText)"
            }
        }
        return (outcome, computed)
    }

    /// The absolute tolerance of `≈`/`==`, or nil for an exact (relative 1e-9) comparison.
    private static func tolerance(of check: CalcCheckSyntax, stated: CalcValue,
                                  in evaluator: inout CalcEvaluator) throws(CalcEvaluationError) -> Double? {
        guard check.comparison == .approximately || check.comparison == .equal else { return nil }
        if let expression = check.tolerance {
            let t = try evaluator.evaluate(expression)
            if t.dimension == stated.dimension, !(t.isPercent && !stated.isPercent) { return abs(t.value) }
            // `± 5%` on a value not written as a percentage is relative to it.
            if t.isPercent { return abs(t.value * stated.value) }
            throw .diagnostic(.units("the tolerance is \(t.dimension.phrase) but the stated value is \(stated.dimension.phrase)",
                                     at: expression.span))
        }
        if check.isAbout { return 0.1 * abs(stated.value) }
        guard check.comparison == .approximately, let literal = check.stated.singleLiteral else { return nil }
        var scale = literal.isPercent ? 0.01 : 1
        if let unitName = literal.unitName {
            guard let unit = evaluator.unit(named: unitName) else { return nil }
            scale *= Foundation.pow(unit.factor, Double(literal.unitPower))
        }
        return literal.resolution * scale / 2
    }

    static func nearlyEqual(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= slack * max(abs(a), abs(b))
    }
}

extension CalcValue {
    func with(value: Double) -> CalcValue {
        CalcValue(value, dimension: dimension, displayUnit: displayUnit)
    }
}
