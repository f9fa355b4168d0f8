import NotesSupport

/// Slugs for systems, topics and tags (DESIGN §2): lowercase, and every run
/// of characters other than letters, digits, `.` and `-` becomes one `-`.
/// `Mixtral 8x7B` → `mixtral-8x7b`.
public func slugify(_ text: String) -> String {
    if let ascii = asciiSlug(text) { return ascii }
    var out = ""
    var pendingDash = false
    for ch in text.lowercased() {
        if ch.isLetter || ch.isNumber || ch == "." || ch == "-" {
            if pendingDash, !out.isEmpty { out.append("-") }
            pendingDash = false
            out.append(ch)
        } else {
            pendingDash = true
        }
    }
    // Edge dashes carry no meaning and make ugly file names.
    while out.hasPrefix("-") { out.removeFirst() }
    while out.hasSuffix("-") { out.removeLast() }
    // "." and ".." would name folders, not pages.
    if out.allSatisfy({ $0 == "." }) { out = out.isEmpty ? "untitled" : "dot" + String(out.count) }
    return out
}

/// The slug of a tag: `slugify` of each part of a nested tag, joined by
/// `/`, so `#Area/Sub Topic` lives at `tags/area/sub-topic.html` below its
/// parent `tags/area.html` (Obsidian's nested tags).
public func tagSlug(_ tag: String) -> String {
    guard tag.contains("/") else { return slugify(tag) }
    return tag.split(separator: "/").map { slugify(String($0)) }.joined(separator: "/")
}

/// The same rule on ASCII bytes, without Character processing; nil when the
/// text is not all ASCII.
private func asciiSlug(_ text: String) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingDash = false
    for b in text.utf8 {
        guard b < 0x80 else { return nil }
        let c = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
        let keep = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x2D
        if keep {
            if pendingDash, !out.isEmpty { out.append(0x2D) }
            pendingDash = false
            out.append(c)
        } else {
            pendingDash = true
        }
    }
    while out.first == 0x2D { out.removeFirst() }
    while out.last == 0x2D { out.removeLast() }
    if out.allSatisfy({ $0 == 0x2E }) { return out.isEmpty ? "untitled" : "dot" + String(out.count) }
    return String(decoding: out, as: UTF8.self)
}
