import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Evaluates every note's calc blocks (imports first, cycles reported), fills
/// `Note.calc`, and marks the claims that passing checks verify (DESIGN §3).
package enum CalcStage {
    /// Import chains longer than this are refused rather than followed.
    static let maxImportDepth = 64

    package static func run(_ parsed: inout [ParsedNote], index: NoteIndex) -> [Diagnostic] {
        let evaluator = Evaluator(notes: parsed.map(\.note), index: index)
        var diagnostics: [Diagnostic] = []
        var verifications: [String: [(Quantity?, CalcValue, CheckReference)]] = [:]
        for i in parsed.indices where parsed[i].readable && hasCalc(parsed[i].note) {
            let note = parsed[i].note
            let result = evaluator.evaluate(i, depth: 0)
            parsed[i].note.calc = record(result, note)
            // In a note without calc blocks, inline code that starts with `=`
            // and does not evaluate (`=~`, `===`, `=begin`) is ordinary code.
            for d in result.diagnostics where !note.calcBlocks.isEmpty {
                diagnostics.append(Diagnostic(
                    file: note.path, range: SourceRange(line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn),
                    severity: Rule.named(d.rule)?.defaultSeverity ?? .error, rule: d.rule, message: d.message, suggestion: d.suggestion))
            }
            for statement in result.statements {
                guard let check = statement.check, check.passed, check.op == "≈" || check.op == "==" else { continue }
                var target = note.id
                if let reference = check.forNote {
                    guard case .note(let id) = index.resolve(reference) else {
                        diagnostics.append(Diagnostic(
                            file: note.path, range: SourceRange(line: statement.line, column: statement.column, length: statement.source.utf8.count),
                            rule: .calcImport, message: "check is for no note '\(reference)'",
                            suggestion: "name the note whose claim this check verifies by its id"))
                        continue
                    }
                    target = id
                }
                verifications[target, default: []].append((nil, check.statedValue, CheckReference(note: note.id, line: statement.line)))
            }
        }
        for i in parsed.indices {
            guard let checks = verifications[parsed[i].note.id] else { continue }
            mark(&parsed[i].note, checks.map { ($0.1, $0.2) })
        }
        return diagnostics
    }

    /// After an edit that left every calc input as it was (`CompileCache`'s
    /// rework): the notes keep their calc records, and the claims of the
    /// `edited` notes alone are verified again, by the checks that can name
    /// them — their own, and the `check … for` of notes naming one of them.
    /// What `run` would mark them with; nothing else changes.
    package static func reverify(_ parsed: inout [ParsedNote], edited: [Int], index: NoteIndex) {
        let ids = Set(edited.map { parsed[$0].note.id })
        func namesEdited(_ reference: String) -> Bool {
            if case .note(let id) = index.resolve(reference) { return ids.contains(id) }
            return false
        }
        let verifiers = parsed.indices.filter { i in
            guard parsed[i].readable, hasCalc(parsed[i].note) else { return false }
            if ids.contains(parsed[i].note.id) { return true }
            return parsed[i].note.calc?.statements.contains { $0.check?.forNote.map(namesEdited) ?? false } ?? false
        }
        var verifications: [String: [(CalcValue, CheckReference)]] = [:]
        if !verifiers.isEmpty {
            let evaluator = Evaluator(notes: parsed.map(\.note), index: index)
            for i in verifiers {
                let id = parsed[i].note.id
                for statement in evaluator.evaluate(i, depth: 0).statements {
                    guard let check = statement.check, check.passed, check.op == "≈" || check.op == "==" else { continue }
                    var target = id
                    if let reference = check.forNote {
                        guard case .note(let named) = index.resolve(reference) else { continue }
                        target = named
                    }
                    if ids.contains(target) { verifications[target, default: []].append((check.statedValue, CheckReference(note: id, line: statement.line))) }
                }
            }
        }
        for i in edited { mark(&parsed[i].note, verifications[parsed[i].note.id] ?? []) }
    }

    /// Each of `note`'s claims verified by the `checks` whose stated value it writes.
    private static func mark(_ note: inout Note, _ checks: [(CalcValue, CheckReference)]) {
        for t in note.comparisons.indices {
            for c in note.comparisons[t].claims.indices {
                let claim = note.comparisons[t].claims[c]
                let refs = checks.filter { stated, _ in claim.quantities.contains { writes($0, stated) } }.map(\.1)
                note.comparisons[t].claims[c].verifiedBy = Array(Set(refs)).sorted { ($0.note, $0.line) < ($1.note, $1.line) }
            }
        }
    }

    static func hasCalc(_ note: Note) -> Bool { !note.calcBlocks.isEmpty || !note.inlineCalcs.isEmpty }

    /// Whether a claim's written quantity is the check's stated value: the same
    /// number, and a percentage or a dollar amount on both sides when one is.
    static func writes(_ quantity: Quantity, _ stated: CalcValue) -> Bool {
        guard let value = quantity.value else { return false }
        guard abs(value - stated.value) <= 1e-9 * max(1, abs(value)) else { return false }
        if quantity.unit == "%" || stated.isPercent { return quantity.unit == "%" && stated.isPercent }
        let statedIsMoney = stated.dimension.exponents == ["USD": 1]
        if quantity.unit == "USD" || statedIsMoney { return quantity.unit == "USD" && statedIsMoney }
        return true
    }

    static func record(_ result: CalcNoteResult, _ note: Note) -> NoteCalc {
        let errors = Dictionary(result.diagnostics.filter { $0.rule != Rule.claimFailed.id }.map { ($0.line, $0.message) }, uniquingKeysWith: { a, _ in a })
        return NoteCalc(
            statements: result.statements.map { s in
                CalcStatementRecord(
                    line: s.line, source: s.source, display: s.display,
                    check: s.check.map { CheckRecord(passed: $0.passed, computed: $0.computed, stated: $0.stated, interval: $0.interval, forNote: $0.forNote) },
                    error: errors[s.line])
            },
            inline: zip(note.inlineCalcs, result.inline).map { written, evaluated in
                InlineCalcRecord(range: written.range, expression: written.expression, display: evaluated.display)
            })
    }

    /// Evaluates notes on demand, each once, following imports depth-first.
    final class Evaluator {
        let notes: [Note]
        let index: NoteIndex
        let position: [String: Int]
        var results: [Int: CalcNoteResult] = [:]
        var inProgress: [Int] = []

        init(notes: [Note], index: NoteIndex) {
            self.notes = notes
            self.index = index
            position = Dictionary(notes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        }

        func evaluate(_ i: Int, depth: Int) -> CalcNoteResult {
            if let done = results[i] { return done }
            inProgress.append(i)
            let note = notes[i]
            let result = CalcEngine.evaluate(
                blocks: note.calcBlocks.map { CalcBlockInput(text: $0.text, firstLine: $0.firstLine, column: $0.column) },
                inline: note.inlineCalcs.map { CalcInlineInput(expression: $0.expression, line: $0.range.start.line, column: $0.range.start.column) },
                resolveImport: { [unowned self] reference, _ in self.imported(reference, depth: depth) })
            inProgress.removeLast()
            results[i] = result
            return result
        }

        private func imported(_ reference: String, depth: Int) -> CalcImportResult {
            switch index.resolve(reference) {
            case .ambiguous(let ids):
                return .failure("'\(reference)' could be any of \(ids.map { "'\($0)'" }.joined(separator: ", "))")
            case .missing(let suggestion):
                return .failure("no note '\(reference)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
            case .attachment:
                // `resolve` names notes only.
                return .failure("no note '\(reference)'")
            case .note(let id):
                guard let j = position[id] else { return .failure("no note '\(reference)'") }
                if let start = inProgress.firstIndex(of: j) {
                    let cycle = (inProgress[start...] + [j]).map { notes[$0].id }
                    return .failure("import cycle: " + cycle.joined(separator: " -> "))
                }
                guard depth < CalcStage.maxImportDepth else {
                    return .failure("imports nest more than \(CalcStage.maxImportDepth) notes deep")
                }
                return .values(evaluate(j, depth: depth + 1).exports)
            }
        }
    }
}
