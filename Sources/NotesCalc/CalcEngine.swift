import NotesModel
import NotesSupport

/// The embedded calculation language: evaluates a note's ```calc blocks and inline
/// `` `=expr` `` calculations, and single expressions for `notesc calc -e`.
public enum CalcEngine {
    /// Evaluates one note's calculations.
    ///
    /// All blocks share one scope and run in order; inline expressions run afterwards
    /// in that scope. `resolveImport` answers each `from NOTE-ID import a, b` with the
    /// other note's exports (or why it cannot), given the note reference as written
    /// and the requested names.
    public static func evaluate(blocks: [CalcBlockInput], inline: [CalcInlineInput],
                                resolveImport: (String, [String]) -> CalcImportResult) -> CalcNoteResult {
        withoutActuallyEscaping(resolveImport) { resolver in
            var run = CalcRun(resolveImport: resolver)
            run.run(blocks: blocks, inline: inline)
            return run.result
        }
    }

    /// Evaluates one expression (optionally `expr -> unit`) with only the built-in units,
    /// as `notesc calc -e '2.788M * $2'` does. Diagnostic positions are line 1, byte columns from 1.
    public static func evaluateExpression(_ text: String) -> Result<CalcValue, CalcDiagnostic> {
        let bytes = Array(text.utf8).map { $0 == 0x0A ? 0x20 : $0 }
        guard let line = CalcParser.statementLine(bytes, number: 1, column: 1) else {
            return .failure(.syntax("empty expression", at: CalcSpan(line: 1, column: 1, endColumn: 2)))
        }
        let parsed: (CalcExpression, CalcUnitExpression?)
        do throws(CalcDiagnostic) {
            parsed = try CalcParser.parseInline(line)
        } catch {
            return .failure(error)
        }
        var evaluator = CalcEvaluator()
        do throws(CalcEvaluationError) {
            return .success(try evaluator.evaluate(parsed.0, shownIn: parsed.1))
        } catch .diagnostic(let diagnostic) {
            return .failure(diagnostic)
        } catch {
            // Only names whose definition failed are silent, and a lone expression defines none.
            return .failure(.syntax("cannot evaluate the expression", at: line.span(line.start, line.end)))
        }
    }

    /// Prints a value the way the terminal and the site show it: `$5.576M`, `93.34%`, `25.31 KiB`.
    public static func format(_ v: CalcValue) -> String {
        CalcFormat.format(v)
    }
}

/// The state of one note's evaluation: scope, results so far, and the import resolver.
private struct CalcRun {
    let resolveImport: (String, [String]) -> CalcImportResult
    var evaluator = CalcEvaluator()
    var result = CalcNoteResult()

    init(resolveImport: @escaping (String, [String]) -> CalcImportResult) {
        self.resolveImport = resolveImport
    }

    mutating func run(blocks: [CalcBlockInput], inline: [CalcInlineInput]) {
        for block in blocks {
            let bytes = Array(block.text.utf8)
            var lineNumber = block.firstLine
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                if let line = CalcParser.statementLine(bytes, from: lineStart, to: lineEnd, number: lineNumber, column: block.column) {
                    statement(line)
                }
                lineNumber += 1
                lineStart = lineEnd + 1
            }
        }
        for input in inline { self.inline(input) }
    }

    mutating func statement(_ line: CalcParser.Line) {
        var entry = CalcStatementResult(line: line.number, column: line.column + line.start, source: line.source, kind: .invalid)
        do throws(CalcDiagnostic) {
            let syntax = try CalcParser.parseStatement(line)
            switch syntax {
            case .importNames(let note, let noteSpan, let names):
                entry.kind = .importNames
                importNames(note: note, noteSpan: noteSpan, names: names)
            case .unitDeclaration(let name, let span):
                entry.kind = .unitDeclaration
                declareUnit(name, at: span)
            case .assignment(let name, _, let expression, let conversion):
                entry.kind = .assignment(name)
                evaluate(expression, conversion, into: &entry)
                if let value = entry.value {
                    evaluator.define(name, value)
                    result.exports[name] = value
                } else {
                    evaluator.poison(name)
                    result.exports[name] = nil
                }
            case .expression(let expression, let conversion):
                entry.kind = .expression
                evaluate(expression, conversion, into: &entry)
            case .check(let check):
                entry.kind = .check
                do throws(CalcEvaluationError) {
                    let (outcome, computed) = try CalcCheck.evaluate(check, in: &evaluator)
                    entry.value = computed
                    entry.display = CalcFormat.format(computed)
                    entry.check = outcome
                    if let message = outcome.message { result.diagnostics.append(.claimFailed(message, at: check.statedSpan)) }
                } catch {
                    report(error)
                }
            }
        } catch {
            result.diagnostics.append(error)
            // Uses of a name whose assignment did not parse are not reported again.
            if let name = CalcParser.assignmentTarget(line) {
                evaluator.poison(name)
                result.exports[name] = nil
            }
        }
        result.statements.append(entry)
    }

    mutating func inline(_ input: CalcInlineInput) {
        var entry = CalcStatementResult(line: input.line, column: input.column, source: input.expression, kind: .expression)
        let bytes = Array(input.expression.utf8).map { $0 == 0x0A ? 0x20 : $0 }
        if let line = CalcParser.statementLine(bytes, number: input.line, column: input.column) {
            do throws(CalcDiagnostic) {
                let (expression, conversion) = try CalcParser.parseInline(line)
                evaluate(expression, conversion, into: &entry)
            } catch {
                result.diagnostics.append(error)
            }
        } else {
            let span = CalcSpan(line: input.line, column: input.column, endColumn: input.column + 1)
            result.diagnostics.append(.syntax("empty calculation after '='", at: span))
        }
        result.inline.append(CalcInlineResult(line: input.line, column: input.column, value: entry.value, display: entry.display))
    }

    private mutating func evaluate(_ expression: CalcExpression, _ conversion: CalcUnitExpression?,
                                   into entry: inout CalcStatementResult) {
        do throws(CalcEvaluationError) {
            let value = try evaluator.evaluate(expression, shownIn: conversion)
            entry.value = value
            entry.display = CalcFormat.format(value)
        } catch {
            report(error)
        }
    }

    private mutating func report(_ error: CalcEvaluationError) {
        if case .diagnostic(let diagnostic) = error { result.diagnostics.append(diagnostic) }
    }

    private mutating func declareUnit(_ name: String, at span: CalcSpan) {
        if CalcUnitTable.builtIn[name] != nil {
            result.diagnostics.append(.syntax("'\(name)' is already a built-in unit", at: span))
        } else if evaluator.values[name] != nil {
            result.diagnostics.append(.syntax("'\(name)' already names a value; choose another unit name", at: span))
        } else {
            evaluator.declareUnit(name)
        }
    }

    private mutating func importNames(note: String, noteSpan: CalcSpan, names: [(String, CalcSpan)]) {
        switch resolveImport(note, names.map(\.0)) {
        case .values(let values):
            for (name, span) in names {
                if let value = values[name] {
                    evaluator.define(name, value)
                } else {
                    let near = CalcSuggestion.nearest(to: name, among: values.keys)
                    result.diagnostics.append(.importFailure("note '\(note)' has no value '\(name)'", at: span,
                                                             suggestion: near.map { "did you mean '\($0)'?" }))
                    evaluator.poison(name)
                }
            }
        case .failure(let message):
            result.diagnostics.append(.importFailure(message, at: noteSpan))
            for (name, _) in names { evaluator.poison(name) }
        }
    }
}
