import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesCalc
@testable import NotesCheck
@testable import NotesGraph
@testable import NotesMarkdown
@testable import NotesModel
@testable import NotesParse
@testable import NotesSite
@testable import NotesSupport
import NotesTestSupport

/// DESIGN §7: a second build redoes only what depends on the change, and its
/// output is byte for byte what a clean build gives.
@Suite struct SiteIncrementalTests {
    /// Builds `notes` into `out` with the build cache of `scratch`.
    func build(_ notes: String, _ out: String, _ scratch: Scratch) throws -> SiteReport {
        try SiteBuilder.build(try Pipeline.load(root: notes), options: SiteOptions(notesRoot: notes, outDir: out, cacheDir: scratch.cache))
    }

    /// `out`, built incrementally, holds what a clean build of `notes` (another scratch folder, no cache) gives, byte for byte.
    func expectCleanBuildsBytes(_ notes: String, _ out: String, after edit: String) throws {
        let scratch = try Scratch("clean")
        let clean = scratch.path("out")
        _ = try build(notes, clean, scratch)
        let incremental = SiteFixtures.files(out), fresh = SiteFixtures.files(clean)
        #expect(Set(incremental.keys) == Set(fresh.keys))
        for (name, data) in fresh where incremental[name] != data {
            Issue.record("\(name) differs from a clean build after \(edit)")
        }
    }

    /// A new scratch folder and, in it, a copy of the repository's `Notes/` to edit.
    func copyOfNotes(_ label: String) throws -> (scratch: Scratch, notes: String) {
        let scratch = try Scratch(label)
        return (scratch, try scratch.copy("Notes", to: "notes"))
    }

    @Test func unchangedPagesAreKeptAndChangedOnesRedone() throws {
        let (scratch, notes) = try copyOfNotes("incremental")
        let out = scratch.path("out")

        let cold = try build(notes, out, scratch)
        #expect(cold.rendered == cold.pages)
        let warm = try build(notes, out, scratch)
        #expect(warm.rendered == 0)
        #expect(warm.files == cold.files)

        // One note's TL;DR changes: its page and the pages that show its text are redone, not the rest.
        let path = notes + "/05-fp8-lm-paper.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "## 📝 TL;DR\n\n", with: "## 📝 TL;DR\n\nA sentence added later.\n\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try build(notes, out, scratch)
        #expect(changed.rendered > 0)
        #expect(changed.rendered < changed.pages / 2)
        #expect(SiteFixtures.text(out, "notes/05-fp8-lm-paper.html").contains("A sentence added later."))

        // The result equals a clean build of the same notes.
        try expectCleanBuildsBytes(notes, out, after: "editing a TL;DR")
    }

