import NotesModel
import NotesSupport

/// Parses arithmetic over a token array into postfix steps (shunting-yard), so even
/// a 10,000-deep parenthesis costs no recursion; nesting is capped before it is pushed.
struct CalcExpressionParser {
    static let maxNesting = 200

    let tokens: [CalcToken]
    let bytes: [UInt8]
    var index = 0

    private enum Pending {
        case binary(CalcBinaryOperator, CalcSpan)
        case negate(CalcSpan)
        case group(CalcSpan, call: String?, arguments: Int)

        /// Precedence for popping; groups are never popped by operators.
        var precedence: Int? {
            switch self {
            case .binary(let op, _): return op.precedence
            case .negate: return 3
            case .group: return nil
            }
        }
    }

    var current: CalcToken { tokens[min(index, tokens.count - 1)] }

    func peek(_ offset: Int = 1) -> CalcToken { tokens[min(index + offset, tokens.count - 1)] }

    /// The source text of bytes `start..<end` of the line.
    func text(_ start: Int, _ end: Int) -> String {
        end > start ? String(decoding: bytes[start..<end], as: UTF8.self) : ""
    }

    /// How a token reads in a message: its source text, or "end of line".
    func describe(_ token: CalcToken) -> String {
        if case .end = token.kind { return "end of line" }
        return "'\(text(token.start, token.end))'"
    }

    func isName(_ token: CalcToken) -> String? {
        if case .identifier(let name) = token.kind, !calcKeywords.contains(name) { return name }
        return nil
    }

    private func isCallStart(_ offset: Int) -> Bool {
        if case .leftParen = peek(offset).kind { return true }
        return false
    }

    /// Parses one arithmetic expression, stopping before the first token that cannot continue it.
    /// With `stopAtPlusMinus`, `+-` ends the expression (a check's tolerance) instead of meaning `+ -`.
    mutating func parseArithmetic(stopAtPlusMinus: Bool = false) throws(CalcDiagnostic) -> CalcExpression {
        let first = current
        var output: [CalcOp] = []
        var stack: [Pending] = []
        var groups = 0
        var expectOperand = true
        var lastEnd = first.start

        while true {
            let token = current
            if expectOperand {
                switch token.kind {
                case .number(let value, let resolution):
                    var literal = CalcLiteral(value: value, resolution: resolution, span: token.span)
                    index += 1
                    if case .percent = current.kind {
                        literal.isPercent = true
                        literal.span = literal.span.through(current.span)
                        index += 1
                    } else if let unit = isName(current), !isCallStart(1) {
                        literal.unitName = unit
                        literal.unitSpan = current.span
                        index += 1
                        literal.unitPower = unitPower()
                    }
                    output.append(.literal(literal))
                    expectOperand = false
                case .dollarNumber(let value, let resolution):
                    output.append(.literal(CalcLiteral(value: value, resolution: resolution, isDollar: true, span: token.span)))
                    index += 1
                    expectOperand = false
                case .identifier(let name) where !calcKeywords.contains(name):
                    if isCallStart(1) {
                        groups += 1
                        if groups > Self.maxNesting { throw .syntax("nesting too deep (more than \(Self.maxNesting) levels)", at: peek().span) }
                        stack.append(.group(token.span, call: name, arguments: 0))
                        index += 2
                        if case .rightParen = current.kind {
                            stack.removeLast()
                            groups -= 1
                            output.append(.call(name, argumentCount: 0, token.span))
                            index += 1
                            expectOperand = false
                        }
                    } else {
                        output.append(.name(name, token.span))
                        index += 1
                        expectOperand = false
                    }
                case .dollar:
                    output.append(.dollar(token.span))
                    index += 1
                    expectOperand = false
                case .minus:
                    stack.append(.negate(token.span))
                    index += 1
                case .plus:
                    index += 1
                case .leftParen:
                    groups += 1
                    if groups > Self.maxNesting { throw .syntax("nesting too deep (more than \(Self.maxNesting) levels)", at: token.span) }
                    stack.append(.group(token.span, call: nil, arguments: 0))
                    index += 1
                case .invalid(let message):
                    throw .syntax(message, at: token.span)
                case .end:
                    let previous = index > 0 ? tokens[index - 1] : token
                    throw .syntax("expected a value after \(describe(previous))", at: previous.span)
                default:
                    throw .syntax("expected a value, found \(describe(token))", at: token.span)
                }
                if !expectOperand { lastEnd = tokens[index - 1].end }
                continue
            }

            switch token.kind {
            case .plus, .minus, .star, .slash, .caret:
                let op: CalcBinaryOperator
                switch token.kind {
                case .plus: op = .add
                case .minus: op = .subtract
                case .star: op = .multiply
                case .slash: op = .divide
                default: op = .power
                }
                let rightAssociative = op == .power
                while let top = stack.last, let p = top.precedence,
                      p > op.precedence || (p == op.precedence && !rightAssociative) {
                    Self.finish(stack.removeLast(), into: &output)
                }
                stack.append(.binary(op, token.span))
                index += 1
                expectOperand = true
            case .plusMinus(spelledAsPlusMinus: true) where !stopAtPlusMinus:
                while let top = stack.last, let p = top.precedence, p >= CalcBinaryOperator.add.precedence {
                    Self.finish(stack.removeLast(), into: &output)
                }
                let plus = CalcSpan(line: token.span.line, column: token.span.column, endColumn: token.span.column + 1)
                let minus = CalcSpan(line: plus.line, column: plus.column + 1, endColumn: plus.column + 2)
                stack.append(.binary(.add, plus))
                stack.append(.negate(minus))
                index += 1
                expectOperand = true
            case .rightParen, .comma:
                while let top = stack.last, top.precedence != nil { Self.finish(stack.removeLast(), into: &output) }
                guard case .group(let open, let call, let arguments)? = stack.last else {
                    throw .syntax("unexpected \(describe(token))", at: token.span)
                }
                if case .comma = token.kind {
                    guard call != nil else { throw .syntax("unexpected ',' outside a function call", at: token.span) }
                    stack[stack.count - 1] = .group(open, call: call, arguments: arguments + 1)
                    index += 1
                    expectOperand = true
                    continue
                }
                stack.removeLast()
                groups -= 1
                index += 1
                if let call {
                    output.append(.call(call, argumentCount: arguments + 1, open))
                } else if let unit = isName(current), !isCallStart(1) {
                    let span = current.span
                    index += 1
                    output.append(.attachUnit(unit, power: unitPower(), span))
                }
                lastEnd = tokens[index - 1].end
            case .invalid(let message):
                throw .syntax(message, at: token.span)
            case .percent:
                throw .syntax("'%' must follow a number; to show a value as a percentage write '-> %'", at: token.span)
            case .number, .dollarNumber, .leftParen, .dollar:
                throw .syntax("expected an operator before \(describe(token))", at: token.span)
            case .identifier(let name) where !calcKeywords.contains(name):
                throw .syntax("expected an operator before \(describe(token))", at: token.span)
            default:
                for pending in stack.reversed() {
                    if case .group(let open, _, _) = pending {
                        throw .syntax("'(' is never closed", at: open)
                    }
                }
                for pending in stack.reversed() { Self.finish(pending, into: &output) }
                let span = CalcSpan(line: first.span.line, column: first.span.column,
                                    endColumn: first.span.column + (lastEnd - first.start))
                return CalcExpression(ops: output, span: span, text: text(first.start, lastEnd))
            }
        }
    }

