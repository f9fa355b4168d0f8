import Foundation
import NotesModel
import NotesParse
import NotesSupport

/// `broken-anchor`: a link to a heading or block the target note does not
/// have — `[[Note#Heading]]`, `[[#Heading]]`, `[[Note#A#B]]` (the last
/// heading), `[[Note#^id]]`, `[text](note.md#heading)` — usually a heading
/// renamed since. Suggests the nearest heading (or block id).
enum BrokenAnchor: NoteRule {
    static let rule = Rule.brokenAnchor

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        let note = parsed.note
        return note.links.compactMap { link -> Diagnostic? in
            guard let fragment = link.fragment, !fragment.isEmpty,
                  let target = link.target.isEmpty ? note.id : link.resolved,
                  let anchors = context.anchors[target] else { return nil }
            let decoded = fragment.removingPercentEncoding ?? fragment
            let last = (decoded.split(separator: "#").last.map(String.init) ?? decoded).trimmingSpaces
            guard !last.isEmpty else { return nil }
            let whose = target == note.id ? "this note" : "'\(target)'"
            if last.hasPrefix("^") {
                let id = String(last.dropFirst())
                guard !anchors.blocks.contains(id.lowercased()) else { return nil }
                let near = NearMiss.suggestion(for: id.lowercased(), among: anchors.blocks.sorted())
                return diagnostic(note, link.range, "\(whose) has no block '^\(id)'" + (near.map { "; did you mean '^\($0)'?" } ?? ""),
                                  suggestion: near.map { "link to '#^\($0)'" } ?? "end the paragraph in \(whose) with ' ^\(id)', or fix the link")
            }
            guard !anchors.slugs.contains(slugify(last)) else { return nil }
            // Our own line anchors (`#L12`) are not headings.
            if last.hasPrefix("L"), last.count > 1, last.dropFirst().allSatisfy(\.isNumber) { return nil }
            let near = NearMiss.suggestion(for: last, among: anchors.headings)
                ?? anchors.headings.first { slugify($0).contains(slugify(last)) || slugify(last).contains(slugify($0)) }
            return diagnostic(note, link.range, "\(whose) has no heading '\(last)'" + (near.map { "; did you mean '\($0)'?" } ?? ""),
                              suggestion: near.map { "link to '#\($0)'" } ?? "add the heading, or fix the link")
        }
    }
}
