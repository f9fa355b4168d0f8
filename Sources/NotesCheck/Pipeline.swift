import Dispatch
import Foundation
import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// The stages of DESIGN §1 in order: read files → parse → records → resolve
/// references → check. Each takes values and returns values.
public enum Pipeline {
    /// Reads and checks a notes folder. Throws only when the run itself fails
    /// (no such folder); problems in notes are diagnostics.
    /// `entities: false` skips gathering systems and topics (lint does not need them);
    /// `forSite: false`, reading what only pages use (`NoteParser.parse`).
    public static func load(root: String, config: Config = Config(), entities: Bool = true, forSite: Bool = true) throws -> Notebook {
        try compile(root: root, config: config, entities: entities, forSite: forSite).notebook
    }

    /// Like `load`, plus the decoded text of every note, so diagnostics can
    /// quote their lines without reading the files again.
    public static func loadKeepingSources(root: String, config: Config = Config(), entities: Bool = true,
                                          forSite: Bool = true) throws -> (Notebook, SourceLines) {
        let compilation = try compile(root: root, config: config, entities: entities, forSite: forSite)
        var sources: [String: SourceText] = [:]
        sources.reserveCapacity(compilation.parsed.count)
        for parsed in compilation.parsed {
            if let source = parsed.source { sources[parsed.note.path] = source }
        }
        return (compilation.notebook, SourceLines(root: root, preloaded: sources))
    }

    /// What the stages produce, including the parsed sources that `--fix` needs.
    package struct Compilation {
        package var notebook: Notebook
        var parsed: [ParsedNote]
        package var files: [NoteFile]
        /// Each note's diagnostics (suppressions applied, before config severities), in file order.
        package var perNote: [[Diagnostic]] = []
        /// The diagnostics of the folder-wide stages that a note's interface decides
        /// (calculations, conflicting claims) by note path, before suppressions.
        package var calcByFile: [String: [Diagnostic]] = [:]
    }

    static func compile(root: String, config: Config, entities: Bool = true, forSite: Bool = true) throws -> Compilation {
        var clock = StageClock()
        let sources = try NoteSources.read(root: root, exclude: config.exclude)
        clock.lap("discover+read")
        let parsed = parseAll(sources, forSite: forSite)
        clock.lap("parse")
        return compile(sources, config: config, entities: entities, parsed: parsed)
    }

