import Foundation

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (bytes, not Characters: this runs for every claim).
    package var trimmingSpaces: String {
        let whole = String(self)
        let u = whole.utf8
        var start = u.startIndex, end = u.endIndex
        while start < end, u[start] == 0x20 || u[start] == 0x09 { start = u.index(after: start) }
        while end > start {
            let before = u.index(before: end)
            guard u[before] == 0x20 || u[before] == 0x09 else { break }
            end = before
        }
        if start == u.startIndex, end == u.endIndex { return whole }
        return String(decoding: u[start..<end], as: UTF8.self)
    }
}

extension String {
    /// The same text in storage of its own size. A string grown by appending
    /// holds up to twice its bytes; one kept for the whole build (a note's
    /// search text, a diagnostic's message) is worth the copy.
    package var compacted: String { String(decoding: Array(utf8), as: UTF8.self) }
}
