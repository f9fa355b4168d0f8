/// `path:line:col: severity[rule]: message`, the source line, a caret, and a summary line.
public struct HumanReporter: Reporter {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ report: LintReport) -> String {
        var prefix = report.displayPath("")
        if prefix == "/" { prefix = "" }
        let renderer = HumanRenderer(pathPrefix: prefix, color: color)
        var out = report.diagnostics.map { renderer.render($0, line: report.sourceLine($0.file, $0.line)) }.joined()
        out += HumanRenderer.summary(report.diagnostics, files: report.filesChecked) + "\n"
        return out
    }
}
