/// A lint rule: a fixed id (DESIGN §4), its default severity, and what it checks.
public struct Rule: Hashable, Sendable {
    public let id: String
    public let defaultSeverity: Severity
    public let summary: String

    public static let brokenConnection = Rule(id: "broken-connection", defaultSeverity: .error, summary: "A Connections target that is no note id.")
    public static let brokenLink = Rule(id: "broken-link", defaultSeverity: .error, summary: "A [[wikilink]] or relative .md link to no note.")
    public static let duplicateID = Rule(id: "duplicate-id", defaultSeverity: .error, summary: "Two files whose ids differ only in case.")
    public static let ambiguousReference = Rule(id: "ambiguous-reference", defaultSeverity: .error, summary: "A reference by stem that several notes share.")
    public static let selfConnection = Rule(id: "self-connection", defaultSeverity: .warning, summary: "A note connects to itself.")
    public static let duplicateConnection = Rule(id: "duplicate-connection", defaultSeverity: .warning, summary: "The same connection target twice.")
    public static let missingTitle = Rule(id: "missing-title", defaultSeverity: .error, summary: "No H1 title (an empty file included).")
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
    /// Not in the DESIGN table: a file notesc could not read, or a symlink it will not follow.
    public static let unreadableFile = Rule(id: "unreadable-file", defaultSeverity: .error, summary: "A note file that cannot be read, or a symlink leaving the notes folder.")
    /// Not in the DESIGN table: nesting deeper than notesc keeps.
    public static let nestingLimit = Rule(id: "nesting-limit", defaultSeverity: .warning, summary: "Markdown nested deeper than notesc keeps; the deeper part is dropped.")

    /// Every rule, in the DESIGN §4 order.
    public static let all: [Rule] = [
        brokenConnection, brokenLink, duplicateID, ambiguousReference, selfConnection, duplicateConnection,
        missingTitle, missingSection, emptySection, unknownSection, missingVerdict, duplicateVerdict,
        thinComparison, badMetadata, mojibake, invalidEncoding, calcSyntax, calcUndefined, calcUnits,
        calcMath, calcImport, claimFailed, oneWayConnection, orphanNote, unreadableFile, nestingLimit,
    ]

    public static func named(_ id: String) -> Rule? { all.first { $0.id == id } }
}
