import NotesSupport

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
    /// What the note's page needs in the browser: KaTeX, highlight.js. Not a record.
    public var pageNeeds = PageNeeds()
    /// What a link can point into: its headings and block ids. Not a record.
    public var anchors = NoteAnchors()
    /// The note's text as a reader sees it (headings, paragraphs, list items,
    /// table cells, code), one block a line, for full-text search. Comments
    /// are blanked before parsing, so they are not in it. Not a record.
    public var bodyText = ""
    /// The ```` ```query ```` blocks (DESIGN §9), in file order. Not a record:
    /// what they show is worked out from the whole folder (`QueryStage`).
    public var queryBlocks: [QueryBlock] = []

    /// Every field but `pageNeeds`, which is how the page is made, not what the note says.
    enum CodingKeys: String, CodingKey {
        case id, path, title, metadata, date, category, tags, aliases, isStudyNote, sections, tldr, comparisons, take
        case calcBlocks, inlineCalcs, connections, links, calc
    }

    package init(id: String, path: String, title: Title? = nil, metadata: [MetadataEntry], date: String? = nil, category: String? = nil, tags: [String], aliases: [String], isStudyNote: Bool, sections: [Section], tldr: [String], comparisons: [Topic], take: Take? = nil, calcBlocks: [CalcBlock], inlineCalcs: [InlineCalc], connections: [Connection], links: [NoteLink], calc: NoteCalc? = nil) {
        self.id = id
        self.path = path
        self.title = title
        self.metadata = metadata
        self.date = date
        self.category = category
        self.tags = tags
        self.aliases = aliases
        self.isStudyNote = isStudyNote
        self.sections = sections
        self.tldr = tldr
        self.comparisons = comparisons
        self.take = take
        self.calcBlocks = calcBlocks
        self.inlineCalcs = inlineCalcs
        self.connections = connections
        self.links = links
        self.calc = calc
    }
}

/// What a note's page needs besides the site's own styles and scripts
/// (DESIGN §1: copied into `assets/` only when a page needs them).
public struct PageNeeds: Codable, Sendable, Equatable {
    /// A `$…$` or `$$…$$` span: KaTeX.
    public var math = false
    /// Languages of fenced code blocks to highlight (not `calc`, `query` or `mermaid`), sorted.
    public var codeLanguages: [String] = []

    public init(math: Bool = false, codeLanguages: [String] = []) {
        self.math = math
        self.codeLanguages = codeLanguages
    }
}

/// What `[[Note#Heading]]` and `[[Note#^block]]` can name in a note.
public struct NoteAnchors: Codable, Sendable, Equatable {
    /// Every heading's text, any level, in order.
    public var headings: [String] = []
    /// Every block id (` ^id` ending a paragraph or list item), without the caret.
    public var blocks: [String] = []

    public init(headings: [String] = [], blocks: [String] = []) {
        self.headings = headings
        self.blocks = blocks
    }
}

/// The note's H1.
public struct Title: Codable, Sendable {
    public var text: String
    public var range: SourceRange

    package init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A `**Key**: value` line, or a front matter key.
public struct MetadataEntry: Codable, Sendable {
    public var key: String
    public var value: String
    public var range: SourceRange
    /// Where the value starts, for diagnostics about the value itself.
    public var valueRange: SourceRange
    /// Written in the YAML front matter rather than as a `**Key**: value` line.
    public var fromFrontMatter: Bool

    package init(key: String, value: String, range: SourceRange, valueRange: SourceRange, fromFrontMatter: Bool = false) {
        self.key = key
        self.value = value
        self.range = range
        self.valueRange = valueRange
        self.fromFrontMatter = fromFrontMatter
    }

    /// Whether a reader of the note's page sees this entry in its metadata
    /// list. Front matter is mostly for tools (`cssclasses`, `publish`,
    /// `permalink`): only the keys a reader cares about are shown. Every
    /// `**Key**: value` line is text the author wrote in the note, so it is.
    public var isShownToReaders: Bool {
        guard fromFrontMatter else { return true }
        return Self.readerKeys.contains(key.lowercased())
    }

