import Dispatch
import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `path:line:col: severity[rule]: message`, the source line, a caret, and a summary line.
public struct HumanReporter: Reporter {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ report: LintReport) -> String {
        var prefix = report.displayPath("")
        if prefix == "/" { prefix = "" }
        let renderer = HumanRenderer(pathPrefix: prefix, color: color)
        // Rendered in chunks on all cores; joined in order.
        let diagnostics = report.diagnostics
        let chunk = 512
        let chunks = ResultSlots<[UInt8]>(count: (diagnostics.count + chunk - 1) / chunk)
        DispatchQueue.concurrentPerform(iterations: (diagnostics.count + chunk - 1) / chunk) { c in
            var text: [UInt8] = []
            text.reserveCapacity(chunk * 512)
            for d in diagnostics[(c * chunk)..<min(diagnostics.count, (c + 1) * chunk)] {
                renderer.render(d, line: report.sourceLine(d.file, d.line), into: &text)
            }
            chunks[c] = text
        }
        var out = String(decoding: chunks.values.joined(), as: UTF8.self)
        out += HumanRenderer.summary(report.diagnostics, files: report.filesChecked) + "\n"
        if report.claims.numeric > 0 { out += "claims: " + report.claims.summary + "\n" }
        return out
    }
}
