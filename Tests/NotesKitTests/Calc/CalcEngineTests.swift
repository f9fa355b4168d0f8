import Foundation
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

@Suite struct CalcEngineTests {
    @Test func evaluateExpressionForTheCommandLine() throws {
        let value = try CalcEngine.evaluateExpression("2.788M * $2").get()
        #expect(CalcEngine.format(value) == "$5.576M")
        #expect(value.value == 5_576_000)
        #expect(value.dimension == CalcDimension(base: "USD"))
        #expect(calcShow("1 - 207360 / 3112960 -> %") == "93.34%")
    }

    @Test func evaluateExpressionReportsColumnsFromOne() {
        #expect(calcError("2 * bti").map(calcBrief) == "calc-undefined 1:5-8 unknown name 'bti'")
        #expect(calcError("   ").map(calcBrief) == "calc-syntax 1:1-2 empty expression")
        #expect(calcError("x = 1").map(calcBrief) == "calc-syntax 1:3-4 unexpected '='; only a name can be assigned")
        #expect(calcError("$2 / gpu_hour").map(calcBrief) == "calc-undefined 1:6-14 unknown name 'gpu_hour'")
    }

    @Test func blocksShareOneScopeInOrderAndInlineRunsLast() {
        let blocks = [
            CalcBlockInput(text: "a = 2", firstLine: 10, column: 1),
            CalcBlockInput(text: "b = a * 3\nc = d", firstLine: 20, column: 1),
            CalcBlockInput(text: "d = 1", firstLine: 30, column: 1),
        ]
        let inline = [
            CalcInlineInput(expression: "b + d", line: 5, column: 9),
            CalcInlineInput(expression: "a -> %", line: 40, column: 3),
        ]
        let result = CalcEngine.evaluate(blocks: blocks, inline: inline) { _, _ in .failure("unused") }
        // `c = d` runs before `d` is defined; the inline expressions see every block.
        #expect(result.diagnostics.map(calcBrief) == ["calc-undefined 21:5-6 unknown name 'd'"])
        #expect(result.inline.map(\.display) == ["7", "200%"])
        #expect(result.inline.map(\.line) == [5, 40])
        #expect(result.inline.map(\.column) == [9, 3])
        #expect(result.inline[0].value?.value == 7)
    }

    @Test func statementResultsDescribeEachLine() {
        let result = calcRun("""
        # a comment line

          unit token        # declare
        n = 128k token
        n -> token
        check n ≈ 128k token
        from x import y
        oops (
        """, firstLine: 3, column: 5)
        #expect(result.statements.map(\.line) == [5, 6, 7, 8, 9, 10])
        #expect(result.statements.map(\.column) == [7, 5, 5, 5, 5, 5])
        #expect(result.statements.map(\.source) == ["unit token", "n = 128k token", "n -> token", "check n ≈ 128k token",
                                                    "from x import y", "oops ("])
        #expect(result.statements.map(\.kind) == [.unitDeclaration, .assignment("n"), .expression, .check, .importNames, .invalid])
        #expect(result.statements.map(\.display) == [nil, "128k token", "128k token", "128k token", nil, nil])
        #expect(result.statements[3].check?.passed == true)
        #expect(result.diagnostics.map(\.rule) == ["calc-import", "calc-syntax"])
    }

    @Test func conversionSetsTheDisplayUnitOfAnAssignment() {
        let result = calcRun("kv = (512 + 64) * 60 * 6 bit -> KiB\nkv\nkv * 2")
        #expect(result.statements.map(\.display) == ["25.31 KiB", "25.31 KiB", "50.63 KiB"])
        #expect(result.exports["kv"]?.displayUnit?.name == "KiB")
        #expect(result.exports["kv"]?.value == 207_360)
    }

    @Test func emptyInputGivesAnEmptyResult() {
        let result = CalcEngine.evaluate(blocks: [], inline: []) { _, _ in .values([:]) }
        #expect(result.statements.isEmpty)
        #expect(result.inline.isEmpty)
        #expect(result.exports.isEmpty)
        #expect(result.diagnostics.isEmpty)
        #expect(calcRun("").statements.isEmpty)
    }

    @Test func inlineExpressionsCannotAssignOrCheck() {
        let result = calcRun("x = 1", inline: [
            CalcInlineInput(expression: "y = 2", line: 9, column: 4),
            CalcInlineInput(expression: "x", line: 9, column: 20),
        ])
        #expect(result.diagnostics.map(calcBrief) == ["calc-syntax 9:6-7 unexpected '='; only a name can be assigned"])
        #expect(result.inline.map(\.display) == [nil, "1"])
        #expect(result.exports.keys.sorted() == ["x"])
    }

    @Test func valuesRoundTripThroughJSON() throws {
        let value = try CalcEngine.evaluateExpression("(512 + 64) * 60 * 6 bit -> KiB").get()
        let data = try JSONEncoder().encode(value)
        let decoded = try JSONDecoder().decode(CalcValue.self, from: data)
        #expect(decoded == value)
        #expect(CalcEngine.format(decoded) == "25.31 KiB")
    }

    @Test func valuesFromOtherNotesCombineByBaseUnitName() {
        // Another note's `unit gpu_hour` value and this note's are the same dimension.
        let theirs = CalcValue(2.664e6, dimension: CalcDimension(base: "gpu_hour"))
        let result = calcRun("from v3 import pre\nunit gpu_hour\ntotal = pre + 124k gpu_hour\ntotal",
                             imports: ["v3": .values(["pre": theirs])])
        #expect(result.diagnostics.isEmpty)
        #expect(calcDisplay(result, "total") == "2.788M gpu_hour")
    }
}
