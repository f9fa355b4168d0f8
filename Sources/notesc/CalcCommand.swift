import ArgumentParser
import Foundation
import NotesKit

struct CalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Evaluate a note's calc blocks, or one expression.",
        discussion: """
            notesc calc NOTE.md prints every calc statement of the note with its value and each \
            check's outcome; notesc calc -e '2.788M * $2' evaluates one expression. \
            Exit status: 0 all checks hold, 1 a check fails or a statement has an error, 2 the run failed.
            """
    )

    @Argument(help: "The note whose calculations to show.")
    var file: String?

    @Option(name: .shortAndLong, help: "Evaluate one expression instead of a note.")
    var expression: String?

    @Option(help: "The notes folder that imports resolve in (default: the nearest folder up from the note holding notesc.yml, else the note's folder).")
    var notes: String?

    func validate() throws {
        if (file == nil) == (expression == nil) {
            throw ValidationError("give either a note file or -e EXPRESSION")
        }
    }

    func run() throws {
        if let expression {
            switch CalcEngine.evaluateExpression(expression) {
            case .success(let value):
                Output.stdout(CalcEngine.format(value) + "\n")
            case .failure(let d):
                Output.stderr("error[\(d.rule)]: \(d.message)\n  \(expression)\n  \(String(repeating: " ", count: max(d.column - 1, 0)))^\n")
                if let suggestion = d.suggestion { Output.stderr("  = help: \(suggestion)\n") }
                throw ExitCode(1)
            }
            return
        }
        guard let file else { return }
        let root = notes ?? Self.notesRoot(for: file)
        let absoluteRoot = URL(fileURLWithPath: root).standardizedFileURL.path
        let absoluteFile = URL(fileURLWithPath: file).standardizedFileURL.path
        guard absoluteFile.hasPrefix(absoluteRoot + "/") else {
            Output.stderr("error: \(file) is not inside the notes folder \(root)\n")
            throw ExitCode(2)
        }
        guard FileManager.default.fileExists(atPath: absoluteFile) else {
            Output.stderr("error: no such note: \(file)\n")
            throw ExitCode(2)
        }
        let relative = String(absoluteFile.dropFirst(absoluteRoot.count + 1))
        let notebook: Notebook
        do {
            notebook = try Pipeline.load(root: root, config: try Config.load(root: root), forSite: false)
        } catch {
            Output.stderr("error: \(error)\n")
            throw ExitCode(2)
        }
        guard let note = notebook.notes.first(where: { $0.path == relative }) else {
            Output.stderr("error: \(file) is not a note (*.md)\n")
            throw ExitCode(2)
        }
        let calcRules = Set(["calc-syntax", "calc-undefined", "calc-units", "calc-math", "calc-import", "claim-failed"])
        let problems = notebook.diagnostics.filter { $0.file == relative && calcRules.contains($0.rule) }
        Output.stdout(CalcListing.render(note, path: file, problems: problems))
        Output.report(problems, root: root)
        if problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    /// The nearest folder up from the note that holds `notesc.yml`, else the note's own folder.
    static func notesRoot(for file: String) -> String {
        var folder = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
        let start = folder
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Config.fileName).path) { return folder.path }
            folder.deleteLastPathComponent()
        }
        return start.path
    }
}

/// `line | statement   value` for each statement, `✓`/`✗` for checks.
enum CalcListing {
    static func render(_ note: Note, path: String, problems: [Diagnostic]) -> String {
        guard let calc = note.calc, !(calc.statements.isEmpty && calc.inline.isEmpty) else {
            return "\(path): no calculations\n"
        }
        let width = min(48, calc.statements.map(\.source.count).max() ?? 0)
        let numberWidth = String(calc.statements.last?.line ?? 1).count
        var out = "\(path)\n"
        for s in calc.statements {
            let number = String(repeating: " ", count: max(0, numberWidth - String(s.line).count)) + String(s.line)
            let source = s.source.padding(toLength: max(width, s.source.count), withPad: " ", startingAt: 0)
            var value = ""
            if let check = s.check {
                value = check.passed ? "✓ \(check.computed)" : "✗ \(check.computed), stated \(check.stated)"
                if let interval = check.interval { value += " (\(interval))" }
            } else if let error = s.error {
                value = "error: \(error)"
            } else if let display = s.display {
                value = "= \(display)"
            }
            out += " \(number) | \(source)  \(value)".trimmingTrailingSpaces + "\n"
        }
        for i in calc.inline {
            out += " \(i.range.start.line):\(i.range.start.column) | `=\(i.expression)`  = \(i.display ?? "error")\n"
        }
        let checks = calc.statements.compactMap(\.check)
        out += "\(checks.filter(\.passed).count) of \(checks.count) checks hold\n"
        return out
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
