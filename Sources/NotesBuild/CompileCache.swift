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
    static let format = "compile 14"

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
    /// Whether `notebook(_:config:)` ran the folder-wide stages again (`reworked`).
    private(set) var reworked = false

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
                    guard let notePath = try? r.string() else { continue }
                    if notePath == Self.entitiesBlock {
                        // Read whole when used: verified here.
                        if let body = loaded.verified(block) {
                            var whole = CacheReader(loaded.bytes, from: body.lowerBound, to: body.upperBound)
                            if (try? whole.string()) != nil { entities = whole.offset..<body.upperBound }
                        }
                        continue
                    }
                    guard let file = try? r.word(), let interface = try? r.word() else { continue }
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

    /// Every note's diagnostics as the cache holds them (`Result`), by position.
    struct Stored {
        var diagnostics: [[Diagnostic]] = []
        var calcDiagnostics: [[Diagnostic]] = []
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
        var reparsed: [Int: ParsedNote] = [:]
        var interfaces: [Int: UInt64] = [:]
        for i in changed {
            guard case .success(let bytes) = sources.contents[i] else { return nil }
            let parsed = NoteParser.parse(id: files[i].id, path: files[i].path, bytes: bytes)
            let interface = Self.interface(parsed)
            if interface != entries[files[i].path]!.interface { interfaces[i] = interface }
            reparsed[i] = parsed
        }
        let results = ResultSlots<Result>(count: files.count)
        let failed = ResultSlots<Bool>(count: 1)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            if let r = result(entries[files[i].path]!) { results[i] = r } else { failed[0] = true }
        }
        guard failed[0] == nil, let (storedSystems, storedTopics) = entities.value else { return nil }
        // Moved out of their slots, not copied: releasing the copies' every
        // string was a tenth of a rebuild at 10k notes.
        var notes: [Note] = [], stored = Stored()
        notes.reserveCapacity(files.count)
        stored.diagnostics.reserveCapacity(files.count)
        stored.calcDiagnostics.reserveCapacity(files.count)
        for i in files.indices {
            let result = results.take(i)!
            notes.append(result.note)
            stored.diagnostics.append(result.diagnostics)
            stored.calcDiagnostics.append(result.calcDiagnostics)
        }
        // An edit other notes can see (a claim, a calc, a connection, a
        // heading) but that leaves the notes' ids, aliases and drafts as they
        // were: the folder-wide stages run again over the cached records.
        if !interfaces.isEmpty {
            for i in interfaces.keys where Self.identity(reparsed[i]!.note) != Self.identity(notes[i]) { return nil }
            return reworked(sources, config: config, notes: notes, stored: stored, reparsed: reparsed, interfaces: interfaces)
        }
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
                let calc = stored.calcDiagnostics[i]
                fresh[i] = Result(note: parsed.note, diagnostics: Pipeline.check(parsed, in: context, calc: calc), calcDiagnostics: calc)
            }
        }
        var diagnostics = sources.diagnostics + DuplicateID.check(files) + Pipeline.embedCycles(notes, sources, config: config)
        for i in files.indices { diagnostics += fresh[i]?.diagnostics ?? stored.diagnostics[i] }
        diagnostics = Pipeline.applySeverities(diagnostics, config: config)
        releaseInBackground(stored)
        if !fresh.isEmpty { append(files, hashes: sources.hashes, fresh) }
        return Notebook(notes: notes, systems: storedSystems, topics: storedTopics, diagnostics: Diagnostic.sortedForOutput(diagnostics))
    }

    /// What an edit must leave as it was for `reworked` to apply: what
    /// resolving other notes' references and their drafts reads of a note.
    static func identity(_ note: Note) -> UInt64 {
        var h = StableHash()
        h.add(note.id)
        h.add(note.isDraft(in: .all) ? "draft" : "-")
        h.add(note.isDraft(in: .explicit) ? "draft" : "-")
        for alias in note.aliases { h.add(alias) }
        return h.value
    }

    /// A note's calc blocks and inline calcs, with where they stand, hashed:
    /// with the notes' ids, all that the calc stage reads of a note.
    static func calcInputs(_ note: Note) -> UInt64 {
        var w = CacheWriter(capacity: 1024)
        w.calcBlocks(note.calcBlocks)
        w.inlineCalcs(note.inlineCalcs)
        var h = StableHash()
        h.add(w.bytes)
        return h.value
    }

    /// What the folder-wide stages wrote into a note's records (calc results,
    /// verified and disputed claims), hashed; 0 when they wrote nothing.
    static func derived(_ note: Note) -> UInt64 {
        let claims = note.comparisons.contains { $0.claims.contains { !$0.verifiedBy.isEmpty || $0.disputes > 0 || !$0.disputedBy.isEmpty } }
        guard note.calc != nil || claims else { return 0 }
        var w = CacheWriter(capacity: 1024)
        w.optional(note.calc) { $0.calc($1) }
        for topic in note.comparisons {
            for c in topic.claims {
                w.array(c.verifiedBy) { w, r in w.string(r.note); w.int(r.line) }
                w.array(c.disputedBy) { w, d in
                    w.string(d.note); w.int(d.line); w.string(d.quantity); w.string(d.range); w.string(d.ownQuantity); w.string(d.ownRange)
                }
                w.int(c.disputes)
            }
        }
        var h = StableHash()
        h.add(w.bytes)
        return h.value | 1
    }

    /// The notebook after edits that changed what other notes see of the
    /// edited ones (`interfaces`), from the cached records of the others:
    /// their references resolve as before (`identity` is unchanged), so only
    /// the stages that read across notes run again — calcs (or, when no calc
    /// input changed, the verification of the edited notes' claims),
    /// conflicting claims (in the topics the edited notes have claims in),
    /// systems and topics — and only the notes whose diagnostics can differ
    /// are checked again: the edited ones and the notes they point to or that
    /// point to them (before and after the edit). Those whose calc or
    /// conflict diagnostics alone changed have them replaced. Each yields
    /// what a full compile does.
    private func reworked(_ sources: NoteSources, config: Config, notes cached: [Note], stored: Stored,
                          reparsed: [Int: ParsedNote], interfaces: [Int: UInt64]) -> Notebook? {
        var clock = StageClock()
        reworked = true
        let files = sources.files
        let index = NoteIndex(ids: files.map(\.id), attachments: sources.attachments, aliases: Pipeline.aliases(cached))
        var parsed = cached.map { ParsedNote(records: $0) }
        var targetsBefore = Set<String>()
        for i in reparsed.keys {
            targetsBefore.formUnion(cached[i].connections.compactMap(\.resolved) + cached[i].links.compactMap(\.resolved))
            var note = reparsed[i]!.note
            Pipeline.resolve(&note, index: index, aliases: config.aliases, suggest: ReferenceResolver.Suggest(config))
            parsed[i] = reparsed[i]!
            parsed[i].note = note
        }
        // When the edited notes' calc blocks and inline calcs are as they
        // were (and so, `identity` being unchanged, every calc input is),
        // every note's calc records and calc diagnostics are too: only the
        // edited notes' claims are verified again. Otherwise what the calcs
        // wrote last time goes, as a parse leaves it, and they all run again.
        let calcKept = reparsed.keys.allSatisfy { Self.calcInputs(reparsed[$0]!.note) == Self.calcInputs(cached[$0]) }
        var calcByFile: [String: [Diagnostic]] = [:]
        // The notes whose marks may differ from before: all when the calcs ran
        // again, else the edited ones and those whose conflicts were redone.
        var marked = calcKept ? Set(reparsed.keys) : Set(files.indices)
        if calcKept {
            for i in reparsed.keys { parsed[i].note.calc = cached[i].calc }
            CalcStage.reverify(&parsed, edited: reparsed.keys.sorted(), index: index)
            for i in files.indices where !stored.calcDiagnostics[i].isEmpty {
                let calc = stored.calcDiagnostics[i].filter { $0.rule != Rule.conflictingClaims.id }
                if !calc.isEmpty { calcByFile[files[i].path] = calc }
            }
        } else {
            for i in parsed.indices where reparsed[i] == nil && Self.derived(cached[i]) != 0 {
                parsed[i].note.calc = nil
                for t in parsed[i].note.comparisons.indices {
                    for c in parsed[i].note.comparisons[t].claims.indices where !parsed[i].note.comparisons[t].claims[c].verifiedBy.isEmpty {
                        parsed[i].note.comparisons[t].claims[c].verifiedBy = []
                    }
                }
            }
        }
        let resolved = parsed.map(\.note)
        let gathered = Background { Entities.gather(resolved, aliases: config.aliases) }
        if !calcKept { calcByFile = Dictionary(grouping: CalcStage.run(&parsed, index: index), by: \.file) }
        clock.lap("rework:calc")
        if !config.rulesOff.contains(Rule.conflictingClaims.id) {
            let scope = ConflictingClaims.Scope(notes: Set(reparsed.keys), before: reparsed.keys.sorted().map { cached[$0] })
            let (conflicts, redone) = ConflictingClaims.run(&parsed, scope: scope)
            marked.formUnion(redone.keys)
            let found = Dictionary(grouping: conflicts, by: \.file)
            // Each note's conflict diagnostics: the redone claims' new ones,
            // the others' as before, in line order (a full run's order).
            for i in files.indices {
                let merged = ConflictingClaims.merged(previous: stored.calcDiagnostics[i], found: found[files[i].path] ?? [],
                                                      redone: redone[i], edited: reparsed[i] != nil)
                if !merged.isEmpty { calcByFile[files[i].path, default: []] += merged }
            }
        }
        clock.lap("rework:conflicts")
        // The notes to check again (and store anew): the edited ones; those
        // whose calc or conflict diagnostics or marks changed; what the edited notes point to, before
        // and after (what points to them changed); and the notes pointing to
        // the edited ones (their headings and block ids may have changed).
        let notes = parsed.map(\.note)
        var again = Set(reparsed.keys)
        let edited = Set(reparsed.keys.map { files[$0].id })
        var reached = targetsBefore
        for i in reparsed.keys { reached.formUnion(notes[i].connections.compactMap(\.resolved) + notes[i].links.compactMap(\.resolved)) }
        let position = Dictionary(uniqueKeysWithValues: files.indices.map { (files[$0].id, $0) })
        for id in reached { if let i = position[id] { again.insert(i) } }
        for i in files.indices where notes[i].connections.contains(where: { $0.resolved.map(edited.contains) ?? false })
            || notes[i].links.contains(where: { $0.resolved.map(edited.contains) ?? false }) {
            again.insert(i)
        }
        // Notes whose calc or conflict diagnostics or marks alone changed:
        // no rule reads a claim's marks, and nothing else such a note reads
        // changed, so its diagnostics are the old ones with those replaced
        // (not parsed and checked again: a claim edit changes dozens).
        var recounted: [Int] = []
        for i in files.indices where !again.contains(i) && ((calcByFile[files[i].path] ?? []) != stored.calcDiagnostics[i]
            || marked.contains(i) && Self.derived(notes[i]) != Self.derived(cached[i])) {
            recounted.append(i)
        }
        // Each of them checked against the notes it points to and that point to it.
        let context = CheckContext(notes: Self.touching(Set(again.map { files[$0].id }), notes), index: index,
                                   publish: config.publish, rulesOff: config.rulesOff)
        var fresh: [Int: Result] = [:]
        for i in again.sorted() {
            // A note checked again is parsed again: checks read its text and suppressions.
            var note: ParsedNote
            if let edited = reparsed[i] { note = edited } else {
                guard case .success(let bytes) = sources.contents[i] else { return nil }
                note = NoteParser.parse(id: files[i].id, path: files[i].path, bytes: bytes)
            }
            note.note = notes[i]
            let calc = calcByFile[files[i].path] ?? []
            fresh[i] = Result(note: notes[i], diagnostics: Pipeline.check(note, in: context, calc: calc), calcDiagnostics: calc)
        }
        for i in recounted {
            guard case .success(let bytes) = sources.contents[i], case .success(let source) = SourceText.decode(bytes) else { return nil }
            let calc = calcByFile[files[i].path] ?? []
            let diagnostics = Self.replacing(stored.calcDiagnostics[i], with: calc, in: stored.diagnostics[i],
                                             suppressions: Suppression.scan(source))
            fresh[i] = Result(note: notes[i], diagnostics: diagnostics, calcDiagnostics: calc)
        }
        clock.lap("rework:check")
        var diagnostics = sources.diagnostics + DuplicateID.check(files) + Pipeline.embedCycles(notes, sources, config: config)
        for i in files.indices { diagnostics += fresh[i]?.diagnostics ?? stored.diagnostics[i] }
        diagnostics = Pipeline.applySeverities(diagnostics, config: config)
        let (systems, topics) = gathered.value
        append(files, hashes: sources.hashes, fresh, interfaces: interfaces, entities: (systems, topics))
        return Notebook(notes: notes, systems: systems, topics: topics, diagnostics: Diagnostic.sortedForOutput(diagnostics))
    }

    /// A note's `diagnostics` (suppressions applied, in output order) with its
    /// calc and conflict diagnostics `old` replaced by `new`: what
    /// `Pipeline.check` gives when they are all that changed.
    static func replacing(_ old: [Diagnostic], with new: [Diagnostic], in diagnostics: [Diagnostic],
                          suppressions: [Suppression]) -> [Diagnostic] {
        var left = diagnostics
        for d in old { if let k = left.firstIndex(of: d) { left.remove(at: k) } }
        left += new.filter { !Suppression.silences(suppressions, rule: $0.rule, line: $0.line) }
        return Diagnostic.sortedForOutput(left)
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

    /// Appends the blocks of the notes redone (with their new interfaces,
    /// and the systems and topics when they were gathered again); the whole
    /// file is written afresh by the next full compile when replaced blocks
    /// would outnumber the live ones.
    private func append(_ files: [NoteFile], hashes: [UInt64], _ fresh: [Int: Result], interfaces: [Int: UInt64] = [:],
                        entities: (systems: [System], topics: [TopicEntity])? = nil) {
        guard let stored, stored.blocks.count - 1 + fresh.count - files.count <= max(files.count, 64) else {
            CacheFile.remove(path)
            return
        }
        var blocks = fresh.keys.sorted().map { i in
            Self.encode(files[i].path, hashes[i], interfaces[i] ?? entries[files[i].path]!.interface, fresh[i]!)
        }
        if let entities {
            var w = CacheWriter(capacity: 1 << 16)
            w.string(Self.entitiesBlock)
            w.entities(entities.systems, entities.topics)
            blocks.append(w.bytes)
        }
        CacheFile.append(path, blocks: blocks)
    }

    /// The path of a later block that replaces the systems and topics of the
    /// first (no note's path holds a NUL).
    static let entitiesBlock = "\u{0}entities"

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
