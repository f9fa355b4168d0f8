import Foundation
import NotesModel
import NotesSupport

/// Why an evaluation stopped: a diagnostic to report, or a name whose own
/// definition already failed (reported there, so not again).
enum CalcEvaluationError: Error {
    case diagnostic(CalcDiagnostic)
    case poisoned
}

/// Evaluates postfix expressions in a note's scope. Iterative, so any input
/// that parsed evaluates without deep recursion; every result is checked for
/// overflow and NaN at the operator that produced it.
struct CalcEvaluator {
    private(set) var values: [String: CalcValue] = [:]
    private(set) var declaredUnits: [String: CalcUnit] = [:]
    private var poisoned: Set<String> = []
    /// Did-you-mean searches left; bounds the work on inputs full of unknown names.
    private var suggestionBudget = 200

    mutating func define(_ name: String, _ value: CalcValue) {
        values[name] = value
        poisoned.remove(name)
    }

    /// Marks a name whose definition failed, so its uses are not reported again.
    mutating func poison(_ name: String) {
        values[name] = nil
        poisoned.insert(name)
    }

    mutating func declareUnit(_ name: String) {
        declaredUnits[name] = CalcUnit(base: name)
    }

    func unit(named name: String) -> CalcUnit? {
        declaredUnits[name] ?? CalcUnitTable.builtIn[name]
    }

    mutating func nearest(to word: String, units: Bool, names: Bool, functions: Bool) -> String? {
        guard suggestionBudget > 0 else { return nil }
        suggestionBudget -= 1
        var candidates: [String] = []
        if names { candidates += values.keys }
        if units { candidates += declaredUnits.keys; candidates += CalcUnitTable.builtIn.keys }
        if functions { candidates += CalcUnitTable.functionNames }
        return CalcSuggestion.nearest(to: word, among: candidates)
    }

    // MARK: Expressions

    mutating func evaluate(_ expression: CalcExpression) throws(CalcEvaluationError) -> CalcValue {
        var stack: [CalcValue] = []
        stack.reserveCapacity(8)
        func pop() throws(CalcEvaluationError) -> CalcValue {
            guard let v = stack.popLast() else {
                throw .diagnostic(.syntax("malformed expression", at: expression.span))
            }
            return v
        }
        for op in expression.ops {
            switch op {
            case .literal(let literal):
                stack.append(try evaluate(literal))
            case .name(let name, let span):
                stack.append(try lookUp(name, at: span))
            case .dollar:
                stack.append(CalcValue(1, unit: CalcUnitTable.builtIn["USD"]!))
            case .negate(let span):
                var v = try pop()
                v.value = -v.value
                stack.append(try finite(v, at: span))
            case .binary(let op, let span):
                let rhs = try pop()
                let lhs = try pop()
                stack.append(try finite(try apply(op, lhs, rhs, at: span), at: span))
            case .attachUnit(let name, let power, let span):
                let lhs = try pop()
                let unit = try multiplier(name, power: power, at: span)
                stack.append(try finite(try apply(.multiply, lhs, unit, at: span), at: span))
            case .call(let name, let count, let span):
                guard stack.count >= count else { throw .diagnostic(.syntax("malformed expression", at: span)) }
                let arguments = Array(stack.suffix(count))
                stack.removeLast(count)
                stack.append(try finite(try call(name, arguments, at: span), at: span))
            }
        }
        let result = try pop()
        guard stack.isEmpty else { throw .diagnostic(.syntax("malformed expression", at: expression.span)) }
        return result
    }

    private mutating func evaluate(_ literal: CalcLiteral) throws(CalcEvaluationError) -> CalcValue {
        guard literal.value.isFinite else { throw .diagnostic(.math("number is too large", at: literal.span)) }
        var v: CalcValue
        if literal.isDollar {
            v = CalcValue(literal.value, unit: CalcUnitTable.builtIn["USD"]!)
        } else if literal.isPercent {
            v = CalcValue(literal.value, unit: .percent)
        } else {
            v = CalcValue(literal.value)
        }
        if let name = literal.unitName, let span = literal.unitSpan {
            let unit = try multiplier(name, power: literal.unitPower, at: span)
            v = try finite(try apply(.multiply, v, unit, at: span), at: span)
        }
        return v
    }

    /// A name after a number, to a power: a unit first, else a value (`2 x`).
    private mutating func multiplier(_ name: String, power: Int,
                                     at span: CalcSpan) throws(CalcEvaluationError) -> CalcValue {
        if power != 1 {
            let base = try multiplier(name, power: 1, at: span)
            return try finite(try apply(.power, base, CalcValue(Double(power)), at: span), at: span)
        }
        if let unit = unit(named: name) { return CalcValue(1, unit: unit) }
        if let value = values[name] { return value }
        if poisoned.contains(name) { throw .poisoned }
        let near = nearest(to: name, units: true, names: true, functions: false)
        throw .diagnostic(.unknownName(name, kind: "unit", at: span, nearest: near))
    }

