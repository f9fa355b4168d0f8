/// `thin-comparison`: a topic comparing fewer than two subjects.
enum ThinComparison: NoteRule {
    static let rule = Rule.thinComparison

    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        parsed.note.comparisons.compactMap { topic in
            let subjects = Set(topic.claims.flatMap(\.subjects).map(\.slug))
            guard subjects.count < 2 else { return nil }
            return diagnostic(parsed.note, topic.range,
                              "topic '\(topic.title)' compares \(subjects.count == 0 ? "no subjects" : "only one subject")",
                              suggestion: "add a bullet '- **Subject**: claim' for each system compared")
        }
    }
}
