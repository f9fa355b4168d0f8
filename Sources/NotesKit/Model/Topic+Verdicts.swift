extension Topic {
    /// A verdict favours the subjects its text names, or the family of one
    /// (`DeepSeek` favours `DeepSeek-V3`) when no subject has the family's name.
    mutating func resolveVerdicts() {
        guard !verdicts.isEmpty else { return }
        var seen = Set<String>()
        let unique = claims.flatMap(\.subjects).filter { seen.insert($0.slug).inserted }
        let names = Set(unique.map { $0.name.lowercased() })
        for v in verdicts.indices {
            let text = Array(verdicts[v].text.lowercased().utf8)
            var favors: [String] = []
            for subject in unique where Self.names(text, Array(subject.name.lowercased().utf8)) {
                favors.append(subject.slug)
            }
            for subject in unique where !favors.contains(subject.slug) {
                guard let family = Self.family(of: subject.name), !names.contains(family.lowercased()),
                      Self.names(text, Array(family.lowercased().utf8)) else { continue }
                favors.append(subject.slug)
            }
            verdicts[v].favors = favors
        }
    }

    /// `DeepSeek-V3` → `DeepSeek`; nil for a name with no `-`.
    static func family(of name: String) -> String? {
        guard let dash = name.firstIndex(of: "-"), dash != name.startIndex else { return nil }
        return String(name[..<dash])
    }

    /// Whether `t` (lowercased UTF-8) contains `n` (lowercased UTF-8) as a
    /// whole word: `gpt` is not named by `gpt-4`.
    static func names(_ t: [UInt8], _ n: [UInt8]) -> Bool {
        guard !n.isEmpty, n.count <= t.count else { return false }
        func isWord(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b >= 0x80
        }
        var i = 0
        while i + n.count <= t.count {
            if t[i] == n[0], t[i..<(i + n.count)].elementsEqual(n) {
                let beforeOK = i == 0 || !isWord(t[i - 1])
                let after = i + n.count
                // `DeepSeek's` names DeepSeek: an apostrophe ends the word.
                let afterOK = after == t.count || !isWord(t[after])
                if beforeOK && afterOK { return true }
            }
            i += 1
        }
        return false
    }
}

import Foundation
