import NotesSupport

extension Topic {
    /// A verdict favours the subjects its text names, or the family of one
    /// (`DeepSeek` favours `DeepSeek-V3`) when no subject has the family's name.
    package mutating func resolveVerdicts() {
        guard !verdicts.isEmpty else { return }
        // A topic has a handful of subjects: linear searches beat hashing.
        var unique: [Subject] = []
        for claim in claims {
            for subject in claim.subjects where !unique.contains(where: { $0.slug == subject.slug }) { unique.append(subject) }
        }
        // Lowercased once per subject, not once per verdict.
        let names = unique.map { Array($0.name.lowercased().utf8) }
        let families = unique.map { Self.family(of: $0.name).map { Array($0.lowercased().utf8) } }
        for v in verdicts.indices {
            let text = Array(verdicts[v].text.lowercased().utf8)
            var favors: [String] = []
            var favoured = [Bool](repeating: false, count: unique.count)
            for k in unique.indices where Self.names(text, names[k]) {
                favors.append(unique[k].slug)
                favoured[k] = true
            }
            for k in unique.indices where !favoured[k] {
                guard let family = families[k], !names.contains(family), Self.names(text, family) else { continue }
                favors.append(unique[k].slug)
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
