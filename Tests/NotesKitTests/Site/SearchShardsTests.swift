import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesModel
@testable import NotesSite
import NotesTestSupport

/// DESIGN §5: search covers every published note's full text (not comments,
/// not drafts), split into a manifest, two-letter prefix shards and a file
/// per document, with the same bytes on every build.
@Suite struct SearchShardsTests {
    static let files = [
        "notes/alpha.md": """
        # Alpha note

        ## 📝 TL;DR

        A short summary.

        ## Details

        The Quuxbeacon command rebuilds the Café index. %%SECRETWORD hidden%%

        ```sh
        frobnicate --all
        ```
        """,
        "notes/beta.md": """
        # Quuxbeacon guide

        Nothing else here.
        """,
        "notes/wip.md": """
        ---
        draft: true
        ---
        # Work in progress

        Draftonlyword text.
        """,
    ]

    func build(_ scratch: Scratch, into out: String = "site") throws -> [String: String] {
        _ = try BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path(out), cacheDir: scratch.cache))
        return Golden.files(scratch.path(out)).filter { $0.key.hasPrefix("search/") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The documents a shard's term lists, with whether the term is in their title.
    func postings(_ shard: String, _ term: String) throws -> [(doc: Int, named: Bool)] {
        let start = try #require(shard.range(of: "\"\(term)\":["))
        let list = shard[start.upperBound...].prefix { $0 != "]" }
        var value = 0
        return list.split(separator: ",").map { value += Int($0)!; return (value / 2, value % 2 == 1) }
    }

    /// The number of the document titled `title`, from its line of its file (`notescSearch.doc(n,{…})`).
    func doc(_ files: [String: String], titled title: String) throws -> Int {
        let file = try #require(files.first { $0.key.hasPrefix("search/d/") && $0.value.contains("\"title\":\"\(title)\"") })
        let line = try #require(file.value.split(separator: "\n").first { $0.contains("\"title\":\"\(title)\"") })
        let n = try #require(Int(line.dropFirst("notescSearch.doc(".count).prefix { $0 != "," }))
        #expect(file.key == SearchShards.documentPath(n / SearchShards.documentsPerFile), "document \(n) is in the file of its eight")
        return n
    }

    /// The browser looks for document `n` in the file the build put it in.
    @Test func theBrowserLooksForADocumentInItsFile() throws {
        let script = try #require(DefaultTemplates.files["assets/search.js"])
        #expect(script.contains("documentsPerFile = \(SearchShards.documentsPerFile);"))
        #expect(script.contains("\"search/d/\" + Math.floor(h.n / documentsPerFile) + \".js\""))
    }

    @Test func aWordOnlyInTheBodyIsFoundWithItsText() throws {
        let scratch = try Scratch("search-shards", files: Self.files)
        let files = try build(scratch)
        let alpha = try doc(files, titled: "Alpha note"), beta = try doc(files, titled: "Quuxbeacon guide")
        let shard = try #require(files["search/p/qu.js"])
        #expect(shard.hasPrefix("notescSearch.shard(\"qu\",{"))
        let found = try postings(shard, "quuxbeacon")
        #expect(found.map(\.doc) == [alpha, beta].sorted())
        #expect(found.first { $0.doc == alpha }?.named == false, "in alpha's body only")
        #expect(found.first { $0.doc == beta }?.named == true, "in beta's title")
        // Code is text a reader looks for; accents fold as the browser folds a query.
        #expect(try postings(#require(files["search/p/fr.js"]), "frobnicate").map(\.doc) == [alpha])
        #expect(try postings(#require(files["search/p/ca.js"]), "cafe").map(\.doc) == [alpha])
        #expect(try #require(files[SearchShards.documentPath(alpha / SearchShards.documentsPerFile)]).contains("The Quuxbeacon command rebuilds the Café index."))
        let manifest = try #require(files["search/manifest.js"])
        #expect(manifest.contains("\"qu\"") && manifest.contains("\"fr\""))
    }

    @Test func commentsAndDraftsAreNotSearchable() throws {
        let scratch = try Scratch("search-private", files: Self.files)
        let files = try build(scratch)
        #expect(!files.isEmpty)
        for (path, text) in files {
            #expect(!text.lowercased().contains("secretword"), "\(path) holds a comment")
            #expect(!text.lowercased().contains("draftonlyword"), "\(path) holds a draft's text")
            #expect(!text.contains("Work in progress"), "\(path) holds a draft's title")
        }
    }

    @Test func theShardsAreTheSameBytesOnEveryBuildAndSorted() throws {
        let scratch = try Scratch("search-stable", files: Self.files)
        let first = try build(scratch, into: "one")
        let second = try build(scratch, into: "two")
        #expect(first == second)
        let notebook = try Pipeline.load(root: Fixtures.repository.appendingPathComponent("Notes").path)
        let a = SearchShards.files(notebook), b = SearchShards.files(notebook)
        #expect(a.map(\.path) == b.map(\.path) && a.map(\.bytes) == b.map(\.bytes))
        let shards = a.map(\.path).filter { $0.hasPrefix("search/p/") }
        #expect(shards == shards.sorted(), "shards in key order")
        let documents = SearchIndex.entries(notebook).count
        #expect(a.count == 1 + shards.count + SearchShards.documentFiles(documents))
        // Every document is in one file, in order, each file full but the last.
        let lines = a.filter { $0.path.hasPrefix("search/d/") }.flatMap { file in
            String(decoding: file.bytes, as: UTF8.self).split(separator: "\n").map { (file.path, $0) }
        }
        #expect(lines.count == documents)
        for (n, (path, line)) in lines.enumerated() {
            #expect(path == SearchShards.documentPath(n / SearchShards.documentsPerFile) && line.hasPrefix("notescSearch.doc(\(n),"))
        }
    }

    @Test func aBigPrefixIsSplitByThreeLetters() throws {
        let scratch = try Scratch("search-split", files: Self.files)
        let notebook = try Pipeline.load(root: scratch.path("notes"))
        let files = Dictionary(uniqueKeysWithValues: SearchShards.files(notebook, splitAbove: 0).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        #expect(try #require(files["search/p/quu.js"]).contains("\"quuxbeacon\":["))
        #expect(files["search/p/qu.js"] == nil, "no two-letter word starts with qu")
        let manifest = try #require(files["search/manifest.js"])
        #expect(manifest.contains("\"split\":[") && manifest.contains("\"qu\"") && manifest.contains("\"quu\""))
        let whole = SearchShards.files(notebook).first { $0.path == "search/manifest.js" }!
        #expect(String(decoding: whole.bytes, as: UTF8.self).contains("\"split\":[]"), "small shards are not split")
    }

    @Test func termsFoldAsTheBrowserFoldsAQuery() {
        var found: [String] = []
        SearchShards.terms("Café ÉCOLE, x naïve-über 42 漢字") { found.append($0) }
        #expect(found == ["cafe", "ecole", "naive", "uber", "42", "漢字"])
        #expect(SearchShards.fileName("ca") == "ca")
        #expect(SearchShards.fileName("漢字") == "xe6bca2e5ad97")
    }
}
