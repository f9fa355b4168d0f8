import Foundation
import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport

extension NoteParser {
    /// The first paragraph after the H1 (or at the top) is a metadata block
    /// when every one of its lines is `**Key**: value`; any other paragraph,
    /// bold-led or not, is prose (DESIGN §2a), and stays on the page.
    mutating func readMetadata(_ paragraph: MarkdownNode) {
        let first = paragraph.range.start
        let lines = first.line...paragraph.range.end.line
        var entries: [(line: Int, column: Int, bytes: [UInt8], entry: LabelledBullet)] = []
        for line in lines {
            let column = source.firstNonBlankColumn(line) - (source.hadBOM && line == 1 ? 3 : 0)
            let b = bytes(line: line, from: column)
            guard let entry = LabelledBullet.parse(b), entry.style == .bold, entry.hasColon, !entry.label.isEmpty else { return }
            entries.append((line, column, b, entry))
        }
        for (line, column, b, entry) in entries {
            var key = entry.label
            var valueStart = entry.restStart
            if let qualifier = entry.qualifier { key += " (\(qualifier))" } // `**Date** (UTC): …` keeps its words
            if valueStart > b.count { valueStart = b.count }
            let value = String(decoding: b[valueStart...], as: UTF8.self).trimmingSpaces
            addMetadata(MetadataEntry(
                key: key, value: value,
                range: range(line: line, column: column, length: b.count),
                valueRange: range(line: line, column: column + valueStart, length: max(1, value.utf8.count))))
        }
    }

    /// Keeps every entry and types the ones DESIGN §2 names.
    mutating func addMetadata(_ entry: MetadataEntry) {
        note.metadata.append(entry)
        switch entry.key.lowercased() {
        case "date processed", "date":
            if let problem = Self.dateProblem(entry.value) {
                report(.badMetadata, entry.valueRange, problem, suggestion: "write the date as YYYY-MM-DD, e.g. 2025-10-28")
            } else if note.date == nil {
                note.date = entry.value
            }
        case "category":
            note.category = entry.value
        case "tags":
            note.tags += Self.list(entry.value).map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
        case "aliases":
            note.aliases += Self.list(entry.value)
        default:
            break
        }
    }

    static func list(_ value: String) -> [String] {
        var v = value.trimmingSpaces
        if v.hasPrefix("["), v.hasSuffix("]") { v = String(v.dropFirst().dropLast()) }
        return v.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// Why `value` is not a real `YYYY-MM-DD` date, or nil when it is one.
    static func dateProblem(_ value: String) -> String? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return "invalid date '\(value)': expected YYYY-MM-DD"
        }
        guard (1...12).contains(month) else { return "impossible date '\(value)': there is no month \(month)" }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else {
            return "impossible date '\(value)': month \(month) of \(year) has \(days) days"
        }
        return nil
    }
}
