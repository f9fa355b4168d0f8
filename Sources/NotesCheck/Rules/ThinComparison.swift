import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `thin-comparison`: a topic comparing fewer than two subjects.
enum ThinComparison: NoteRule {
    static let rule = Rule.thinComparison

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        parsed.note.comparisons.compactMap { topic in
            let count = distinctSubjects(topic, upTo: 2)
            guard count < 2 else { return nil }
            return diagnostic(parsed.note, topic.range,
                              "topic '\(topic.title)' compares \(count == 0 ? "no subjects" : "only one subject")",
                              suggestion: "add a bullet '- **Subject**: claim' for each system compared")
        }
    }

    /// How many different subjects the topic's claims name, counting no further than `limit`.
    static func distinctSubjects(_ topic: Topic, upTo limit: Int) -> Int {
        var seen: [String] = []
        for claim in topic.claims {
            for subject in claim.subjects where !seen.contains(subject.slug) {
                seen.append(subject.slug)
                if seen.count >= limit { return seen.count }
            }
        }
        return seen.count
    }
}
