import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// The binary form of what the parser makes of one note (`ParsedNote` without
/// its source text, which is decoded again from the file's bytes): every
/// field of the records, in declaration order. A field added to the records
/// must be added here, and `ParseCache.format` raised.
extension CacheWriter {
    package mutating func parsed(_ p: ParsedNote) {
        note(p.note)
        array(p.diagnostics) { $0.diagnostic($1) }
        bool(p.readable)
        array(p.codeLines.sorted()) { $0.int($1) }
    }

    mutating func note(_ n: Note) {
        string(n.id); string(n.path)
        optional(n.title) { w, t in w.string(t.text); w.range(t.range) }
        metadata(n.metadata)
        optional(n.date) { $0.string($1) }
        optional(n.category) { $0.string($1) }
        array(n.tags) { $0.string($1) }
        array(n.aliases) { $0.string($1) }
        bool(n.isStudyNote)
        sections(n.sections)
        array(n.tldr) { $0.string($1) }
        array(n.comparisons) { $0.topic($1) }
        take(n.take)
        calcBlocks(n.calcBlocks)
        inlineCalcs(n.inlineCalcs)
        connections(n.connections)
        links(n.links)
        bool(n.pageNeeds.math)
        array(n.pageNeeds.codeLanguages) { $0.string($1) }
        array(n.anchors.headings) { $0.string($1) }
        array(n.anchors.blocks) { $0.string($1) }
        string(n.bodyText)
        array(n.queryBlocks) { w, b in w.string(b.text); w.range(b.range); w.int(b.firstLine) }
        // `calc` is left out: the calc stage fills it, after parsing.
    }

    package mutating func metadata(_ entries: [MetadataEntry]) {
        array(entries) { w, m in w.string(m.key); w.string(m.value); w.range(m.range); w.range(m.valueRange); w.bool(m.fromFrontMatter) }
    }

    package mutating func sections(_ sections: [Section]) {
        array(sections) { w, s in
            w.string(s.kind.rawValue); w.string(s.heading); w.range(s.range); w.int(s.endLine); w.bool(s.hasContent)
        }
    }

    package mutating func take(_ take: Take?) {
        optional(take) { w, t in
            w.optional(t.author) { $0.string($1) }
            w.array(t.paragraphs) { $0.string($1) }
            w.range(t.range)
        }
    }

    package mutating func calcBlocks(_ blocks: [CalcBlock]) {
        array(blocks) { w, b in w.string(b.text); w.range(b.range); w.int(b.firstLine); w.int(b.column) }
    }

    package mutating func inlineCalcs(_ calcs: [InlineCalc]) {
        array(calcs) { w, c in w.string(c.expression); w.range(c.range) }
    }

    package mutating func connections(_ connections: [Connection]) {
        array(connections) { w, c in
            w.string(c.target); w.string(c.reason); w.range(c.range); w.optional(c.resolution) { $0.resolution($1) }
        }
    }

    package mutating func resolution(_ r: Resolution) {
        switch r {
        case .note(let id): int(0); string(id)
        case .attachment(let path): int(1); string(path)
        case .ambiguous(let ids): int(2); array(ids) { $0.string($1) }
        case .missing(let suggestion): int(3); optional(suggestion) { $0.string($1) }
        }
    }

    package mutating func links(_ links: [NoteLink]) {
        array(links) { w, l in
            w.string(l.style.rawValue); w.string(l.target)
            w.optional(l.label) { $0.string($1) }
            w.optional(l.fragment) { $0.string($1) }
            w.range(l.range)
            w.bool(l.embed)
            w.optional(l.resolution) { $0.resolution($1) }
        }
    }

    /// A note's records with its calc results: all of `Note`, for hashing.
    package mutating func record(_ n: Note) {
        note(n)
        optional(n.calc) { $0.calc($1) }
    }

    package mutating func calc(_ calc: NoteCalc) {
        array(calc.statements) { w, s in
            w.int(s.line); w.string(s.source)
            w.optional(s.display) { $0.string($1) }
            w.optional(s.check) { w, c in
                w.bool(c.passed); w.string(c.computed); w.string(c.stated)
                w.optional(c.interval) { $0.string($1) }
                w.optional(c.forNote) { $0.string($1) }
            }
            w.optional(s.error) { $0.string($1) }
        }
        array(calc.inline) { w, i in w.range(i.range); w.string(i.expression); w.optional(i.display) { $0.string($1) } }
    }

    package mutating func topic(_ t: Topic) {
        string(t.title); string(t.slug); range(t.range)
        array(t.claims) { w, c in
            w.string(c.label)
            w.array(c.subjects) { w, s in w.string(s.name); w.string(s.slug) }
            w.optional(c.qualifier) { $0.string($1) }
            w.string(c.text)
            w.array(c.quantities) { w, q in
                w.string(q.text)
                w.optional(q.value) { $0.word($1.bitPattern) }
                w.optional(q.unit) { $0.string($1) }
                w.bool(q.approximate); w.bool(q.lowerBound)
                w.optional(q.resolution) { $0.word($1.bitPattern) }
                w.range(q.range)
            }
            w.range(c.range)
            w.array(c.verifiedBy) { w, r in w.string(r.note); w.int(r.line) }
            w.array(c.disputedBy) { w, d in
                w.string(d.note); w.int(d.line); w.string(d.quantity); w.string(d.range); w.string(d.ownQuantity); w.string(d.ownRange)
            }
            w.int(c.disputes)
        }
        array(t.verdicts) { w, v in w.string(v.text); w.array(v.favors) { $0.string($1) }; w.range(v.range) }
    }

    package mutating func range(_ r: SourceRange) {
        int(r.start.line); int(r.start.column); int(r.end.line); int(r.end.column)
    }

