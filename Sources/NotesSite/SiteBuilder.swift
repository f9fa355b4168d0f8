import Dispatch
import Foundation
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// What `notesc build` needs besides the notes.
public struct SiteOptions: Sendable {
    /// The notes folder (read again for each note's Markdown).
    public var notesRoot: String
    /// The folder the site goes into.
    public var outDir: String
    /// A folder of templates and assets that replace built-in ones by name; nil for the built-in set.
    public var templatesDir: String?
    /// Pass raw HTML in notes through (still subject to GFM's tagfilter).
    public var unsafeHTML: Bool
    /// The site's name, in every page title and the feed.
    public var title: String
    /// `lang` of every page.
    public var language: String
    /// The address the site is published at; makes `sitemap.xml` and `feed.xml` absolute. Pages stay relative.
    public var baseURL: String?
    /// The notes' cache folder (`CacheFolder.path`), where the renderer keeps
    /// what each page was made from; nil renders every page.
    public var cacheDir: String?
    /// Ids of the notes left out of the site (`Note.isDraft`): links to them read as plain text.
    public var drafts: Set<String> = []
    /// Write the site even when the notes have errors (`--keep-going`): broken links are marked on their pages.
    public var keepGoing = false
    /// The attachments' sizes and times in one hash (`NoteSources.attachmentStamp`): the copies depend on it.
    public var attachmentStamp: UInt64 = 0
    /// The git commit checked out when notes without a date were dated by their last commit (`GitDates`); nil otherwise.
    public var gitCommit: String?
    /// What the notes' query blocks found (`QueryStage`), when the caller ran
    /// them to report their errors; nil runs them when some note has one.
    public var queries: QueryResults?
    /// Past this many notes `graph.html` is drawn in the browser (`WholeGraph.drawnInBrowserAbove`); tests lower it.
    var graphCanvasAbove = WholeGraph.drawnInBrowserAbove
    /// By page template, what of a claim's data (`PageLinks.claim`) neither
    /// it nor what it includes shows, so it is not made: set from the
    /// templates (`TemplateSet.uses`) as a build starts.
    var claimKeysUnshown: [String: Set<TemplateKey>] = [:]

    public init(notesRoot: String, outDir: String, templatesDir: String? = nil, unsafeHTML: Bool = false,
                title: String = "Study notes", language: String = "en", baseURL: String? = nil, cacheDir: String? = nil) {
        self.notesRoot = notesRoot; self.outDir = outDir; self.templatesDir = templatesDir; self.unsafeHTML = unsafeHTML
        self.title = title; self.language = language; self.baseURL = baseURL; self.cacheDir = cacheDir
    }
}

/// What a build wrote.
public struct SiteReport: Sendable, Equatable {
    /// HTML pages written.
    public var pages: Int
    /// All files written, pages included.
    public var files: Int
    /// Files of the previous build that this one no longer writes, removed.
    public var removed: Int
    /// The output folder, absolute.
    public var outDir: String
    /// Pages rendered anew; the others were unchanged since the previous build and kept.
    public var rendered: Int = 0
    /// What the site lacks that its pages would use (KaTeX, highlight.js not installed), and how to fix it.
    public var notices: [String] = []

    package init(pages: Int, files: Int, removed: Int, outDir: String, rendered: Int = 0) {
        self.pages = pages
        self.files = files
        self.removed = removed
        self.outDir = outDir
        self.rendered = rendered
    }
}

/// Why a build wrote nothing.
public enum SiteError: Error, CustomStringConvertible, Equatable {
    /// The notes have error diagnostics.
    case notesHaveErrors(Int)
    /// `--out` names a folder a build must not write into.
    case refusedOutput(String)
    case template(String)
    case io(String)

    public var description: String {
        switch self {
        case .notesHaveErrors(let n): "\(n) error\(n == 1 ? "" : "s") in the notes; nothing was written"
        case .refusedOutput(let why): why
        case .template(let why): "template: \(why)"
        case .io(let why): why
        }
    }
}

