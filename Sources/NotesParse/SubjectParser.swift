import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport

/// Splits a claim's bold label into subjects (DESIGN §2).
enum SubjectParser {
    /// `GPT/LLaMA` → GPT, LLaMA; `DeepSeek-V2/V3` → DeepSeek-V2, DeepSeek-V3;
    /// `GPT-4 (rumored)` → GPT-4 with qualifier `rumored`.
    static func split(_ label: String) -> (subjects: [String], qualifier: String?) {
        // Most labels name one subject and need none of the work below.
        if !label.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "(") }) { return ([label.trimmingSpaces], nil) }
        var name = label.trimmingSpaces
        var qualifier: String?
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            qualifier = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingSpaces
            name = String(name[..<open]).trimmingSpaces
        }
        let parts = name.split(separator: "/").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        guard let first = parts.first else { return ([], qualifier) }
        var subjects = [first]
        for part in parts.dropFirst() {
            subjects.append(completes(first, with: part) ?? part)
        }
        return (subjects, qualifier)
    }

    /// A short part after `/` completes the first part's stem: `V3` after
    /// `DeepSeek-V2`, `3.2` after `Llama-3.1`. It must look like the first
    /// part's last segment (both start with a digit, or with the same letter and
    /// carry a digit) and be about as long; `GPT` after `Claude-3` and `T5`
    /// after `OLMo-V3` do not.
    static func completes(_ first: String, with part: String) -> String? {
        guard let dash = first.lastIndex(of: "-"), !part.contains("-"), !part.contains(" ") else { return nil }
        let stem = first[...dash]
        let suffix = first[first.index(after: dash)...]
        guard let s = suffix.first, let p = part.first, part.count <= suffix.count + 2 else { return nil }
        // `V2/V3` and `3.1/3.2` share a shape; `V3/T5` does not (T5 is a system of its own).
        let sameShape = (s.isNumber && p.isNumber)
            || (s.isLetter && s.lowercased() == p.lowercased() && part.contains(where: \.isNumber))
        return sameShape ? String(stem) + part : nil
    }
}

