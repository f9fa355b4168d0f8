import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `mojibake`: UTF-8 text mis-decoded as Mac Roman or Windows-1252. Fixable.
enum MojibakeRule: NoteRule {
    static let rule = Rule.mojibake

    /// Each finding with its line and 1-based byte column (of the BOM-less text).
    static func findings(_ parsed: ParsedNote) -> [(line: Int, column: Int, finding: Mojibake.Finding)] {
        guard let source = parsed.source else { return [] }
        var found: [(Int, Int, Mojibake.Finding)] = []
        for line in 1...max(source.lineCount, 1) where !parsed.codeLines.contains(line) {
            let bytes = source.lineBytes(line)
            guard bytes.contains(where: { $0 >= 0x80 }) else { continue }
            for f in Mojibake.find(in: String(decoding: bytes, as: UTF8.self)) {
                found.append((line, f.byteRange.lowerBound + 1, f))
            }
        }
        return found
    }

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        guard let source = parsed.source else { return [] }
        return findings(parsed).map { line, column, f in
            let start = source.originalPosition(line: line, column: column)
            return diagnostic(parsed.note, SourceRange(line: line, column: start.column, length: f.byteRange.count),
                              "mis-decoded text '\(f.original)' (UTF-8 read as \(f.encoding)); did you mean '\(f.fixed)'?",
                              suggestion: "run 'notesc lint --fix' to replace it with '\(f.fixed)'")
        }
    }
}
