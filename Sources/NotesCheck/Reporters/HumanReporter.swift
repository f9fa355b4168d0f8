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

    public func bytes(_ report: LintReport) -> [UInt8] {
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
        let parts = chunks.values
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(256) { $0 + $1.count })
        for part in parts { out += part }
        out += (HumanRenderer.summary(report.diagnostics, files: report.filesChecked) + "\n").utf8
        if report.claims.numeric > 0 { out += ("claims: " + report.claims.summary + "\n").utf8 }
        return out
    }
}
