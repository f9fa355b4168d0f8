import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport

/// An inline comment that silences rules, as markdownlint's do:
/// `<!-- notesc-disable-next-line RULE -->`, `<!-- notesc-disable RULE -->`
/// (until `<!-- notesc-enable RULE -->` or the end of the file). Without a
/// rule id it applies to every rule.
package struct Suppression: Sendable, Equatable {
    enum Kind: String, Sendable { case disableNextLine = "disable-next-line", disable, enable }
    var kind: Kind
    /// Empty means every rule.
    var rules: Set<String>
    var line: Int

    /// Finds the directives in a note's lines (a line can hold several).
    package static func scan(_ source: SourceText) -> [Suppression] {
        var found: [Suppression] = []
        let marker = Array("<!--".utf8)
        // Most notes have no comments at all.
        guard ByteSearch.find(marker, in: source.bytes, from: 0) != nil else { return [] }
        for line in 1...max(source.lineCount, 1) {
            let bytes = Array(source.lineBytes(line))
            guard bytes.count >= 4, bytes.contains(UInt8(ascii: "<")) else { continue }
            var i = 0
            while let open = ByteSearch.find(marker, in: bytes, from: i) {
                guard let close = ByteSearch.find(Array("-->".utf8), in: bytes, from: open + 4) else { break }
                let body = String(decoding: bytes[(open + 4)..<close], as: UTF8.self).trimmingSpaces
                if let directive = parse(body, line: line) { found.append(directive) }
                i = close + 3
            }
        }
        return found
    }

    static func parse(_ body: String, line: Int) -> Suppression? {
        let words = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        guard let first = words.first, first.hasPrefix("notesc-"),
              let kind = Kind(rawValue: String(first.dropFirst("notesc-".count))) else { return nil }
        return Suppression(kind: kind, rules: Set(words.dropFirst()), line: line)
    }

    /// Whether `directives` (of one file, in line order) silence `rule` at `line`.
    package static func silences(_ directives: [Suppression], rule: String, line: Int) -> Bool {
        var disabled = false
        for d in directives where d.line <= line && (d.rules.isEmpty || d.rules.contains(rule)) {
            switch d.kind {
            case .disableNextLine: if d.line == line - 1 { return true }
            case .disable: if d.line < line { disabled = true }
            case .enable: if d.line < line { disabled = false }
            }
        }
        return disabled
    }
}
