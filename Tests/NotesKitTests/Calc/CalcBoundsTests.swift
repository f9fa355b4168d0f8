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

/// Runaway input gives an error, never a hang or a crash. How fast it must
/// stay is a budget in `scripts/bench.sh` (the same inputs through
/// `notesc calc`), not a clock here: a busy machine would fail it.
@Suite struct CalcBoundsTests {
    @Test func tenThousandDeepParenthesesIsTooDeepNotAStackOverflow() {
        let text = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let result = calcRun("x = " + text, firstLine: 3)
        #expect(result.diagnostics.map(calcBrief) == ["calc-syntax 3:205-206 nesting too deep (more than 200 levels)"])
        #expect(calcError(String(repeating: "(", count: 10_000))?.message == "nesting too deep (more than 200 levels)")
        #expect(calcError(String(repeating: "sqrt(", count: 10_000))?.message == "nesting too deep (more than 200 levels)")
    }

    @Test func longOperatorChainsEvaluateWithoutRecursion() {
        let sum = Array(repeating: "1", count: 20_000).joined(separator: "+")
        #expect(calcValue(sum) == 20_000)
        let negations = String(repeating: "-", count: 30_001) + "1"
        #expect(calcValue(negations) == -1)
        let powers = Array(repeating: "1", count: 20_000).joined(separator: "^")
        #expect(calcValue(powers) == 1)
    }

    @Test func hugeExponentsAreMathErrors() {
        #expect(calcError("2^2^2^2^2^2")?.rule == "calc-math")
        #expect(calcError("10^400")?.rule == "calc-math")
        #expect(calcError("1e999999999999")?.rule == "calc-math")
        #expect(calcError("9^9^9^9^9^9^9^9^9")?.rule == "calc-math")
        #expect(calcError("(2 bit) ^ 1e9")?.rule == "calc-units")
        #expect(calcError("2.788M^2.788M")?.rule == "calc-math")
        #expect(calcValue("1e-400") == 0)
    }

    @Test func overflowAndNaNAreMathErrors() {
        #expect(calcError("1e300 * 1e300")?.message == "result is too large (overflow)")
        #expect(calcError("-1e300 * 1e300")?.message == "result is too large (overflow)")
        #expect(calcError("1e308 + 1e308")?.message == "result is too large (overflow)")
        #expect(calcError("1 / 0")?.message == "division by zero")
        #expect(calcError("1 bit / (0 s)")?.message == "division by zero")
        #expect(calcError("(0 - 1) ^ 0.5")?.message == "result is not a number (NaN)")
        #expect(calcError("log2(0 - 1)")?.message == "logarithm of a negative number")
    }

    @Test func aOneMegabyteBlockEvaluates() {
        var lines: [String] = ["unit token", "v0 = 1 token"]
        var size = 0
        var i = 1
        while size < 1_000_000 {
            let line = "v\(i) = v\(i - 1) + 2.5k token * 3   # step \(i)"
            size += line.utf8.count + 1
            lines.append(line)
            i += 1
        }
        let result = calcRun(lines.joined(separator: "\n"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.statements.count == lines.count)
    }

    @Test func oneHundredThousandStatementsEvaluate() {
        let text = (0..<100_000).map { "check \($0) * 2 == \($0 * 2)" }.joined(separator: "\n")
        let result = calcRun(text)
        #expect(result.statements.count == 100_000)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func oneHundredThousandUnknownNamesAreEachReported() {
        let text = (0..<100_000).map { "a\($0) = b\($0) + 1" }.joined(separator: "\n")
        let result = calcRun(text)
        #expect(result.diagnostics.count == 100_000)
        #expect(result.diagnostics.allSatisfy { $0.rule == "calc-undefined" })
    }

    @Test func overlongLinesAreRejected() {
        let line = "x = " + Array(repeating: "1", count: 40_000).joined(separator: "+")
        let result = calcRun(line)
        #expect(result.diagnostics.map(calcBrief) == ["calc-syntax 1:1-2 statement is longer than 65536 bytes"])
        let megabyteLine = String(repeating: "1", count: 1_000_000)
        #expect(calcError(megabyteLine)?.message == "expression is longer than 65536 bytes")
    }

    @Test func controlAndInvalidBytesAreSyntaxErrors() {
        #expect(calcError("1 \u{0} 2")?.rule == "calc-syntax")
        #expect(calcRun("x = 1\u{7}").diagnostics.map(\.rule) == ["calc-syntax"])
        #expect(calcRun(String(decoding: [0x78, 0x20, 0x3D, 0x20, 0xFF], as: UTF8.self)).diagnostics.map(\.rule) == ["calc-syntax"])
    }
}

/// Token soup from a fixed seed: whatever it parses to, evaluation ends with values or
/// diagnostics, never a trap.
@Suite struct CalcFuzzTests {
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    private static let pieces = [
        "1", "0", "2.5", "1e308", "1e-308", "93%", "$5.5M", "2.788M", "128k", "_", ".", "bit", "KiB", "gpu_hour", "h",
        "min", "x", "y", "(", ")", "+", "-", "*", "/", "^", ",", "->", "%", "$", "=", "==", "≈", "~", "±", "+-",
        "<", ">=", "check", "unit", "from", "import", "for", "sqrt(", "ln(", "max(", "#", " ", "é", "\u{00A0}", "@",
    ]

    @Test func randomStatementsNeverTrap() {
        var random = Generator(state: 42)
        var lines: [String] = ["x = 2", "unit gpu_hour", "y = 3 gpu_hour"]
        for _ in 0..<3_000 {
            let count = 1 + random.next(12)
            lines.append((0..<count).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined(separator: random.next(3) == 0 ? "" : " "))
        }
        let result = calcRun(lines.joined(separator: "\n"), inline: lines.prefix(500).enumerated().map {
            CalcInlineInput(expression: $0.element, line: $0.offset + 1, column: 1)
        })
        #expect(result.statements.count + result.inline.count > 3_000)
        for d in result.diagnostics {
            #expect(d.line >= 1 && d.column >= 1 && d.endColumn > d.column)
            #expect(["calc-syntax", "calc-undefined", "calc-units", "calc-math", "calc-import", "claim-failed"].contains(d.rule))
        }
        for line in lines.prefix(1_000) { _ = CalcEngine.evaluateExpression(line) }
    }

    @Test func randomBytesNeverTrap() {
        var random = Generator(state: 7)
        for _ in 0..<500 {
            let bytes = (0..<random.next(40)).map { _ in UInt8(random.next(256)) }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = CalcEngine.evaluateExpression(text)
            _ = calcRun(text)
        }
    }
}