    /// Front matter keys shown on a page (DESIGN §2a).
    public static let readerKeys: Set<String> = ["source", "date", "category", "tags", "author", "authors"]
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

    package init(kind: SectionKind, heading: String, range: SourceRange, endLine: Int, hasContent: Bool) {
        self.kind = kind
        self.heading = heading
        self.range = range
        self.endLine = endLine
        self.hasContent = hasContent
    }
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

    package init(author: String? = nil, paragraphs: [String], range: SourceRange) {
        self.author = author
        self.paragraphs = paragraphs
        self.range = range
    }
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

    package init(text: String, range: SourceRange, firstLine: Int, column: Int) {
        self.text = text
        self.range = range
        self.firstLine = firstLine
        self.column = column
    }
}

/// A fenced block with info string `query`: one read-only SQL `SELECT` over
/// the folder's database, shown on the page as a table (DESIGN §9).
public struct QueryBlock: Codable, Sendable, Equatable {
    /// The SQL, as written between the fences.
    public var text: String
    /// The fence line.
    public var range: SourceRange
    /// File line of the first line of SQL (the line after the fence).
    public var firstLine: Int

    package init(text: String, range: SourceRange, firstLine: Int) {
        self.text = text
        self.range = range
        self.firstLine = firstLine
    }

    /// Whether the first line asks for a bar chart: `-- chart: bar`.
    public var wantsBarChart: Bool {
        Self.isBarChartLine(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// `-- chart: bar`, spaces and case aside.
    public static func isBarChartLine(_ line: Substring) -> Bool {
        line.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" }) == ["--", "chart", "bar"]
    }
}

/// Inline code in prose that starts with `=`: `` `=reduction -> %` ``.
public struct InlineCalc: Codable, Sendable {
    /// The expression after `=`.
    public var expression: String
    public var range: SourceRange

    package init(expression: String, range: SourceRange) {
        self.expression = expression
        self.range = range
    }
}

/// A bullet of the Connections section: `- **note-id**: why`.
public struct Connection: Sendable {
    /// The target as written.
    public var target: String
    public var reason: String
    public var range: SourceRange
    /// What the target names, decided once when the folder's references are
    /// resolved (nil before that); the rules and the site read it.
    public var resolution: Resolution?

    /// The note id the target resolves to, when it resolves.
    public var resolved: String? {
        get { resolution?.noteID }
        set { resolution = newValue.map(Resolution.note) }
    }

    package init(target: String, reason: String, range: SourceRange, resolved: String? = nil) {
        self.target = target
        self.reason = reason
        self.range = range
        self.resolution = resolved.map(Resolution.note)
    }
}

/// A `[[wikilink]]`, an embed `![[...]]`, or a relative Markdown link or
/// image (`[text](note.md)`, `![alt](img/x.png)`, `[doc](files/a.pdf)`) in prose.
public struct NoteLink: Sendable {
    public enum Style: String, Codable, Sendable { case wikilink, markdown }
    public var style: Style
    /// The target as written: a note id, stem or relative path without `.md`;
    /// a file's path or name with its extension (percent-decoded in Markdown links).
    public var target: String
    public var label: String?
    /// `#heading` part, if any.
    public var fragment: String?
    public var range: SourceRange
    /// `![[...]]` or `![alt](...)`: shown in place rather than linked.
    public var embed: Bool
    /// What the target names, decided once when the folder's references are
    /// resolved (nil before that, and for `[[#Heading]]`); the rules and the site read it.
    public var resolution: Resolution?

    /// The note id the target resolves to, when it names a note.
    public var resolved: String? {
        get { resolution?.noteID }
        set { resolution = newValue.map(Resolution.note) }
    }

    /// The file (path below the notes root) the target resolves to, when it names an attachment.
    public var attachment: String? {
        if case .attachment(let path) = resolution { return path }
        return nil
    }

    package init(style: Style, target: String, label: String? = nil, fragment: String? = nil, range: SourceRange,
                 embed: Bool = false, resolved: String? = nil) {
        self.style = style
        self.target = target
        self.label = label
        self.fragment = fragment
        self.range = range
        self.embed = embed
        self.resolution = resolved.map(Resolution.note)
    }
}
