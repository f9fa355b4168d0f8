import NotesSupport

/// The evaluated calculations of one note: every calc statement with its
/// value, every check with its outcome, every inline `=expr`.
public struct NoteCalc: Codable, Sendable {
    public var statements: [CalcStatementRecord]
    public var inline: [InlineCalcRecord]

    public init(statements: [CalcStatementRecord], inline: [InlineCalcRecord]) {
        self.statements = statements
        self.inline = inline
    }
}

/// One statement of a calc block, as evaluated.
public struct CalcStatementRecord: Codable, Sendable {
    /// File line of the statement.
    public var line: Int
    /// The statement as written, without its comment.
    public var source: String
    /// The formatted value (`93.34%`, `25.31 KiB`), when the statement has one.
    public var display: String?
    public var check: CheckRecord?
    /// The diagnostic message when the statement failed to evaluate.
    public var error: String?

    public init(line: Int, source: String, display: String?, check: CheckRecord?, error: String?) {
        self.line = line; self.source = source; self.display = display; self.check = check; self.error = error
    }
}

/// The outcome of a `check`.
public struct CheckRecord: Codable, Sendable {
    public var passed: Bool
    /// The computed value, formatted.
    public var computed: String
    /// The stated value as written (`93%`).
    public var stated: String
    /// The accepted interval (`92.5%..93.5%`), for `≈` checks.
    public var interval: String?
    /// The note whose claims this check verifies (`check … for NOTE-ID`), resolved.
    public var forNote: String?

    public init(passed: Bool, computed: String, stated: String, interval: String?, forNote: String?) {
        self.passed = passed; self.computed = computed; self.stated = stated; self.interval = interval; self.forNote = forNote
    }
}

/// An inline `` `=expr` `` and its formatted value.
public struct InlineCalcRecord: Codable, Sendable {
    public var range: SourceRange
    public var expression: String
    public var display: String?

    public init(range: SourceRange, expression: String, display: String?) {
        self.range = range; self.expression = expression; self.display = display
    }
}
