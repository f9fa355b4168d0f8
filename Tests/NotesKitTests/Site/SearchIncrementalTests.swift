import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesModel
@testable import NotesParse
@testable import NotesSite
@testable import NotesSupport
import NotesTestSupport

/// DESIGN §7: the search index after an edit is made from the previous
/// build's words (`SearchWords`): only the documents and shards the edit
/// touches are made and written, and the bytes are a clean build's.
@Suite struct SearchIncrementalTests {
    /// Builds `notes` into `out` with the caches of `scratch`.
    @discardableResult
    func build(_ notes: String, _ out: String, _ scratch: Scratch) throws -> SiteReport {
        try SiteBuilder.build(try Pipeline.load(root: notes), options: SiteOptions(notesRoot: notes, outDir: out, cacheDir: scratch.cache))
    }

    /// The files below `search/` (and `search-index.json`) of `out`, with their inodes: a kept file keeps its inode.
    func searchFiles(_ out: String) -> [String: UInt] {
        var found: [String: UInt] = [:]
        for (path, _) in Golden.files(out) where path.hasPrefix("search") {
            var st = stat()
            if stat(out + "/" + path, &st) == 0 { found[path] = UInt(st.st_ino) }
        }
        return found
    }

    /// `out` holds the search files a clean build of `notes` (no cache) gives, byte for byte.
    func expectCleanSearch(_ notes: String, _ out: String, after edit: String) throws {
        let scratch = try Scratch("search-clean")
        try build(notes, scratch.path("out"), scratch)
        let incremental = Golden.files(out).filter { $0.key.hasPrefix("search") }
        let clean = Golden.files(scratch.path("out")).filter { $0.key.hasPrefix("search") }
        #expect(Set(incremental.keys) == Set(clean.keys), "the search files after \(edit)")
        for (name, data) in clean where incremental[name] != data {
            Issue.record("\(name) differs from a clean build after \(edit)")
        }
    }

    func edit(_ path: String, _ before: String, _ after: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(before), "the edit's anchor text is in \(path)")
        try text.replacingOccurrences(of: before, with: after).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// One prose edit: the note's document and the shards of the words it
    /// added are written, nothing else of the index.
    @Test func aProseEditWritesItsDocumentAndTheShardsOfItsWords() throws {
        let scratch = try Scratch("search-prose")
        let notes = try scratch.copy("Notes", to: "notes"), out = scratch.path("out")
        try build(notes, out, scratch)
        let before = searchFiles(out)
        let notebook = try Pipeline.load(root: notes)
        let n = try #require(notebook.notes.firstIndex { $0.id == "05-fp8-lm-paper" })
        // `quixotically` and `zeppelinesque` are new words; the manifest gains the `ze` shard if it had none.
        try (String(contentsOfFile: notes + "/05-fp8-lm-paper.md", encoding: .utf8) + "\nQuixotically zeppelinesque.\n")
            .write(toFile: notes + "/05-fp8-lm-paper.md", atomically: true, encoding: .utf8)
        try build(notes, out, scratch)
        let after = searchFiles(out)
        let rewritten = Set(after.keys.filter { before[$0] != after[$0] })
        var expected: Set<String> = [SearchShards.documentPath(n / SearchShards.documentsPerFile), "search/p/qu.js", "search/p/ze.js"]
        if before["search/p/ze.js"] == nil { expected.insert("search/manifest.js") }
        #expect(rewritten == expected)
        try expectCleanSearch(notes, out, after: "a prose edit")
    }

