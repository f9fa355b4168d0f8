import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `conflicting-claims` (DESIGN §9): claims about one system in one topic,
/// across notes, with quantities in the same unit whose ranges at written
/// precision do not overlap. Marks both claims disputed (`Claim.disputedBy`)
/// and reports each pair once, at the later claim (by note id, then line).
///
/// Claims are grouped by system, topic and unit; within a group, ranges
/// sorted by their low and by their high ends give each claim the ones
/// wholly below or above it by binary search, so a group of any size costs
/// n log n. The pairs themselves may be n² (half the notes say 32k, half
/// 128k): each claim takes at most `ClaimConflict.shownLimit` nearest on
/// either side, those claims take it in return, and each claim keeps the
/// first `shownLimit` of those by note and line, with the count of all.
enum ConflictingClaims {
    /// A claim's place in the folder.
    struct Place {
        var note: Int, topic: Int, claim: Int
        var id: String, line: Int
    }

    /// A claim's quantities in one unit in a group: the range they span together.
    struct Entry {
        var place: Int
        var range: WrittenRange
        var quantities: [Quantity]

        var written: String { quantities.map(\.text).joined(separator: ", ") }
        var rangeText: String { quantities.compactMap(\.writtenRangeText).joined(separator: ", ") }
    }

    struct Group {
        var system: String, topic: String
        var entries: [Entry] = []
    }

    /// One side of a conflicting pair, as the other claim's `disputedBy` shows it.
    struct Found {
        var other: Int
        var conflict: ClaimConflict
        var system: String, topic: String
    }

    static func run(_ parsed: inout [ParsedNote]) -> [Diagnostic] {
        var places: [Place] = []
        var groups: [Group] = []
        var groupIndex: [String: Int] = [:]
        for n in parsed.indices where parsed[n].readable {
            let note = parsed[n].note
            for t in note.comparisons.indices {
                let topic = note.comparisons[t]
                for c in topic.claims.indices {
                    let claim = topic.claims[c]
                    var entries: [(unit: String, range: WrittenRange, quantity: Quantity)] = []
                    for q in claim.quantities {
                        guard let unit = ComparableUnit(q.unit), let range = q.writtenRange else { continue }
                        entries.append((unit.name, range, q))
                    }
                    guard !entries.isEmpty else { continue }
                    let place = places.count
                    places.append(Place(note: n, topic: t, claim: c, id: note.id, line: claim.range.start.line))
                    for subject in Set(claim.subjects.map(\.slug)).sorted() {
                        let name = claim.subjects.first { $0.slug == subject }?.name ?? subject
                        for e in entries {
                            let key = subject + "\u{1F}" + topic.slug + "\u{1F}" + e.unit
                            let g: Int
                            if let known = groupIndex[key] { g = known } else {
                                g = groups.count
                                groupIndex[key] = g
                                groups.append(Group(system: name, topic: topic.title))
                            }
                            // Several quantities of one claim in one unit (`32k, then 128k`) span one range.
                            if let last = groups[g].entries.last, last.place == place {
                                let k = groups[g].entries.count - 1
                                groups[g].entries[k].range = WrittenRange(low: min(last.range.low, e.range.low),
                                                                          high: max(last.range.high, e.range.high))
                                groups[g].entries[k].quantities.append(e.quantity)
                            } else {
                                groups[g].entries.append(Entry(place: place, range: e.range, quantities: [e.quantity]))
                            }
                        }
                    }
                }
            }
        }
        var found: [Int: [Found]] = [:]
        var counted: [Int: (total: Int, overflow: Bool)] = [:]
        for group in groups where group.entries.count > 1 {
            pairs(in: group, places: places, found: &found, counted: &counted)
        }
        var diagnostics: [Diagnostic] = []
        let limit = ClaimConflict.shownLimit
        for (place, list) in found.sorted(by: { $0.key < $1.key }) {
            var seen = Set<Int>()
            let distinct = list.filter { seen.insert($0.other).inserted }
            let ordered = distinct.sorted { (places[$0.other].id, places[$0.other].line) < (places[$1.other].id, places[$1.other].line) }
            let shown = Array(ordered.prefix(limit))
            let count = counted[place].map { $0.overflow ? max($0.total, distinct.count) : distinct.count } ?? distinct.count
            let p = places[place]
            parsed[p.note].note.comparisons[p.topic].claims[p.claim].disputedBy = shown.map(\.conflict)
            parsed[p.note].note.comparisons[p.topic].claims[p.claim].disputes = count
            let note = parsed[p.note].note
            let range = note.comparisons[p.topic].claims[p.claim].range
            for f in shown where (places[f.other].id, places[f.other].line) < (p.id, p.line) {
                let c = f.conflict
                var message = "'\(f.system)' in '\(f.topic)': \(c.ownQuantity) (\(c.ownRange)) cannot hold with "
                    + "\(c.quantity) (\(c.range)) at \(c.note):\(c.line)"
                if count > shown.count { message += "; \(count) claims conflict with this one, \(shown.count) are named" }
                diagnostics.append(Diagnostic(file: note.path, range: range, rule: .conflictingClaims, message: message,
                                              suggestion: "correct one of them, or write a rounded figure as approximate (~) or as a lower bound (+)"))
            }
        }
        return diagnostics
    }

    /// The conflicting pairs of one group, at most `shownLimit` nearest on either side of each claim, both ways.
    private static func pairs(in group: Group, places: [Place], found: inout [Int: [Found]],
                              counted: inout [Int: (total: Int, overflow: Bool)]) {
        let entries = group.entries
        let byLow = entries.indices.sorted { (entries[$0].range.low, $0) < (entries[$1].range.low, $1) }
        let byHigh = entries.indices.sorted { (entries[$0].range.high, $0) < (entries[$1].range.high, $1) }
        let limit = ClaimConflict.shownLimit
        func conflict(_ a: Entry, _ b: Entry) -> ClaimConflict {
            ClaimConflict(note: places[b.place].id, line: places[b.place].line, quantity: b.written, range: b.rangeText,
                          ownQuantity: a.written, ownRange: a.rangeText)
        }
        for (i, b) in entries.enumerated() {
            // Entries wholly below `b` are a prefix of `byHigh`; wholly above, a suffix of `byLow`.
            let below = partition(byHigh.count) { entries[byHigh[$0]].range.isBelow(b.range) }
            let above = partition(byLow.count) { !b.range.isBelow(entries[byLow[$0]].range) }
            let total = below + (byLow.count - above)
            guard total > 0 else { continue }
            let previous = counted[b.place] ?? (0, false)
            counted[b.place] = (previous.total + total, previous.overflow || total > limit)
            let nearest = byHigh[max(0, below - limit)..<below].reversed() + byLow[above..<min(byLow.count, above + limit)]
            for j in nearest where j != i && entries[j].place != b.place {
                let a = entries[j]
                found[b.place, default: []].append(Found(other: a.place, conflict: conflict(b, a), system: group.system, topic: group.topic))
                found[a.place, default: []].append(Found(other: b.place, conflict: conflict(a, b), system: group.system, topic: group.topic))
            }
        }
    }

    /// The first index in `0..<count` where `isLeft` is false (it holds for a prefix).
    private static func partition(_ count: Int, _ isLeft: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if isLeft(mid) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
