import Dispatch
import Foundation
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSite
import NotesSupport

/// What the folder-wide stages (resolve, calc, checks, entities) made of each
/// note in the last build, so that a rebuild after an edit that other notes
/// cannot see redoes only the edited notes.
///
/// A note's *interface* is what other notes' results depend on: its id, the
/// targets of its connections and links, its calc blocks and inline calcs,
/// its comparisons (claims, quantities, verdicts, with their lines) and
/// whether it could be read. When the files are the same ones, the config
/// too, and every edited note's interface is as before, every other note's
/// records and diagnostics, and the systems and topics, are as before; an
/// edited note is resolved and checked again, and takes its calc results and
/// verified claims (functions of its interface and the others') from the cache.
///
/// A `CacheFile`: a first block (the config it holds for, the systems and
/// topics), then one block per note (path, file hash, interface, results); a
/// rebuild appends the blocks of the notes it redid (a later block replaces
/// an earlier one).
public final class CompileCache: @unchecked Sendable {
    static let format = "compile 13"

    struct Entry {
        var file: UInt64
        var interface: UInt64
        var block: Range<Int>
    }

    public let path: String
    private let stored: CacheFile.Contents?
    private let key: UInt64
    private let entities: Range<Int>?
    private let entries: [String: Entry]
    /// `NoteSources.attachmentsHash` of the folder the cache was made from: links may name those files.
    private let attachments: UInt64?

    /// `compile` in the notes' cache folder.
    public static func location(cacheDir: String) -> String { cacheDir + "/compile" }

    /// Loads the cache at `path` for `config`; missing, malformed or made for another config or binary, it is empty.
    public convenience init(path: String, config: Config) {
        self.init(path: path, config: config, load: true)
    }

    /// `load: false` makes one that only writes the cache afresh (`save`),
    /// without holding the old file's bytes.
    init(path: String, config: Config, load: Bool) {
        self.path = path
        key = Self.key(config)
        var entries: [String: Entry] = [:]
        var entities: Range<Int>?
        var attachments: UInt64?
        let loaded = load ? CacheFile.load(path, format: Self.format) : nil
        if let loaded, let first = loaded.blocks.first, let body = loaded.verified(first) {
            var r = CacheReader(loaded.bytes, from: body.lowerBound, to: body.upperBound)
            if (try? r.word()) == key, let files = try? r.word() {
                attachments = files
                entities = r.offset..<body.upperBound
                for block in loaded.blocks.dropFirst() {
                    var r = loaded.reader(block)
                    guard let notePath = try? r.string(), let file = try? r.word(), let interface = try? r.word() else { continue }
                    entries[notePath] = Entry(file: file, interface: interface, block: block)
                }
            }
        }
        stored = entities == nil ? nil : loaded
        self.entries = entries
        self.entities = entities
        self.attachments = attachments
    }

    /// The config and binary the cache holds for: aliases rename systems;
    /// a rule set `off` is not run (nor its suggestions looked for).
    static func key(_ config: Config) -> UInt64 {
        var h = StableHash()
        h.add(format)
        h.add(config.publish.rawValue)
        for rule in config.rulesOff.sorted() { h.add("off " + rule) }
        for (alias, name) in config.aliases.sorted(by: { $0.key < $1.key }) { h.add(alias); h.add(name) }
        return h.value
    }

    /// What other notes can see of a parsed note (see the type's comment), hashed.
    static func interface(_ parsed: ParsedNote) -> UInt64 {
        let n = parsed.note
        var w = CacheWriter(capacity: 4096)
        w.string(n.id); w.string(n.path); w.bool(parsed.readable); w.bool(n.isDraft(in: .all)); w.bool(n.isDraft(in: .explicit))
        w.array(n.connections) { $0.string($1.target) }
        w.array(n.links) { $0.string($1.target) }
        // Other notes' links may name this note by an alias.
        w.array(n.aliases) { $0.string($1) }
        w.array(n.calcBlocks) { w, b in w.string(b.text); w.range(b.range); w.int(b.firstLine); w.int(b.column) }
        w.array(n.inlineCalcs) { w, c in w.string(c.expression); w.range(c.range) }
        w.array(n.comparisons) { $0.topic($1) }
        // Links into the note (`[[Note#Heading]]`) are checked against these.
        w.array(n.anchors.headings) { $0.string($1) }
        w.array(n.anchors.blocks) { $0.string($1) }
        var h = StableHash()
        h.add(w.bytes)
        return h.value
    }

    /// What a note's entry holds: its records after every stage, its
    /// diagnostics (suppressions applied, in output order, severities as the
    /// rules give them) and its calc and conflicting-claims diagnostics before
    /// suppressions (both follow from the interfaces alone).
    struct Result {
        var note: Note
        var diagnostics: [Diagnostic]
        var calcDiagnostics: [Diagnostic]
    }

