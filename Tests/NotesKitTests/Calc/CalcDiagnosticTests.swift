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

/// Every rule at its exact file position: block lines start at line 20, column 3
/// (a block indented under a list item), columns count UTF-8 bytes.
@Suite struct CalcDiagnosticTests {
    private func diagnostics(_ text: String) -> [String] {
        calcRun(text, firstLine: 20, column: 3).diagnostics.map(calcBrief)
    }

    @Test func everyRuleAtItsPosition() {
        let result = calcRun("""
        x = 16 bti
        y = 16 bit + $3
        z = 1 / 0
        w = (1 +
        check x ≈ 2
        check 2 ≈ 3
        from nowhere import a
        sqr(4)
        """, firstLine: 20, column: 3)
        #expect(result.diagnostics.map(calcBrief) == [
            "calc-undefined 20:10-13 unknown unit 'bti'",
            "calc-units 21:14-15 cannot add bit and USD",
            "calc-math 22:9-10 division by zero",
            "calc-syntax 23:10-11 expected a value after '+'",
            "claim-failed 25:15-16 value = 2, stated 3 (2.5..3.5)",
            "calc-import 26:8-15 no note 'nowhere'",
            "calc-undefined 27:3-6 unknown function 'sqr'",
        ])
        #expect(result.diagnostics.map(\.suggestion)[0] == "did you mean 'bit'?")
        #expect(result.diagnostics.map(\.suggestion)[6] == "did you mean 'sqrt'?")
        #expect(result.diagnostics.allSatisfy { $0.endLine == $0.line })
    }

    @Test func commentsAndBlankLinesKeepLineNumbers() {
        #expect(diagnostics("# heading comment\n\n   \nq = 1 +  # trailing") == ["calc-syntax 23:9-10 expected a value after '+'"])
    }

    @Test func columnsCountUTF8Bytes() {
        #expect(diagnostics("αβ = 2\nαβ + bti") == ["calc-undefined 21:10-13 unknown name 'bti'"])
        #expect(diagnostics("check 1 ≈ 2 ≈ 3") == ["calc-syntax 20:17-20 unexpected '≈'; a check takes one comparison"])
    }

    @Test func crlfLinesKeepColumns() {
        #expect(diagnostics("a = 1\r\nb = a +\r\n") == ["calc-syntax 21:9-10 expected a value after '+'"])
    }

    @Test func unknownNamesSuggestNamesInScope() {
        let result = calcRun("kv_v2 = 1\nkv_v3 + 1", firstLine: 20, column: 3)
        #expect(result.diagnostics.map(calcBrief) == ["calc-undefined 21:3-8 unknown name 'kv_v3'"])
        #expect(result.diagnostics.first?.suggestion == "did you mean 'kv_v2'?")
    }

    @Test func unknownUnitsSuggestUnitsIgnoringCase() {
        let result = calcRun("16 kib", firstLine: 20, column: 3)
        #expect(result.diagnostics.map(calcBrief) == ["calc-undefined 20:6-9 unknown unit 'kib'"])
        #expect(result.diagnostics.first?.suggestion == "did you mean 'KiB'?")
    }

    @Test func farMissesGetNoSuggestion() {
        let result = calcRun("x + 1", firstLine: 20, column: 3)
        #expect(result.diagnostics.map(calcBrief) == ["calc-undefined 20:3-4 unknown name 'x'"])
        #expect(result.diagnostics.first?.suggestion == nil)
    }

    @Test func conversionErrorsPointAtTheTargetUnit() {
        #expect(diagnostics("16 bit -> USD") == ["calc-units 20:13-16 cannot convert bit to USD"])
        #expect(diagnostics("16 bit -> %") == ["calc-units 20:13-14 cannot convert bit to %"])
        #expect(diagnostics("16 bit -> KiX") == ["calc-undefined 20:13-16 unknown unit 'KiX'"])
        #expect(diagnostics("16 bit ->") == ["calc-syntax 20:10-12 expected a unit after '->'"])
    }

    @Test func mathErrorsPointAtTheOperator() {
        #expect(diagnostics("2 ^ 2 ^ 2 ^ 2 ^ 2 ^ 2") == ["calc-math 20:9-10 result is too large (overflow)"])
        #expect(diagnostics("10 ^ 400") == ["calc-math 20:6-7 result is too large (overflow)"])
        #expect(diagnostics("1e400") == ["calc-math 20:3-8 number is too large"])
        #expect(diagnostics("sqrt(0 - 4)") == ["calc-math 20:3-7 square root of a negative number"])
        #expect(diagnostics("ln(0)") == ["calc-math 20:3-5 logarithm of zero"])
        #expect(diagnostics("(0 - 8) ^ 0.5") == ["calc-math 20:11-12 result is not a number (NaN)"])
        #expect(diagnostics("1 bit -> TiB^64") == ["calc-math 20:12-18 unit 'TiB^64' is too large or too small"])
        #expect(diagnostics("0 ^ -1") == ["calc-math 20:5-6 division by zero (0 to a negative power)"])
    }

    @Test func unitErrorsNameBothDimensions() {
        #expect(diagnostics("1 KiB - 2 s") == ["calc-units 20:9-10 cannot subtract s from bit"])
        #expect(diagnostics("$1 + 1") == ["calc-units 20:6-7 cannot add USD and a plain number"])
        #expect(diagnostics("2 ^ (1 bit)") == ["calc-units 20:5-6 an exponent must be a plain number, not bit"])
        #expect(diagnostics("(2 bit) ^ 0.5") == ["calc-units 20:11-12 cannot raise bit to the power 0.5; units need whole powers"])
        #expect(diagnostics("ln(2 bit)") == ["calc-units 20:3-5 ln needs a plain number, not bit"])
        #expect(diagnostics("sqrt(2 bit)") == ["calc-units 20:3-7 cannot take the square root of bit"])
        #expect(diagnostics("max(1 bit, $1)") == ["calc-units 20:3-6 cannot compare bit and USD in max"])
    }

    @Test func syntaxErrors() {
        #expect(diagnostics("(1 + 2") == ["calc-syntax 20:3-4 '(' is never closed"])
        #expect(diagnostics("1 + 2)") == ["calc-syntax 20:8-9 unexpected ')'"])
        #expect(diagnostics("2 3") == ["calc-syntax 20:5-6 expected an operator before '3'"])
        #expect(diagnostics("a b = 1") == ["calc-syntax 20:5-6 expected an operator before 'b'"])
        #expect(diagnostics("x = 2 @ 3") == ["calc-syntax 20:9-10 unexpected character '@'"])
        #expect(diagnostics("1 == 1") == ["calc-syntax 20:5-7 unexpected '=='; write comparisons as 'check A == B'"])
        #expect(diagnostics("2 = 1") == ["calc-syntax 20:5-6 unexpected '='; only a name can be assigned"])
        #expect(diagnostics("check = 1") == ["calc-syntax 20:3-8 'check' is a keyword and cannot name a value"])
        #expect(diagnostics("check 1") == ["calc-syntax 20:10-11 expected a comparison (≈ == != < <= > >=) after '1', found end of line"])
        #expect(diagnostics("check") == ["calc-syntax 20:3-8 expected 'check A ≈ B' after 'check'"])
        #expect(diagnostics("check 1 < 2 ± 1") == ["calc-syntax 20:11-12 a tolerance ('~' or '±') only applies to ≈ and =="])
        #expect(diagnostics("check 1 ≈ ~1 ± 1") == ["calc-syntax 20:18-20 use either '~' or '±', not both"])
        #expect(diagnostics("check 1 ≈ 1 for") == ["calc-syntax 20:17-20 expected a note id after 'for'"])
        #expect(diagnostics("check 1 ≈ 1 for a b") == ["calc-syntax 20:23-24 unexpected 'b' after the note id"])
        #expect(diagnostics("unit") == ["calc-syntax 20:7-8 expected a unit name after 'unit', found end of line"])
        #expect(diagnostics("unit a b") == ["calc-syntax 20:10-11 unexpected 'b'"])
        #expect(diagnostics("unit bit") == ["calc-syntax 20:8-11 'bit' is already a built-in unit"])
        #expect(diagnostics("5%%") == ["calc-syntax 20:5-6 '%' must follow a number; to show a value as a percentage write '-> %'"])
        #expect(diagnostics("sqrt(1, 2)") == ["calc-syntax 20:3-7 sqrt takes 1 argument, not 2"])
        #expect(diagnostics("(1, 2)") == ["calc-syntax 20:5-6 unexpected ',' outside a function call"])
        #expect(diagnostics("for") == ["calc-syntax 20:3-6 unexpected 'for' at the start of a statement"])
    }

    @Test func importSyntaxErrors() {
        #expect(diagnostics("from a") == ["calc-syntax 20:9-10 expected 'import' after the note id"])
        #expect(diagnostics("from a:b import x") == ["calc-syntax 20:9-10 unexpected ':' in the note id"])
        #expect(diagnostics("from a export x") == ["calc-syntax 20:10-16 expected 'import' after the note id"])
        #expect(diagnostics("from a import") == ["calc-syntax 20:10-16 expected a name to import after 'import'"])
        #expect(diagnostics("from a import x,") == ["calc-syntax 20:18-19 expected a name after ','"])
        #expect(diagnostics("from a import x y") == ["calc-syntax 20:19-20 expected ',' between imported names"])
    }

    @Test func inlineDiagnosticsUseTheInlinePosition() {
        let result = calcRun("reduction = 0.5", inline: [
            CalcInlineInput(expression: "reductio -> %", line: 40, column: 12),
            CalcInlineInput(expression: "", line: 41, column: 7),
            CalcInlineInput(expression: "reduction ->", line: 42, column: 2),
        ])
        #expect(result.diagnostics.map(calcBrief) == [
            "calc-undefined 40:12-20 unknown name 'reductio'",
            "calc-syntax 41:7-8 empty calculation after '='",
            "calc-syntax 42:12-14 expected a unit after '->'",
        ])
        #expect(result.diagnostics.first?.suggestion == "did you mean 'reduction'?")
        #expect(result.inline.map(\.display) == [nil, nil, nil])
    }

    @Test func failuresDoNotCascade() {
        // `a` failed, so its uses are silent: one problem, one diagnostic.
        let result = calcRun("a = 1 / 0\nb = a * 2\ncheck b ≈ 3\nb -> %")
        #expect(result.diagnostics.map(\.rule) == ["calc-math"])
        #expect(result.statements.map(\.value) == [nil, nil, nil, nil])
        #expect(result.exports.isEmpty)

        let unparsed = calcRun("a = (1 +\nb = a * 2")
        #expect(unparsed.diagnostics.map(\.rule) == ["calc-syntax"])
    }
}
