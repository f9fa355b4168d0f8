import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Lays out a note's body for its page: the Markdown rendered block by block
/// with cmark-gfm, with the records (comparisons, calc blocks, connections)
/// put in place of the blocks they were read from, so nothing the author
/// wrote is lost and everything the records know is shown.
struct NoteBody {
    typealias Context = TemplateObject

    let note: Note
    let model: SiteModel
    let links: PageLinks
    private var usedIDs = Set<String>()
    private(set) var sections: [Context] = []
    private(set) var toc: [Context] = []
    /// Start line of a list item → the HTML of its blocks after the first
    /// paragraph, for the records read from that paragraph to show.
    private var rests: [Int: String] = [:]

    init(note: Note, model: SiteModel, links: PageLinks) {
        self.note = note
        self.model = model
        self.links = links
        // Ids the page template uses itself.
        usedIDs = ["note-title", "toc-title", "backlinks-title", "local-graph-title", "main", "search-input", "search-status", "search-results"]
    }

    /// The note's Markdown, as cmark should see it: BOM dropped, front
    /// matter and `%% comments %%` blanked, as the parser reads it.
    static func markdown(of note: Note, root: String) -> [UInt8] {
        guard case .success(let bytes) = Discovery.read(root + "/" + note.path) else { return [] }
        return NotePart.markdown(ofFile: bytes)
    }

    mutating func compose(_ blocks: [RenderedBlock]) {
        for block in blocks where block.kind == .list {
            for item in block.items where !item.rest.isEmpty { rests[item.startLine] = item.rest }
        }
        let sectionKinds = Dictionary(note.sections.map { ($0.range.start.line, $0) }, uniquingKeysWith: { a, _ in a })
        let topics = Dictionary(note.comparisons.map { ($0.range.start.line, $0) }, uniquingKeysWith: { a, _ in a })
        let calcBlocks = Dictionary(note.calcBlocks.map { ($0.range.start.line, $0) }, uniquingKeysWith: { a, _ in a })
        let queryBlocks = Dictionary(note.queryBlocks.map { ($0.range.start.line, $0) }, uniquingKeysWith: { a, _ in a })
        let metadataLines = Set(note.metadata.map(\.range.start.line))
        var consumed = Set<Int>()
        for topic in note.comparisons {
            for claim in topic.claims { consumed.insert(claim.range.start.line) }
            for verdict in topic.verdicts { consumed.insert(verdict.range.start.line) }
        }
        let connectionLines = Set(note.connections.map(\.range.start.line))
        var connectionsShown = false

        var current: Context = [.kind: "preamble", .hasHeading: false]
        var currentKind = SectionKind.other
        var inPreamble = true
        var blocksOut: [Context] = []
        var pendingFootnotes = ""

        func flushFootnotes() {
            guard !pendingFootnotes.isEmpty else { return }
            blocksOut.append(Self.block(.html, pendingFootnotes))
            pendingFootnotes = ""
        }
        func closeSection() {
            flushFootnotes()
            var hasHeading = false
            if case .bool(true)? = current.value(.hasHeading) { hasHeading = true }
            if hasHeading || !blocksOut.isEmpty {
                current[.blocks] = blocksOut
                sections.append(current)
            }
            blocksOut = []
        }

        for block in blocks {
            if block.kind != .footnoteDefinition { flushFootnotes() }
            switch block.kind {
            case .thematicBreak:
                continue
            case .heading(let level) where level == 1 && block.startLine == note.title?.range.start.line:
                continue
            case .paragraph where inPreamble && metadataLines.contains(block.startLine):
                continue
            case .heading(2):
                closeSection()
                inPreamble = false
                let section = sectionKinds[block.startLine]
                currentKind = section?.kind ?? .other
                let heading = Mojibake.fix(section?.heading ?? block.text).trimmingSpaces
                let id = uniqueID(Self.sectionID(currentKind, heading))
                current = [.kind: Self.kindName(currentKind), .hasHeading: true, .id: id, .heading: heading]
                toc.append([.level: 2, .id: id, .text: heading])
            case .heading(3) where currentKind == .comparisons && topics[block.startLine] != nil:
                let topic = topics[block.startLine]!
                let id = uniqueID(topic.slug)
                blocksOut.append(Self.block(.topic, topicContext(topic, id: id)))
                toc.append([.level: 3, .id: id, .text: topic.title])
            case .heading(let level):
                let id = uniqueID(slugify(Mojibake.fix(block.text)))
                blocksOut.append(Self.block(.html, Self.withID(block.html, level: level, id: id)))
                if level == 3 { toc.append([.level: 3, .id: id, .text: block.text]) }
            case .codeBlock where calcBlocks[block.startLine] != nil:
                blocksOut.append(Self.block(.calc, calcContext(calcBlocks[block.startLine]!)))
            case .codeBlock where queryBlocks[block.startLine] != nil:
                let query = queryBlocks[block.startLine]!
                let outcome = model.queries.outcome(note: note.id, line: query.range.start.line)
                blocksOut.append(Self.block(.html, QueryBlockHTML(links: links).html(query, outcome, id: uniqueID("query-\(block.startLine)"))))
            case .list:
                var leftover: [RenderedBlock] = []
                var hasConnections = false
                for item in block.items {
                    if consumed.contains(item.startLine) { continue }
                    if currentKind == .connections, connectionLines.contains(item.startLine) { hasConnections = true; continue }
                    leftover.append(item)
                }
                if hasConnections, !connectionsShown {
                    connectionsShown = true
                    blocksOut.append(Self.block(.connections, connectionsContext()))
                }
                if leftover.count == block.items.count {
                    blocksOut.append(Self.block(.html, block.html))
                } else if !leftover.isEmpty {
                    let ordered = block.html.hasPrefix("<ol")
                    let open = ordered ? String(block.html.prefix { $0 != "\n" }) : "<ul>"
                    blocksOut.append(Self.block(.html, open + "\n" + leftover.map(\.html).joined() + (ordered ? "</ol>\n" : "</ul>\n")))
                }
            case .footnoteDefinition:
                pendingFootnotes = Self.mergeFootnotes(pendingFootnotes, block.html)
            default:
                blocksOut.append(Self.block(.html, block.html))
            }
        }
        closeSection()
        if !connectionsShown, !note.connections.isEmpty {
            sections.append([.kind: "connections", .hasHeading: true, .id: uniqueID("connections"), .heading: "Connections",
                             .blocks: [[.connections: connectionsContext()] as Context]])
        }
    }

