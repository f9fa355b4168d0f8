import Yams
import NotesModel
import NotesSupport

/// A YAML front matter block (`---` … `---` at the very top, as Hugo and
/// Obsidian write it).
package struct FrontMatter {
    /// Lines 1...lastLine belong to the block, fences included.
    package var lastLine: Int
    package var entries: [MetadataEntry]
    package var problems: [(message: String, range: SourceRange)]

    /// Finds and parses the block; nil when the file does not start with one.
    package static func parse(_ source: SourceText) -> FrontMatter? {
        guard let last = lastLine(source) else { return nil }
        var yaml = ""
        if last > 2 {
            for l in 2..<last { yaml += source.line(l) + "\n" }
        }
        var result = FrontMatter(lastLine: last, entries: [], problems: [])
        do {
            guard let node = try Yams.compose(yaml: yaml) else { return result }
            guard let mapping = node.mapping else {
                result.problems.append(("front matter is not a mapping of keys to values", SourceRange(line: 2, column: 1, length: 1)))
                return result
            }
            for (key, value) in mapping {
                let keyLine = (key.mark?.line ?? 1) + 1
                let keyColumn = key.mark?.column ?? 1
                let valueLine = value.mark.map { $0.line + 1 } ?? keyLine
                let valueColumn = value.mark?.column ?? keyColumn
                let text = flatten(value)
                let keyString = key.string ?? flatten(key)
                result.entries.append(MetadataEntry(
                    key: keyString, value: text,
                    range: SourceRange(line: keyLine, column: keyColumn, length: keyString.utf8.count),
                    valueRange: SourceRange(line: valueLine, column: valueColumn, length: max(1, text.utf8.count)),
                    fromFrontMatter: true))
            }
        } catch let error as YamlError {
            result.problems.append(describe(error))
        } catch {
            result.problems.append(("front matter is not valid YAML: \(error)", SourceRange(line: 1, column: 1, length: 3)))
        }
        return result
    }

    /// Lists become comma-separated text, so `tags: [a, b]` reads like `**Tags**: a, b`.
    static func flatten(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string
        case .sequence(let seq): return seq.map(flatten).joined(separator: ", ")
        case .mapping(let map): return map.map { "\(flatten($0.key)): \(flatten($0.value))" }.joined(separator: ", ")
        case .alias: return ""
        }
    }

    private static func describe(_ error: YamlError) -> (String, SourceRange) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return ("front matter is not valid YAML: \(problem)", SourceRange(line: mark.line + 1, column: max(1, mark.column), length: 1))
        default:
            return ("front matter is not valid YAML: \(error)", SourceRange(line: 1, column: 1, length: 3))
        }
    }

    /// The closing fence's line when the file starts with a front matter block; nil otherwise.
    package static func lastLine(_ source: SourceText) -> Int? {
        guard isFence(source.lineBytes(1), closing: false) else { return nil }
        var line = 2
        while line <= source.lineCount {
            if isFence(source.lineBytes(line), closing: true) { return line }
            line += 1
        }
        return nil
    }

    private static func isFence(_ bytes: ArraySlice<UInt8>, closing: Bool) -> Bool {
        var b = bytes
        while let l = b.last, l == 0x20 || l == 0x09 { b.removeLast() }
        if b.elementsEqual("---".utf8) { return true }
        return closing && b.elementsEqual("...".utf8)
    }
}
