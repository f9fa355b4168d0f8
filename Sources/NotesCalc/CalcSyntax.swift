import NotesModel
import NotesSupport

/// Where a token sits in the file: 1-based line and UTF-8 byte columns, end exclusive.
struct CalcSpan: Sendable, Equatable {
    var line: Int
    var column: Int
    var endColumn: Int

    /// The span from the start of `self` to the end of `other` (same line).
    func through(_ other: CalcSpan) -> CalcSpan {
        CalcSpan(line: line, column: column, endColumn: max(endColumn, other.endColumn))
    }
}

/// A number as written: `42`, `2.788M`, `93%`, `$5.5M`, `16 bit`.
///
/// `resolution` is the place value of its last written digit in the number's own
/// scale (`0.001e6` for `2.788M`); checks use half of it as the default tolerance.
struct CalcLiteral: Sendable, Equatable {
    var value: Double
    var resolution: Double
    var isPercent = false
    var isDollar = false
    /// A unit (or value) name written after the digits, multiplied in.
    var unitName: String?
    var unitSpan: CalcSpan?
    /// A whole power written right after the unit: `2 bit^2` is 2 × bit².
    var unitPower = 1
    var span: CalcSpan
}

enum CalcBinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"

    var precedence: Int {
        switch self {
        case .add, .subtract: return 1
        case .multiply, .divide: return 2
        case .power: return 4
        }
    }
}

/// One step of an expression in postfix order. Postfix keeps evaluation
/// iterative, so no input can exhaust the stack.
enum CalcOp: Sendable, Equatable {
    case literal(CalcLiteral)
    case name(String, CalcSpan)
    /// A bare `$`: one USD.
    case dollar(CalcSpan)
    case negate(CalcSpan)
    case binary(CalcBinaryOperator, CalcSpan)
    /// Multiplies the value below by the unit (or value) named here, to a power: `(a + b) gpu_hour`.
    case attachUnit(String, power: Int, CalcSpan)
    case call(String, argumentCount: Int, CalcSpan)
}

/// An arithmetic expression: postfix steps and its source.
struct CalcExpression: Sendable, Equatable {
    var ops: [CalcOp]
    var span: CalcSpan
    var text: String

    /// The literal when the expression is exactly one number (optionally negated).
    var singleLiteral: CalcLiteral? {
        switch ops.count {
        case 1:
            if case .literal(let l) = ops[0] { return l }
        case 2:
            if case .literal(var l) = ops[0], case .negate = ops[1] {
                l.value = -l.value
                return l
            }
        default: break
        }
        return nil
    }

    /// The identifier when the expression is exactly one name.
    var singleName: String? {
        if ops.count == 1, case .name(let n, _) = ops[0] { return n }
        return nil
    }
}

/// A display unit written after `->`: `KiB`, `%`, `$`, `USD/gpu_hour`, `bit^2`.
struct CalcUnitExpression: Sendable, Equatable {
    struct Factor: Sendable, Equatable {
        var name: String
        var exponent: Int
        var span: CalcSpan
    }
    var factors: [Factor]
    var isPercent: Bool
    var text: String
    var span: CalcSpan
}

enum CalcComparison: String, Sendable {
    case approximately = "≈", equal = "==", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

struct CalcCheckSyntax: Sendable, Equatable {
    var keyword: CalcSpan
    var computed: CalcExpression
    var comparison: CalcComparison
    var comparisonSpan: CalcSpan
    /// The stated value written `~B`.
    var isAbout: Bool
    var stated: CalcExpression
    /// The stated operand as written, including a leading `~`.
    var statedText: String
    var statedSpan: CalcSpan
    var tolerance: CalcExpression?
    var forNote: String?
}

/// One parsed calc statement.
enum CalcStatementSyntax: Sendable {
    case importNames(note: String, noteSpan: CalcSpan, names: [(String, CalcSpan)])
    case unitDeclaration(String, CalcSpan)
    case assignment(String, CalcSpan, CalcExpression, CalcUnitExpression?)
    case expression(CalcExpression, CalcUnitExpression?)
    case check(CalcCheckSyntax)
}

/// Words that start statements or clauses and so cannot name values or units.
let calcKeywords: Set<String> = ["check", "unit", "from", "import", "for"]
