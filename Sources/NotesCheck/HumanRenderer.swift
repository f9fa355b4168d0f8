import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Renders diagnostics like a compiler: `path:line:col: error[rule]: message`,
/// then the source line and a caret under the offending text.
public struct HumanRenderer: Sendable {
    /// Prefix for file paths, so they open from the current folder (`Notes/`).
    public var pathPrefix: String
    public var color: Bool

    public init(pathPrefix: String = "", color: Bool = false) {
        self.pathPrefix = pathPrefix
        self.color = color
    }

    /// `lines(file, line)` returns a source line, or nil when it is unavailable.
    public func render(_ d: Diagnostic, line sourceLine: String?) -> String {
        let label = paint("\(d.severity.rawValue)[\(d.rule)]", code: severityColor(d.severity))
        var out = paint("\(pathPrefix)\(d.file):\(d.line):\(d.column):", code: "1") + " \(label): \(d.message)\n"
        if let sourceLine, d.line > 0 {
            let number = String(d.line)
            let gutter = String(repeating: " ", count: number.count)
            let (pad, width) = Self.caretPlacement(sourceLine, d)
            out += " \(gutter) |\n"
            out += " \(number) | \(Self.printable(sourceLine))\n"
            out += " \(gutter) | \(pad)" + paint(String(repeating: "^", count: width), code: severityColor(d.severity)) + "\n"
        }
        if let suggestion = d.suggestion {
            out += paint("  = help: ", code: "1") + suggestion + "\n"
        }
        return out
    }

    /// Control characters shown as their pictures (NUL as ␀), so a source
    /// line never writes raw control bytes to the terminal.
    static func printable(_ line: String) -> String {
        guard line.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }) else { return line }
        return String(String.UnicodeScalarView(line.unicodeScalars.map { s in
            s.value < 0x20 && s != "\t" ? Unicode.Scalar(0x2400 + s.value)! : (s.value == 0x7F ? "\u{2421}" : s)
        }))
    }

    /// Spaces (tabs kept) up to the byte column, and the caret width in characters.
    static func caretPlacement(_ line: String, _ d: Diagnostic) -> (String, Int) {
        let bytes = Array(line.utf8)
        let start = min(max(d.column - 1, 0), bytes.count)
        var stop = start
        if d.endLine == d.line, let end = d.endColumn, end >= d.column { stop = min(end, bytes.count) }
        // Characters are bytes in ASCII text; otherwise count grapheme clusters.
        if !bytes[..<max(start, stop)].contains(where: { $0 >= 0x80 }) {
            let pad = bytes[..<start].contains(0x09)
                ? String(decoding: bytes[..<start].map { $0 == 0x09 ? 0x09 : 0x20 }, as: UTF8.self)
                : String(repeating: " ", count: start)
            return (pad, max(1, stop - start))
        }
        let prefix = String(decoding: bytes[..<start], as: UTF8.self)
        let pad = String(prefix.map { $0 == "\t" ? "\t" : " " })
        var width = 1
        if stop > start { width = max(1, String(decoding: bytes[start..<stop], as: UTF8.self).count) }
        return (pad, width)
    }

    private func severityColor(_ s: Severity) -> String {
        switch s {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;36"
        }
    }

    private func paint(_ text: String, code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `N errors, N warnings, N infos` closing line.
    public static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(files, "file")) checked: \(plural(diagnostics.errorCount, "error")), \(plural(diagnostics.warningCount, "warning")), \(plural(diagnostics.infoCount, "info"))"
    }
}
