import NotesModel
import NotesSupport

/// Obsidian's block ids (DESIGN §2a): a paragraph or list item whose text
/// ends with ` ^id` (letters, digits, `-`) can be linked to as `[[Note#^id]]`.
/// The id is an anchor on the page and never printed.
package enum BlockIDs {
    /// The id a paragraph's text ends with, and where the ` ^id` starts.
    package static func trailingID(_ text: String) -> (id: String, start: String.Index)? {
        guard let caret = text.lastIndex(of: "^") else { return nil }
        let id = text[text.index(after: caret)...]
        guard !id.isEmpty, id.utf8.count <= 64, id.utf8.allSatisfy(isIDByte) else { return nil }
        // The caret starts the text or follows a space, or an embed or link
        // it ends (`![[image.png]]^id`); `2^10` and `x^2` are no block ids.
        if caret != text.startIndex {
            let before = text[text.index(before: caret)]
            guard [" ", "\t", "\n", "]", ")"].contains(before) else { return nil }
        }
        return (String(id), caret)
    }

    private static func isIDByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-")
    }
}