    /// A note's block: its path, file hash and interface, then its results.
    static func encode(_ path: String, _ file: UInt64, _ interface: UInt64, _ result: Result) -> [UInt8] {
        var w = CacheWriter(capacity: 8192)
        w.string(path); w.word(file); w.word(interface)
        w.record(result.note)
        w.array(result.diagnostics) { $0.diagnostic($1) }
        w.array(result.calcDiagnostics) { $0.diagnostic($1) }
        return w.bytes
    }

    private func result(_ entry: Entry) -> Result? {
        guard let stored, let body = stored.verified(entry.block) else { return nil }
        var r = CacheReader(stored.bytes, from: body.lowerBound, to: body.upperBound)
        guard (try? r.string()) != nil, (try? r.word()) == entry.file, (try? r.word()) == entry.interface,
              let note = try? r.record(), let diagnostics = try? r.array({ try $0.diagnostic() }),
              let calc = try? r.array({ try $0.diagnostic() }), r.atEnd else { return nil }
        return Result(note: note, diagnostics: diagnostics, calcDiagnostics: calc)
    }

    private func storedEntities() -> (systems: [System], topics: [TopicEntity])? {
        guard let stored, let entities else { return nil }
        var r = CacheReader(stored.bytes, from: entities.lowerBound, to: entities.upperBound)
        guard let gathered = try? r.entities(), r.atEnd else { return nil }
        return gathered
    }

    /// The notebook of `sources` from the cache, with the edited notes parsed
    /// and the folder-wide stages run again for them alone; nil when that is
    /// not possible (files added, removed or renamed, an edited note's
    /// interface changed, an entry missing or damaged).
    func notebook(_ sources: NoteSources, config: Config) -> Notebook? {
        let files = sources.files
        // The same files: an entry for each, and so none for a file that went away.
        guard !files.isEmpty, entries.count == files.count, attachments == sources.attachmentsHash else { return nil }
        var changed: [Int] = []
        for (i, file) in files.enumerated() {
            guard let entry = entries[file.path] else { return nil }
            if entry.file != sources.hashes[i] { changed.append(i) }
        }
        // The systems and topics are read on another thread while the notes are.
        let entities = Background { self.storedEntities() }
        // An edited note must show other notes what it showed before.
        var reparsed: [Int: ParsedNote] = [:]
        for i in changed {
            guard case .success(let bytes) = sources.contents[i] else { return nil }
            let parsed = NoteParser.parse(id: files[i].id, path: files[i].path, bytes: bytes)
            guard Self.interface(parsed) == entries[files[i].path]!.interface else { return nil }
            reparsed[i] = parsed
        }
        let results = ResultSlots<Result>(count: files.count)
        let failed = ResultSlots<Bool>(count: 1)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            if let r = result(entries[files[i].path]!) { results[i] = r } else { failed[0] = true }
        }
        guard failed[0] == nil, let (systems, topics) = entities.value else { return nil }
        var notes = (0..<files.count).map { results[$0]!.note }
        var fresh: [Int: Result] = [:]
        if !changed.isEmpty {
            let index = NoteIndex(ids: files.map(\.id), attachments: sources.attachments, aliases: Pipeline.aliases(notes))
            for i in changed {
                var note = reparsed[i]!.note
                Pipeline.resolve(&note, index: index, aliases: config.aliases, suggest: ReferenceResolver.Suggest(config))
                // The same interface: the same calc results, verified and disputed claims as before.
                note.calc = notes[i].calc
                note.comparisons = notes[i].comparisons
                notes[i] = note
                reparsed[i]!.note = note
            }
            let context = CheckContext(notes: Self.touching(Set(changed.map { files[$0].id }), notes), index: index,
                                       publish: config.publish, rulesOff: config.rulesOff)
            for i in changed {
                let parsed = reparsed[i]!
                let calc = results[i]!.calcDiagnostics
                fresh[i] = Result(note: parsed.note, diagnostics: Pipeline.check(parsed, in: context, calc: calc), calcDiagnostics: calc)
            }
        }
        var diagnostics = sources.diagnostics + DuplicateID.check(files) + Pipeline.embedCycles(notes, sources, config: config)
        for i in files.indices { diagnostics += fresh[i]?.diagnostics ?? results[i]!.diagnostics }
        diagnostics = Pipeline.applySeverities(diagnostics, config: config)
        if !fresh.isEmpty { append(files, hashes: sources.hashes, fresh) }
        return Notebook(notes: notes, systems: systems, topics: topics, diagnostics: Diagnostic.sortedForOutput(diagnostics))
    }

    /// The notes among `notes` that are in `ids`, connect or link to one of
    /// them, or are one's target (whether it is a draft): all that the checks
    /// of those notes read of the folder.
    static func touching(_ ids: Set<String>, _ notes: [Note]) -> [Note] {
        // A rebuild edits a note or two: comparing with each beats hashing
        // every connection and link of the folder.
        let few = ids.count <= 4 ? Array(ids) : nil
        func named(_ id: String?) -> Bool {
            guard let id else { return false }
            if let few { return few.contains(id) }
            return ids.contains(id)
        }
        var targets = Set<String>()
        for i in notes.indices where named(notes[i].id) {
            targets.formUnion(notes[i].connections.compactMap(\.resolved) + notes[i].links.compactMap(\.resolved))
        }
        // By index: filtering the values copied every note looked at.
        return notes.indices.filter { i in
            named(notes[i].id) || targets.contains(notes[i].id)
                || notes[i].connections.contains { named($0.resolved) } || notes[i].links.contains { named($0.resolved) }
        }.map { notes[$0] }
    }

    /// Appends the blocks of the notes redone; the whole file is written
    /// afresh by the next full compile when replaced blocks would outnumber the live ones.
    private func append(_ files: [NoteFile], hashes: [UInt64], _ fresh: [Int: Result]) {
        guard let stored, stored.blocks.count - 1 + fresh.count - files.count <= max(files.count, 64) else {
            CacheFile.remove(path)
            return
        }
        // An edited note's interface is the one its old entry holds (or it would not be here).
        CacheFile.append(path, blocks: fresh.keys.sorted().map { i in
            Self.encode(files[i].path, hashes[i], entries[files[i].path]!.interface, fresh[i]!)
        })
    }

    /// Writes the cache afresh after a full compile.
    func save(_ files: [NoteFile], hashes: [UInt64], attachments: UInt64, interfaces: [UInt64], results: [Result],
              systems: [System], topics: [TopicEntity]) {
        guard let sink = CacheFile.Sink(path: path, format: Self.format) else { return }
        var e = CacheWriter(capacity: 1 << 20)
        e.word(key)
        e.word(attachments)
        e.entities(systems, topics)
        var w = CacheWriter(capacity: 1 << 20)
        CacheFile.block(e.bytes, into: &w)
        sink.write(&w)
        // Encoded on all cores a block at a time: the entries are most of the
        // time this takes, and a block's bytes are all that is held at once.
        for block in stride(from: 0, to: files.count, by: 1024) {
            let end = min(block + 1024, files.count)
            let encoded = ResultSlots<[UInt8]>(count: end - block)
            DispatchQueue.concurrentPerform(iterations: end - block) { k in
                let i = block + k
                encoded[k] = Self.encode(files[i].path, hashes[i], interfaces[i], results[i])
            }
            for i in block..<end { CacheFile.block(encoded[i - block]!, into: &w) }
            sink.write(&w)
        }
        sink.finish()
    }
}

