import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `{"version":1,"diagnostics":[…],"summary":{…}}`, keys sorted, absent values as null.
public struct JSONReporter: Reporter {
    public init() {}

    public func bytes(_ report: LintReport) -> [UInt8] {
        let d = report.diagnostics
        var w = JSONWriter(capacity: 256 * d.count + 256)
        w.object { w in
            w.key("diagnostics")
            w.array(d) { w, d in
                w.object { w in
                    w.int("column", d.column)
                    w.key("endColumn"); if let c = d.endColumn { w.int(c) } else { w.null() }
                    w.key("endLine"); if let l = d.endLine { w.int(l) } else { w.null() }
                    w.string("file", d.file)
                    w.int("line", d.line)
                    w.string("message", d.message)
                    w.string("rule", d.rule)
                    w.string("severity", d.severity.rawValue)
                    w.stringOrNull("suggestion", d.suggestion)
                }
            }
            w.key("summary")
            w.object { w in
                w.key("claims")
                w.object { w in
                    w.int("numeric", report.claims.numeric)
                    w.int("verified", report.claims.verified)
                }
                w.int("errors", d.errorCount)
                w.int("files", report.filesChecked)
                w.int("infos", d.infoCount)
                w.int("warnings", d.warningCount)
            }
            w.int("version", 1)
        }
        return w.finish()
    }
}