    /// A name on its own: a value first, else one of a unit.
    private mutating func lookUp(_ name: String, at span: CalcSpan) throws(CalcEvaluationError) -> CalcValue {
        if let value = values[name] { return value }
        if poisoned.contains(name) { throw .poisoned }
        if let unit = unit(named: name) { return CalcValue(1, unit: unit) }
        let near = nearest(to: name, units: true, names: true, functions: true)
        throw .diagnostic(.unknownName(name, kind: "name", at: span, nearest: near))
    }

    func finite(_ v: CalcValue, at span: CalcSpan) throws(CalcEvaluationError) -> CalcValue {
        if v.value.isNaN { throw .diagnostic(.math("result is not a number (NaN)", at: span)) }
        if v.value.isInfinite { throw .diagnostic(.math("result is too large (overflow)", at: span)) }
        return v
    }

    func apply(_ op: CalcBinaryOperator, _ lhs: CalcValue, _ rhs: CalcValue,
               at span: CalcSpan) throws(CalcEvaluationError) -> CalcValue {
        switch op {
        case .add, .subtract:
            guard lhs.dimension == rhs.dimension else {
                let message = op == .add
                    ? "cannot add \(lhs.dimension.phrase) and \(rhs.dimension.phrase)"
                    : "cannot subtract \(rhs.dimension.phrase) from \(lhs.dimension.phrase)"
                throw .diagnostic(.units(message, at: span))
            }
            let value = op == .add ? lhs.value + rhs.value : lhs.value - rhs.value
            return CalcValue(value, dimension: lhs.dimension, displayUnit: lhs.displayUnit ?? rhs.displayUnit)
        case .multiply:
            let unit = lhs.isDimensionless ? rhs.scalableDisplayUnit : rhs.isDimensionless ? lhs.scalableDisplayUnit : nil
            return CalcValue(lhs.value * rhs.value, dimension: lhs.dimension.multiplied(by: rhs.dimension), displayUnit: unit)
        case .divide:
            guard rhs.value != 0 else { throw .diagnostic(.math("division by zero", at: span)) }
            let unit = rhs.isDimensionless ? lhs.scalableDisplayUnit : nil
            return CalcValue(lhs.value / rhs.value, dimension: lhs.dimension.divided(by: rhs.dimension), displayUnit: unit)
        case .power:
            guard rhs.isDimensionless else {
                throw .diagnostic(.units("an exponent must be a plain number, not \(rhs.dimension.phrase)", at: span))
            }
            guard let dimension = lhs.dimension.raised(to: rhs.value) else {
                throw .diagnostic(.units("cannot raise \(lhs.dimension.phrase) to the power \(CalcFormat.number(rhs.value, digits: 4, letters: false)); units need whole powers",
                                         at: span))
            }
            if lhs.value == 0, rhs.value < 0 { throw .diagnostic(.math("division by zero (0 to a negative power)", at: span)) }
            let unit = rhs.value == 1 ? lhs.displayUnit : nil
            return CalcValue(Foundation.pow(lhs.value, rhs.value), dimension: dimension, displayUnit: unit)
        }
    }

    /// Evaluates `expression`, then applies its `-> unit` conversion if it has one.
    mutating func evaluate(_ expression: CalcExpression,
                           shownIn conversion: CalcUnitExpression?) throws(CalcEvaluationError) -> CalcValue {
        let value = try evaluate(expression)
        guard let conversion else { return value }
        return try convert(value, to: conversion)
    }

    /// Applies `-> unit`: the same quantity, shown in `unit`.
    mutating func convert(_ v: CalcValue, to target: CalcUnitExpression) throws(CalcEvaluationError) -> CalcValue {
        let unit = try resolve(target)
        guard unit.dimension == v.dimension else {
            let to = unit.isPercent ? "%" : unit.dimension.phrase
            throw .diagnostic(.units("cannot convert \(v.dimension.phrase) to \(to)", at: target.span))
        }
        return v.shown(in: unit)
    }

    private mutating func resolve(_ target: CalcUnitExpression) throws(CalcEvaluationError) -> CalcUnit {
        if target.isPercent { return .percent }
        var factor = 1.0
        var dimension = CalcDimension.dimensionless
        for part in target.factors {
            guard let unit = unit(named: part.name) else {
                let near = nearest(to: part.name, units: true, names: false, functions: false)
                throw .diagnostic(.unknownName(part.name, kind: "unit", at: part.span, nearest: near))
            }
            if target.factors.count == 1, part.exponent == 1 { return unit }
            factor *= Foundation.pow(unit.factor, Double(part.exponent))
            dimension = dimension.multiplied(by: unit.dimension.raised(to: part.exponent))
        }
        guard factor.isFinite, factor > 0 else {
            throw .diagnostic(.math("unit '\(target.text)' is too large or too small", at: target.span))
        }
        return CalcUnit(name: target.text, factor: factor, dimension: dimension)
    }
}
