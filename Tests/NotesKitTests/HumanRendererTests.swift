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
}