    package mutating func diagnostic(_ d: Diagnostic) {
        string(d.file); int(d.line); int(d.column)
        optional(d.endLine) { $0.int($1) }
        optional(d.endColumn) { $0.int($1) }
        string(d.severity.rawValue); string(d.rule); string(d.message)
        optional(d.suggestion) { $0.string($1) }
    }
}

extension CacheReader {
    /// A parsed note; `source` and `suppressions` are left for the caller to fill from the file.
    package mutating func parsed() throws -> ParsedNote {
        let note = try note()
        let diagnostics = try array { try $0.diagnostic() }
        let readable = try bool()
        let codeLines = try array { try $0.int() }
        return ParsedNote(note: note, diagnostics: diagnostics, readable: readable, source: nil, codeLines: Set(codeLines))
    }

    package mutating func note() throws -> Note {
        let id = try string(), path = try string()
        let title = try optional { Title(text: try $0.string(), range: try $0.range()) }
        let metadata = try array { r in
            MetadataEntry(key: try r.string(), value: try r.string(), range: try r.range(), valueRange: try r.range(),
                          fromFrontMatter: try r.bool())
        }
        let date = try optional { try $0.string() }
        let category = try optional { try $0.string() }
        let tags = try array { try $0.string() }
        let aliases = try array { try $0.string() }
        let isStudyNote = try bool()
        let sections = try array { r in
            guard let kind = SectionKind(rawValue: try r.string()) else { throw Malformed() }
            return Section(kind: kind, heading: try r.string(), range: try r.range(), endLine: try r.int(), hasContent: try r.bool())
        }
        let tldr = try array { try $0.string() }
        let comparisons = try array { try $0.topic() }
        let take = try optional { r in
            Take(author: try r.optional { try $0.string() }, paragraphs: try r.array { try $0.string() }, range: try r.range())
        }
        let calcBlocks = try array { r in
            CalcBlock(text: try r.string(), range: try r.range(), firstLine: try r.int(), column: try r.int())
        }
        let inlineCalcs = try array { r in InlineCalc(expression: try r.string(), range: try r.range()) }
        let connections = try array { r in
            var c = Connection(target: try r.string(), reason: try r.string(), range: try r.range())
            c.resolution = try r.optional { try $0.resolution() }
            return c
        }
        let links = try array { r in
            guard let style = NoteLink.Style(rawValue: try r.string()) else { throw Malformed() }
            var link = NoteLink(style: style, target: try r.string(), label: try r.optional { try $0.string() },
                                fragment: try r.optional { try $0.string() }, range: try r.range(), embed: try r.bool())
            link.resolution = try r.optional { try $0.resolution() }
            return link
        }
        var note = Note(id: id, path: path, title: title, metadata: metadata, date: date, category: category, tags: tags,
                        aliases: aliases, isStudyNote: isStudyNote, sections: sections, tldr: tldr, comparisons: comparisons,
                        take: take, calcBlocks: calcBlocks, inlineCalcs: inlineCalcs, connections: connections, links: links)
        note.pageNeeds = PageNeeds(math: try bool(), codeLanguages: try array { try $0.string() })
        note.anchors = NoteAnchors(headings: try array { try $0.string() }, blocks: try array { try $0.string() })
        note.bodyText = try string()
        note.queryBlocks = try array { r in QueryBlock(text: try r.string(), range: try r.range(), firstLine: try r.int()) }
        return note
    }

    package mutating func resolution() throws -> Resolution {
        switch try int() {
        case 0: return .note(try string())
        case 1: return .attachment(try string())
        case 2: return .ambiguous(try array { try $0.string() })
        case 3: return .missing(suggestion: try optional { try $0.string() })
        default: throw Malformed()
        }
    }

    package mutating func topic() throws -> Topic {
        let title = try string(), slug = try string(), range = try range()
        let claims = try array { r in
            Claim(label: try r.string(),
                  subjects: try r.array { Subject(name: try $0.string(), slug: try $0.string()) },
                  qualifier: try r.optional { try $0.string() },
                  text: try r.string(),
                  quantities: try r.array { r in
                      Quantity(text: try r.string(), value: try r.optional { Double(bitPattern: try $0.word()) },
                               unit: try r.optional { try $0.string() }, approximate: try r.bool(), lowerBound: try r.bool(),
                               resolution: try r.optional { Double(bitPattern: try $0.word()) }, range: try r.range())
                  },
                  range: try r.range(),
                  verifiedBy: try r.array { CheckReference(note: try $0.string(), line: try $0.int()) },
                  disputedBy: try r.array { r in
                      ClaimConflict(note: try r.string(), line: try r.int(), quantity: try r.string(), range: try r.string(),
                                    ownQuantity: try r.string(), ownRange: try r.string())
                  },
                  disputes: try r.int())
        }
        let verdicts = try array { r in
            Verdict(text: try r.string(), favors: try r.array { try $0.string() }, range: try r.range())
        }
        return Topic(title: title, slug: slug, range: range, claims: claims, verdicts: verdicts)
    }

    package mutating func range() throws -> SourceRange {
        SourceRange(line: try int(), column: try int(), endLine: try int(), endColumn: try int())
    }

    package mutating func diagnostic() throws -> Diagnostic {
        let file = try string(), line = try int(), column = try int()
        let endLine = try optional { try $0.int() }
        let endColumn = try optional { try $0.int() }
        guard let severity = Severity(rawValue: try string()) else { throw Malformed() }
        var d = Diagnostic(file: file, range: nil, severity: severity, rule: try string(), message: try string(),
                           suggestion: try optional { try $0.string() })
        d.line = line; d.column = column; d.endLine = endLine; d.endColumn = endColumn
        return d
    }
}