    /// Edits whose effects reach other notes' pages: after each, the kept-and-redone
    /// site equals a clean build byte for byte.
    @Test(arguments: [
        ("06-mla-explained.md", "# Multi-head Latent Attention (MLA) Explained - Study", "# MLA, Renamed"),
        ("03-deepseek-moe-paper.md", "## 🔗 Connections\n", "## 🔗 Connections\n- **05-fp8-lm-paper**: a new connection\n"),
        ("04-big-llm-architecture-comparison.md", "**Verdict**: Gemini wins on length", "**Verdict**: Claude-3 wins on length"),
        ("02-deepseek-v2-technical-report.md", "check reduction ≈ 93% for 04-big-llm-architecture-comparison", "check reduction ≈ 93.3% for 04-big-llm-architecture-comparison"),
        ("01-deepseek-v3-technical-report.md", "**Tags**: ", "**Tags**: new-tag, "),
        ("05-fp8-lm-paper.md", "- **DeepSeek-V3**:", "- **Gemini**: joins the graph\n- **DeepSeek-V3**:"),
        // The seed's disputed $5.5M shows what the other claim says, and stops being disputed.
        ("01-deepseek-v3-technical-report.md", "$5.576M total", "$5.58M total"),
        ("01-deepseek-v3-technical-report.md", "$5.576M total", "$5.5M total"),
    ])
    func editsThatReachOtherPages(_ file: String, _ before: String, _ after: String) throws {
        let (scratch, notes) = try copyOfNotes("incremental-edits")
        let out = scratch.path("out")
        let cold = try build(notes, out, scratch)
        let path = notes + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(before), "the edit's anchor text is in \(file)")
        try text.replacingOccurrences(of: before, with: after).write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try build(notes, out, scratch)
        #expect(changed.rendered > 0 && changed.rendered < cold.pages)
        try expectCleanBuildsBytes(notes, out, after: "editing \(file)")
    }

    /// Through the build engine (the compile cache, then the page cache): a
    /// page showing a disputed claim follows the other note's claim.
    @Test func disputedMarkersFollowTheOtherNotesClaim() throws {
        let (scratch, notes) = try copyOfNotes("incremental-disputes")
        let out = scratch.path("out")
        let request = BuildRequest(notesRoot: notes, outDir: out, cacheDir: scratch.cache)
        let seed = "notes/04-big-llm-architecture-comparison.html"
        _ = try BuildEngine.build(request)
        #expect(SiteFixtures.text(out, seed).contains("⚠ disputed: $5.576M in DeepSeek-V3 Technical Report"))
        let path = notes + "/01-deepseek-v3-technical-report.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "$5.576M total", with: "$5.58M total").write(toFile: path, atomically: true, encoding: .utf8)
        _ = try BuildEngine.build(request)
        #expect(SiteFixtures.text(out, seed).contains("⚠ disputed: $5.58M in DeepSeek-V3 Technical Report"))
        try text.replacingOccurrences(of: "$5.576M total", with: "$5.5M total").write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try BuildEngine.build(request)
        #expect(!SiteFixtures.text(out, seed).contains("disputed"))
        #expect(!outcome.diagnostics.contains { $0.rule == Rule.conflictingClaims.id })
        try expectCleanBuildsBytes(notes, out, after: "settling the dispute")
    }

    /// An edit to a note's prose (not its TL;DR, records or calculations)
    /// redoes its own page only: the system, topic, tag and list pages show
    /// nothing of it. The result is a clean build's, byte for byte.
    @Test func proseEditsRedoOnlyTheirNotesPage() throws {
        let (scratch, notes) = try copyOfNotes("incremental-prose")
        let out = scratch.path("out")
        _ = try build(notes, out, scratch)
        let path = notes + "/05-fp8-lm-paper.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        // Files kept from the previous build stay where they are; files written anew are moved in.
        func inode(_ file: String) -> UInt {
            var st = stat()
            return stat(out + "/" + file, &st) == 0 ? UInt(st.st_ino) : 0
        }
        let wholeFolder = ["search-index.json", "search-index.js", "graph.json"]
        let before = wholeFolder.map(inode)
        try (text + "\nA paragraph added at the end.\n").write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try build(notes, out, scratch)
        #expect(changed.rendered == 1)
        #expect(wholeFolder.map(inode) == before, "a prose edit rewrote the search index or graph.json")
        // The build cache keeps what pages other than the notes' own read, so
        // that the next build takes their signatures as they were.
        let cache = String(decoding: try Data(contentsOf: URL(fileURLWithPath: BuildCache.location(cacheDir: scratch.cache, outDir: changed.outDir))),
                           as: UTF8.self)
        #expect(cache.split(separator: "\n").contains { $0.hasPrefix("listed ") && $0.count > "listed ".count })
        #expect(SiteFixtures.text(out, "notes/05-fp8-lm-paper.html").contains("A paragraph added at the end."))
        try expectCleanBuildsBytes(notes, out, after: "a prose edit")
        // An edit to the TL;DR, which the search index holds, rewrites it.
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "## 📝 TL;DR\n\n", with: "## 📝 TL;DR\n\nA new first sentence.\n\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let searched = inode("search-index.json")
        _ = try build(notes, out, scratch)
        #expect(inode("search-index.json") != searched)
        #expect(SiteFixtures.text(out, "search-index.json").contains("A new first sentence."))
        // A prose edit keeps the other pages' signatures from the cache; a
        // claim edit after it must still redo the pages showing the claim.
        try (String(contentsOfFile: path, encoding: .utf8) + "\nAnother paragraph.\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try build(notes, out, scratch).rendered == 1)
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "- **FP8**: 75% faster than BF16", with: "- **FP8**: 76% faster than BF16")
            .write(toFile: path, atomically: true, encoding: .utf8)
        _ = try build(notes, out, scratch)
        #expect(SiteFixtures.text(out, "systems/fp8.html").contains("76% faster than BF16"))
        try expectCleanBuildsBytes(notes, out, after: "a prose edit, then a claim edit")
    }

    /// `[[id]]` in a claim reads as written (as Obsidian shows it) and links
    /// the note on every page showing the claim; renaming the linked note's
    /// title leaves them as a clean build makes them.
    @Test func claimLinksReadAsWrittenOnEveryPage() throws {
        let (scratch, notes) = try copyOfNotes("incremental-claim-links")
        func edit(_ file: String, _ before: String, _ after: String) throws {
            let path = notes + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(before), "the edit's anchor text is in \(file)")
            try text.replacingOccurrences(of: before, with: after).write(toFile: path, atomically: true, encoding: .utf8)
        }
        try edit("05-fp8-lm-paper.md", "- **FP8**: 75% faster than BF16", "- **FP8**: as in [[06-mla-explained]], 75% faster than BF16")
        let out = scratch.path("out")
        _ = try build(notes, out, scratch)
        #expect(SiteFixtures.text(out, "systems/fp8.html").contains("06-mla-explained.html\">06-mla-explained</a>"))
        try edit("06-mla-explained.md", "# Multi-head Latent Attention (MLA) Explained - Study", "# MLA, Renamed")
        _ = try build(notes, out, scratch)
        #expect(SiteFixtures.text(out, "systems/fp8.html").contains("06-mla-explained.html\">06-mla-explained</a>"))
        try expectCleanBuildsBytes(notes, out, after: "renaming a note a claim links to")
    }

    @Test func changedTemplatesRedoEveryPage() throws {
        let scratch = try Scratch("incremental-templates")
        let notes = Fixtures.repository.appendingPathComponent("Notes").path
        let out = scratch.path("out")
        let first = try build(notes, out, scratch)
        let templates = scratch.path("templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try DefaultTemplates.files["404.mustache"]!.replacingOccurrences(of: "</", with: "<!-- edited --></", options: [], range: nil)
            .write(toFile: templates + "/404.mustache", atomically: true, encoding: .utf8)
        let notebook = try Pipeline.load(root: notes)
        let second = try SiteBuilder.build(notebook, options: SiteOptions(notesRoot: notes, outDir: out, templatesDir: templates, cacheDir: scratch.cache))
        #expect(second.rendered == first.pages)
    }

    /// An edit to any one field of a note changes the signature of the note's
    /// own page, which shows all of it, and (unless the field is prose, which
    /// only that page shows) the signature of the home page, which lists every
    /// note; a prose edit leaves the home page's as it was. The note's file
    /// hash is held the same, so only the field can make the difference. A
    /// field added to `Note` without an edit here fails the test.
    @Test func everyFieldOfANoteSignsThePagesThatShowIt() throws {
        let notebook = try Pipeline.load(root: Fixtures.repository.appendingPathComponent("Notes").path)
        let i = try #require(notebook.notes.firstIndex { $0.id == "02-deepseek-v2-technical-report" })
        let prose: Set<String> = ["metadata", "sections", "take", "pageNeeds", "anchors", "bodyText", "queryBlocks"]
        let edits: [String: (inout Note) -> Void] = [
            "id": { $0.id += "-renamed" }, "path": { $0.path = "renamed.md" }, "title": { $0.title = nil },
            "metadata": { _ = $0.metadata.popLast() }, "date": { $0.date = ($0.date ?? "") + "0" },
            "category": { $0.category = ($0.category ?? "") + "-other" }, "tags": { $0.tags.append("another-tag") },
            "aliases": { $0.aliases.append("another-alias") }, "isStudyNote": { $0.isStudyNote.toggle() },
            "sections": { _ = $0.sections.popLast() }, "tldr": { $0.tldr.append("Another paragraph.") },
            "comparisons": { _ = $0.comparisons.popLast() }, "take": { $0.take = nil },
            "calcBlocks": { _ = $0.calcBlocks.popLast() }, "inlineCalcs": { _ = $0.inlineCalcs.popLast() },
            "connections": { _ = $0.connections.popLast() }, "links": { _ = $0.links.popLast() }, "calc": { $0.calc = nil },
            "pageNeeds": { $0.pageNeeds.math.toggle() }, "anchors": { $0.anchors.blocks.append("new-block") },
            "bodyText": { $0.bodyText += " more" },
            "queryBlocks": { $0.queryBlocks.append(QueryBlock(text: "SELECT 1\n", range: SourceRange(line: 99, column: 1, length: 3), firstLine: 100)) },
        ]
        let fields = Mirror(reflecting: notebook.notes[i]).children.compactMap(\.label)
        #expect(fields.sorted() == edits.keys.sorted(), "an edit for each field of Note")

        /// The signatures of note `i`'s own page and of the home page.
        func signatures(_ notebook: Notebook) -> (own: String, home: String) {
            let model = SiteModel(notebook, options: SiteOptions(notesRoot: "Notes", outDir: "/nonexistent/out"))
            var dependencies = PageDependencies(notebook, fileHashes: Array(repeating: 0, count: notebook.notes.count))
            dependencies.add(tags: model.tags)
            let pages = SitePage.all(model)
            let own = pages.first { if case .note(i) = $0.source { true } else { false } }!
            let home = pages.first { if case .index = $0.source { true } else { false } }!
            return (dependencies.signature(of: own, model), dependencies.signature(of: home, model))
        }
        let before = signatures(notebook)
        for (field, edit) in edits.sorted(by: { $0.key < $1.key }) {
            var edited = notebook
            edit(&edited.notes[i])
            let changed = try StableJSON.encode(edited.notes[i]) != StableJSON.encode(notebook.notes[i])
                || edited.notes[i].isStudyNote != notebook.notes[i].isStudyNote
                || edited.notes[i].pageNeeds != notebook.notes[i].pageNeeds // not in the records JSON
                || edited.notes[i].anchors != notebook.notes[i].anchors
                || edited.notes[i].bodyText != notebook.notes[i].bodyText
                || edited.notes[i].queryBlocks != notebook.notes[i].queryBlocks
            #expect(changed, "the edit of \(field) changes the note (the note needs a value to edit)")
            let after = signatures(edited)
            #expect(after.own != before.own, "an edit of \(field) leaves the note's own page signed as before: it would go stale")
            if prose.contains(field) {
                #expect(after.home == before.home, "an edit of \(field), prose, redoes the home page")
            } else {
                #expect(after.home != before.home, "an edit of \(field) leaves the home page signed as before: it would go stale")
            }
        }
    }
}
