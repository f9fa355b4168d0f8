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
        var out: [UInt8] = []
        render(d, line: sourceLine, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `render(d, line:)`'s bytes, appended to `out`: tens of thousands of
    /// diagnostics are printed on every build of a large folder, and pieces
    /// of strings joined per diagnostic took most of a rebuild's printing.
    public func render(_ d: Diagnostic, line sourceLine: String?, into out: inout [UInt8]) {
        let severity = severityColor(d.severity)
        open("1", &out)
        out.append(contentsOf: pathPrefix.utf8)
        out.append(contentsOf: d.file.utf8)
        out.append(UInt8(ascii: ":"))
        Self.append(d.line, &out)
        out.append(UInt8(ascii: ":"))
        Self.append(d.column, &out)
        out.append(UInt8(ascii: ":"))
        close(&out)
        out.append(UInt8(ascii: " "))
        open(severity, &out)
        out.append(contentsOf: d.severity.rawValue.utf8)
        out.append(UInt8(ascii: "["))
        out.append(contentsOf: d.rule.utf8)
        out.append(UInt8(ascii: "]"))
        close(&out)
        out.append(contentsOf: ": ".utf8)
        out.append(contentsOf: d.message.utf8)
        out.append(0x0A)
        if let sourceLine, d.line > 0 {
            let digits = String(d.line).utf8.count
            let (pad, width) = Self.caretPlacement(sourceLine, d)
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: digits))
            out.append(contentsOf: " |\n ".utf8)
            Self.append(d.line, &out)
            out.append(contentsOf: " | ".utf8)
            out.append(contentsOf: Self.printable(sourceLine).utf8)
            out.append(contentsOf: "\n ".utf8)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: digits))
            out.append(contentsOf: " | ".utf8)
            out.append(contentsOf: pad.utf8)
            open(severity, &out)
            out.append(contentsOf: repeatElement(UInt8(ascii: "^"), count: width))
            close(&out)
            out.append(0x0A)
        }
        if let suggestion = d.suggestion {
            open("1", &out)
            out.append(contentsOf: "  = help: ".utf8)
            close(&out)
            out.append(contentsOf: suggestion.utf8)
            out.append(0x0A)
        }
    }

    /// The decimal digits of `n`.
    private static func append(_ n: Int, _ out: inout [UInt8]) {
        guard n > 0 else {
            out.append(contentsOf: String(n).utf8)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            }
            out.append(contentsOf: buffer[(20 - count)...])
        }
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

    /// The escape that starts colour `code`, on a terminal.
    private func open(_ code: String, _ out: inout [UInt8]) {
        guard color else { return }
        out.append(contentsOf: "\u{1B}[".utf8)
        out.append(contentsOf: code.utf8)
        out.append(UInt8(ascii: "m"))
    }

    /// The escape that ends a colour, on a terminal.
    private func close(_ out: inout [UInt8]) {
        if color { out.append(contentsOf: "\u{1B}[0m".utf8) }
    }

    /// `N errors, N warnings, N infos` closing line.
    public static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(files, "file")) checked: \(plural(diagnostics.errorCount, "error")), \(plural(diagnostics.warningCount, "warning")), \(plural(diagnostics.infoCount, "info"))"
    }
}
