extension Topic {
    /// A verdict favours the subjects its text names, or the family of one
    /// (`DeepSeek` favours `DeepSeek-V3`) when no subject has the family's name.
    mutating func resolveVerdicts() {
        let subjects = claims.flatMap(\.subjects)
        var seen = Set<String>()
        let unique = subjects.filter { seen.insert($0.slug).inserted }
        for v in verdicts.indices {
            let text = verdicts[v].text
            var favors: [String] = []
            for subject in unique where Self.names(text, subject.name) {
                favors.append(subject.slug)
            }
            for subject in unique where !favors.contains(subject.slug) {
                guard let family = Self.family(of: subject.name),
                      !unique.contains(where: { $0.name.caseInsensitiveCompare(family) == .orderedSame }),
                      Self.names(text, family) else { continue }
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

    /// Whether `text` contains `name` as a whole word: `GPT` is not named by `GPT-4`.
    static func names(_ text: String, _ name: String) -> Bool {
        let t = Array(text.lowercased().utf8), n = Array(name.lowercased().utf8)
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
