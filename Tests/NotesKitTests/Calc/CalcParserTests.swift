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

@Suite struct CalcParserTests {
    private func parse(_ text: String) throws -> CalcStatementSyntax {
        let line = try #require(CalcParser.statementLine(Array(text.utf8), number: 1, column: 1))
        return try CalcParser.parseStatement(line)
    }

    @Test func precedenceAndAssociativity() {
        #expect(calcValue("2 + 3 * 4") == 14)
        #expect(calcValue("(2 + 3) * 4") == 20)
        #expect(calcValue("2 ^ 3 ^ 2") == 512)
        #expect(calcValue("-2 ^ 2") == -4)
        #expect(calcValue("2 ^ -1") == 0.5)
        #expect(calcValue("-2 * 3") == -6)
        #expect(calcValue("8 / 4 / 2") == 1)
        #expect(calcValue("10 - 4 - 3") == 3)
        #expect(calcValue("- - 3") == 3)
        #expect(calcValue("+3") == 3)
        #expect(calcValue("2 × 3 · 4 ÷ 8 − 1") == 2)
        #expect(calcValue("2 ** 10") == 1024)
    }

    @Test func plusMinusOutsideACheckIsPlusThenMinus() {
        #expect(calcValue("5 +- 2") == 3)
        #expect(calcValue("2 * 3 +- 1") == 5)
    }

    @Test func implicitMultiplicationByAUnit() {
        #expect(calcValue("16 bit") == 16)
        #expect(calcValue("2 KiB") == 16_384)
        #expect(calcValue("(1 + 1) byte") == 16)
        #expect(calcValue("100 MB / 2 s") == 4e8)
        #expect(calcValue("$2 / h") == 2.0 / 3600)
    }

    @Test func minIsAFunctionBeforeParenthesesAndAUnitOtherwise() {
        #expect(calcValue("min(3, 1, 2)") == 1)
        #expect(calcValue("5 min") == 300)
        #expect(calcValue("max(5 min, 1 h) -> min") == 3600)
        #expect(calcShow("max(5 min, 1 h)") == "1 h")
    }

    @Test func statementKinds() throws {
        guard case .assignment("kv", _, let e, nil) = try parse("kv = 16 bit") else { Issue.record("not an assignment"); return }
        #expect(e.text == "16 bit")
        guard case .expression(_, let c?) = try parse("kv -> KiB") else { Issue.record("no conversion"); return }
        #expect(c.text == "KiB")
        guard case .unitDeclaration("gpu_hour", _) = try parse("unit gpu_hour") else { Issue.record("not a unit"); return }
        guard case .importNames(let note, _, let names) = try parse("from papers/deepseek-v2.1_x import a, b") else {
            Issue.record("not an import"); return
        }
        #expect(note == "papers/deepseek-v2.1_x")
        #expect(names.map(\.0) == ["a", "b"])
    }

    @Test func checkParts() throws {
        guard case .check(let c) = try parse("check cost ≈ $5.5M ± $0.1M for 04-big-llm") else { Issue.record("not a check"); return }
        #expect(c.computed.text == "cost")
        #expect(c.comparison == .approximately)
        #expect(c.stated.text == "$5.5M")
        #expect(c.statedText == "$5.5M")
        #expect(c.tolerance?.text == "$0.1M")
        #expect(c.forNote == "04-big-llm")
        #expect(c.isAbout == false)

        guard case .check(let about) = try parse("check x ~= ~93%") else { Issue.record("not a check"); return }
        #expect(about.isAbout)
        #expect(about.statedText == "~93%")
        #expect(about.stated.text == "93%")

        guard case .check(let plusMinus) = try parse("check x == 5 bit +- 1 bit") else { Issue.record("not a check"); return }
        #expect(plusMinus.stated.text == "5 bit")
        #expect(plusMinus.tolerance?.text == "1 bit")
    }

    @Test func singleLiteralDetection() throws {
        func stated(_ text: String) throws -> CalcExpression {
            guard case .check(let c) = try parse("check x ≈ " + text) else { throw CalcDiagnostic(rule: "", message: "", line: 0, column: 0) }
            return c.stated
        }
        #expect(try stated("93%").singleLiteral?.isPercent == true)
        #expect(try stated("$5.5M").singleLiteral?.isDollar == true)
        #expect(try stated("2.788M gpu_hour").singleLiteral?.unitName == "gpu_hour")
        #expect(try stated("-3").singleLiteral?.value == -3)
        #expect(try stated("3 / 4").singleLiteral == nil)
        #expect(try stated("(3)").singleLiteral?.value == 3)
    }

    @Test func commentsAndBlanksAreNotStatements() {
        #expect(CalcParser.statementLine(Array("   # only a comment".utf8), number: 1, column: 1) == nil)
        #expect(CalcParser.statementLine(Array(" \t\r".utf8), number: 1, column: 1) == nil)
        #expect(CalcParser.statementLine(Array("  x = 1  # c".utf8), number: 1, column: 1)?.source == "x = 1")
    }

    @Test func nestingUpToTheLimitParses() {
        let depth = CalcExpressionParser.maxNesting
        let text = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(calcValue(text) == 1)
        let tooDeep = "(" + text + ")"
        #expect(calcError(tooDeep).map(calcBrief) == "calc-syntax 1:201-202 nesting too deep (more than 200 levels)")
    }

    @Test func functionsNestAndTakeArguments() {
        #expect(calcValue("max(1, min(5, 3), abs(-2))") == 3)
        #expect(calcValue("round(2.5) + floor(2.7) + ceil(2.1)") == 8)
        #expect(calcValue("sqrt(16) + log2(8) + log10(1000)") == 10)
        #expect(calcCloseTo(calcValue("ln(2.718281828459045)"), 1))
        #expect(calcError("min()").map(calcBrief) == "calc-syntax 1:1-4 min takes at least 1 argument")
    }
}
