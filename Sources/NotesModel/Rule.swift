import NotesSupport

/// A lint rule: a fixed id (DESIGN §4), its default severity, and what it checks.
public struct Rule: Hashable, Sendable {
    public let id: String
    public let defaultSeverity: Severity
    public let summary: String
    /// Why the rule exists and how to fix what it reports (SARIF help text).
    public var help: String { Self.helpTexts[id] ?? summary }

    public static let brokenConnection = Rule(id: "broken-connection", defaultSeverity: .error, summary: "A Connections target that is no note id.")
    public static let brokenLink = Rule(id: "broken-link", defaultSeverity: .error, summary: "A [[wikilink]] or relative .md link to no note.")
    public static let brokenAnchor = Rule(id: "broken-anchor", defaultSeverity: .warning, summary: "A #heading or #^block that the target note does not have.")
    public static let unclosedComment = Rule(id: "unclosed-comment", defaultSeverity: .warning, summary: "A %% that opens a comment never closed: the rest of the note is hidden.")
    public static let draftLink = Rule(id: "draft-link", defaultSeverity: .info, summary: "A link or connection to a draft or unpublished note (shown as text on the site).")
    public static let embedCycle = Rule(id: "embed-cycle", defaultSeverity: .error, summary: "Notes that embed each other in a circle.")
    public static let droppedHTML = Rule(id: "dropped-html", defaultSeverity: .info, summary: "Raw HTML left out of the page in safe mode; names the tag.")
    public static let duplicateID = Rule(id: "duplicate-id", defaultSeverity: .error, summary: "Two files whose ids differ only in case.")
    public static let ambiguousReference = Rule(id: "ambiguous-reference", defaultSeverity: .error, summary: "A reference by stem that several notes share.")
    public static let selfConnection = Rule(id: "self-connection", defaultSeverity: .warning, summary: "A note connects to itself.")
    public static let duplicateConnection = Rule(id: "duplicate-connection", defaultSeverity: .warning, summary: "The same connection target twice.")
    public static let missingTitle = Rule(id: "missing-title", defaultSeverity: .warning, summary: "A study note with no title or H1, or an empty file (plain notes take their file name).")
    public static let missingSection = Rule(id: "missing-section", defaultSeverity: .warning, summary: "A study note lacks TL;DR, Key Comparisons or Connections.")
    public static let emptySection = Rule(id: "empty-section", defaultSeverity: .warning, summary: "A known section with no content.")
    public static let unknownSection = Rule(id: "unknown-section", defaultSeverity: .info, summary: "An H2 heading that is not a known section.")
    public static let missingVerdict = Rule(id: "missing-verdict", defaultSeverity: .warning, summary: "A comparison topic without a Verdict bullet.")
    public static let duplicateVerdict = Rule(id: "duplicate-verdict", defaultSeverity: .warning, summary: "Two Verdict bullets in one topic.")
    public static let thinComparison = Rule(id: "thin-comparison", defaultSeverity: .warning, summary: "A topic comparing fewer than two subjects.")
    public static let badMetadata = Rule(id: "bad-metadata", defaultSeverity: .error, summary: "An invalid or impossible date, or a malformed metadata line.")
    public static let mojibake = Rule(id: "mojibake", defaultSeverity: .warning, summary: "Mis-decoded text such as üìù (Mac Roman) or â€™ (Windows-1252).")
    public static let invalidEncoding = Rule(id: "invalid-encoding", defaultSeverity: .error, summary: "A file that is not valid UTF-8 text.")
    public static let calcSyntax = Rule(id: "calc-syntax", defaultSeverity: .error, summary: "A calc statement that does not parse.")
    public static let calcUndefined = Rule(id: "calc-undefined", defaultSeverity: .error, summary: "An unknown name, unit or function in a calc block.")
    public static let calcUnits = Rule(id: "calc-units", defaultSeverity: .error, summary: "A dimension mismatch in a calculation.")
    public static let calcMath = Rule(id: "calc-math", defaultSeverity: .error, summary: "Division by zero, overflow, NaN or a limit hit in a calculation.")
    public static let calcImport = Rule(id: "calc-import", defaultSeverity: .error, summary: "A calc import of a missing note or name, or an import cycle.")
    public static let claimFailed = Rule(id: "claim-failed", defaultSeverity: .error, summary: "A check that does not hold.")
    public static let oneWayConnection = Rule(id: "one-way-connection", defaultSeverity: .info, summary: "A connects to B, but B does not connect back.")
    public static let orphanNote = Rule(id: "orphan-note", defaultSeverity: .info, summary: "A note with no connections in or out.")
    public static let conflictingClaims = Rule(id: "conflicting-claims", defaultSeverity: .warning,
                                               summary: "Two claims about one system in one topic whose numbers cannot both hold.")
    public static let queryError = Rule(id: "query-error", defaultSeverity: .error, summary: "A query block that SQLite rejects, or that breaks its time limit.")
    /// Not in the DESIGN table: a file notesc could not read, or a symlink it will not follow.
    public static let unreadableFile = Rule(id: "unreadable-file", defaultSeverity: .error, summary: "A note file that cannot be read, or a symlink leaving the notes folder.")
    /// Not in the DESIGN table: nesting deeper than notesc keeps.
    public static let nestingLimit = Rule(id: "nesting-limit", defaultSeverity: .warning, summary: "Markdown nested deeper than notesc keeps; the deeper part is dropped.")

