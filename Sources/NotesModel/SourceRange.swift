import NotesSupport

/// A 1-based position in a note file: `line` counts lines of the original file
/// (LF, CRLF and CR all end a line) and `column` counts UTF-8 bytes from the
/// start of that line, as compilers and cmark do.
public struct SourcePosition: Hashable, Comparable, Codable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// The span of some text in a note file; `end` is inclusive, like cmark's.
/// In JSON it is flat, like a diagnostic: `{"line", "column", "endLine", "endColumn"}`.
public struct SourceRange: Hashable, Codable, Sendable {
    public var start: SourcePosition
    public var end: SourcePosition

    enum CodingKeys: String, CodingKey { case line, column, endLine, endColumn }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(line: try c.decode(Int.self, forKey: .line), column: try c.decode(Int.self, forKey: .column),
                  endLine: try c.decode(Int.self, forKey: .endLine), endColumn: try c.decode(Int.self, forKey: .endColumn))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start.line, forKey: .line)
        try c.encode(start.column, forKey: .column)
        try c.encode(end.line, forKey: .endLine)
        try c.encode(end.column, forKey: .endColumn)
    }

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.init(start: SourcePosition(line: line, column: column),
                  end: SourcePosition(line: endLine, column: endColumn))
    }

    /// A range covering `length` bytes of one line.
    public init(line: Int, column: Int, length: Int) {
        self.init(line: line, column: column, endLine: line, endColumn: column + max(length, 1) - 1)
    }
}

extension JSONWriter {
    /// A range as records and lint reports write it.
    package mutating func range(_ name: StaticString, _ r: SourceRange) {
        key(name)
        object { w in
            w.int("column", r.start.column)
            w.int("endColumn", r.end.column)
            w.int("endLine", r.end.line)
            w.int("line", r.start.line)
        }
    }
}