    /// A block of a section: one of `html`, `topic`, `calc` and `connections`,
    /// the others there as absent so templates do not look for them further out.
    private static func block(_ key: TemplateKey, _ value: any PageValueConvertible) -> Context {
        var block: Context = [.html: TemplateValue.absent, .topic: TemplateValue.absent, .calc: TemplateValue.absent,
                              .connections: TemplateValue.absent]
        block[key] = value
        return block
    }

    // MARK: - Records

    private func topicContext(_ topic: Topic, id: String) -> Context {
        let favored = Set(topic.verdicts.flatMap(\.favors))
        return [
            .id: id, .title: topic.title,
            .url: links.href(SitePaths.topic(topic.slug)),
            // Claims read in place: `map` copied each, a score of references.
            .claims: topic.claims.indices.map { i -> Context in
                var c = links.claim(topic.claims, i, in: note.id)
                c[.favored] = topic.claims[i].subjects.contains { favored.contains($0.slug) }
                return withRest(c, line: topic.claims[i].range.start.line)
            },
            .verdicts: topic.verdicts.indices.map { withRest(links.verdict(topic.verdicts, $0, in: note.id), line: topic.verdicts[$0].range.start.line) },
        ]
    }

    private func calcContext(_ block: CalcBlock) -> Context {
        var records: [Int: CalcStatementRecord] = [:]
        for s in note.calc?.statements ?? [] where records[s.line] == nil { records[s.line] = s }
        var lines = block.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var checks = 0, passed = 0
        let rows: [Context] = lines.enumerated().map { offset, text in
            let line = block.firstLine + offset
            var row: Context = [.line: line, .anchor: SitePaths.lineAnchor(line)]
            if let hash = text.firstIndex(of: "#") {
                row[.source] = String(text[..<hash]).trimmingSpaces
                let comment = String(text[hash...]).trimmingSpaces
                if !comment.isEmpty { row[.comment] = comment }
            } else {
                row[.source] = text.trimmingSpaces
            }
            if let record = records[line] {
                row[.display] = record.display
                row[.error] = record.error
                if let check = record.check {
                    checks += 1
                    if check.passed { passed += 1 }
                    var c: Context = [.passed: check.passed, .computed: check.computed, .stated: check.stated]
                    c[.interval] = check.interval
                    if let target = check.forNote, model.exists(target) {
                        c[.forNoteURL] = links.href(SitePaths.note(target))
                        c[.forNoteTitle] = model.title(target)
                    }
                    row[.check] = c.completed([.interval, .forNoteURL])
                    row[.display] = nil
                }
            }
            return row.completed([.comment, .display, .error, .check])
        }
        return [.anchor: "calc-\(block.range.start.line)", .lines: rows, .evaluated: note.calc != nil,
                .checks: checks, .passed: passed, .hasChecks: checks > 0]
    }

