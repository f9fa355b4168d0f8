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

/// DESIGN §7: a second build redoes only what depends on the change, and its
/// output is byte for byte what a clean build gives.
@Suite struct SiteIncrementalTests {
    func build(_ notes: String, _ out: String, cacheFolder: String? = nil) throws -> SiteReport {
        try SiteBuilder.build(try Pipeline.load(root: notes), options: SiteOptions(notesRoot: notes, outDir: out,
                                                                                 cacheFolder: cacheFolder ?? cache(notes)))
    }

    /// The renderer's cache folder for a copy of the notes: beside it, in the scratch folder.
    func cache(_ notes: String) -> String { (notes as NSString).deletingLastPathComponent + "/cache" }

    /// `out`, built incrementally, holds what a clean build of `notes` into `clean` gives, byte for byte.
    func expectCleanBuildsBytes(_ notes: String, _ out: String, clean: String, after edit: String) throws {
        _ = try build(notes, clean)
        let incremental = SiteFixtures.files(out), fresh = SiteFixtures.files(clean)
        #expect(Set(incremental.keys) == Set(fresh.keys))
        for (name, data) in fresh where incremental[name] != data {
            Issue.record("\(name) differs from a clean build after \(edit)")
        }
    }

    /// A new scratch folder and, in it, a copy of the repository's `Notes/` to edit.
    func copyOfNotes(_ label: String) throws -> (work: String, notes: String) {
        let work = SiteFixtures.temporaryFolder(label)
        let notes = work + "/notes"
        try FileManager.default.copyItem(atPath: Fixtures.repository.appendingPathComponent("Notes").path, toPath: notes)
        return (work, notes)
    }

