import Foundation

/// `{"version":1,"diagnostics":[…],"summary":{…}}`, keys sorted, absent values as null.
public struct JSONReporter: Reporter {
    public init() {}

    struct Document: Encodable {
        let version = 1
        let diagnostics: [Entry]
        let summary: Summary
    }

    struct Entry: Encodable {
        let d: Diagnostic
        enum Keys: String, CodingKey { case file, line, column, endLine, endColumn, severity, rule, message, suggestion }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(d.file, forKey: .file)
            try c.encode(d.line, forKey: .line)
            try c.encode(d.column, forKey: .column)
            try c.encode(d.endLine, forKey: .endLine)
            try c.encode(d.endColumn, forKey: .endColumn)
            try c.encode(d.severity, forKey: .severity)
            try c.encode(d.rule, forKey: .rule)
            try c.encode(d.message, forKey: .message)
            try c.encode(d.suggestion, forKey: .suggestion)
        }
    }

    struct Summary: Encodable {
        let files, errors, warnings, infos: Int
    }

    public func render(_ report: LintReport) -> String {
        let d = report.diagnostics
        let document = Document(diagnostics: d.map(Entry.init),
                                summary: Summary(files: report.filesChecked, errors: d.errorCount, warnings: d.warningCount, infos: d.infoCount))
        return (try? String(decoding: StableJSON.encode(document), as: UTF8.self)) ?? "{}\n"
    }
}