    private func connectionsContext() -> Context {
        [.items: note.connections.map { c -> Context in
            var item: Context = [.target: c.target]
            if let id = c.resolved, model.exists(id) {
                item[.url] = links.href(SitePaths.note(id))
                item[.title] = model.title(id)
            } else if model.isDraft(c.target) {
                // A connection to a draft: its name as text, not a broken link.
            } else {
                item[.broken] = true
            }
            if !c.reason.isEmpty { item[.reasonHTML] = links.inline(c.reason, note: note.id) }
            return withRest(item.completed([.url, .broken, .reasonHTML]), line: c.range.start.line)
        }]
    }

    /// A record's context with what its list item holds after the record's own paragraph.
    private func withRest(_ context: Context, line: Int) -> Context {
        var c = context
        c[.restHTML] = TemplateValue.optional(rests[line])
        return c
    }

    // MARK: - Ids

    private mutating func uniqueID(_ base: String) -> String {
        let stem = base.isEmpty ? "section" : base
        var id = stem
        var n = 1
        while !usedIDs.insert(id).inserted {
            id = "\(stem)-\(n)"
            n += 1
        }
        return id
    }

    static func sectionID(_ kind: SectionKind, _ heading: String) -> String {
        switch kind {
        case .tldr: "tldr"
        case .comparisons: "comparisons"
        case .take: "take"
        case .calculations: "calculations"
        case .connections: "connections"
        case .references: "references"
        case .openQuestions: "open-questions"
        case .other: slugify(SectionKind.significantWords(heading).joined(separator: " "))
        }
    }

    static func kindName(_ kind: SectionKind) -> String {
        kind == .openQuestions ? "open-questions" : kind.rawValue
    }

    /// `<h3>` → `<h3 id="…">`.
    static func withID(_ html: String, level: Int, id: String) -> String {
        let open = "<h\(level)>"
        guard html.hasPrefix(open) else { return html }
        return "<h\(level) id=\"\(HTMLEscape.escape(id))\">" + html.dropFirst(open.count)
    }

    /// cmark closes the footnotes list after each definition rendered alone; join them into one list.
    static func mergeFootnotes(_ a: String, _ b: String) -> String {
        let close = "</ol>\n</section>\n"
        let open = "<section class=\"footnotes\" data-footnotes>\n<ol>\n"
        guard !a.isEmpty, a.hasSuffix(close), b.hasPrefix(open) else { return a + b }
        return String(a.dropLast(close.count)) + b.dropFirst(open.count)
    }
}
