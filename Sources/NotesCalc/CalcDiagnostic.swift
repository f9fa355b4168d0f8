import NotesModel
import NotesSupport

/// A problem found in a calc statement or inline calculation.
///
/// Positions are file positions: 1-based line, 1-based column counted in UTF-8
/// bytes, and an exclusive end column, on the exact token at fault.
public struct CalcDiagnostic: Sendable, Hashable, Codable, Error {
    /// The rule id: `calc-syntax`, `calc-undefined`, `calc-units`, `calc-math`,
    /// `calc-import` or `claim-failed`.
    public var rule: String
    /// What is wrong, in one sentence.
    public var message: String
    /// What to do about it, e.g. `did you mean 'bit'?`.
    public var suggestion: String?
    /// 1-based file line of the offending token.
    public var line: Int
    /// 1-based column (UTF-8 bytes) of the offending token.
    public var column: Int
    /// File line where the offending token ends.
    public var endLine: Int
    /// Column just past the offending token.
    public var endColumn: Int

    /// Creates a diagnostic; the end defaults to the start.
    public init(rule: String, message: String, suggestion: String? = nil,
                line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
        self.rule = rule
        self.message = message
        self.suggestion = suggestion
        self.line = line
        self.column = column
        self.endLine = endLine ?? line
        self.endColumn = endColumn ?? column
    }

    init(rule: String, message: String, suggestion: String? = nil, at span: CalcSpan) {
        self.init(rule: rule, message: message, suggestion: suggestion,
                  line: span.line, column: span.column, endLine: span.line, endColumn: span.endColumn)
    }
}

/// The messages of every calc rule, kept in one place so the wording stays consistent.
extension CalcDiagnostic {
    static func syntax(_ message: String, at span: CalcSpan, suggestion: String? = nil) -> CalcDiagnostic {
        CalcDiagnostic(rule: "calc-syntax", message: message, suggestion: suggestion, at: span)
    }

    static func unknownName(_ name: String, kind: String, at span: CalcSpan, nearest: String?) -> CalcDiagnostic {
        CalcDiagnostic(rule: "calc-undefined", message: "unknown \(kind) '\(name)'",
                       suggestion: nearest.map { "did you mean '\($0)'?" }, at: span)
    }

    static func units(_ message: String, at span: CalcSpan, suggestion: String? = nil) -> CalcDiagnostic {
        CalcDiagnostic(rule: "calc-units", message: message, suggestion: suggestion, at: span)
    }

    static func math(_ message: String, at span: CalcSpan) -> CalcDiagnostic {
        CalcDiagnostic(rule: "calc-math", message: message, at: span)
    }

    static func importFailure(_ message: String, at span: CalcSpan, suggestion: String? = nil) -> CalcDiagnostic {
        CalcDiagnostic(rule: "calc-import", message: message, suggestion: suggestion, at: span)
    }

    static func claimFailed(_ message: String, at span: CalcSpan) -> CalcDiagnostic {
        CalcDiagnostic(rule: "claim-failed", message: message,
                       suggestion: "correct the stated value, or state a tolerance with '±'", at: span)
    }
}
