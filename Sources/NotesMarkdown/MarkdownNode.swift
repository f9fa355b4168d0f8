import NotesModel
import NotesSupport

/// One block of a parsed Markdown document, copied out of cmark-gfm's tree.
///
/// Only blocks become nodes. Their inline content is kept as what the records
/// need of it: the text a reader sees, plus the code spans, links and images
/// with their positions. (Copying every inline node made up most of the
/// parse's allocations.)
///
/// Positions are those cmark reports for the text it was given (BOM removed);
/// `SourceText.originalPosition` maps them to the file. Inline nodes that cmark
/// does not position (scheme autolinks) carry line 0.
package struct MarkdownNode: Sendable {
    package enum Kind: Sendable, Equatable {
        case document, blockQuote, list(ordered: Bool), item, codeBlock(info: String), htmlBlock
        case paragraph, heading(level: Int), thematicBreak
        case table, tableRow, tableCell
        case other(String)
    }

    package var kind: Kind
    /// Code and HTML blocks: their text. Blocks with inline content
    /// (paragraphs, headings, table cells): that content as a reader sees it —
    /// soft and hard breaks become spaces, code spans keep their text.
    package var literal: String
    package var range: SourceRange
    package var children: [MarkdownNode]
    /// Code spans, links and images directly inside this block, in order.
    package var inlines: [MarkdownInline] = []

    /// The text of this block and the blocks inside it, as a reader sees it.
    package var plainText: String {
        switch kind {
        case .codeBlock, .htmlBlock, .thematicBreak: return ""
        default: break
        }
        if children.isEmpty { return literal }
        var out = literal
        for child in children { out += child.plainText }
        return out
    }

    var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }

    package var isList: Bool {
        if case .list = kind { return true }
        return false
    }
}

/// An inline construct the records need: a code span (`=expr` calculations),
/// a link or image (links between notes), raw HTML (`dropped-html`), or an inline `#tag`.
package struct MarkdownInline: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case code
        case link(destination: String)
        case image(destination: String)
        /// Inline raw HTML: one tag, comment or declaration as written.
        case html
        /// An inline `#tag` outside code, links and headings; `text` is its name.
        case tag
    }

    package var kind: Kind
    /// A code span's text; a link's or image's text as a reader sees it; raw HTML as written.
    package var text: String
    package var range: SourceRange
}

/// A parsed document plus what the bridge could not keep.
package struct MarkdownDocument: Sendable {
    package var root: MarkdownNode
    /// Set when nesting went deeper than the bridge copies; the deeper nodes were dropped.
    package var truncatedAtLine: Int?
}