extension CacheWriter {
    mutating func entities(_ systems: [System], _ topics: [TopicEntity]) {
        array(systems) { w, s in
            w.string(s.slug); w.string(s.name)
            w.array(s.spellings) { $0.string($1) }
            w.array(s.mentions) { w, m in w.string(m.note); w.string(m.topic); w.int(m.line) }
        }
        array(topics) { w, t in
            w.string(t.slug); w.string(t.title)
            w.array(t.notes) { $0.string($1) }
            w.array(t.systems) { $0.string($1) }
        }
    }
}

extension CacheReader {
    /// A note with its calc results, as `CacheWriter.record` wrote it.
    mutating func record() throws -> Note {
        var n = try note()
        n.calc = try optional { try $0.calc() }
        return n
    }

    /// Calc results, as `CacheWriter.calc` wrote them.
    mutating func calc() throws -> NoteCalc {
        let statements = try array { r in
            CalcStatementRecord(
                line: try r.int(), source: try r.string(), display: try r.optional { try $0.string() },
                check: try r.optional { r in
                    CheckRecord(passed: try r.bool(), computed: try r.string(), stated: try r.string(),
                                interval: try r.optional { try $0.string() }, forNote: try r.optional { try $0.string() })
                },
                error: try r.optional { try $0.string() })
        }
        let inline = try array { r in
            InlineCalcRecord(range: try r.range(), expression: try r.string(), display: try r.optional { try $0.string() })
        }
        return NoteCalc(statements: statements, inline: inline)
    }

    mutating func entities() throws -> (systems: [System], topics: [TopicEntity]) {
        let systems = try array { r in
            System(slug: try r.string(), name: try r.string(), spellings: try r.array { try $0.string() },
                   mentions: try r.array { Mention(note: try $0.string(), topic: try $0.string(), line: try $0.int()) })
        }
        let topics = try array { r in
            TopicEntity(slug: try r.string(), title: try r.string(), notes: try r.array { try $0.string() },
                        systems: try r.array { try $0.string() })
        }
        return (systems, topics)
    }
}