    @Test func unchangedPagesAreKeptAndChangedOnesRedone() throws {
        let (work, notes) = try copyOfNotes("incremental")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let out = work + "/out"

        let cold = try build(notes, out)
        #expect(cold.rendered == cold.pages)
        let warm = try build(notes, out)
        #expect(warm.rendered == 0)
        #expect(warm.files == cold.files)

        // One note's TL;DR changes: its page and the pages that show its text are redone, not the rest.
        let path = notes + "/05-fp8-lm-paper.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "## 📝 TL;DR\n\n", with: "## 📝 TL;DR\n\nA sentence added later.\n\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try build(notes, out)
        #expect(changed.rendered > 0)
        #expect(changed.rendered < changed.pages / 2)
        #expect(SiteFixtures.text(out, "notes/05-fp8-lm-paper.html").contains("A sentence added later."))

        // The result equals a clean build of the same notes.
        let clean = work + "/clean"
        _ = try build(notes, clean)
        #expect(SiteFixtures.files(out) == SiteFixtures.files(clean))
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
    ])
    func editsThatReachOtherPages(_ file: String, _ before: String, _ after: String) throws {
        let (work, notes) = try copyOfNotes("incremental-edits")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let out = work + "/out"
        let cold = try build(notes, out)
        let path = notes + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(before), "the edit's anchor text is in \(file)")
        try text.replacingOccurrences(of: before, with: after).write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try build(notes, out)
        #expect(changed.rendered > 0 && changed.rendered < cold.pages)
        try expectCleanBuildsBytes(notes, out, clean: work + "/clean", after: "editing \(file)")
    }

    /// An edit to a note's prose (not its TL;DR, records or calculations)
    /// redoes its own page only: the system, topic, tag and list pages show
    /// nothing of it. The result is a clean build's, byte for byte.
    @Test func proseEditsRedoOnlyTheirNotesPage() throws {
        let (work, notes) = try copyOfNotes("incremental-prose")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let out = work + "/out"
        _ = try build(notes, out)
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
        let changed = try build(notes, out)
        #expect(changed.rendered == 1)
        #expect(wholeFolder.map(inode) == before, "a prose edit rewrote the search index or graph.json")
        // The build cache keeps what pages other than the notes' own read, so
        // that the next build takes their signatures as they were.
        let cache = String(decoding: try Data(contentsOf: URL(fileURLWithPath: BuildCache.location(cacheFolder: cache(notes), outDir: changed.outDir))),
                           as: UTF8.self)
        #expect(cache.split(separator: "\n").contains { $0.hasPrefix("listed ") && $0.count > "listed ".count })
        #expect(SiteFixtures.text(out, "notes/05-fp8-lm-paper.html").contains("A paragraph added at the end."))
        let clean = work + "/clean"
        _ = try build(notes, clean)
        #expect(SiteFixtures.files(out) == SiteFixtures.files(clean))
        // An edit to the TL;DR, which the search index holds, rewrites it.
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "## 📝 TL;DR\n\n", with: "## 📝 TL;DR\n\nA new first sentence.\n\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let searched = inode("search-index.json")
        _ = try build(notes, out)
        #expect(inode("search-index.json") != searched)
        #expect(SiteFixtures.text(out, "search-index.json").contains("A new first sentence."))
        // A prose edit keeps the other pages' signatures from the cache; a
        // claim edit after it must still redo the pages showing the claim.
        try (String(contentsOfFile: path, encoding: .utf8) + "\nAnother paragraph.\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try build(notes, out).rendered == 1)
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "- **FP8**: 75% faster than BF16", with: "- **FP8**: 76% faster than BF16")
            .write(toFile: path, atomically: true, encoding: .utf8)
        _ = try build(notes, out)
        #expect(SiteFixtures.text(out, "systems/fp8.html").contains("76% faster than BF16"))
        try expectCleanBuildsBytes(notes, out, clean: work + "/clean-after-claim", after: "a prose edit, then a claim edit")
    }

    /// `[[id]]` in a claim reads as that note's title on every page showing
    /// the claim: renaming the note redoes the system and topic pages too.
    @Test func claimsShowTheTitlesOfTheNotesTheyLinkTo() throws {
        let (work, notes) = try copyOfNotes("incremental-claim-links")
        defer { try? FileManager.default.removeItem(atPath: work) }
        func edit(_ file: String, _ before: String, _ after: String) throws {
            let path = notes + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(before), "the edit's anchor text is in \(file)")
            try text.replacingOccurrences(of: before, with: after).write(toFile: path, atomically: true, encoding: .utf8)
        }
        try edit("05-fp8-lm-paper.md", "- **FP8**: 75% faster than BF16", "- **FP8**: as in [[06-mla-explained]], 75% faster than BF16")
        let out = work + "/out"
        _ = try build(notes, out)
        #expect(SiteFixtures.text(out, "systems/fp8.html").contains("Multi-head Latent Attention (MLA) Explained"))
        try edit("06-mla-explained.md", "# Multi-head Latent Attention (MLA) Explained - Study", "# MLA, Renamed")
        _ = try build(notes, out)
        #expect(SiteFixtures.text(out, "systems/fp8.html").contains("MLA, Renamed"))
        try expectCleanBuildsBytes(notes, out, clean: work + "/clean", after: "renaming a note a claim links to")
    }

    @Test func changedTemplatesRedoEveryPage() throws {
        let work = SiteFixtures.temporaryFolder("incremental-templates")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let notes = Fixtures.repository.appendingPathComponent("Notes").path
        let out = work + "/out"
        let first = try build(notes, out, cacheFolder: work + "/cache")
        let templates = work + "/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try DefaultTemplates.files["404.mustache"]!.replacingOccurrences(of: "</", with: "<!-- edited --></", options: [], range: nil)
            .write(toFile: templates + "/404.mustache", atomically: true, encoding: .utf8)
        let notebook = try Pipeline.load(root: notes)
        let second = try SiteBuilder.build(notebook, options: SiteOptions(notesRoot: notes, outDir: out, templatesDir: templates,
                                                                                         cacheFolder: work + "/cache"))
        #expect(second.rendered == first.pages)
    }

    /// Page signatures hash a note's fields by group; a field in no group
    /// would let a page go stale when only that field changed.
    @Test func signaturesHashEveryFieldOfANote() throws {
        let notebook = try Pipeline.load(root: Fixtures.repository.appendingPathComponent("Notes").path)
        let note = try #require(notebook.notes.first)
        let fields = Mirror(reflecting: note).children.compactMap(\.label)
        let grouped = PageDependencies.fieldGroups.values.flatMap { $0 }
        #expect(fields.count == 18)
        #expect(grouped.sorted() == fields.sorted(), "each field of Note in exactly one group")

        var edited = note
        edited.tldr.append("Another paragraph.")
        let before = PageDependencies.partHashes(note), after = PageDependencies.partHashes(edited)
        #expect(after.listed != before.listed)
        #expect(after.graph == before.graph && after.prose == before.prose)
        edited = note
        edited.take = nil
        #expect(PageDependencies.partHashes(edited).prose != before.prose)
        edited = note
        edited.id += "-renamed"
        let renamed = PageDependencies.partHashes(edited)
        #expect(renamed.graph != before.graph && renamed.listed != before.listed && renamed.prose != before.prose)
    }
}
