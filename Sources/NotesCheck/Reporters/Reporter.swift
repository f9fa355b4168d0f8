import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// What a lint run found, ready for a reporter.
public struct LintReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var filesChecked: Int
    /// The notes folder as the user named it (`Notes`), prefixed to file paths
    /// so they are relative to the current folder (the repository root in CI).
    public var root: String
    /// The text of a source line, for carets and column conversions.
    public var sourceLine: @Sendable (_ file: String, _ line: Int) -> String?
    /// Numeric and verified claims (DESIGN §9), which every format reports.
    public var claims: ClaimCoverage

    public init(diagnostics: [Diagnostic], filesChecked: Int, root: String, claims: ClaimCoverage = ClaimCoverage(),
                sourceLine: @escaping @Sendable (String, Int) -> String?) {
        self.diagnostics = diagnostics
        self.filesChecked = filesChecked
        self.root = root
        self.claims = claims
        self.sourceLine = sourceLine
    }

    /// `Notes/x.md` for file `x.md` under root `Notes` (or `./Notes/`).
    public func displayPath(_ file: String) -> String {
        var prefix = root
        while prefix.hasPrefix("./") { prefix.removeFirst(2) }
        if prefix == "." || prefix.isEmpty { return file }
        return prefix.hasSuffix("/") ? prefix + file : prefix + "/" + file
    }
}

/// Turns a lint report into one output format (DESIGN §4).
public protocol Reporter {
    /// The report in the format, as the bytes written out (UTF-8): lint
    /// writes them as they are, without making a string of tens of megabytes.
    func bytes(_ report: LintReport) -> [UInt8]
}

extension Reporter {
    /// The report in the format, as text.
    public func render(_ report: LintReport) -> String { String(decoding: bytes(report), as: UTF8.self) }
}

/// The formats of `notesc lint --format`.
public enum LintFormat: String, CaseIterable, Sendable {
    case human, json, sarif, github

    public func reporter(color: Bool = false) -> any Reporter {
        switch self {
        case .human: HumanReporter(color: color)
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        }
    }
}
