/// GitHub Actions workflow commands, which GitHub shows as annotations:
/// `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=RULE::MESSAGE`.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        report.diagnostics.map { d in
            let command = switch d.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            var properties = ["file=\(property(report.displayPath(d.file)))", "line=\(d.line)", "col=\(d.column)"]
            if let endLine = d.endLine { properties.append("endLine=\(endLine)") }
            if let endColumn = d.endColumn, d.endLine == d.line { properties.append("endColumn=\(endColumn)") }
            properties.append("title=\(property(d.rule))")
            var message = d.message
            if let suggestion = d.suggestion { message += "\nhelp: " + suggestion }
            return "::\(command) \(properties.joined(separator: ","))::\(data(message))\n"
        }.joined()
    }

    /// Escaping of the message part, as the Actions toolkit does it.
    func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values additionally escape `:` and `,`.
    func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

import Foundation
