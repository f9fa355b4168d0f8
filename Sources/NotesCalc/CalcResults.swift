import NotesModel
import NotesSupport

/// One ```calc block of a note.
public struct CalcBlockInput: Sendable, Hashable {
    /// The block's content: the lines between the fences.
    public var text: String
    /// 1-based file line of the block's first content line.
    public var firstLine: Int
    /// 1-based column where the content lines start (usually 1).
    public var column: Int

    /// Creates a block input.
    public init(text: String, firstLine: Int, column: Int = 1) {
        self.text = text
        self.firstLine = firstLine
        self.column = column
    }
}

/// One inline calculation: `` `=reduction -> %` `` in prose.
public struct CalcInlineInput: Sendable, Hashable {
    /// The code text after the leading `=`: `reduction -> %`.
    public var expression: String
    /// File line of the expression's first character.
    public var line: Int
    /// File column (UTF-8 bytes, 1-based) of the expression's first character.
    public var column: Int

    /// Creates an inline input.
    public init(expression: String, line: Int, column: Int) {
        self.expression = expression
        self.line = line
        self.column = column
    }
}

/// What another note exports to a `from NOTE-ID import ...` statement.
public enum CalcImportResult: Sendable, Equatable {
    /// The note's exported values by name; requested names missing here are reported.
    case values([String: CalcValue])
    /// The note cannot be imported: `no note 'x'`, `import cycle: a -> b -> a`.
    case failure(String)
}

/// Everything calculated for one note.
public struct CalcNoteResult: Sendable, Equatable {
    /// Every statement of every block, in order (blank and comment lines excluded).
    public var statements: [CalcStatementResult]
    /// Every inline calculation, in input order.
    public var inline: [CalcInlineResult]
    /// Every name the note assigns, with its final value, for other notes to import.
    public var exports: [String: CalcValue]
    /// Every problem, in statement order, then inline order.
    public var diagnostics: [CalcDiagnostic]

    /// Creates a note result.
    public init(statements: [CalcStatementResult] = [], inline: [CalcInlineResult] = [],
                exports: [String: CalcValue] = [:], diagnostics: [CalcDiagnostic] = []) {
        self.statements = statements
        self.inline = inline
        self.exports = exports
        self.diagnostics = diagnostics
    }
}

/// What a statement is.
public enum CalcStatementKind: Sendable, Hashable {
    /// `from NOTE-ID import a, b`.
    case importNames
    /// `unit NAME`.
    case unitDeclaration
    /// `name = expr`, with the name.
    case assignment(String)
    /// A bare expression, shown in the output.
    case expression
    /// `check A ≈ B`.
    case check
    /// A line that does not parse (its calc-syntax diagnostic says why).
    case invalid
}

/// One evaluated statement.
public struct CalcStatementResult: Sendable, Equatable {
    /// File line of the statement.
    public var line: Int
    /// File column (UTF-8 bytes) where the statement starts.
    public var column: Int
    /// The statement text without its comment and surrounding blanks.
    public var source: String
    /// What the statement is.
    public var kind: CalcStatementKind
    /// The value: assigned, shown, or (for a check) computed; nil on error and for imports and units.
    public var value: CalcValue?
    /// `value` formatted: `25.31 KiB`.
    public var display: String?
    /// The check's outcome, for `check` statements that evaluated.
    public var check: CalcCheckOutcome?

    /// Creates a statement result.
    public init(line: Int, column: Int, source: String, kind: CalcStatementKind,
                value: CalcValue? = nil, display: String? = nil, check: CalcCheckOutcome? = nil) {
        self.line = line
        self.column = column
        self.source = source
        self.kind = kind
        self.value = value
        self.display = display
        self.check = check
    }
}

/// One evaluated inline calculation.
public struct CalcInlineResult: Sendable, Equatable {
    /// File line of the expression.
    public var line: Int
    /// File column of the expression.
    public var column: Int
    /// The value, nil on error.
    public var value: CalcValue?
    /// `value` formatted: `93.34%`.
    public var display: String?

    /// Creates an inline result.
    public init(line: Int, column: Int, value: CalcValue? = nil, display: String? = nil) {
        self.line = line
        self.column = column
        self.value = value
        self.display = display
    }
}
