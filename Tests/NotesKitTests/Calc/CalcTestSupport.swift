@testable import NotesKit
@testable import NotesBuild
@testable import NotesCalc
@testable import NotesCheck
@testable import NotesGraph
@testable import NotesMarkdown
@testable import NotesModel
@testable import NotesParse
@testable import NotesSite
@testable import NotesSupport

/// Evaluates one calc block (starting at `firstLine`) plus inline expressions.
func calcRun(_ text: String, firstLine: Int = 1, column: Int = 1, inline: [CalcInlineInput] = [],
             imports: [String: CalcImportResult] = [:]) -> CalcNoteResult {
    CalcEngine.evaluate(blocks: [CalcBlockInput(text: text, firstLine: firstLine, column: column)], inline: inline) { note, _ in
        imports[note] ?? .failure("no note '\(note)'")
    }
}

/// The formatted value of one expression, or the diagnostic's rule and message.
func calcShow(_ expression: String) -> String {
    switch CalcEngine.evaluateExpression(expression) {
    case .success(let v): return CalcEngine.format(v)
    case .failure(let d): return "\(d.rule): \(d.message)"
    }
}

/// The value of one expression in base units, or nil on error.
func calcValue(_ expression: String) -> Double? {
    if case .success(let v) = CalcEngine.evaluateExpression(expression) { return v.value }
    return nil
}

/// The diagnostic of an expression that must fail.
func calcError(_ expression: String) -> CalcDiagnostic? {
    if case .failure(let d) = CalcEngine.evaluateExpression(expression) { return d }
    return nil
}

/// A diagnostic as `rule line:column-endColumn message`, for compact assertions.
func calcBrief(_ d: CalcDiagnostic) -> String {
    "\(d.rule) \(d.line):\(d.column)-\(d.endColumn) \(d.message)"
}

/// A statement's display by source text.
func calcDisplay(_ result: CalcNoteResult, _ source: String) -> String? {
    result.statements.first { $0.source == source }?.display
}

func calcCloseTo(_ a: Double?, _ b: Double, relative: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= relative * max(abs(a), abs(b))
}
