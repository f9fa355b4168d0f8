import Dispatch
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
package enum ConflictingClaims {
    /// A claim's place in the folder.
    struct Place {
        var note: Int, topic: Int, claim: Int
        var id: String, line: Int
    }

    /// A claim's quantities in one unit in a group: the range they span
    /// together, and which of the claim's quantities they are (bit `i` for
    /// quantity `i`; a claim's 65th quantity and later are not compared).
    /// Nothing to allocate: freeing an array per entry was a third of a run.
    struct Entry {
        var place: Int
        var range: WrittenRange
        var quantities: UInt64

        /// The quantities as written, and their ranges, from the claim's.
        func texts(_ claim: Claim) -> (written: String, range: String) {
            let chosen = claim.quantities.indices.filter { $0 < 64 && quantities & (1 << UInt64($0)) != 0 }.map { claim.quantities[$0] }
            return (chosen.map(\.text).joined(separator: ", "), chosen.compactMap(\.writtenRangeText).joined(separator: ", "))
        }
    }

    struct Group {
        var system: String, topic: String
        var entries: [Entry] = []
    }

    /// One side of a conflicting pair: the other claim, and both claims' entries in the group where they conflict.
    struct Found {
        var other: Int
        var group: Int
        var mine: Int, theirs: Int
    }

    /// A group's system, topic and unit, each by its number in this run.
    private struct GroupKey: Hashable {
        var subject: Int32, topic: Int32, unit: Int32
    }

    /// The notes a rebuild edited (by position) and their records before the
    /// edit: only claims in a group one of them is in, or was in, can have
    /// other conflicts than before.
    package struct Scope {
        package var notes: Set<Int>
        package var before: [Note]

        package init(notes: Set<Int>, before: [Note]) {
            self.notes = notes
            self.before = before
        }
    }

    /// What a scoped run redid: by note position, the lines of the claims
    /// whose conflicts it worked out again (and marked, even as none).
    package typealias Redone = [Int: Set<Int>]

    static func run(_ parsed: inout [ParsedNote]) -> [Diagnostic] {
        run(&parsed, scope: nil).diagnostics
    }

    /// One note's conflict diagnostics after a scoped run: the `previous`
    /// run's for the claims not redone (none for an edited note) and the
    /// `found` ones, in line order, as a full run gives them.
    package static func merged(previous: [Diagnostic], found: [Diagnostic], redone: Set<Int>?, edited: Bool) -> [Diagnostic] {
        let kept = edited ? [] : previous.filter { $0.rule == Rule.conflictingClaims.id && !(redone?.contains($0.line) ?? false) }
        if kept.isEmpty || found.isEmpty { return kept.isEmpty ? found : kept }
        return (kept + found).enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// Conflicts among every note's claims; with a `scope`, only the claims
    /// that share a group with the edited notes' claims (now or before the
    /// edit) are worked out again: the others keep their marks and
    /// diagnostics, which the caller has from the previous run.
    package static func run(_ parsed: inout [ParsedNote], scope: Scope?) -> (diagnostics: [Diagnostic], redone: Redone) {
        var places: [Place] = []
        // Each place's groups, side by side in one array (`groupsStart[place]`
        // is where its run begins): an array per claim was 180,000 of them at 10k notes.
        var groupsOf: [Int32] = [], groupsStart: [Int32] = []
        var groups: [Group] = []
        // A rebuild's conflicts can change only in the topics the edited notes
        // have claims in, now or before: claims in other topics are not grouped.
        var topicsInScope: Set<String>?
        if let scope {
            var slugs = Set<String>()
            for n in scope.notes { for t in parsed[n].note.comparisons { slugs.insert(t.slug) } }
            for note in scope.before { for t in note.comparisons { slugs.insert(t.slug) } }
            topicsInScope = slugs
        }
        var groupIndex: [GroupKey: Int] = [:]
        // Systems, topics and units are numbered as met, so a group is found
        // by three numbers, not by a string made for each quantity; a unit's
        // comparable form is worked out once per spelling, not per quantity.
        var subjectNumbers: [String: Int32] = [:], topicNumbers: [String: Int32] = [:], unitNumbers: [String: Int32] = [:]
        var units: [String: (number: Int32, unit: ComparableUnit)?] = [:]
        func number(_ key: String, in table: inout [String: Int32]) -> Int32 {
            if let known = table[key] { return known }
            let made = Int32(table.count)
            table[key] = made
            return made
        }
        var entries: [(unit: Int32, range: WrittenRange, quantity: Int)] = []
        var subjects: [(number: Int32, slug: String, name: String)] = []
        for n in parsed.indices where parsed[n].readable {
            parsed[n].note.comparisons.withUnsafeBufferPointer { comparisons in
                for t in comparisons.indices {
                    if let topicsInScope, !topicsInScope.contains(comparisons[t].slug) { continue }
                    var topicNumber: Int32?
                    comparisons[t].claims.withUnsafeBufferPointer { claims in
                        for c in claims.indices {
                            entries.removeAll(keepingCapacity: true)
                            for (index, q) in claims[c].quantities.prefix(64).enumerated() {
                                guard let spelling = q.unit else { continue }
                                let unit: (number: Int32, unit: ComparableUnit)?
                                if let known = units[spelling] { unit = known } else {
                                    unit = ComparableUnit(spelling).map { comparable in
                                        (number(comparable.name, in: &unitNumbers), comparable)
                                    }
                                    units[spelling] = unit
                                }
                                guard let unit, let range = q.writtenRange(in: unit.unit) else { continue }
                                entries.append((unit.number, range, index))
                            }
                            guard !entries.isEmpty else { continue }
                            let topic = topicNumber ?? number(comparisons[t].slug, in: &topicNumbers)
                            topicNumber = topic
                            let place = places.count
                            places.append(Place(note: n, topic: t, claim: c, id: parsed[n].note.id, line: claims[c].range.start.line))
                            groupsStart.append(Int32(groupsOf.count))
                            // Each system once, in slug order, named as the claim first names it.
                            subjects.removeAll(keepingCapacity: true)
                            for s in claims[c].subjects where !subjects.contains(where: { $0.slug == s.slug }) {
                                subjects.append((number(s.slug, in: &subjectNumbers), s.slug, s.name))
                            }
                            subjects.sort { $0.slug < $1.slug }
                            for subject in subjects {
                                for e in entries {
                                    let key = GroupKey(subject: subject.number, topic: topic, unit: e.unit)
                                    let g: Int
                                    if let known = groupIndex[key] { g = known } else {
                                        g = groups.count
                                        groupIndex[key] = g
                                        groups.append(Group(system: subject.name, topic: comparisons[t].title))
                                    }
                                    // Several quantities of one claim in one unit (`32k, then 128k`) span one range.
                                    if let last = groups[g].entries.last, last.place == place {
                                        let k = groups[g].entries.count - 1
                                        groups[g].entries[k].range = WrittenRange(low: min(last.range.low, e.range.low),
                                                                                  high: max(last.range.high, e.range.high))
                                        groups[g].entries[k].quantities |= 1 << UInt64(e.quantity)
                                    } else {
                                        groups[g].entries.append(Entry(place: place, range: e.range, quantities: 1 << UInt64(e.quantity)))
                                        groupsOf.append(Int32(g))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // The claims to work out: all, or those sharing a group with an edited note's claims.
        var redo: [Bool]? = nil
        if let scope {
            var affected = Set<Int>()
            for g in groups.indices where groups[g].entries.contains(where: { scope.notes.contains(places[$0.place].note) }) {
                affected.insert(g)
            }
            // The groups the edited notes' claims were in before the edit.
            for note in scope.before {
                for topic in note.comparisons {
                    guard let t = topicNumbers[topic.slug] else { continue }
                    for claim in topic.claims {
                        // By comparable unit: a spelling no claim uses now may still name a group's unit.
                        let unitsBefore = claim.quantities.compactMap { q in
                            q.unit.flatMap(ComparableUnit.init).flatMap { unitNumbers[$0.name] }
                        }
                        for subject in claim.subjects {
                            guard let s = subjectNumbers[subject.slug] else { continue }
                            for u in unitsBefore { if let g = groupIndex[GroupKey(subject: s, topic: t, unit: u)] { affected.insert(g) } }
                        }
                    }
                }
            }
            var marks = [Bool](repeating: false, count: places.count)
            for g in affected { for e in groups[g].entries { marks[e.place] = true } }
            redo = marks
        }
        // By place: most claims conflict with nothing, and a dictionary's hashing cost more than these arrays.
        var found = [[Found]](repeating: [], count: places.count)
        var counted = [(total: Int, overflow: Bool)](repeating: (0, false), count: places.count)
        if let redo {
            // Every group of a claim to redo, whole: its conflicts are counted across them all.
            var needed = Set<Int>()
            groupsStart.append(Int32(groupsOf.count))
            for place in places.indices where redo[place] {
                for k in Int(groupsStart[place])..<Int(groupsStart[place + 1]) { needed.insert(Int(groupsOf[k])) }
            }
            for g in needed.sorted() where groups[g].entries.count > 1 {
                pairs(in: g, groups, found: &found, counted: &counted)
            }
        } else {
            for g in groups.indices where groups[g].entries.count > 1 {
                pairs(in: g, groups, found: &found, counted: &counted)
            }
        }
        var redone: Redone = [:]
        let limit = ClaimConflict.shownLimit
        // The claims to mark, and per claim what it shows: on all cores, each
        // slot written by one thread; then put in place and reported in order.
        let work = found.indices.filter { redo?[$0] ?? !found[$0].isEmpty }
        var shown = [[Found]](repeating: [], count: work.count)
        var counts = [Int](repeating: 0, count: work.count)
        shown.withUnsafeMutableBufferPointer { shown in
            counts.withUnsafeMutableBufferPointer { counts in
                let (shownSlots, countSlots) = (shown, counts)
                Self.onAllCores(work.count) { k in
                    let place = work[k]
                    var seen = Set<Int>()
                    let distinct = found[place].filter { seen.insert($0.other).inserted }
                    let ordered = distinct.sorted { (places[$0.other].id, places[$0.other].line) < (places[$1.other].id, places[$1.other].line) }
                    shownSlots[k] = Array(ordered.prefix(limit))
                    countSlots[k] = counted[place].overflow ? max(counted[place].total, distinct.count) : distinct.count
                }
            }
        }
        // An entry's quantities and range as written, made once for every claim
        // that shows it: formatting ranges is most of the work.
        var firstEntry: [Int] = []
        firstEntry.reserveCapacity(groups.count)
        var entryCount = 0
        for g in groups.indices {
            firstEntry.append(entryCount)
            entryCount += groups[g].entries.count
        }
        var neededSet = [Bool](repeating: false, count: entryCount)
        for list in shown { for f in list { neededSet[firstEntry[f.group] + f.mine] = true; neededSet[firstEntry[f.group] + f.theirs] = true } }
        var owner = [(group: Int, entry: Int)](repeating: (0, 0), count: entryCount)
        for g in groups.indices { for e in groups[g].entries.indices { owner[firstEntry[g] + e] = (g, e) } }
        let needed = neededSet.indices.filter { neededSet[$0] }
        var texts = [(written: String, range: String)](repeating: ("", ""), count: entryCount)
        var made: [(conflicts: [ClaimConflict], diagnostics: [Diagnostic])] = Array(repeating: ([], []), count: work.count)
        do {
            let notes = parsed
            texts.withUnsafeMutableBufferPointer { texts in
                let slots = texts
                Self.onAllCores(needed.count) { k in
                    let (g, e) = owner[needed[k]]
                    let p = places[groups[g].entries[e].place]
                    slots[needed[k]] = groups[g].entries[e].texts(notes[p.note].note.comparisons[p.topic].claims[p.claim])
                }
            }
            func text(_ g: Int, _ e: Int) -> (written: String, range: String) { texts[firstEntry[g] + e] }
            made.withUnsafeMutableBufferPointer { made in
                let slots = made
                Self.onAllCores(work.count) { k in
                    let p = places[work[k]]
                    let (list, count) = (shown[k], counts[k])
                    let conflicts = list.map { f -> ClaimConflict in
                        let (mine, theirs) = (text(f.group, f.mine), text(f.group, f.theirs))
                        return ClaimConflict(note: places[f.other].id, line: places[f.other].line, quantity: theirs.written,
                                             range: theirs.range, ownQuantity: mine.written, ownRange: mine.range)
                    }
                    let note = notes[p.note].note
                    let range = note.comparisons[p.topic].claims[p.claim].range
                    var diagnostics: [Diagnostic] = []
                    for (f, c) in zip(list, conflicts) where (places[f.other].id, places[f.other].line) < (p.id, p.line) {
                        var message = "'\(groups[f.group].system)' in '\(groups[f.group].topic)': \(c.ownQuantity) (\(c.ownRange)) cannot hold with "
                            + "\(c.quantity) (\(c.range)) at \(c.note):\(c.line)"
                        if count > list.count { message += "; \(count) claims conflict with this one, \(list.count) are named" }
                        diagnostics.append(Diagnostic(file: note.path, range: range, rule: .conflictingClaims, message: message.compacted,
                                                      suggestion: "correct one of them, or write a rounded figure as approximate (~) or as a lower bound (+)"))
                    }
                    slots[k] = (conflicts, diagnostics)
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        for (k, place) in work.enumerated() {
            let p = places[place]
            if redo != nil { redone[p.note, default: []].insert(p.line) }
            parsed[p.note].note.comparisons[p.topic].claims[p.claim].disputedBy = made[k].conflicts
            parsed[p.note].note.comparisons[p.topic].claims[p.claim].disputes = counts[k]
            diagnostics += made[k].diagnostics
        }
        return (diagnostics, redone)
    }

    /// `body(0..<count)` on all cores, a chunk at a time.
    private static func onAllCores(_ count: Int, _ body: (Int) -> Void) {
        let chunk = 256
        DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { c in
            for k in (c * chunk)..<min(count, (c + 1) * chunk) { body(k) }
        }
    }

    /// The conflicting pairs of one group, at most `shownLimit` nearest on either side of each claim, both ways.
    private static func pairs(in g: Int, _ groups: [Group], found: inout [[Found]],
                              counted: inout [(total: Int, overflow: Bool)]) {
        let entries = groups[g].entries
        let byLow = entries.indices.sorted { (entries[$0].range.low, $0) < (entries[$1].range.low, $1) }
        let byHigh = entries.indices.sorted { (entries[$0].range.high, $0) < (entries[$1].range.high, $1) }
        let limit = ClaimConflict.shownLimit
        for (i, b) in entries.enumerated() {
            // Entries wholly below `b` are a prefix of `byHigh`; wholly above, a suffix of `byLow`.
            let below = partition(byHigh.count) { entries[byHigh[$0]].range.isBelow(b.range) }
            let above = partition(byLow.count) { !b.range.isBelow(entries[byLow[$0]].range) }
            let total = below + (byLow.count - above)
            guard total > 0 else { continue }
            counted[b.place] = (counted[b.place].total + total, counted[b.place].overflow || total > limit)
            let nearest = byHigh[max(0, below - limit)..<below].reversed() + byLow[above..<min(byLow.count, above + limit)]
            for j in nearest where j != i && entries[j].place != b.place {
                let a = entries[j]
                found[b.place].append(Found(other: a.place, group: g, mine: i, theirs: j))
                found[a.place].append(Found(other: b.place, group: g, mine: j, theirs: i))
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
