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

    /// Optimal string alignment distance: insertions, deletions, substitutions and
    /// transpositions of adjacent characters.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, twoBack[j - 2] + 1)
                }
                current[j] = value
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
