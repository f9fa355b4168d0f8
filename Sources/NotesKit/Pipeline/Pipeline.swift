import Dispatch
import Foundation

/// The stages of DESIGN §1 in order: read files → parse → records → resolve
/// references → check. Each takes values and returns values.
public enum Pipeline {
    /// Reads and checks a notes folder. Throws only when the run itself fails
    /// (no such folder); problems in notes are diagnostics.
    /// `entities: false` skips gathering systems and topics (lint does not need them).
    public static func load(root: String, config: Config = Config(), entities: Bool = true) throws -> Notebook {
        try compile(root: root, config: config, entities: entities).notebook
    }

    /// Like `load`, plus the decoded text of every note, so diagnostics can
    /// quote their lines without reading the files again.
    public static func loadKeepingSources(root: String, config: Config = Config(), entities: Bool = true) throws -> (Notebook, SourceLines) {
        let compilation = try compile(root: root, config: config, entities: entities)
        var sources: [String: SourceText] = [:]
        sources.reserveCapacity(compilation.parsed.count)
        for parsed in compilation.parsed {
            if let source = parsed.source { sources[parsed.note.path] = source }
        }
        return (compilation.notebook, SourceLines(root: root, preloaded: sources))
    }

    /// What the stages produce, including the parsed sources that `--fix` needs.
    struct Compilation {
        var notebook: Notebook
        var parsed: [ParsedNote]
        var files: [NoteFile]
        /// Each note's diagnostics (suppressions applied, before config severities), in file order.
        var perNote: [[Diagnostic]] = []
        /// The calc stage's diagnostics by note path.
        var calcByFile: [String: [Diagnostic]] = [:]
        /// Each parsed note's interface (`CompileCache.interface`), when asked for.
        var interfaces: [UInt64]?
    }

    /// Like `load`, with the caches of `.notesc-cache/` for `notesRoot`:
    /// when the edited notes changed nothing other notes see, only they are
    /// redone; otherwise the notes whose bytes the parse cache holds are not
    /// parsed again. The caches are brought up to date.
    public static func load(_ sources: NoteSources, config: Config, cachedFor notesRoot: String) -> Notebook {
        var clock = StageClock()
        let compiled = CompileCache(path: CompileCache.location(notesRoot: notesRoot), config: config)
        clock.lap("compile-cache")
        if let notebook = compiled.notebook(sources, config: config) {
            clock.lap("incremental")
            return notebook
        }
        let parseCache = ParseCache(path: ParseCache.location(notesRoot: notesRoot))
        // The caches are written while the later stages run (`CacheWriting.wait()` before the process ends).
        parseCache.writesInBackground = true
        let compilation = compile(sources, config: config, cache: parseCache, interfaces: true)
        // The writer takes what it writes, not the compilation: that holds
        // every note's decoded text, which would live until the cache is written.
        let (notebook, files, perNote, calcByFile, hashes) = (compilation.notebook, compilation.files, compilation.perNote,
                                                              compilation.calcByFile, sources.hashes)
        let interfaces = compilation.interfaces ?? []
        CacheWriting.run(background: true) {
            let results = notebook.notes.indices.map { i in
                CompileCache.Result(note: notebook.notes[i], diagnostics: perNote[i], calcDiagnostics: calcByFile[files[i].path] ?? [])
            }
            compiled.save(files, hashes: hashes, interfaces: interfaces, results: results,
                          systems: notebook.systems, topics: notebook.topics)
        }
        return notebook
    }

    static func compile(root: String, config: Config, entities: Bool = true) throws -> Compilation {
        var clock = StageClock()
        let sources = try NoteSources.read(root: root)
        clock.lap("discover+read")
        return compile(sources, config: config, entities: entities)
    }

    /// Like `load`, from files already read; notes whose bytes `cache` holds
    /// are not parsed again, and the cache is brought up to date (written
    /// only when something changed).
    public static func load(_ sources: NoteSources, config: Config = Config(), cache: ParseCache?) -> Notebook {
        compile(sources, config: config, cache: cache).notebook
    }

    static func compile(_ sources: NoteSources, config: Config, entities: Bool = true, cache: ParseCache? = nil,
                        parsed alreadyParsed: [ParsedNote]? = nil, interfaces: Bool = false) -> Compilation {
        var clock = StageClock()
        let files = sources.files
        let discoveryDiagnostics = sources.diagnostics
        var parsed = alreadyParsed ?? parseAll(sources, cache: cache)
        clock.lap("parse")
        var interfaceHashes: [UInt64]?
        if interfaces {
            let slots = ResultSlots<UInt64>(count: parsed.count)
            DispatchQueue.concurrentPerform(iterations: parsed.count) { [parsed] i in slots[i] = CompileCache.interface(parsed[i]) }
            interfaceHashes = slots.values
            clock.lap("interfaces")
        }
        let index = NoteIndex(ids: files.map(\.id))
        parsed.withUnsafeMutableBufferPointer { notes in
            let notes = notes
            DispatchQueue.concurrentPerform(iterations: notes.count) { [aliases = config.aliases] i in
                ReferenceResolver.resolve(&notes[i].note, index: index)
                ReferenceResolver.applyAliases(&notes[i].note, aliases: aliases)
            }
        }
        clock.lap("resolve")
        // The folder-wide steps that run on one core (the links between
        // notes, systems and topics, the calculations) run side by side.
        let resolved = parsed.map(\.note)
        let context = Background { CheckContext(notes: resolved, index: index) }
        let gathered = Background { entities ? Entities.gather(resolved, aliases: config.aliases) : ([], []) }
        let calcDiagnostics = CalcStage.run(&parsed, index: index)
        clock.lap("calc")
        var diagnostics = discoveryDiagnostics + DuplicateID.check(files)
        let calcByFile = Dictionary(grouping: calcDiagnostics, by: \.file)
        let perNote = ResultSlots<[Diagnostic]>(count: parsed.count)
        DispatchQueue.concurrentPerform(iterations: parsed.count) { [parsed, context = context.value] i in
            let found = parsed[i].diagnostics + Checks.run(parsed[i], in: context) + calcByFile[parsed[i].note.path, default: []]
            // Sorted here, on all cores: the final sort then meets runs already in order.
            perNote[i] = Diagnostic.sortedForOutput(found.filter { !Suppression.silences(parsed[i].suppressions, rule: $0.rule, line: $0.line) })
        }
        clock.lap("context+check")
        let perNoteValues = perNote.values
        diagnostics += perNoteValues.joined()
        diagnostics = applySeverities(diagnostics, config: config)
        clock.lap("join")
        let (systems, topics) = gathered.value
        clock.lap("entities")
        let notebook = Notebook(notes: parsed.map(\.note), systems: systems, topics: topics,
                                diagnostics: Diagnostic.sortedForOutput(diagnostics))
        clock.lap("sort")
        return Compilation(notebook: notebook, parsed: parsed, files: files, perNote: perNoteValues, calcByFile: calcByFile,
                           interfaces: interfaceHashes)
    }

