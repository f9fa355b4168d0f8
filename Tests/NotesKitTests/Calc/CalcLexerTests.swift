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

@Suite struct CalcLexerTests {
    private func kinds(_ text: String) -> [CalcTokenKind] {
        CalcLexer(bytes: Array(text.utf8), line: 1, column: 1).tokenize().map(\.kind)
    }

    private func number(_ text: String) -> (Double, Double)? {
        if case .number(let v, let r) = kinds(text).first { return (v, r) }
        return nil
    }

    @Test func numbersWithMagnitudeLetters() {
        #expect(number("42")! == (42, 1))
        #expect(number("3.14")! == (3.14, 0.01))
        #expect(number("1_000")! == (1000, 1))
        #expect(number("2.5e6")! == (2.5e6, 1e5))
        #expect(number("2.788M")!.0 == 2.788e6)
        #expect(calcCloseTo(number("2.788M")!.1, 1e3))
        #expect(number("671B")! == (671e9, 1e9))
        #expect(number("3G")! == (3e9, 1e9))
        #expect(number("128k")! == (128e3, 1e3))
        #expect(number("1.5T")!.0 == 1.5e12)
        #expect(number(".5")! == (0.5, 0.1))
        #expect(number("1E-3")! == (0.001, 0.001))
    }

    @Test func aLetterFollowedByMoreLettersIsAUnit() {
        #expect(kinds("5MB") == [.number(value: 5, resolution: 1), .identifier("MB"), .end])
        #expect(kinds("16bit") == [.number(value: 16, resolution: 1), .identifier("bit"), .end])
        #expect(kinds("2e") == [.number(value: 2, resolution: 1), .identifier("e"), .end])
    }

    @Test func dollarsAndPercent() {
        #expect(kinds("$5.5M") == [.dollarNumber(value: 5.5e6, resolution: 1e5), .end])
        #expect(kinds("93%") == [.number(value: 93, resolution: 1), .percent, .end])
        #expect(kinds("-> $") == [.arrow, .dollar, .end])
    }

    @Test func operatorsIncludingUnicodeSpellings() {
        #expect(kinds("+ - * / ^ ** ( ) , = ->") == [.plus, .minus, .star, .slash, .caret, .caret, .leftParen, .rightParen,
                                                     .comma, .assign, .arrow, .end])
        #expect(kinds("≈ ~= == != ≠ < <= ≤ > >= ≥") == [.comparison(.approximately), .comparison(.approximately),
                                                        .comparison(.equal), .comparison(.notEqual), .comparison(.notEqual),
                                                        .comparison(.less), .comparison(.lessOrEqual), .comparison(.lessOrEqual),
                                                        .comparison(.greater), .comparison(.greaterOrEqual),
                                                        .comparison(.greaterOrEqual), .end])
        #expect(kinds("± +- ~") == [.plusMinus(spelledAsPlusMinus: false), .plusMinus(spelledAsPlusMinus: true), .tilde, .end])
        #expect(kinds("× · ÷ −") == [.star, .star, .slash, .minus, .end])
    }

    @Test func identifiersMayUseUnicodeLetters() {
        #expect(kinds("d_h αβ x2") == [.identifier("d_h"), .identifier("αβ"), .identifier("x2"), .end])
    }

    @Test func spansAreByteColumns() {
        let tokens = CalcLexer(bytes: Array("a ≈ bc".utf8), line: 7, column: 3).tokenize()
        #expect(tokens.map(\.span) == [
            CalcSpan(line: 7, column: 3, endColumn: 4),
            CalcSpan(line: 7, column: 5, endColumn: 8),
            CalcSpan(line: 7, column: 9, endColumn: 11),
            CalcSpan(line: 7, column: 11, endColumn: 12),
        ])
    }

    @Test func noBreakAndThinSpacesAreBlanks() {
        #expect(kinds("1\u{00A0}+\u{202F}2\u{2009}") == [.number(value: 1, resolution: 1), .plus, .number(value: 2, resolution: 1), .end])
    }

    @Test func stopsAtTheFirstUnreadableCharacter() {
        #expect(kinds("1 @ 2") == [.number(value: 1, resolution: 1), .invalid("unexpected character '@'"), .end])
        #expect(kinds("1 → 2") == [.number(value: 1, resolution: 1), .invalid("unexpected character '→'"), .end])
    }
}
