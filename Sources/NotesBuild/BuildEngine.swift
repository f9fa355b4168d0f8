import Dispatch
import Foundation
import NotesCheck
import NotesGraph
import NotesModel
import NotesParse
import NotesSite
import NotesSupport

/// What one build is asked to do: everything `notesc build` and each
/// rebuild of `notesc serve` take besides the notes' own bytes.
public struct BuildRequest: Sendable {
    /// The notes folder.
    public var notesRoot: String
    /// The folder the site goes into.
    public var outDir: String
    /// Templates and assets replacing the built-in ones by name; nil for the built-in set.
    public var templatesDir: String?
    /// `notesc.yml` elsewhere than in the notes folder.
    public var configPath: String?
    /// Pass raw HTML in notes through.
    public var unsafeHTML: Bool
    /// The cache folder; nil for the notes root's own under `$XDG_CACHE_HOME/notesc/` (`CacheFolder`).
    public var cacheDir: String?
    /// Keep info diagnostics in what a later unchanged build reports (`--verbose`).
    public var infos: Bool
    /// Write the site even when the notes have errors (`--keep-going`).
    public var keepGoing: Bool
    /// Date the notes that state no date by their last git commit, when the folder is in a repository.
    public var gitDates: Bool

    public init(notesRoot: String, outDir: String, templatesDir: String? = nil, configPath: String? = nil,
                unsafeHTML: Bool = false, cacheDir: String? = nil, infos: Bool = false, keepGoing: Bool = false, gitDates: Bool = true) {
        self.notesRoot = notesRoot; self.outDir = outDir; self.templatesDir = templatesDir; self.configPath = configPath
        self.unsafeHTML = unsafeHTML; self.cacheDir = cacheDir; self.infos = infos; self.keepGoing = keepGoing; self.gitDates = gitDates
    }

    /// The cache folder this request uses.
    public var cacheFolder: String { CacheFolder.path(notesRoot: notesRoot, override: cacheDir) }
}

/// What a build did. With `keepGoing`, the site may have been written
/// despite errors in the notes: `errors` says how many.
public struct BuildOutcome: Sendable {
    /// Every diagnostic of the notes, in output order.
    public var diagnostics: [Diagnostic]
    /// The error diagnostics among them.
    public var errors: Int { diagnostics.errorCount }
    /// The number of notes.
    public var notes: Int
    /// What was written.
    public var site: SiteReport
    /// Nothing had changed since the last build into the same folder: nothing was parsed or written.
    public var upToDate: Bool
}

/// Why a build wrote nothing.
public enum BuildFailure: Error, CustomStringConvertible {
    /// The run itself failed before the notes were read: no such folder, a bad config (exit 2).
    case setup(String)
    /// The notes were checked but the site was not written (`SiteError`: errors in the notes, a refused folder, templates, I/O).
    case site(SiteError, diagnostics: [Diagnostic])

    public var description: String {
        switch self {
        case .setup(let why): why
        case .site(let error, _): error.description
        }
    }
}

