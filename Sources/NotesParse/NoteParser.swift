import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport

/// A note's records plus the problems found while reading them, and what
/// later stages need of the text itself.
package struct ParsedNote: Sendable {
    package var note: Note
    package var diagnostics: [Diagnostic]
    /// False when the file could not be decoded; its records are empty.
    package var readable: Bool
    /// The decoded file, for checks that read the text (mojibake) and for fixes.
    package var source: SourceText?
    /// Lines inside code or raw HTML blocks.
    package var codeLines: Set<Int> = []
    package var suppressions: [Suppression] = []

    init(note: Note, diagnostics: [Diagnostic], readable: Bool, source: SourceText? = nil,
         codeLines: Set<Int> = [], suppressions: [Suppression] = []) {
        self.note = note; self.diagnostics = diagnostics; self.readable = readable; self.source = source
        self.codeLines = codeLines; self.suppressions = suppressions
    }

    /// A note's records as a cache holds them, for the stages that read
    /// records only (calcs, conflicting claims): no text, no diagnostics.
    package init(records note: Note) {
        self.init(note: note, diagnostics: [], readable: true, source: nil)
    }
}

/// Turns one file's bytes into a `Note` (DESIGN §2). Pure: no I/O, no other notes.
package struct NoteParser {
    let id: String
    let path: String
    let source: SourceText
    var note: Note
    var diagnostics: [Diagnostic] = []
    var codeLineSet: Set<Int> = []
    /// Whether to read what only pages use (`Note.pageNeeds`, `Note.bodyText`).
    var forSite = true
    /// Paragraphs met before the first H2: only the first may be metadata.
    var preambleParagraphs = 0

    /// `forSite: false` leaves out what only the site reads (`Note.pageNeeds`
    /// and `Note.bodyText`, a sixth of parsing): lint, graph, query and records do.
    package static func parse(id: String, path: String, bytes: [UInt8], forSite: Bool = true) -> ParsedNote {
        let empty = Note(id: id, path: path, title: nil, metadata: [], date: nil, category: nil, tags: [], aliases: [],
                         isStudyNote: false, sections: [], tldr: [], comparisons: [], take: nil, calcBlocks: [],
                         inlineCalcs: [], connections: [], links: [])
        switch SourceText.decode(bytes) {
        case .failure(.invalidUTF8(let at)):
            return ParsedNote(note: empty, diagnostics: [Diagnostic(
                file: path, range: SourceRange(line: at.line, column: at.column, length: 1), rule: .invalidEncoding,
                message: "file is not valid UTF-8: the byte at \(at.line):\(at.column) starts no UTF-8 character",
                suggestion: "re-save the file as UTF-8")], readable: false)
        case .failure(.nulByte(let at)):
            return ParsedNote(note: empty, diagnostics: [Diagnostic(
                file: path, range: SourceRange(line: at.line, column: at.column, length: 1), rule: .invalidEncoding,
                message: "file contains a NUL byte at \(at.line):\(at.column); notes must be text",
                suggestion: "remove the NUL bytes, or move binary files out of the notes folder")], readable: false)
        case .success(let source):
            // The records are read from the text without its comments; the
            // parsed note keeps the file's own text, for quoting lines.
            let frontMatterEnd = FrontMatter.lastLine(source) ?? 0
            let read = source.withoutComments(frontMatterEnd: frontMatterEnd)
            var parser = NoteParser(id: id, path: path, source: read, note: empty)
            parser.forSite = forSite
            parser.run()
            if read.bytes != source.bytes, let open = source.unclosedComment(frontMatterEnd: frontMatterEnd) {
                let hidden = source.lineCount - open.line + 1
                parser.report(.unclosedComment, parser.range(line: open.line, column: open.column, length: 2),
                              "'%%' opens a comment that never closes: the rest of the note (\(hidden) line\(hidden == 1 ? "" : "s")) is hidden",
                              suggestion: "close the comment with '%%'")
            }
            return ParsedNote(note: parser.note, diagnostics: parser.diagnostics, readable: true, source: source,
                              codeLines: parser.codeLineSet, suppressions: Suppression.scan(source))
        }
    }

    // MARK: - Positions

    func position(_ p: SourcePosition) -> SourcePosition { source.originalPosition(line: p.line, column: p.column) }
    func range(_ r: SourceRange) -> SourceRange { SourceRange(start: position(r.start), end: position(r.end)) }
    func range(line: Int, column: Int, length: Int) -> SourceRange {
        range(SourceRange(line: line, column: column, length: length))
    }

    /// The bytes of `line` from cmark column `column` on.
    func bytes(line: Int, from column: Int) -> [UInt8] {
        let all = source.lineBytes(line)
        let start = min(all.startIndex + max(column - 1, 0), all.endIndex)
        return Array(all[start...])
    }

    mutating func report(_ rule: Rule, _ range: SourceRange, _ message: String, suggestion: String? = nil) {
        diagnostics.append(Diagnostic(file: path, range: range, rule: rule, message: message, suggestion: suggestion))
    }

    // MARK: - Walk

    private mutating func run() {
        let front = FrontMatter.parse(source)
        let cmarkBytes = source.cmarkInput(frontMatterEnd: front?.lastLine)
        if let front {
            for problem in front.problems { report(.badMetadata, range(problem.range), problem.message) }
            for entry in front.entries { addMetadata(entry) }
        }
        let document = CmarkBridge.parse(cmarkBytes)
        if let line = document.truncatedAtLine {
            report(.nestingLimit, range(line: max(line, 1), column: 1, length: 1),
                   "Markdown nested more than \(CmarkBridge.maxDepth) levels deep; the deeper part is left out of the records and the site",
                   suggestion: "flatten the nesting")
        }
        walkBlocks(document.root.children)
        collectInline(document.root)
        reportRawHTML(document.root)
        codeLineSet = codeLines(document.root)
        scanWikilinks(codeLines: codeLineSet)
        if note.title == nil, let title = note.metadata.first(where: { $0.key.lowercased() == "title" }) {
            note.title = Title(text: title.value, range: title.valueRange)
        }
        note.isStudyNote = note.sections.contains { $0.kind.isStudySection }
        note.anchors = Self.anchors(document.root, titleLine: note.title?.range.start.line)
        if forSite {
            note.pageNeeds = Self.pageNeeds(cmarkBytes, document.root)
            note.bodyText = Self.bodyText(document.root)
        }
    }

    private mutating func walkBlocks(_ blocks: [MarkdownNode]) {
        var sectionIndex: Int?
        for block in blocks {
            if case .heading(let level) = block.kind {
                if level == 1, note.title == nil {
                    note.title = Title(text: block.plainText.trimmingSpaces, range: range(block.range))
                    continue
                }
                if level == 2 {
                    closeSection(sectionIndex, before: block.range.start.line)
                    let heading = block.plainText.trimmingSpaces
                    let (kind, author) = SectionKind.recognise(heading)
                    note.sections.append(Section(kind: kind, heading: heading, range: range(block.range),
                                                 endLine: source.lineCount, hasContent: false))
                    sectionIndex = note.sections.count - 1
                    if kind == .take, note.take == nil {
                        note.take = Take(author: author, paragraphs: [], range: range(block.range))
                    }
                    continue
                }
            }
            guard let index = sectionIndex else {
                if case .paragraph = block.kind {
                    if preambleParagraphs == 0 { readMetadata(block) }
                    preambleParagraphs += 1
                }
                continue
            }
            if case .thematicBreak = block.kind { continue }
            note.sections[index].hasContent = true
            switch note.sections[index].kind {
            case .tldr:
                if case .paragraph = block.kind { note.tldr.append(block.plainText) }
            case .comparisons:
                readComparison(block)
            case .take:
                if case .paragraph = block.kind { note.take?.paragraphs.append(block.plainText) }
            case .connections:
                if block.isList { readConnections(block) }
            default:
                break
            }
        }
        closeSection(sectionIndex, before: source.lineCount + 1)
        for i in note.comparisons.indices { note.comparisons[i].resolveVerdicts() }
    }

    private mutating func closeSection(_ index: Int?, before line: Int) {
        guard let index else { return }
        note.sections[index].endLine = max(note.sections[index].range.start.line, line - 1)
    }

    // MARK: - Comparisons and connections

    private mutating func readComparison(_ block: MarkdownNode) {
        if case .heading(3) = block.kind {
            let title = block.plainText.trimmingSpaces
            note.comparisons.append(Topic(title: title, slug: slugify(title), range: range(block.range), claims: [], verdicts: []))
            return
        }
        guard block.isList, !note.comparisons.isEmpty else { return }
        for item in block.children {
            guard let paragraph = item.children.first, case .paragraph = paragraph.kind else { continue }
            let start = paragraph.range.start
            let head = bytes(line: start.line, from: start.column)
            guard let bullet = LabelledBullet.parse(head), bullet.style == .bold else { continue }
            let (text, quantities) = bulletText(paragraph, head: head, from: bullet.restStart)
            let itemRange = range(SourceRange(start: start, end: paragraph.range.end))
            let last = note.comparisons.count - 1
            if bullet.label.lowercased() == "verdict" {
                note.comparisons[last].verdicts.append(Verdict(text: text, favors: [], range: itemRange))
                continue
            }
            let split = SubjectParser.split(bullet.label)
            note.comparisons[last].claims.append(Claim(
                label: bullet.label, subjects: split.subjects.map { Subject(name: $0, slug: slugify($0)) },
                qualifier: bullet.qualifier ?? split.qualifier, text: text, quantities: quantities, range: itemRange))
        }
    }

    /// The text of a bullet's first paragraph after its label: the head
    /// line's rest and the paragraph's further lines (lazy continuation
    /// lines too), joined with spaces, and the quantities written in it.
    private func bulletText(_ paragraph: MarkdownNode, head: [UInt8], from offset: Int) -> (String, [Quantity]) {
        let start = paragraph.range.start
        let first = Array(head[min(offset, head.count)...])
        var text = String(decoding: first, as: UTF8.self).trimmingSpaces
        var quantities = QuantityScanner.scan(first, line: start.line, column: start.column + offset)
        if paragraph.range.end.line > start.line {
            for line in (start.line + 1)...paragraph.range.end.line {
                let column = source.firstNonBlankColumn(line) - (source.hadBOM && line == 1 ? 3 : 0)
                let rest = bytes(line: line, from: column)
                text += " " + String(decoding: rest, as: UTF8.self).trimmingSpaces
                quantities += QuantityScanner.scan(rest, line: line, column: column)
            }
        }
        return (text, quantities.map { q in var q = q; q.range = range(q.range); return q })
    }

    private mutating func readConnections(_ list: MarkdownNode) {
        for item in list.children {
            guard let paragraph = item.children.first, case .paragraph = paragraph.kind else { continue }
            let start = paragraph.range.start
            let head = bytes(line: start.line, from: start.column)
            let bullet = LabelledBullet.parse(head)
                ?? LabelledBullet(style: .plain, label: String(decoding: head, as: UTF8.self).trimmingSpaces,
                                  labelStart: 0, labelEnd: head.count, restStart: head.count)
            var target = bullet.label.trimmingSpaces
            if bullet.style == .link { target = NoteLink.stripMarkdownExtension(target) }
            let reason = bulletText(paragraph, head: head, from: bullet.restStart).0
            note.connections.append(Connection(
                target: target, reason: reason,
                range: range(line: start.line, column: start.column + bullet.labelStart, length: bullet.labelEnd - bullet.labelStart)))
        }
    }
}
