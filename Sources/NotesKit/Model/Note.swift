/// One study note: the records notesc reads out of a Markdown file.
public struct Note: Codable, Sendable {
    /// The path below the notes root without `.md`: `papers/deepseek-v2`.
    public var id: String
    /// The path below the notes root: `papers/deepseek-v2.md`.
    public var path: String
    public var title: Title?
    public var metadata: [MetadataEntry]
    /// `Date Processed` (or front matter `date`) as `YYYY-MM-DD`, when valid.
    public var date: String?
    public var category: String?
    public var tags: [String]
    public var aliases: [String]
    /// Whether the note has any study section (TL;DR, Key Comparisons, Take, Calculations, Connections).
    public var isStudyNote: Bool
    public var sections: [Section]
    public var tldr: [String]
    public var comparisons: [Topic]
    public var take: Take?
    public var calcBlocks: [CalcBlock]
    public var inlineCalcs: [InlineCalc]
    public var connections: [Connection]
    public var links: [NoteLink]
    /// Values and check outcomes of the calc blocks; nil until evaluated.
    public var calc: NoteCalc?
}

/// The note's H1.
public struct Title: Codable, Sendable {
    public var text: String
    public var range: SourceRange
}

/// A `**Key**: value` line, or a front matter key.
public struct MetadataEntry: Codable, Sendable {
    public var key: String
    public var value: String
    public var range: SourceRange
    /// Where the value starts, for diagnostics about the value itself.
    public var valueRange: SourceRange
}

/// An H2 section as written, with the kind recognised from its words.
public struct Section: Codable, Sendable {
    public var kind: SectionKind
    /// The heading text as written (mojibake and emoji included).
    public var heading: String
    public var range: SourceRange
    /// The last line that belongs to the section.
    public var endLine: Int
    /// Whether anything but blank lines and `---` follows the heading.
    public var hasContent: Bool
}

/// The study sections of DESIGN §2, recognised by their words.
public enum SectionKind: String, Codable, Sendable, CaseIterable {
    case tldr, comparisons, take, calculations, connections, references, openQuestions, other
}

/// The `## ... Take` section: commentary by a named author.
public struct Take: Codable, Sendable {
    public var author: String?
    public var paragraphs: [String]
    public var range: SourceRange
}

/// A fenced block with info string `calc`.
public struct CalcBlock: Codable, Sendable {
    public var text: String
    /// The fence line.
    public var range: SourceRange
    /// File line of the first statement line (the line after the fence).
    public var firstLine: Int
    /// Column where the block's content lines start.
    public var column: Int
}

/// Inline code in prose that starts with `=`: `` `=reduction -> %` ``.
public struct InlineCalc: Codable, Sendable {
    /// The expression after `=`.
    public var expression: String
    public var range: SourceRange
}

/// A bullet of the Connections section: `- **note-id**: why`.
public struct Connection: Codable, Sendable {
    /// The target as written.
    public var target: String
    public var reason: String
    public var range: SourceRange
    /// The note id the target resolves to, when it resolves.
    public var resolved: String?
}

/// A `[[wikilink]]` or relative `.md` link in prose.
public struct NoteLink: Codable, Sendable {
    public enum Style: String, Codable, Sendable { case wikilink, markdown }
    public var style: Style
    /// The target as written: a note id, stem or relative path without `.md`.
    public var target: String
    public var label: String?
    /// `#heading` part, if any.
    public var fragment: String?
    public var range: SourceRange
    public var resolved: String?
}