/// The one way a site is built: `notesc build`, `notesc serve` and the tests
/// all come here. Its steps, in order:
///
/// 1. read the config and every note's bytes;
/// 2. fingerprint the inputs — notes, config, templates, flags, the binary —
///    and stop when the last build into the same folder had the same and
///    its output is untouched (its diagnostics are reported again);
/// 3. compile the notes with the caches of the notes' cache folder (a
///    rebuild after an edit other notes cannot see redoes only that note;
///    otherwise notes whose bytes the parse cache holds are not parsed again),
///    then run the published notes' query blocks over their database;
/// 4. render the site (the renderer keeps its own page cache in the same folder);
/// 5. record the build, and wait for the caches written on other threads.
///
/// A new kind of input joins the fingerprint in step 2 (`BuildRecord.inputs`)
/// and the stage that reads it; nothing else needs to know.
public enum BuildEngine {
    /// Builds the site `request` asks for. `checked` is called with the
    /// diagnostics as soon as they are known (before the site is written,
    /// so a terminal shows them while pages render); `progress(done, total)`
    /// from worker threads as pages finish.
    public static func build(_ request: BuildRequest,
                             checked: ([Diagnostic], SourceLines) -> Void = { _, _ in },
                             progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> BuildOutcome {
        var clock = StageClock()
        // 1. Read.
        let config: Config
        let sources: NoteSources
        do {
            config = try Config.load(root: request.notesRoot, explicitPath: request.configPath)
            sources = try NoteSources.read(root: request.notesRoot, exclude: config.exclude)
        } catch {
            throw BuildFailure.setup("\(error)")
        }
        clock.lap("read")
        let cacheDir = request.cacheFolder
        var options = SiteOptions(notesRoot: request.notesRoot, outDir: request.outDir, templatesDir: request.templatesDir,
                                  unsafeHTML: request.unsafeHTML, baseURL: config.baseURL, cacheDir: cacheDir)
        options.keepGoing = request.keepGoing
        options.attachmentStamp = sources.attachmentStamp
        if let title = config.title { options.title = title }
        // The commit checked out dates undated notes (step 4): a new one rebuilds.
        options.gitCommit = request.gitDates ? GitDates.head(request.notesRoot) : nil
        let outDir = try? OutputLocation.check(request.outDir, notesRoot: request.notesRoot)

        // 2. Nothing changed since the last build, and its output is as it
        // left it: say what it said, without parsing a note.
        let inputs = BuildRecord.inputs(sources, config: config, options: options)
        if let inputs, let outDir,
           let record = BuildRecord.current(cacheDir: cacheDir, outDir: outDir, inputs: inputs, infos: request.infos) {
            clock.lap("record")
            checked(record.diagnostics, SourceLines(root: request.notesRoot, sources: sources))
            // The site on record was written by `--keep-going` despite errors: without it, the build fails.
            let errors = record.diagnostics.errorCount
            guard errors == 0 || request.keepGoing else {
                throw BuildFailure.site(.notesHaveErrors(errors), diagnostics: record.diagnostics)
            }
            return BuildOutcome(diagnostics: record.diagnostics, notes: record.notes,
                                site: SiteReport(pages: record.pages, files: record.files, removed: 0, outDir: outDir),
                                upToDate: true)
        }
        // The templates load on another thread while the notes are compiled.
        let prepared = SiteBuilder.prepare(options)

        // 3. Compile. The caches may still be being written: wait for them however the build ends.
        defer { CacheWriting.wait() }
        let fileHashes = sources.hashes
        // The notes' bytes, for the lines the diagnostics quote; let go once they are printed.
        var lines: SourceLines? = SourceLines(root: request.notesRoot, sources: sources)
        var notebook = compile(consume sources, config: config, cacheDir: cacheDir)
        clock.lap("compile:notes")
        // The HTML that safe mode would leave out reaches the page.
        if request.unsafeHTML { notebook.diagnostics.removeAll { $0.rule == Rule.droppedHTML.id } }
        // What is published: drafts are left out of every page, and of the
        // database the query blocks read, which is made only when some note has one.
        var (published, drafts) = notebook.published(config.publish) { Entities.gather($0, aliases: config.aliases) }
        // A note that states no date is dated by its last commit, for the feed and the lists.
        if options.gitCommit != nil {
            let undated = Set(published.notes.filter { $0.date == nil }.map(\.path))
            let dates = GitDates.dates(request.notesRoot, paths: undated)
            for i in published.notes.indices where published.notes[i].date == nil {
                published.notes[i].date = dates[published.notes[i].path]
            }
        }
        clock.lap("compile:publish")
        let queries = QueryStage.run(published, config: config, silenced: lines!.silences)
        if !queries.diagnostics.isEmpty {
            notebook.diagnostics = Diagnostic.sortedForOutput(notebook.diagnostics + queries.diagnostics)
            published.diagnostics = notebook.diagnostics
        }
        options.queries = queries.results
        clock.lap("compile:queries")
        checked(notebook.diagnostics, lines!)
        lines = nil
        clock.lap("compile")

        // 4. Render. From here the output may change: the old record no longer describes it.
        options.drafts = drafts
        if config.title == nil { options.title = SiteBuilder.defaultTitle(published.notes, notesRoot: request.notesRoot) }
        let publishedHashes = drafts.isEmpty ? fileHashes : notebook.notes.indices.filter { !drafts.contains(notebook.notes[$0].id) }.map { fileHashes[$0] }
        if let outDir { BuildRecord.forget(cacheDir: cacheDir, outDir: outDir) }
        let site: SiteReport
        do {
            site = try SiteBuilder.build(published, options: options, prepared: prepared, fileHashes: publishedHashes, progress: progress)
        } catch let error as SiteError {
            throw BuildFailure.site(error, diagnostics: notebook.diagnostics)
        }
        clock.lap("site")

        // 5. Record.
        if let inputs, let outDir {
            BuildRecord.save(cacheDir: cacheDir, outDir: outDir, inputs: inputs, notes: notebook.notes.count, report: site,
                             diagnostics: notebook.diagnostics, infos: request.infos)
        }
        CacheWriting.wait()
        clock.lap("record")
        let outcome = BuildOutcome(diagnostics: notebook.diagnostics, notes: notebook.notes.count, site: site, upToDate: false)
        releaseInBackground((notebook, published))
        return outcome
    }

    /// The notebook of `sources`, with the caches of `cacheDir`: when the
    /// edited notes changed nothing other notes see, only they are redone;
    /// otherwise the notes whose bytes the parse cache holds are not parsed
    /// again. The caches are brought up to date on another thread
    /// (`CacheWriting.wait()` before the process ends).
    public static func compile(_ sources: NoteSources, config: Config, cacheDir: String) -> Notebook {
        var clock = StageClock()
        do {
            let compiled = CompileCache(path: CompileCache.location(cacheDir: cacheDir), config: config)
            clock.lap("compile-cache")
            if let notebook = compiled.notebook(sources, config: config) {
                clock.lap(compiled.reworked ? "reworked" : "incremental")
                return notebook
            }
        }
        // The old file is written afresh: its bytes (hundreds of MB at 100k
        // notes) are let go, not held through the compile.
        let compiled = CompileCache(path: CompileCache.location(cacheDir: cacheDir), config: config, load: false)
        let parseCache = ParseCache(path: ParseCache.location(cacheDir: cacheDir))
        parseCache.writesInBackground = true
        let parsed = parseCache.parseAll(sources)
        let slots = ResultSlots<UInt64>(count: parsed.count)
        DispatchQueue.concurrentPerform(iterations: parsed.count) { i in slots[i] = CompileCache.interface(parsed[i]) }
        let interfaces = slots.values
        clock.lap("interfaces")
        let compilation = Pipeline.compile(sources, config: config, parsed: consume parsed)
        // The writer takes what it writes, not the compilation: that holds
        // every note's decoded text, which would live until the cache is written.
        let (notebook, files, perNote, calcByFile, hashes) = (compilation.notebook, compilation.files, compilation.perNote,
                                                              compilation.calcByFile, sources.hashes)
        let attachments = sources.attachmentsHash
        CacheWriting.run(background: true) {
            let results = notebook.notes.indices.map { i in
                CompileCache.Result(note: notebook.notes[i], diagnostics: perNote[i], calcDiagnostics: calcByFile[files[i].path] ?? [])
            }
            compiled.save(files, hashes: hashes, attachments: attachments, interfaces: interfaces, results: results,
                          systems: notebook.systems, topics: notebook.topics)
        }
        return notebook
    }
}
