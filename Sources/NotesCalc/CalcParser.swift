import NotesModel
import NotesSupport

/// Parses calc statements, one line at a time: imports, unit declarations,
/// assignments, bare expressions and checks.
enum CalcParser {
    /// Longer statements are rejected rather than parsed.
    static let maxStatementBytes = 65_536

    /// A statement line with its comment removed; nil for blank and comment-only lines.
    struct Line {
        var bytes: [UInt8]
        var start: Int
        var end: Int
        var number: Int
        /// The file column of `bytes[0]` (as if the line began there), so offsets map to columns.
        var column: Int

        var source: String { String(decoding: bytes[start..<end], as: UTF8.self) }
        func span(_ from: Int, _ to: Int) -> CalcSpan {
            CalcSpan(line: number, column: column + from, endColumn: column + max(to, from + 1))
        }
    }

    /// Trims blanks and the `#` comment from bytes `from..<to` (one line), whose first
    /// byte sits at file column `column`; nil for blank and comment-only lines.
    static func statementLine(_ bytes: [UInt8], from: Int = 0, to: Int? = nil, number: Int, column: Int) -> Line? {
        let to = to ?? bytes.count
        var end = bytes[from..<to].firstIndex(of: UInt8(ascii: "#")) ?? to
        var start = from
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        return Line(bytes: bytes, start: start, end: end, number: number, column: column - from)
    }

    /// Parses one statement line.
    static func parseStatement(_ line: Line) throws(CalcDiagnostic) -> CalcStatementSyntax {
        if line.end - line.start > maxStatementBytes {
            throw .syntax("statement is longer than \(maxStatementBytes) bytes", at: line.span(line.start, line.start + 1))
        }
        if startsWithWord("from", line) { return try parseImport(line) }
        let lexer = CalcLexer(bytes: line.bytes, line: line.number, column: line.column)
        var parser = CalcExpressionParser(tokens: lexer.tokenize(from: line.start, to: line.end), bytes: line.bytes)
        let first = parser.current
        if case .identifier(let word) = first.kind {
            if calcKeywords.contains(word), case .assign = parser.peek().kind {
                throw .syntax("'\(word)' is a keyword and cannot name a value", at: first.span)
            }
            switch word {
            case "check": return .check(try parseCheck(&parser, line))
            case "unit": return try parseUnitDeclaration(&parser)
            case "import", "for", "from":
                throw .syntax("unexpected '\(word)' at the start of a statement", at: first.span)
            default:
                if case .assign = parser.peek().kind {
                    parser.index = 2
                    let (value, conversion) = try parseExpressionWithConversion(&parser)
                    return .assignment(word, first.span, value, conversion)
                }
            }
        }
        let (value, conversion) = try parseExpressionWithConversion(&parser)
        return .expression(value, conversion)
    }

    /// The name a line assigns (`name = ...`), even when the rest of it does not parse.
    static func assignmentTarget(_ line: Line) -> String? {
        let lexer = CalcLexer(bytes: line.bytes, line: line.number, column: line.column)
        let tokens = lexer.tokenize(from: line.start, to: line.end)
        guard tokens.count > 1, case .identifier(let name) = tokens[0].kind, !calcKeywords.contains(name),
              case .assign = tokens[1].kind else { return nil }
        return name
    }

    /// Parses the text of an inline `=expr` calculation.
    static func parseInline(_ line: Line) throws(CalcDiagnostic) -> (CalcExpression, CalcUnitExpression?) {
        if line.end - line.start > maxStatementBytes {
            throw .syntax("expression is longer than \(maxStatementBytes) bytes", at: line.span(line.start, line.start + 1))
        }
        let lexer = CalcLexer(bytes: line.bytes, line: line.number, column: line.column)
        var parser = CalcExpressionParser(tokens: lexer.tokenize(from: line.start, to: line.end), bytes: line.bytes)
        return try parseExpressionWithConversion(&parser)
    }

    /// `expr` or `expr -> unit`, then the end of the line.
    static func parseExpressionWithConversion(
        _ parser: inout CalcExpressionParser
    ) throws(CalcDiagnostic) -> (CalcExpression, CalcUnitExpression?) {
        let value = try parser.parseArithmetic()
        var conversion: CalcUnitExpression?
        if case .arrow = parser.current.kind {
            parser.index += 1
            conversion = try parser.parseUnitExpression()
        }
        try expectEnd(parser)
        return (value, conversion)
    }

    private static func expectEnd(_ parser: CalcExpressionParser) throws(CalcDiagnostic) {
        let token = parser.current
        switch token.kind {
        case .end:
            return
        case .assign:
            throw .syntax("unexpected '='; only a name can be assigned", at: token.span)
        case .comparison:
            throw .syntax("unexpected \(parser.describe(token)); write comparisons as 'check A \(parser.text(token.start, token.end)) B'",
                          at: token.span)
        case .invalid(let message):
            throw .syntax(message, at: token.span)
        default:
            throw .syntax("unexpected \(parser.describe(token))", at: token.span)
        }
    }

    private static func parseUnitDeclaration(_ parser: inout CalcExpressionParser) throws(CalcDiagnostic) -> CalcStatementSyntax {
        parser.index = 1
        let token = parser.current
        guard case .identifier(let name) = token.kind else {
            throw .syntax("expected a unit name after 'unit', found \(parser.describe(token))", at: token.span)
        }
        if calcKeywords.contains(name) { throw .syntax("'\(name)' is a keyword and cannot name a unit", at: token.span) }
        parser.index += 1
        try expectEnd(parser)
        return .unitDeclaration(name, token.span)
    }

