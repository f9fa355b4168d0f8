import NotesSupport

/// Did-you-mean suggestions by edit distance.
package enum NearMiss {
    /// Edit distance counting a swap of neighbours as one edit (optimal
    /// string alignment), case-insensitive; stops early past `limit`.
    static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        distance(Array(a.lowercased().unicodeScalars), Array(b.lowercased().unicodeScalars), limit: limit)
    }

    /// The same over scalars, case as given.
    package static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int = .max) -> Int {
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }

    /// The closest candidate within a distance that grows with the word's length
    /// (a third of it, at least 1, at most 4; none for words under 3
    /// characters, where everything is near); ties go to the first in order.
    package static func suggestion(for word: String, among candidates: [String]) -> String? {
        guard word.count >= 3 else { return nil }
        let limit = min(4, max(1, word.count / 3))
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word, candidate, limit: limit)
            if d <= limit, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }
}