    /// Edits of every kind, each after the one before, through the build
    /// engine: after each the search files are a clean build's. Adding and
    /// removing a note renumbers the documents after it.
    @Test func everyKindOfEditGivesACleanBuildsSearchFiles() throws {
        let scratch = try Scratch("search-edits")
        let notes = try scratch.copy("Notes", to: "notes"), out = scratch.path("out")
        let request = BuildRequest(notesRoot: notes, outDir: out, cacheDir: scratch.cache)
        _ = try BuildEngine.build(request)
        let edits: [(String, () throws -> Void)] = [
            ("a claim's number", { try edit(notes + "/01-deepseek-v3-technical-report.md", "$5.576M total", "$5.58M total") }),
            ("a connection", { try edit(notes + "/03-deepseek-moe-paper.md", "## 🔗 Connections\n", "## 🔗 Connections\n- **05-fp8-lm-paper**: a new connection\n") }),
            ("a title", { try edit(notes + "/06-mla-explained.md", "# Multi-head Latent Attention (MLA) Explained - Study", "# MLA, Renamed") }),
            ("tags", { try edit(notes + "/01-deepseek-v3-technical-report.md", "**Tags**: ", "**Tags**: zebra-tag, ") }),
            ("a TL;DR", { try edit(notes + "/05-fp8-lm-paper.md", "## 📝 TL;DR\n\n", "## 📝 TL;DR\n\nAn added first sentence.\n\n") }),
            ("a new system", { try edit(notes + "/05-fp8-lm-paper.md", "- **DeepSeek-V3**:", "- **Gemini**: joins the graph\n- **DeepSeek-V3**:") }),
            ("a note added first", { try "# Aardvark\n\nA note before all others, aardvarkish words.\n".write(toFile: notes + "/00-aardvark.md", atomically: true, encoding: .utf8) }),
            ("a note added between", { try "# Between\n\nA note in the middle.\n".write(toFile: notes + "/035-between.md", atomically: true, encoding: .utf8) }),
            ("a note removed", { try FileManager.default.removeItem(atPath: notes + "/035-between.md") }),
            ("the added note removed", { try FileManager.default.removeItem(atPath: notes + "/00-aardvark.md") }),
        ]
        for (i, (what, change)) in edits.enumerated() {
            let before = searchFiles(out)
            try change()
            _ = try BuildEngine.build(request)
            try expectCleanSearch(notes, out, after: what)
            // Until a note is added first, which renumbers them all, most documents are kept.
            let after = searchFiles(out).filter { $0.key.hasPrefix("search/d/") }
            if i < 6 { #expect(after.filter { before[$0.key] != $0.value }.count <= 2, "documents rewritten after \(what)") }
        }
    }

    /// The words are trusted only for the output the build that saved them
    /// left: another build into the same folder (with another cache), or a
    /// damaged file, and they are not used.
    @Test func wordsForAnotherOutputOrDamagedAreNotUsed() throws {
        let scratch = try Scratch("search-stale")
        let notes = try scratch.copy("Notes", to: "notes"), out = scratch.path("out")
        try build(notes, out, scratch)
        // Another build into the same folder, of other notes, with another cache.
        let other = try Scratch("search-stale-other")
        let otherNotes = try other.copy("Notes", to: "notes")
        try edit(otherNotes + "/05-fp8-lm-paper.md", "## 📝 TL;DR\n\n", "## 📝 TL;DR\n\nOnly in the other folder: wombatish.\n\n")
        try build(otherNotes, out, other)
        try edit(notes + "/06-mla-explained.md", "# Multi-head Latent Attention (MLA) Explained - Study", "# MLA, Renamed")
        try build(notes, out, scratch)
        try expectCleanSearch(notes, out, after: "a build from another folder")
        // A damaged file of words.
        let location = SearchWords.location(cacheDir: scratch.cache, outDir: URL(fileURLWithPath: out).standardizedFileURL.path)
        var bytes = try #require(FileManager.default.contents(atPath: location))
        #expect(bytes.count > 100)
        bytes[bytes.count - 20] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: location))
        try edit(notes + "/06-mla-explained.md", "# MLA, Renamed", "# MLA, Renamed Again")
        try build(notes, out, scratch)
        try expectCleanSearch(notes, out, after: "damaging the words")
        // Files of the index removed by hand are written again.
        for file in ["search/p/qu.js", "search/d/0.js", "search/manifest.js"] { try FileManager.default.removeItem(atPath: out + "/" + file) }
        try edit(notes + "/06-mla-explained.md", "# MLA, Renamed Again", "# MLA, Renamed Once More")
        try build(notes, out, scratch)
        try expectCleanSearch(notes, out, after: "removing files of the index")
    }

    /// The index made from the previous one, with its kept files, equals one
    /// made whole, also when big shards are split (every shard, here) and
    /// documents are renumbered. `SearchWords` survive their binary form.
    @Test(arguments: [0, 24_000])
    func anIndexMadeFromThePreviousEqualsOneMadeWhole(_ splitAbove: Int) throws {
        let scratch = try Scratch("search-index", copying: ["Notes"])
        let root = scratch.path("Notes")
        var site: [String: [UInt8]] = [:]
        var words: SearchWords?
        var notebook = try Pipeline.load(root: root)
        func next(_ notebook: Notebook) throws {
            var kept = Set<String>()
            let index = SearchShards.Index(notebook, previous: words, splitAbove: splitAbove) { paths in
                paths.map { path in
                    guard site[path] != nil else { return false }
                    kept.insert(path)
                    return true
                }
            }
            var made: [String: [UInt8]] = [:]
            for path in kept { made[path] = site[path] }
            for file in index.files { made[file.path] = file.bytes }
            for b in 0..<SearchShards.documentFiles(index.documentCount) {
                let path = SearchShards.documentPath(b)
                made[path] = index.unchanged(b) && site[path] != nil ? site[path] : index.documentFile(b).bytes
            }
            let whole = Dictionary(uniqueKeysWithValues: SearchShards.files(notebook, splitAbove: splitAbove).map { ($0.path, $0.bytes) })
            #expect(Set(made.keys) == Set(whole.keys))
            for (path, bytes) in whole where made[path] != bytes { Issue.record("\(path) differs from a whole index's") }
            site = made
            let encoded = index.words.encoded()
            // Through a file, as a build reads them.
            SearchWords.save(encoded, cacheDir: scratch.path("cache"), outDir: scratch.path("out"))
            words = SearchWords.load(cacheDir: scratch.path("cache"), outDir: scratch.path("out"))
            #expect(words?.encoded() == encoded)
        }
        try next(notebook)
        let n = try #require(notebook.notes.firstIndex { $0.id == "05-fp8-lm-paper" })
        notebook.notes[n].bodyText += " Quixotically zeppelinesque."
        try next(notebook)
        notebook.notes[n].title = Title(text: "Renamed", range: notebook.notes[n].title!.range)
        try next(notebook)
        let first = notebook.notes.removeFirst()
        try next(notebook)
        notebook.notes.insert(first, at: 2)
        try next(notebook)
        notebook.notes.removeAll()
        try next(notebook)
    }

    /// A note's document key changes whenever its search entry or its text
    /// does: an edit to each field of `Note` that changes either changes the key.
    @Test func everyFieldTheEntryReadsChangesItsHash() throws {
        let notebook = try Pipeline.load(root: Fixtures.repository.appendingPathComponent("Notes").path)
        let note = try #require(notebook.notes.first { $0.id == "02-deepseek-v2-technical-report" })
        let edits: [String: (inout Note) -> Void] = [
            "id": { $0.id += "-renamed" }, "title": { $0.title = nil }, "date": { $0.date = ($0.date ?? "") + "0" },
            "no date": { $0.date = nil }, "category": { $0.category = ($0.category ?? "") + "-other" },
            "tags": { $0.tags.append("another-tag") }, "tldr": { $0.tldr.insert("A first paragraph.", at: 0) },
            "comparisons": { _ = $0.comparisons.popLast() },
            "a comparison's title": { $0.comparisons[0].title += " again" },
            "a claim's system": { $0.comparisons[0].claims[0].subjects[0].name += "-2" },
        ]
        let entry = SearchIndex.json([SearchIndex.entry(note)])
        for (field, change) in edits.sorted(by: { $0.key < $1.key }) {
            var edited = note
            change(&edited)
            #expect(SearchIndex.json([SearchIndex.entry(edited)]) != entry, "the edit of \(field) changes the entry")
            #expect(SearchIndex.entryHash(edited) != SearchIndex.entryHash(note), "an edit of \(field) leaves the entry's hash as it was")
        }
    }
}
