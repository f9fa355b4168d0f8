import Foundation
import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport

/// The head of a bullet that starts with a label: `**GPT-4** (rumored): text`,
/// `**Verdict:** text`, `[[note-id]]: why`, `[label](note.md): why`.
package struct LabelledBullet {
    enum Style { case bold, wikilink, link, plain }
    var style: Style
    var label: String
    /// Byte offsets of the label text within the scanned bytes.
    var labelStart: Int
    var labelEnd: Int
    var qualifier: String?
    /// Byte offset where the text after the colon starts.
    var restStart: Int
    /// A colon ends the label (`**Key**: value`, `**Key:** value`), as a metadata line needs.
    var hasColon = false

    static func parse(_ b: [UInt8]) -> LabelledBullet? {
        let colon = UInt8(ascii: ":"), star = UInt8(ascii: "*")
        var bullet: LabelledBullet
        if b.starts(with: [star, star]) {
            guard let close = ByteSearch.find([star, star], in: b, from: 2) else { return nil }
            var end = close
            var colonInside = false
            while end > 2, b[end - 1] == colon || b[end - 1] == 0x20 { colonInside = colonInside || b[end - 1] == colon; end -= 1 }
            bullet = LabelledBullet(style: .bold, label: text(b, 2, end), labelStart: 2, labelEnd: end, restStart: close + 2)
            if colonInside {
                bullet.restStart = skipSpaces(b, close + 2)
                bullet.hasColon = true
                return bullet.splittingQualifier()
            }
        } else if b.starts(with: [UInt8(ascii: "["), UInt8(ascii: "[")]) {
            guard let close = ByteSearch.find([UInt8(ascii: "]"), UInt8(ascii: "]")], in: b, from: 2) else { return nil }
            var end = close
            if let bar = b[2..<close].firstIndex(of: UInt8(ascii: "|")) { end = bar }
            bullet = LabelledBullet(style: .wikilink, label: text(b, 2, end).trimmingSpaces, labelStart: 2, labelEnd: end, restStart: close + 2)
        } else if b.first == UInt8(ascii: "["), let mid = ByteSearch.find([UInt8(ascii: "]"), UInt8(ascii: "(")], in: b, from: 1),
                  let close = b[(mid + 2)...].firstIndex(of: UInt8(ascii: ")")) {
            bullet = LabelledBullet(style: .link, label: text(b, mid + 2, close), labelStart: mid + 2, labelEnd: close, restStart: close + 1)
        } else {
            guard let c = b.firstIndex(of: colon), c > 0, !b[..<c].contains(0x20) else { return nil }
            return LabelledBullet(style: .plain, label: text(b, 0, c), labelStart: 0, labelEnd: c, restStart: skipSpaces(b, c + 1), hasColon: true)
        }
        var i = skipSpaces(b, bullet.restStart)
        if i < b.count, b[i] == UInt8(ascii: "("), let close = b[i...].firstIndex(of: UInt8(ascii: ")")) {
            bullet.qualifier = text(b, i + 1, close).trimmingSpaces
            i = skipSpaces(b, close + 1)
        }
        if i < b.count, b[i] == colon {
            i = skipSpaces(b, i + 1)
            bullet.hasColon = true
        }
        bullet.restStart = i
        return bullet.qualifier == nil ? bullet.splittingQualifier() : bullet
    }

    /// `**GPT-4 (rumored)**` keeps its qualifier inside the bold.
    private func splittingQualifier() -> LabelledBullet {
        var copy = self
        if qualifier == nil, label.hasSuffix(")"), let open = label.lastIndex(of: "(") {
            copy.qualifier = String(label[label.index(after: open)..<label.index(before: label.endIndex)]).trimmingSpaces
            copy.label = String(label[..<open]).trimmingSpaces
            copy.labelEnd = labelStart + copy.label.utf8.count
        }
        return copy
    }


    static func skipSpaces(_ b: [UInt8], _ from: Int) -> Int {
        var i = from
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        return i
    }

    static func text(_ b: [UInt8], _ from: Int, _ to: Int) -> String {
        guard from < to, to <= b.count else { return "" }
        return String(decoding: b[from..<to], as: UTF8.self)
    }
}