    private static func parseCheck(_ parser: inout CalcExpressionParser, _ line: Line) throws(CalcDiagnostic) -> CalcCheckSyntax {
        let keyword = parser.current.span
        parser.index = 1
        if case .end = parser.current.kind { throw .syntax("expected 'check A ≈ B' after 'check'", at: keyword) }
        let computed = try parser.parseArithmetic()
        let opToken = parser.current
        guard case .comparison(let comparison) = opToken.kind else {
            if case .invalid(let message) = opToken.kind { throw .syntax(message, at: opToken.span) }
            throw .syntax("expected a comparison (≈ == != < <= > >=) after '\(computed.text)', found \(parser.describe(opToken))",
                          at: opToken.span)
        }
        parser.index += 1
        let statedStart = parser.current
        var isAbout = false
        if case .tilde = statedStart.kind {
            isAbout = true
            parser.index += 1
        }
        let stated = try parser.parseArithmetic(stopAtPlusMinus: true)
        let statedSpan = statedStart.span.through(stated.span)
        let statedText = parser.text(statedStart.start, statedStart.start + (statedSpan.endColumn - statedSpan.column))
        var tolerance: CalcExpression?
        if case .plusMinus = parser.current.kind {
            let sign = parser.current
            if isAbout { throw .syntax("use either '~' or '±', not both", at: sign.span) }
            parser.index += 1
            tolerance = try parser.parseArithmetic()
        }
        if isAbout || tolerance != nil, comparison != .approximately, comparison != .equal {
            throw .syntax("a tolerance ('~' or '±') only applies to ≈ and ==", at: opToken.span)
        }
        var forNote: String?
        if case .identifier("for") = parser.current.kind {
            let forToken = parser.current
            let (note, _, end) = noteID(in: line, from: forToken.end)
            guard !note.isEmpty else { throw .syntax("expected a note id after 'for'", at: forToken.span) }
            if end < line.end {
                var start = end
                while start < line.end, isSpace(line.bytes[start]) { start += 1 }
                throw .syntax("unexpected '\(String(decoding: line.bytes[start..<line.end], as: UTF8.self))' after the note id",
                              at: line.span(start, line.end))
            }
            forNote = note
        } else if case .comparison = parser.current.kind {
            throw .syntax("unexpected \(parser.describe(parser.current)); a check takes one comparison", at: parser.current.span)
        } else {
            try expectEnd(parser)
        }
        return CalcCheckSyntax(keyword: keyword, computed: computed, comparison: comparison, comparisonSpan: opToken.span,
                               isAbout: isAbout, stated: stated, statedText: statedText, statedSpan: statedSpan,
                               tolerance: tolerance, forNote: forNote)
    }

    /// `from NOTE-ID import a, b`.
    private static func parseImport(_ line: Line) throws(CalcDiagnostic) -> CalcStatementSyntax {
        let (note, noteStart, noteEnd) = noteID(in: line, from: line.start + 4)
        guard !note.isEmpty else {
            throw .syntax("expected a note id after 'from'", at: line.span(line.start, line.start + 4))
        }
        var i = noteEnd
        if i < line.end, !isSpace(line.bytes[i]) {
            let shown = String(decoding: line.bytes[i..<min(i + 1, line.end)], as: UTF8.self)
            throw .syntax("unexpected '\(shown)' in the note id", at: line.span(i, i + 1),
                          suggestion: "note ids use letters, digits, '-', '_', '/' and '.'")
        }
        while i < line.end, isSpace(line.bytes[i]) { i += 1 }
        let word = Line(bytes: line.bytes, start: i, end: line.end, number: line.number, column: line.column)
        guard startsWithWord("import", word) || (line.end - i == 6 && word.source == "import") else {
            throw .syntax("expected 'import' after the note id", at: line.span(i, max(i + 1, min(line.end, i + 6))))
        }
        let lexer = CalcLexer(bytes: line.bytes, line: line.number, column: line.column)
        let tokens = lexer.tokenize(from: i + 6, to: line.end)
        var names: [(String, CalcSpan)] = []
        var k = 0
        while true {
            let token = tokens[k]
            guard case .identifier(let name) = token.kind, !calcKeywords.contains(name) else {
                let what = k == 0 ? "a name to import after 'import'" : "a name after ','"
                if case .end = token.kind {
                    throw .syntax("expected \(what)", at: k == 0 ? line.span(i, i + 6) : tokens[k - 1].span)
                }
                throw .syntax("expected \(what)", at: token.span)
            }
            names.append((name, token.span))
            k += 1
            switch tokens[k].kind {
            case .comma: k += 1
            case .end: return .importNames(note: note, noteSpan: line.span(noteStart, noteEnd), names: names)
            default: throw .syntax("expected ',' between imported names", at: tokens[k].span)
            }
        }
    }

    /// The note id starting after blanks at `from`: letters, digits and `- _ / .`.
    private static func noteID(in line: Line, from: Int) -> (String, Int, Int) {
        var start = from
        while start < line.end, isSpace(line.bytes[start]) { start += 1 }
        var end = start
        while end < line.end {
            let b = line.bytes[end]
            let ok = b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".")
            guard ok else { break }
            end += 1
        }
        return (String(decoding: line.bytes[start..<end], as: UTF8.self), start, end)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    private static func startsWithWord(_ word: StaticString, _ line: Line) -> Bool {
        let count = word.utf8CodeUnitCount
        guard line.end - line.start > count else { return false }
        for k in 0..<count where line.bytes[line.start + k] != word.utf8Start[k] { return false }
        return isSpace(line.bytes[line.start + count])
    }
}