    /// Every rule, in the DESIGN §4 order.
    public static let all: [Rule] = [
        brokenConnection, brokenLink, brokenAnchor, embedCycle, draftLink, droppedHTML, duplicateID, ambiguousReference, selfConnection, duplicateConnection,
        missingTitle, missingSection, emptySection, unknownSection, missingVerdict, duplicateVerdict,
        thinComparison, badMetadata, mojibake, invalidEncoding, calcSyntax, calcUndefined, calcUnits,
        calcMath, calcImport, claimFailed, oneWayConnection, orphanNote, conflictingClaims, queryError, unreadableFile, nestingLimit, unclosedComment,
    ]

    public static func named(_ id: String) -> Rule? { all.first { $0.id == id } }

    private static let helpTexts: [String: String] = [
        unclosedComment.id: "Obsidian's `%%` opens a comment that runs to the next `%%`; with none, everything after it is a comment, hidden from the page, search and records (as Obsidian hides it). Close it with `%%` where the private part ends.",
        brokenAnchor.id: "A link to a heading (`[[Note#Heading]]`, `[[#Heading]]`, `[text](note.md#heading)`) or a block (`[[Note#^id]]`) that the note does not have, often a heading renamed since. The message suggests the nearest heading; link to it, or give the block its id (` ^id` at the end of the paragraph).",
        brokenConnection.id: "Each Connections bullet must name an existing note by its id (path without .md) or by a stem only one note has. Fix the id (the message suggests the nearest one) or create the note.",
        brokenLink.id: "A [[wikilink]] or relative .md link must resolve to a note in the folder. Fix the target or create the note.",
        duplicateID.id: "Note ids are paths without .md; two that differ only in case collide on case-insensitive disks and web servers. Rename one file.",
        ambiguousReference.id: "A reference by file stem is ambiguous when notes in several folders share that stem. Write the full id (folder/stem).",
        selfConnection.id: "A note listing itself under Connections adds nothing. Remove the bullet.",
        duplicateConnection.id: "Each connected note should appear once. Merge the reasons into one bullet.",
        missingTitle.id: "A study note starts with an H1 heading (# Title), which names its page; a YAML front matter title also counts. A plain note without one is titled by its file name, as in Obsidian.",
        missingSection.id: "A study note (one with any study section) has a TL;DR, Key Comparisons and Connections section.",
        emptySection.id: "A known section heading with nothing under it. Write the section or remove the heading.",
        unknownSection.id: "H2 headings outside the study sections are kept as generic sections; a near miss of a known one (Conections) is probably a typo.",
        missingVerdict.id: "Each ### topic under Key Comparisons ends with '- **Verdict**: which wins and why'.",
        duplicateVerdict.id: "A topic has one verdict. Merge them.",
        thinComparison.id: "A comparison needs at least two subjects ('- **Subject**: claim' bullets).",
        badMetadata.id: "Metadata lines read '**Key**: value'; dates are real dates written YYYY-MM-DD; front matter is valid YAML.",
        mojibake.id: "Text that was UTF-8 but was decoded as Mac Roman (üìù for 📝) or Windows-1252 (â€™ for ’) somewhere along the way. 'notesc lint --fix' repairs it in place.",
        invalidEncoding.id: "Notes are UTF-8 text without NUL bytes. Re-save the file as UTF-8.",
        calcSyntax.id: "A statement in a calc block does not parse. See the calc language in the README.",
        calcUndefined.id: "A calc statement uses a name, unit or function that is not defined (the message suggests the nearest).",
        calcUnits.id: "Adding, comparing or converting values of different dimensions (bit and USD) is an error.",
        calcMath.id: "Division by zero, overflow, NaN or an evaluation limit.",
        calcImport.id: "'from NOTE import a, b' needs an existing note that defines those names, and no import cycle.",
        claimFailed.id: "A check does not hold: the computed value is outside the stated value's precision or tolerance.",
        oneWayConnection.id: "A connects to B but B does not connect back; add the reverse connection if it makes sense.",
        orphanNote.id: "A note with no connections or links in or out is hard to find.",
        conflictingClaims.id: "Two claims about the same system under the same topic (in one note or two) give numbers in the same unit whose ranges at written precision do not overlap: `$5.5M` means $5.45M..$5.55M, `128k` 127.5k..128.5k, `~130k` ±10%, `1M+` 1M and up. Correct one of them, or write a rounded figure as approximate (`~$5.5M`) or as a lower bound (`1M+`).",
        droppedHTML.id: "The site renders Markdown with cmark-gfm's safe mode, which leaves raw HTML (an HTML block, an inline tag) out of the page; the text inside an HTML block goes with it. HTML comments are not reported. Write the content in Markdown, or build with --unsafe-html to pass HTML through.",
        embedCycle.id: "![[Note]] shows another note (or a heading's section, or a block) in place. When notes embed each other in a circle (A embeds B, which embeds A; or A embeds itself), the page shows each part once and stops the embed where it would repeat, with a note saying so. Link to the note instead of embedding it ([[Note]]), or remove one of the embeds.",
        draftLink.id: "A note with front matter draft: true or publish: false is left out of the site; links to it from published notes read as plain text there. Publish the note, or unlink it.",
        unreadableFile.id: "A note file that cannot be read, or a symlink that leaves the notes folder (not followed).",
        queryError.id: "A ```query block holds one read-only SQL SELECT over the folder's database (tables nodes, edges, claims, quantities, graph and the view facts; see docs/graph.md). Writes, ATTACH, PRAGMA and more than one statement are refused; a query is stopped after about a second. The message is SQLite's; try the query with `notesc query 'SQL'`.",
        nestingLimit.id: "Markdown nested deeper than 256 levels is cut; the deeper part is not shown.",
    ]
}
