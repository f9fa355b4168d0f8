/// One node of a parsed Markdown document, copied out of cmark-gfm's tree.
///
/// Positions are those cmark reports for the text it was given (BOM removed);
/// `SourceText.originalPosition` maps them to the file. Inline nodes that cmark
/// does not position (soft breaks, scheme autolinks) carry line 0.
struct MarkdownNode: Sendable {
    enum Kind: Sendable, Equatable {
        case document, blockQuote, list(ordered: Bool), item, codeBlock(info: String), htmlBlock
        case paragraph, heading(level: Int), thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong
        case link(destination: String), image(destination: String)
        case table, tableRow, tableCell, strikethrough
        case other(String)
    }

    var kind: Kind
    /// Text of leaf nodes: text, code, code blocks, HTML.
    var literal: String
    var range: SourceRange
    var children: [MarkdownNode]

    /// The text of this node and its descendants, as a reader sees it
    /// (soft breaks become spaces, code spans keep their text).
    var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    private func appendPlainText(to out: inout String) {
        switch kind {
        case .text, .code, .htmlInline: out += literal
        case .softBreak, .lineBreak: out += " "
        default: for child in children { child.appendPlainText(to: &out) }
        }
    }

    var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }

    var isList: Bool {
        if case .list = kind { return true }
        return false
    }
}

/// A parsed document plus what the bridge could not keep.
struct MarkdownDocument: Sendable {
    var root: MarkdownNode
    /// Set when nesting went deeper than the bridge copies; the deeper nodes were dropped.
    var truncatedAtLine: Int?
}
