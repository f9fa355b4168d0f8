/// Slugs for systems, topics and tags (DESIGN §2): lowercase, and every run
/// of characters other than letters, digits, `.` and `-` becomes one `-`.
/// `Mixtral 8x7B` → `mixtral-8x7b`.
public func slugify(_ text: String) -> String {
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
