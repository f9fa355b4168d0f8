import NotesModel
import NotesSupport

/// Did-you-mean for unknown names, units and functions.
enum CalcSuggestion {
    /// The candidate closest to `word` within edit distance 2 (case-insensitive, a
    /// swap of neighbours counts once), shorter than both words so `x` never suggests `s`.
    /// Ties go to the candidate closest in case, then the alphabetically first.
    static func nearest<S: Sequence<String>>(to word: String, among candidates: S) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (name: String, distance: Int, caseDistance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard abs(other.count - target.count) <= 2 else { continue }
            let d = distance(target, other)
            guard d <= 2, d < min(target.count, other.count) || d == 0 else { continue }
            let c = d == 0 ? distance(Array(word.unicodeScalars), Array(candidate.unicodeScalars)) : 0
            if let b = best, (b.distance, b.caseDistance, b.name) <= (d, c, candidate) { continue }
            best = (candidate, d, c)
        }
        return best?.name
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        NearMiss.distance(a, b)
    }
}
