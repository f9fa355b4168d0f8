import NotesModel
import NotesSupport

/// Obsidian's block ids (DESIGN §2a): a paragraph or list item whose text
/// ends with ` ^id` (letters, digits, `-`) can be linked to as `[[Note#^id]]`.
/// The id is an anchor on the page and never printed.
package enum BlockIDs {
    /// The id a paragraph's text ends with, and where the ` ^id` starts.
    /// Looks only at the end of the text, by bytes: every paragraph of every
    /// note is asked.
    package static func trailingID(_ text: String) -> (id: String, start: String.Index)? {
        let utf8 = text.utf8
        var i = utf8.endIndex
        var length = 0
        while i > utf8.startIndex {
            let before = utf8.index(before: i)
            guard isIDByte(utf8[before]), length < 64 else { break }
            i = before
            length += 1
        }
        guard length > 0, i > utf8.startIndex else { return nil }
        let caret = utf8.index(before: i)
        guard utf8[caret] == UInt8(ascii: "^") else { return nil }
        // The caret starts the text or follows a space, or an embed or link
        // it ends (`![[image.png]]^id`); `2^10` and `x^2` are no block ids.
        if caret > utf8.startIndex {
            let before = utf8[utf8.index(before: caret)]
            guard [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "]"), UInt8(ascii: ")")].contains(before) else { return nil }
        }
        return (String(text[i...]), caret)
    }

    private static func isIDByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-")
    }
}
