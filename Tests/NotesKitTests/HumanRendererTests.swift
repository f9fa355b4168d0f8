import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesCalc
@testable import NotesCheck
@testable import NotesGraph
@testable import NotesMarkdown
@testable import NotesModel
@testable import NotesParse
@testable import NotesSite
@testable import NotesSupport

/// The caret under a diagnostic lines up with the offending text whatever the
/// line holds before it: tabs stay tabs, multi-byte characters count once.
@Suite struct HumanRendererTests {
    func caret(_ line: String, column: Int, endColumn: Int) -> String {
        let d = Diagnostic(file: "a.md", range: SourceRange(line: 3, column: column, endLine: 3, endColumn: endColumn),
                           rule: .brokenLink, message: "m")
        let lines = HumanRenderer().render(d, line: line).split(separator: "\n", omittingEmptySubsequences: false)
        return String(lines[3])
    }

    @Test func asciiLine() {
        #expect(caret("see [[x]] here", column: 5, endColumn: 9) == "   | " + "    " + "^^^^^")
    }

    @Test func tabsAreKept() {
        #expect(caret("\t- [[x]]", column: 4, endColumn: 8) == "   | " + "\t  " + "^^^^^")
    }

    @Test func multiByteCharactersCountOnce() {
        // `é` is two bytes, `📝` four: columns are bytes, the caret counts characters.
        #expect(caret("é [[x]]", column: 4, endColumn: 8) == "   | " + "  " + "^^^^^")
        #expect(caret("a 📝 b", column: 3, endColumn: 6) == "   | " + "  " + "^")
        #expect(caret("a 👩‍💻 b", column: 3, endColumn: 13) == "   | " + "  " + "^")
    }

    @Test func withoutAnEndOneCaret() {
        let d = Diagnostic(file: "a.md", range: SourceRange(line: 1, column: 2, endLine: 2, endColumn: 1), rule: .brokenLink, message: "m")
        let lines = HumanRenderer().render(d, line: "abc").split(separator: "\n")
        #expect(lines[3] == "   |  ^")
    }

    /// The whole of one diagnostic, plain and on a terminal: where, what, the
    /// line with its number (several digits, so the gutter widens), the caret, the help.
    @Test func wholeDiagnosticPlainAndInColour() {
        let d = Diagnostic(file: "dir/a.md", range: SourceRange(line: 120, column: 5, endLine: 120, endColumn: 9),
                           rule: .brokenLink, message: "link [[x]] points to no note", suggestion: "did you mean [[y]]?")
        let plain = HumanRenderer(pathPrefix: "Notes/").render(d, line: "see [[x]] here")
        #expect(plain == """
            Notes/dir/a.md:120:5: error[broken-link]: link [[x]] points to no note
                 |
             120 | see [[x]] here
                 |     ^^^^^
              = help: did you mean [[y]]?

            """)
        let colour = HumanRenderer(pathPrefix: "Notes/", color: true).render(d, line: "see [[x]] here")
        #expect(colour == "\u{1B}[1mNotes/dir/a.md:120:5:\u{1B}[0m \u{1B}[1;31merror[broken-link]\u{1B}[0m: link [[x]] points to no note\n"
            + "     |\n 120 | see [[x]] here\n     |     \u{1B}[1;31m^^^^^\u{1B}[0m\n\u{1B}[1m  = help: \u{1B}[0mdid you mean [[y]]?\n")
        // Without a line to show, the heading and the help only.
        #expect(HumanRenderer().render(d, line: nil) == "dir/a.md:120:5: error[broken-link]: link [[x]] points to no note\n  = help: did you mean [[y]]?\n")
    }
}
