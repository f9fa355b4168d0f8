import Foundation
import NotesModel
import NotesSupport

/// Did-you-mean for a reference to no note, through an index built once
/// (DESIGN §4, "Lint needs linear time"): the reference's own stem (its last
/// path part, lowercased, without an extension) is looked up among the
/// notes' stems, so a note that moved folders is found; else the nearest
/// stem within an edit distance of two is found through its deletions
/// (SymSpell): two words within distance d share a word that each becomes
/// by deleting at most d characters, so a lookup compares the reference with
/// the few stems that share a deletion, never with every stem.
struct StemSuggestions: Sendable {
    /// The longest edit distance looked for (NearMiss allows a third of the
    /// word; beyond two the deletions of every stem would outnumber the notes a hundredfold).
    static let maxDistance = 2

    /// Distinct lowercased stems, in the order of the ids that first have them.
    private let stems: [[Unicode.Scalar]]
    /// For each stem, the id to suggest: the first id (in `ids` order) that has it.
    private let firstID: [String]
    private let byStem: [String: Int]
    /// Deletion hashes (top 40 bits) and stem numbers (low 24 bits), sorted.
    private let deletions: [UInt64]
    /// Where each run of `deletions` with the same top `directoryBits` bits
    /// starts (and, last, their count): a lookup searches one short run, not
    /// tens of millions of entries (the deletions of 30,000 forty-letter
    /// ids), which made 100,000 broken references take most of a minute.
    private let directory: [Int]
    /// `64 -` the bits that pick a run: about eight entries a run, at most 2²⁰ runs.
    private let shift: UInt64
    /// Suggestions already made, by reference: a missing note is named by
    /// several others.
    private let made = Memo()

    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: String?] = [:]

        func value(_ key: String, _ make: () -> String?) -> String? {
            lock.lock()
            if let found = known[key] { lock.unlock(); return found }
            lock.unlock()
            let value = make()
            lock.lock()
            known[key] = value
            lock.unlock()
            return value
        }
    }

    init(ids: [String]) {
        var stems: [[Unicode.Scalar]] = [], firstID: [String] = [], byStem: [String: Int] = [:]
        for id in ids {
            let stem = Self.stem(of: id)
            guard byStem[stem] == nil, stems.count < 1 << 24 else { continue }
            byStem[stem] = stems.count
            stems.append(Array(stem.unicodeScalars))
            firstID.append(id)
        }
        var deletions: [UInt64] = []
        deletions.reserveCapacity(stems.count * 64)
        for (n, stem) in stems.enumerated() {
            Self.eachDeletion(of: stem, upTo: Self.maxDistance) { deletions.append($0 & ~0xFF_FFFF | UInt64(n)) }
        }
        let bits = min(20, max(1, (Int.bitWidth - (deletions.count / 8).leadingZeroBitCount)))
        let shift = UInt64(64 - bits)
        (self.deletions, self.directory) = Self.sorted(deletions, shift: shift, runs: 1 << bits)
        self.shift = shift
        self.stems = stems
        self.firstID = firstID
        self.byStem = byStem
    }

    /// `hashes` sorted, and where each run of one top-bits value starts (then
    /// their count): placed run by run, then each run sorted. The hashes are
    /// spread evenly, so runs are short; sorting them all at once was most of
    /// the index's time (half a second for 10,000 forty-letter ids, on the
    /// first broken reference of a build).
    static func sorted(_ hashes: [UInt64], shift: UInt64, runs: Int) -> (sorted: [UInt64], starts: [Int]) {
        var starts = [Int](repeating: 0, count: runs + 1)
        for h in hashes { starts[Int(h >> shift) + 1] += 1 }
        for r in 0..<runs { starts[r + 1] += starts[r] }
        var next = starts
        var sorted = [UInt64](repeating: 0, count: hashes.count)
        sorted.withUnsafeMutableBufferPointer { out in
            for h in hashes {
                let r = Int(h >> shift)
                out[next[r]] = h
                next[r] += 1
            }
            for r in 0..<runs where starts[r + 1] - starts[r] > 1 {
                let (low, high) = (starts[r], starts[r + 1])
                guard high - low <= 32 else {
                    var run = UnsafeMutableBufferPointer(rebasing: out[low..<high])
                    run.sort()
                    continue
                }
                for i in (low + 1)..<high {
                    let h = out[i]
                    var j = i
                    while j > low, out[j - 1] > h {
                        out[j] = out[j - 1]
                        j -= 1
                    }
                    out[j] = h
                }
            }
        }
        return (sorted, starts)
    }

    /// A reference's stem: its last path part, lowercased, without `.md` or another extension.
    static func stem(of reference: String) -> String {
        var last = reference.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? reference
        last = last.lowercased()
        if let dot = last.lastIndex(of: "."), dot != last.startIndex {
            let ext = last[last.index(after: dot)...]
            if (1...5).contains(ext.count), ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), ext.contains(where: \.isLetter) {
                last = String(last[..<dot])
            }
        }
        return last
    }

    /// The id of a note with the reference's stem, else of the note whose
    /// stem is nearest (ties go to the first id), within a third of the
    /// stem's length (at least 1, at most `maxDistance`); none under 3 characters.
    func suggestion(for reference: String) -> String? {
        made.value(reference) { nearest(reference) }
    }

    private func nearest(_ reference: String) -> String? {
        let stem = Self.stem(of: reference)
        if let n = byStem[stem] { return firstID[n] }
        let word = Array(stem.unicodeScalars)
        guard word.count >= 3 else { return nil }
        let limit = min(Self.maxDistance, max(1, word.count / 3))
        var best: (n: Int, distance: Int)?
        var seen = Set<Int>()
        Self.eachDeletion(of: word, upTo: limit) { hash in
            let key = hash & ~0xFF_FFFF
            var i = lowerBound(key)
            while i < deletions.count, deletions[i] & ~0xFF_FFFF == key {
                let n = Int(deletions[i] & 0xFF_FFFF)
                i += 1
                guard seen.insert(n).inserted else { continue }
                let d = NearMiss.distance(word, stems[n], limit: limit)
                if d <= limit, best.map({ d < $0.distance || (d == $0.distance && n < $0.n) }) ?? true { best = (n, d) }
            }
        }
        return best.map { firstID[$0.n] }
    }

    private func lowerBound(_ key: UInt64) -> Int {
        let b = Int(key >> shift)
        var low = directory[b], high = directory[b + 1]
        while low < high {
            let mid = (low + high) / 2
            if deletions[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Calls `body` with the hash of every word `word` becomes by deleting
    /// at most `depth` (1 or 2) characters, itself included. A polynomial
    /// hash of the prefix and of the rest, combined, so each costs the same
    /// whatever the word's length.
    static func eachDeletion(of word: [Unicode.Scalar], upTo depth: Int, _ body: (UInt64) -> Void) {
        let n = word.count
        let base: UInt64 = 0x100000001B3
        var power = [UInt64](repeating: 1, count: n + 1)
        var prefix = [UInt64](repeating: 0, count: n + 1)
        for k in 0..<n {
            power[k + 1] = power[k] &* base
            prefix[k + 1] = prefix[k] &* base &+ UInt64(word[k].value) &+ 1
        }
        /// The hash of `word[a..<b]`.
        func part(_ a: Int, _ b: Int) -> UInt64 { prefix[b] &- prefix[a] &* power[b - a] }
        func finish(_ h: UInt64, length: Int) -> UInt64 { mix(h ^ UInt64(length) &* 0x9E3779B97F4A7C15) }
        body(finish(prefix[n], length: n))
        guard depth >= 1 else { return }
        for i in 0..<n {
            let without = part(0, i) &* power[n - i - 1] &+ part(i + 1, n)
            body(finish(without, length: n - 1))
            guard depth >= 2 else { continue }
            for j in (i + 1)..<n {
                let head = part(0, i) &* power[j - i - 1] &+ part(i + 1, j)
                body(finish(head &* power[n - j - 1] &+ part(j + 1, n), length: n - 2))
            }
        }
    }

    /// SplitMix64's finalizer: spreads the hash over the top bits the index keeps.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