    /// Consumes `^N` (or `^-N`) for a whole N from 1 to 64 right after a unit name;
    /// anything else after `^` is an ordinary power of the whole quantity.
    private mutating func unitPower() -> Int {
        guard case .caret = current.kind else { return 1 }
        var offset = 1
        var sign = 1
        if case .minus = peek(1).kind { sign = -1; offset = 2 }
        guard case .number(let value, _) = peek(offset).kind, value == value.rounded(), value >= 1, value <= 64 else { return 1 }
        if case .identifier = peek(offset + 1).kind { return 1 }  // `bit^2 x` is not a power of 2x
        index += offset + 1
        return sign * Int(value)
    }

    /// Moves a pending operator to the output. Groups never get here: they are closed by
    /// their `)` or reported as unclosed before the stack is emptied.
    private static func finish(_ pending: Pending, into output: inout [CalcOp]) {
        switch pending {
        case .binary(let op, let span): output.append(.binary(op, span))
        case .negate(let span): output.append(.negate(span))
        case .group: assertionFailure("an open group reached the output")
        }
    }

    /// Parses a display unit after `->`: `%`, `$`, `KiB`, `USD/gpu_hour`, `bit^2`.
    mutating func parseUnitExpression() throws(CalcDiagnostic) -> CalcUnitExpression {
        let first = current
        switch first.kind {
        case .percent:
            index += 1
            return CalcUnitExpression(factors: [], isPercent: true, text: "%", span: first.span)
        case .end:
            throw .syntax("expected a unit after '->'", at: tokens[max(0, index - 1)].span)
        default:
            break
        }
        var factors: [CalcUnitExpression.Factor] = []
        var sign = 1
        while true {
            let token = current
            let name: String
            if case .dollar = token.kind {
                name = "USD"
            } else if let n = isName(token) {
                name = n
            } else {
                throw .syntax("expected a unit name, found \(describe(token))", at: token.span)
            }
            index += 1
            var exponent = 1
            if case .caret = current.kind {
                index += 1
                var negative = false
                if case .minus = current.kind { negative = true; index += 1 }
                guard case .number(let value, _) = current.kind, value == value.rounded(), value >= 1, value <= 64 else {
                    throw .syntax("a unit's power must be a whole number from 1 to 64", at: current.span)
                }
                exponent = negative ? -Int(value) : Int(value)
                index += 1
            }
            factors.append(.init(name: name, exponent: sign * exponent, span: token.span))
            switch current.kind {
            case .star: sign = 1; index += 1
            case .slash: sign = -1; index += 1
            default:
                let last = tokens[index - 1]
                let span = first.span.through(last.span)
                return CalcUnitExpression(factors: factors, isPercent: false, text: text(first.start, last.end), span: span)
            }
        }
    }
}