    /// The stages after parsing; `parsed` (in the order of `sources.files`)
    /// skips parsing, for callers that keep parsed notes, such as the build's caches.
    package static func compile(_ sources: NoteSources, config: Config, entities: Bool = true,
                                parsed alreadyParsed: [ParsedNote]? = nil) -> Compilation {
        var clock = StageClock()
        let files = sources.files
        let discoveryDiagnostics = sources.diagnostics
        var parsed = alreadyParsed ?? parseAll(sources)
        if alreadyParsed == nil { clock.lap("parse") }
        let index = NoteIndex(ids: files.map(\.id), attachments: sources.attachments, aliases: aliases(parsed.map(\.note)))
        let suggest = ReferenceResolver.Suggest(config)
        parsed.withUnsafeMutableBufferPointer { notes in
            let notes = notes
            DispatchQueue.concurrentPerform(iterations: notes.count) { [aliases = config.aliases] i in
                resolve(&notes[i].note, index: index, aliases: aliases, suggest: suggest)
            }
        }
        clock.lap("resolve")
        // The folder-wide steps that run on one core (the links between
        // notes, systems and topics, the calculations) run side by side.
        // The notes as resolved are let go before the calculations and
        // conflicts mark claims: while they share the notes' claims, marking
        // one copied its topic's (a quarter of the compile's memory at 10k notes).
        let context: Background<CheckContext>, gathered: Background<(systems: [System], topics: [TopicEntity])>, cycles: [Diagnostic]
        do {
            let resolved = parsed.map(\.note)
            context = Background { CheckContext(notes: resolved, index: index, publish: config.publish, rulesOff: config.rulesOff) }
            gathered = Background { entities ? Entities.gather(resolved, aliases: config.aliases) : ([], []) }
            cycles = embedCycles(resolved, sources, config: config)
        }
        let calcDiagnostics = calcAndConflicts(&parsed, index: index, config: config)
        clock.lap("calc+conflicts")
        var diagnostics = discoveryDiagnostics + DuplicateID.check(files) + cycles
        let calcByFile = Dictionary(grouping: calcDiagnostics, by: \.file)
        let perNote = ResultSlots<[Diagnostic]>(count: parsed.count)
        DispatchQueue.concurrentPerform(iterations: parsed.count) { [parsed, context = context.value] i in
            // Sorted here, on all cores: the final sort then meets runs already in order.
            perNote[i] = check(parsed[i], in: context, calc: calcByFile[parsed[i].note.path, default: []])
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
        return Compilation(notebook: notebook, parsed: parsed, files: files, perNote: perNoteValues, calcByFile: calcByFile)
    }

    /// The stages that read claims and calcs across notes: calc blocks run
    /// (`Note.calc`, claims' `verifiedBy`), then conflicting claims are
    /// marked (`disputedBy`). Conflicts read the claims after aliases have
    /// named their systems; like the calc results, they follow from the
    /// notes' interfaces (`CompileCache`). Their diagnostics, calc's first.
    package static func calcAndConflicts(_ parsed: inout [ParsedNote], index: NoteIndex, config: Config) -> [Diagnostic] {
        let calc = CalcStage.run(&parsed, index: index)
        return calc + (config.rulesOff.contains(Rule.conflictingClaims.id) ? [] : ConflictingClaims.run(&parsed))
    }

    /// Every note's front matter aliases, for `NoteIndex`.
    package static func aliases(_ notes: [Note]) -> [(id: String, alias: String)] {
        notes.flatMap { note in note.aliases.map { (note.id, $0) } }
    }

    /// A note's references resolved against the folder's ids, then the config's system aliases applied.
    package static func resolve(_ note: inout Note, index: NoteIndex, aliases: [String: String],
                                suggest: ReferenceResolver.Suggest = .init()) {
        ReferenceResolver.resolve(&note, index: index, suggest: suggest)
        ReferenceResolver.applyAliases(&note, aliases: aliases)
    }

    /// A note's diagnostics: the parser's, the rules' and its calc stage's,
    /// its suppressions applied, in output order.
    package static func check(_ parsed: ParsedNote, in context: CheckContext, calc: [Diagnostic]) -> [Diagnostic] {
        let found = parsed.diagnostics + Checks.run(parsed, in: context) + calc
        return Diagnostic.sortedForOutput(found.filter { !Suppression.silences(parsed.suppressions, rule: $0.rule, line: $0.line) })
    }

    /// `embed-cycle` over the whole folder (its notes in the order of `sources.files`), unless the rule is off.
    package static func embedCycles(_ notes: [Note], _ sources: NoteSources, config: Config) -> [Diagnostic] {
        guard !config.rulesOff.contains(Rule.embedCycle.id) else { return [] }
        return EmbedCycle.check(notes, publish: config.publish) { i in
            if case .success(let bytes) = sources.contents[i] { return bytes }
            return nil
        }
    }

    /// Config severities: a rule set `off` drops its diagnostics.
    package static func applySeverities(_ diagnostics: [Diagnostic], config: Config) -> [Diagnostic] {
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
    /// of the files, whatever the core count. `cached` gives the notes parsed
    /// already (nil for the others): the build's parse cache.
    package static func parseAll(_ sources: NoteSources, forSite: Bool = true, cached: ((Int) -> ParsedNote?)? = nil) -> [ParsedNote] {
        CmarkBridge.prepare()
        let files = sources.files
        let results = ResultSlots<ParsedNote>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            switch sources.contents[i] {
            case .success(let bytes):
                results[i] = cached?(i) ?? NoteParser.parse(id: file.id, path: file.path, bytes: bytes, forSite: forSite)
            case .failure(let error):
                var empty = NoteParser.parse(id: file.id, path: file.path, bytes: [])
                empty.readable = false
                empty.source = nil
                empty.diagnostics = [Diagnostic(file: file.path, range: nil, rule: .unreadableFile,
                                                message: "\(error)", suggestion: "check the file's permissions")]
                results[i] = empty
            }
        }
        return results.values
    }

    /// Reads and parses `files` on all cores, without a cache.
    static func parseAll(_ files: [NoteFile]) -> [ParsedNote] {
        parseAll(NoteSources.read(files, diagnostics: []))
    }
}
