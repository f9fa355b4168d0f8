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
