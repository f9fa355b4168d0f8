import Foundation
import NotesModel
import NotesSupport

/// The built-in functions: `min max abs round floor ceil sqrt ln log2 log10`.
extension CalcEvaluator {
    mutating func call(_ name: String, _ arguments: [CalcValue],
                       at span: CalcSpan) throws(CalcEvaluationError) -> CalcValue {
        guard CalcUnitTable.functionNames.contains(name) else {
            let near = nearest(to: name, units: false, names: false, functions: true)
            throw .diagnostic(.unknownName(name, kind: "function", at: span, nearest: near))
        }
        if name == "min" || name == "max" {
            guard let first = arguments.first else {
                throw .diagnostic(.syntax("\(name) takes at least 1 argument", at: span))
            }
            var best = first
            for argument in arguments.dropFirst() {
                guard argument.dimension == first.dimension else {
                    throw .diagnostic(.units("cannot compare \(first.dimension.phrase) and \(argument.dimension.phrase) in \(name)",
                                             at: span))
                }
                if name == "min" ? argument.value < best.value : argument.value > best.value { best = argument }
            }
            return best.shown(in: best.displayUnit ?? first.displayUnit)
        }
        guard arguments.count == 1 else {
            throw .diagnostic(.syntax("\(name) takes 1 argument, not \(arguments.count)", at: span))
        }
        var x = arguments[0]
        switch name {
        case "abs":
            x.value = abs(x.value)
            return x
        case "round", "floor", "ceil":
            // Round in the unit the value is shown in: round(93.34%) is 93%, not 1.
            let scale = x.displayUnit.flatMap { $0.dimension == x.dimension ? $0.factor : nil } ?? 1
            let rule: FloatingPointRoundingRule = name == "round" ? .toNearestOrAwayFromZero : name == "floor" ? .down : .up
            x.value = (x.value / scale).rounded(rule) * scale
            return x
        case "sqrt":
            guard let dimension = x.dimension.raised(to: 0.5) else {
                throw .diagnostic(.units("cannot take the square root of \(x.dimension.phrase)", at: span))
            }
            guard x.value >= 0 else { throw .diagnostic(.math("square root of a negative number", at: span)) }
            return CalcValue(x.value.squareRoot(), dimension: dimension)
        default:
            guard x.isDimensionless else {
                throw .diagnostic(.units("\(name) needs a plain number, not \(x.dimension.phrase)", at: span))
            }
            guard x.value > 0 else {
                throw .diagnostic(.math("logarithm of \(x.value == 0 ? "zero" : "a negative number")", at: span))
            }
            let value = name == "ln" ? log(x.value) : name == "log2" ? log2(x.value) : log10(x.value)
            return CalcValue(value)
        }
    }
}
