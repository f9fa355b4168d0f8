import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// GitHub Actions workflow commands, which GitHub shows as annotations:
/// `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=RULE::MESSAGE`.
public struct GitHubReporter: Reporter {
    public init() {}

    public func bytes(_ report: LintReport) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(report.diagnostics.count * 200)
        for d in report.diagnostics {
            let command = switch d.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            out += Array("::\(command) file=".utf8)
            Self.escape(report.displayPath(d.file), property: true, into: &out)
            out += Array(",line=\(d.line),col=\(d.column)".utf8)
            if let endLine = d.endLine { out += Array(",endLine=\(endLine)".utf8) }
            if let endColumn = d.endColumn, d.endLine == d.line { out += Array(",endColumn=\(endColumn)".utf8) }
            out += Array(",title=".utf8)
            Self.escape(d.rule, property: true, into: &out)
            out += [UInt8(ascii: ":"), UInt8(ascii: ":")]
            Self.escape(d.message, property: false, into: &out)
            if let suggestion = d.suggestion {
                Self.escape("\nhelp: " + suggestion, property: false, into: &out)
            }
            out.append(0x0A)
        }
        if report.claims.numeric > 0 {
            out += Array("::notice title=claims::".utf8)
            Self.escape(report.claims.summary, property: false, into: &out)
            out.append(0x0A)
        }
        return out
    }

    /// The Actions toolkit's escaping: `%`, CR and LF in messages; also `:`
    /// and `,` in property values.
    static func escape(_ s: String, property: Bool, into out: inout [UInt8]) {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "%"): out += Array("%25".utf8)
            case 0x0D: out += Array("%0D".utf8)
            case 0x0A: out += Array("%0A".utf8)
            case UInt8(ascii: ":") where property: out += Array("%3A".utf8)
            case UInt8(ascii: ",") where property: out += Array("%2C".utf8)
            default: out.append(b)
            }
        }
    }
}