/// A build's templates, loaded on another thread while the notes are read
/// and checked (`SiteBuilder.prepare`): parsing and compiling them is a
/// tenth of a rebuild after an edit at a thousand notes.
public final class PreparedSite: Sendable {
    fileprivate let templatesDir: String?
    fileprivate let templates: Background<Result<TemplateSet, Error>>

    fileprivate init(templatesDir: String?) {
        self.templatesDir = templatesDir
        templates = Background { Result { try TemplateSet.load(from: templatesDir) } }
    }
}

/// Builds the static website of DESIGN §5 from a notebook.
public enum SiteBuilder {
    /// Starts loading what a build with `options` needs besides the notes;
    /// pass the result to `build`.
    public static func prepare(_ options: SiteOptions) -> PreparedSite {
        PreparedSite(templatesDir: options.templatesDir)
    }

    /// Renders every page on all cores into a staging folder, then moves the
    /// result into `options.outDir`. Throws, writing nothing, when the notes
    /// have errors, `outDir` is refused, or a template does not parse.
    /// `progress(done, total)` is called from worker threads as pages finish, for a terminal progress line.
    /// `fileHashes` are the notes' `NoteSources.hashes`, when the caller read them, so they are not read again.
    public static func build(_ notebook: Notebook, options: SiteOptions, prepared: PreparedSite? = nil, fileHashes: [UInt64]? = nil,
                             progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> SiteReport {
        var clock = StageClock()
        let errors = notebook.diagnostics.errorCount
        guard errors == 0 || options.keepGoing else { throw SiteError.notesHaveErrors(errors) }
        let outDir = try OutputLocation.check(options.outDir, notesRoot: options.notesRoot)
        let (noteInputs, fileHashes) = BuildCache.inputs(notebook, notesRoot: options.notesRoot, fileHashes: fileHashes)
        var inputs = options.attachmentStamp == 0 ? noteInputs : noteInputs + "-" + String(options.attachmentStamp, radix: 16)
        if let commit = options.gitCommit { inputs += "-" + commit }
        // What each page depends on is worked out on other threads from here,
        // while the templates and the build cache load and the model is made.
        let madeDependencies = ResultSlots<PageDependencies>(count: 1)
        let dependencyGroup = DispatchGroup()
        DispatchQueue.global().async(group: dependencyGroup) {
            madeDependencies[0] = PageDependencies(notebook, fileHashes: fileHashes)
        }
        let templates: TemplateSet
        var cache: BuildCache
        do {
            templates = try prepared.flatMap { $0.templatesDir == options.templatesDir ? $0.templates.value : nil }?.get()
                ?? TemplateSet.load(from: options.templatesDir)
            cache = BuildCache.load(cacheDir: options.cacheDir, outDir: outDir, fingerprint: templates.fingerprint(options))
        } catch {
            dependencyGroup.wait()
            throw error
        }
        clock.lap("site:templates+cache")
        let options = Self.showing(templates, options)
        // Nothing changed since the last build, and its files are all there: nothing to do.
        if cache.inputs == inputs, let files = OutputWriter.intactOutput(outDir) {
            dependencyGroup.wait()
            return SiteReport(pages: cache.pages.count, files: files, removed: 0, outDir: outDir, rendered: 0)
        }
        cache.inputs = ""
        let writer: OutputWriter
        do { writer = try OutputWriter(outDir: outDir) } catch { dependencyGroup.wait(); throw error }
        // The whole-folder files are made and written on other threads: the
        // sitemap and feed from the start, the search index and graph.json
        // once it is known whether they changed.
        let globalFailures = ResultSlots<String>(count: 5)
        let globals = DispatchGroup()
        do {
            defer { dependencyGroup.wait(); globals.wait() }
            let model = SiteModel(notebook, options: options)
            // Let go on another thread once the build is done: freeing the
            // model took a rebuild at 10k notes 10 ms.
            defer { DispatchQueue.global().async { withExtendedLifetime(model) {} } }
            let pages = SitePage.all(model)
            // Attachments the published notes link to or embed, and no others (DESIGN §2a).
            let attachments = Set(notebook.notes.flatMap { $0.links.compactMap(\.attachment) }).sorted()
            // Folders are made as files are written into them: a rebuild that
            // writes a few files makes a few folders, not the site's thousands.
            // The sitemap and the feed, from the model alone, while pages are worked out.
            DispatchQueue.global().async(group: globals) {
                do {
                    let listed = pages.filter(\.inSitemap).sorted { $0.path < $1.path }
                    try writer.write("sitemap.xml", Sitemap.xml(listed.map { ($0.path, $0.lastmod(model)) }, baseURL: options.baseURL))
                    if model.hasFeed { try writer.write("feed.xml", Feed.atom(model)) }
                    for alias in AliasRedirects.pages(notebook.notes) {
                        try writer.write(alias.path, AliasRedirects.html(alias, title: model.title(alias.target), language: options.language))
                    }
                } catch {
                    globalFailures[2] = "\(error)"
                }
            }
            CmarkBridge.prepare()
            clock.lap("site:model")
            dependencyGroup.wait()
            var dependencies = madeDependencies[0]!
            dependencies.add(tags: model.tags)
            clock.lap("site:deps")
            // The search index is kept when nothing it holds changed (an edit
            // to a note's prose leaves it as it was).
            if !(cache.searchIndex == dependencies.searchIndex && writer.keep("search-index.json")) {
                DispatchQueue.global().async(group: globals) {
                    do {
                        try writer.write("search-index.json", SearchIndex.json(notebook))
                    } catch {
                        globalFailures[0] = "\(error)"
                    }
                }
            }
            // The full-text index is made from the previous build's (`SearchWords`):
            // only the documents and shards an edit touches are made and written.
            let searchWords = ResultSlots<[UInt8]>(count: 1)
            let entryHashes = dependencies.searchEntries
            // The full-text index and graph.json are each made on one core,
            // one after the other, beside the pages: each holds a few hundred
            // megabytes at 10k notes while it is made, and made at once they
            // set the build's peak.
            var wholeFolder: [() -> Void] = []
            wholeFolder.append {
                do {
                    var searchClock = StageClock()
                    let previous = options.cacheDir.flatMap { SearchWords.load(cacheDir: $0, outDir: outDir) }
                    searchClock.lap("search:load")
                    let index = SearchShards.Index(notebook, entryHashes: entryHashes, previous: previous, keep: writer.keep)
                    searchClock.lap("search:index")
                    try index.write(writer)
                    searchClock.lap("search:write")
                    if options.cacheDir != nil { searchWords[0] = index.words.encoded() }
                    searchClock.lap("search:encode")
                } catch {
                    globalFailures[3] = "\(error)"
                }
            }
            // graph.json is kept when nothing it holds changed; otherwise the
            // parts of the notes that did not change are copied from it.
            let graphRuns = ResultSlots<[UInt8]>(count: 1)
            if cache.graphJSON == dependencies.knowledgeGraph && writer.keep("graph.json") {
                graphRuns[0] = cache.graphRuns
            } else {
                let (hashes, previous) = (dependencies.graphHashes, cache.graphRuns)
                wholeFolder.insert({
                    do {
                        var graphClock = StageClock()
                        graphRuns[0] = try writer.writeGraphJSON(notebook, graphHashes: hashes, previous: previous)
                        graphClock.lap("graph:json")
                    } catch {
                        globalFailures[1] = "\(error)"
                    }
                }, at: 0)
            }
            let wholeFolderWork = wholeFolder
            DispatchQueue.global().async(group: globals) { for work in wholeFolderWork { work() } }
            let signatures = ResultSlots<String>(count: pages.count)
            let hashes = ResultSlots<String>(count: pages.count)
            let failures = ResultSlots<String>(count: pages.count)
            let rendered = ResultSlots<Bool>(count: pages.count)
            // When what other notes' pages show of each note is as it was (an
            // edit to a note's prose), so are the signatures of all pages but
            // those of the notes edited: they are taken from the cache, not
            // worked out again (100 ms of a rebuild at 10k notes).
            let listedAsBefore = !cache.listed.isEmpty && cache.listed == dependencies.listed
            // First what each page is made from: a page whose notes are as
            // they were is kept without building its data.
            // The pages of one list (a system's, a topic's, a tag's…) read the
            // same notes: the first page's signature is worked out, and the
            // others are it and their number. Working each out anew made
            // signing quadratic: 118 s at 100k notes.
            var firstPage: [String: Int] = [:]
            for i in pages.indices { if let (list, number) = pages[i].list, number == 1 { firstPage[list] = i } }
            let later = pages.indices.filter { pages[$0].list.map { $0.page > 1 && firstPage[$0.list] != nil } ?? false }
            let laterSet = Set(later)
            func settle(_ i: Int, _ work: () -> String) {
                let previous = cache.signatures[pages[i].path]
                let kept = listedAsBefore ? previous.flatMap { dependencies.stillSigns($0, pages[i]) ? $0 : nil } : nil
                let signature = kept ?? work()
                signatures[i] = signature
                if previous == signature, let hash = cache.pages[pages[i].path], writer.keep(pages[i].path) {
                    hashes[i] = hash
                    rendered[i] = false
                }
            }
            let firstPass = pages.indices.filter { !laterSet.contains($0) }
            DispatchQueue.concurrentPerform(iterations: firstPass.count) { k in
                let i = firstPass[k]
                settle(i) { dependencies.signature(of: pages[i], model) }
            }
            DispatchQueue.concurrentPerform(iterations: later.count) { k in
                let i = later[k]
                let (list, number) = pages[i].list!
                settle(i) { signatures[firstPage[list]!]! + "/" + String(number) }
            }
            let toRender = pages.indices.filter { rendered[$0] == nil }
            // Each note's line of its file of previews, when its page was written (empty: the page has no preview).
            let previewLines = ResultSlots<[UInt8]>(count: notebook.notes.count)
            func preview(_ n: Int, _ page: [UInt8]) -> [UInt8] {
                let id = notebook.notes[n].id
                return NotePreview.script(id: id, title: model.title(id), html: page) ?? []
            }
            // graph-data.js holds what graph.html draws: made when that page is
            // to be rendered (or the file is gone), else kept. Laying out
            // 10,000 notes takes a while, so it runs beside the pages.
            if let graphPage = pages.firstIndex(where: { if case .graph = $0.source { true } else { false } }),
               rendered[graphPage] == nil || !writer.keep(GraphData.path) {
                DispatchQueue.global().async(group: globals) {
                    do {
                        let graph = WholeGraph(model, links: PageLinks(page: pages[graphPage].path, model: model))
                        try writer.write(GraphData.path, GraphData.script(graph, positions: WholeGraph.drawnInBrowser(model),
                                                                            cacheDir: options.cacheDir))
                    } catch {
                        globalFailures[4] = "\(error)"
                    }
                }
            }
            if toRender.count >= Self.pagesWorthSharedLinks { model.shareLinks() }
            clock.lap("site:signatures")
            let counter = ProgressCounter(total: toRender.count, report: progress)
            DispatchQueue.concurrentPerform(iterations: toRender.count) { k in
                defer { counter.step() }
                let i = toRender[k]
                do {
                    // Rendering is cheaper than hashing the page's data was, so
                    // a page whose inputs changed is rendered and kept when its
                    // bytes came out as before.
                    let page = try templates.render(pages[i].context(model), pages[i].template)
                    var hash = StableHash()
                    hash.add(page)
                    hashes[i] = hash.hex
                    if cache.pages[pages[i].path] == hash.hex, writer.keep(pages[i].path) {
                        rendered[i] = false
                        return
                    }
                    try writer.write(pages[i].path, page)
                    // A note page's hover preview is made from the page, when it is written.
                    if case .note(let n) = pages[i].source { previewLines[n] = preview(n, page) }
                    rendered[i] = true
                } catch {
                    failures[i] = "\(error)"
                }
            }
            // The files of previews: those holding a note whose page was written are made again.
            var notePages: [Int: Int] = [:]
            for i in pages.indices { if case .note(let n) = pages[i].source { notePages[n] = i } }
            let previewFiles = try Self.writePreviews(notebook.notes, lines: previewLines, previous: cache.previewFiles,
                                                      writer: writer, outDir: outDir) { n in
                guard let i = notePages[n] else { return [] }
                return preview(n, try templates.render(pages[i].context(model), pages[i].template))
            }
            clock.lap("site:pages")
            globals.wait()
            clock.lap("site:globals")
            if let failure = (0..<pages.count).lazy.compactMap({ failures[$0] }).first ?? globalFailures[0] ?? globalFailures[1] ?? globalFailures[2] ?? globalFailures[3] ?? globalFailures[4] {
                throw SiteError.io(failure)
            }
            for asset in templates.assets { try writer.write(asset.path, asset.bytes) }
            for file in model.vendor.files { try writer.copy(file.source, to: file.path) }
            for path in attachments { try writer.copy(options.notesRoot + "/" + path, to: SitePaths.attachment(path)) }
            if let script = model.vendor.typesetScript { try writer.write("assets/typeset.js", script) }
            let result = try writer.commit()
            clock.lap("site:write")
            var next = BuildCache(fingerprint: cache.fingerprint)
            next.inputs = inputs
            next.graphJSON = dependencies.knowledgeGraph
            next.graphRuns = graphRuns[0] ?? []
            next.searchIndex = dependencies.searchIndex
            next.listed = dependencies.listed
            next.previewFiles = previewFiles
            for i in pages.indices {
                next.pages[pages[i].path] = hashes[i]
                next.signatures[pages[i].path] = signatures[i]
            }
            next.save(cacheDir: options.cacheDir, outDir: outDir)
            if let words = searchWords[0] { SearchWords.save(words, cacheDir: options.cacheDir, outDir: outDir) }
            clock.lap("site:cache")
            let renderedCount = (0..<pages.count).filter { rendered[$0] == true }.count
            var report = SiteReport(pages: pages.count, files: result.written, removed: result.removed, outDir: outDir,
                                    rendered: renderedCount)
            report.notices = model.vendor.notices
            return report
        } catch {
            writer.abandon()
            throw error
        }
    }
}

extension SiteBuilder {
    /// `options` with what of a claim each page template shows: a claim's
    /// checks and disputes are made only for pages that show them (the
    /// built-in system and topic pages link to the claim's note instead).
    static func showing(_ templates: TemplateSet, _ options: SiteOptions) -> SiteOptions {
        var options = options
        for template in ["system", "topic"] {
            options.claimKeysUnshown[template] = Set(PageLinks.claimDetails.filter { !templates.uses($0, in: template) })
        }
        return options
    }

    /// The site's name when `notesc.yml` gives none: "Study notes" for a
    /// folder of study notes; otherwise the home note's own title (`# TIL`),
    /// else the folder's name, as Obsidian names a vault by its folder.
    public static func defaultTitle(_ notes: [Note], notesRoot: String) -> String {
        if notes.isEmpty || notes.contains(where: \.isStudyNote) { return "Study notes" }
        if let home = SiteModel.home(notes), let title = notes[home].title?.text, !title.isEmpty { return title }
        let name = URL(fileURLWithPath: notesRoot).standardizedFileURL.lastPathComponent
        return name.isEmpty || name == "/" ? "Notes" : name
    }

    /// From this many pages to render, the links pages one folder deep share
    /// are made first (`SiteModel.shareLinks()`); they save each such page
    /// its own, and cost about as much as a hundred pages do.
    static let pagesWorthSharedLinks = 100
}

/// Counts finished pages and reports about every 1% of them.
final class ProgressCounter: @unchecked Sendable {
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?
    private let lock = NSLock()
    private var done = 0

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func step() {
        guard let report else { return }
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        if now == total || now % max(1, total / 100) == 0 { report(now, total) }
    }
}