    /// Config severities: a rule set `off` drops its diagnostics.
    static func applySeverities(_ diagnostics: [Diagnostic], config: Config) -> [Diagnostic] {
        guard !config.severities.isEmpty else { return diagnostics }
        return diagnostics.compactMap { d in
            guard let configured = config.severities[d.rule] else { return d }
            guard let severity = configured else { return nil }
            var copy = d
            copy.severity = severity
            return copy
        }
    }

    /// Parses every file on all cores; the order of the result is the order
    /// of the files, whatever the core count. With a cache, a note whose
    /// bytes it holds is taken from it, and the others are added to it.
    static func parseAll(_ sources: NoteSources, cache: ParseCache? = nil) -> [ParsedNote] {
        CmarkBridge.prepare()
        let files = sources.files
        let results = ResultSlots<ParsedNote>(count: files.count)
        let fresh = ResultSlots<[UInt8]>(count: files.count)
        let hit = ResultSlots<Bool>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            switch sources.contents[i] {
            case .success(let bytes):
                if let cache {
                    if let cached = cache.lookup(file, hash: sources.hashes[i], bytes: bytes) {
                        results[i] = cached
                        hit[i] = true
                        return
                    }
                    let parsed = NoteParser.parse(id: file.id, path: file.path, bytes: bytes)
                    if parsed.readable { fresh[i] = ParseCache.encode(parsed) }
                    results[i] = parsed
                } else {
                    results[i] = NoteParser.parse(id: file.id, path: file.path, bytes: bytes)
                }
            case .failure(let error):
                var empty = NoteParser.parse(id: file.id, path: file.path, bytes: [])
                empty.readable = false
                empty.source = nil
                empty.diagnostics = [Diagnostic(file: file.path, range: nil, rule: .unreadableFile,
                                                message: "\(error)", suggestion: "check the file's permissions")]
                results[i] = empty
            }
        }
        if let cache {
            let fresh = (0..<files.count).map { fresh[$0] }
            // Written when a note was parsed anew or an entry is no longer used.
            let hits = (0..<files.count).filter { hit[$0] == true }.count
            if fresh.contains(where: { $0 != nil }) || cache.count != hits {
                CacheWriting.run(background: cache.writesInBackground) { cache.save(files, hashes: sources.hashes, fresh: fresh) }
            }
        }
        return results.values
    }

    /// Reads and parses `files` on all cores, without a cache.
    static func parseAll(_ files: [NoteFile]) -> [ParsedNote] {
        parseAll(NoteSources.read(files, diagnostics: []))
    }
}

/// Cache files written on other threads while the build goes on.
public enum CacheWriting {
    private static let group = DispatchGroup()
    /// One cache at a time: each is encoded whole before it is written, and
    /// two at once, beside the pages, made the build's peak memory.
    private static let queue = DispatchQueue(label: "notesc.cache-writing")

    static func run(background: Bool, _ write: @escaping @Sendable () -> Void) {
        if background { queue.async(group: group, execute: write) } else { write() }
    }

    /// Waits for every cache file being written: call it before the process ends.
    public static func wait() { group.wait() }
}

/// A value computed on another thread; `value` waits for it.
final class Background<T>: @unchecked Sendable {
    private var result: T?
    private let group = DispatchGroup()

    init(_ work: @escaping () -> T) {
        DispatchQueue.global().async(group: group) { self.result = work() }
    }

    var value: T {
        group.wait()
        return result!
    }
}

/// Fixed slots that concurrent workers fill by index.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(i: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return slots[i] }
        set { lock.lock(); slots[i] = newValue; lock.unlock() }
    }

    var values: [T] { slots.map { $0! } }
}

/// Stage timings on stderr when `NOTESC_TIMING` is set, for profiling.
public struct StageClock {
    private let enabled = ProcessInfo.processInfo.environment["NOTESC_TIMING"] != nil
    private var last = DispatchTime.now()

    public init() {}

    public mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        FileHandle.standardError.write(Data(String(format: "%-12@ %7.3f s\n", stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9).utf8))
        last = now
    }
}
