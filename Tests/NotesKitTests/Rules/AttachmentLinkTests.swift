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

/// DESIGN §2a "Attachments": links and embeds of files that are not notes
/// resolve as Obsidian resolves them; a missing one is `broken-link`.
@Suite struct AttachmentLinkTests {
    static let files = [
        "img/x.png": "png",
        "notes/files/a b.pdf": "pdf",
        "other/y.pdf": "pdf",
        "notes/a.md": """
            # A

            ![[img/x.png]] ![[x.png]] ![[x.png|200]] ![[X.PNG|200x100]] [[y.pdf]] ![alt](../img/x.png) [doc](files/a%20b.pdf#page=2)

            !①[[gone.png]] ②![alt](gone.png) ③[doc](files/gone.pdf) [web](https://x.org/a.png) [mail](mailto:a@b.c) [top](#a) [folder](files/)

            """,
    ]

    @Test func byPathRelativePathAndUniqueName() throws {
        let found = try LintHarness.expect(.brokenLink, Self.files)
        #expect(found.map(\.message) == ["link ![[gone.png]] points to no note or file", "link gone.png points to no note or file",
                                         "link files/gone.pdf points to no note or file"])
        let scratch = try Scratch("attachments", files: Self.files.mapValues { $0.filter { !LintHarness.markers.contains($0) } })
        let note = try #require(try Pipeline.load(root: scratch.root).notes.first { $0.id == "notes/a" })
        #expect(note.links.map(\.attachment) == ["img/x.png", "img/x.png", "img/x.png", "img/x.png", "other/y.pdf", "img/x.png",
                                                 "notes/files/a b.pdf", nil, nil, nil])
        #expect(note.links.map(\.embed) == [true, true, true, true, false, true, false, true, true, false])
        #expect(note.links[2].label == "200" && note.links[6].fragment == "page=2")
        #expect(note.links.allSatisfy { $0.resolved == nil })
    }

    /// Hidden and excluded files, and a symlink to a file outside the root,
    /// are no attachments; a symlink to a file inside the root is one.
    @Test func hiddenExcludedAndOutsideFilesAreNone() throws {
        let scratch = try Scratch("attachments-skipped", files: [
            "outside.png": "png",
            "notes/img/x.png": "png",
            "notes/.hidden/h.png": "png",
            "notes/private/p.png": "png",
            "notes/n.md": "# N\n\n![[h.png]] ![[p.png]] ![[out.png]] ![[in.png]] ![[x.png]]\n",
        ])
        try FileManager.default.createSymbolicLink(atPath: scratch.path("notes/out.png"), withDestinationPath: scratch.path("outside.png"))
        try FileManager.default.createSymbolicLink(atPath: scratch.path("notes/in.png"), withDestinationPath: scratch.path("notes/img/x.png"))
        var config = Config()
        config.exclude = ExcludePatterns(["private/"])
        let notebook = try Pipeline.load(root: scratch.path("notes"), config: config)
        #expect(notebook.diagnostics.filter { $0.rule == "broken-link" }.map(\.message) == [
            "link ![[h.png]] points to no note or file", "link ![[p.png]] points to no note or file",
            "link ![[out.png]] points to no note or file",
        ])
        #expect(notebook.notes[0].links.map(\.attachment) == [nil, nil, nil, "in.png", "img/x.png"])
        // The file linked in from outside is refused out loud.
        #expect(notebook.diagnostics.filter { $0.rule == "unreadable-file" }.map { "\($0.file): \($0.message)" } == [
            "out.png: symlink points outside the notes folder; not an attachment, never published",
        ])
    }

    /// A name several files share is the one in the linking note's folder,
    /// else ambiguous; a path names only a file that ends with it.
    @Test func sharedNamesAndPaths() throws {
        let index = NoteIndex(ids: ["a/n", "c/n2"], attachments: ["a/x.png", "b/x.png", "b/deep/y.png"])
        func link(_ target: String) -> NoteLink { NoteLink(style: .wikilink, target: target, range: SourceRange(line: 1, column: 1, length: 1)) }
        #expect(index.resolveLink(link("x.png"), from: "a/n") == .attachment("a/x.png"))
        #expect(index.resolveLink(link("x.png"), from: "c/n2") == .ambiguous(["a/x.png", "b/x.png"]))
        #expect(index.resolveLink(link("deep/y.png"), from: "a/n") == .attachment("b/deep/y.png"))
        #expect(index.resolveLink(link("other/y.png"), from: "a/n") == .missing(suggestion: "b/deep/y.png"))
        #expect(index.resolveLink(link("y.jpg"), from: "a/n") == .missing(suggestion: "b/deep/y.png"))
        #expect(index.resolveLink(link("n2"), from: "a/n") == .note("c/n2"))
    }
}

/// DESIGN §4: a did-you-mean comes from an index of stems, not from
/// comparing with every note, and finds a note that moved folders.
@Suite struct SuggestionTests {
    @Test func movedFolderAndTypo() throws {
        let found = try LintHarness.expect(.brokenLink, [
            "new/note-x.md": "# X\n",
            "papers/deepseek-v2.md": "# D\n",
            "a.md": "# A\n\n①[[old/folder/note-x]] ②[[deepsek-v2]] ③[[nothing-like-it]] ④[[papers/deepseek-v3]]\n",
        ])
        #expect(found.map(\.message) == [
            "link [[old/folder/note-x]] points to no note; did you mean 'new/note-x'?",
            "link [[deepsek-v2]] points to no note; did you mean 'papers/deepseek-v2'?",
            "link [[nothing-like-it]] points to no note",
            "link [[papers/deepseek-v3]] points to no note; did you mean 'papers/deepseek-v2'?",
        ])
    }

    /// The deletion index finds what comparing with every stem finds
    /// (`NearMiss`, within the index's distance), over many near and far words.
    @Test func indexAgreesWithComparingEveryStem() {
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let letters = Array("abcdef-")
        func word() -> String { String((0..<(3 + next(8))).map { _ in letters[next(letters.count)] }) }
        let ids = (0..<400).map { _ in "f\(next(3))/" + word() }
        let index = StemSuggestions(ids: ids)
        let stems = ids.map { Array(StemSuggestions.stem(of: $0).unicodeScalars) }
        for _ in 0..<2000 {
            let query = word()
            let q = Array(query.unicodeScalars)
            var expected: String?
            if let exact = stems.firstIndex(of: q) {
                expected = ids[exact]
            } else if q.count >= 3 {
                let limit = min(StemSuggestions.maxDistance, max(1, q.count / 3))
                var best: (Int, Int)?
                for (i, stem) in stems.enumerated() {
                    let d = NearMiss.distance(q, stem, limit: limit)
                    if d <= limit, d < (best?.1 ?? .max) { best = (i, d) }
                }
                expected = best.map { ids[$0.0] }
            }
            #expect(index.suggestion(for: query) == expected, "\(query)")
        }
    }

    /// The index's hashes are sorted run by run (`StemSuggestions.sorted`):
    /// the same order a whole sort gives, and each run starting where the
    /// first hash with its top bits is; with runs of one repeated hash, runs
    /// past the short-run sort's size, and runs left empty.
    @Test func hashesSortedRunByRunAsAWholeSort() {
        var seed: UInt64 = 7
        func next() -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return seed ^ (seed >> 29)
        }
        let shift: UInt64 = 64 - 6
        let cases: [[UInt64]] = [
            [],
            (0..<1000).map { _ in next() },
            (0..<300).map { _ in next() & 0x03FF_FFFF_FFFF_FFFF },  // all in the first run
            (0..<500).map { k in k % 3 == 0 ? 0xDEAD_BEEF : next() },
            (0..<200).map { _ in UInt64.max - next() % 5 },
        ]
        for hashes in cases {
            let (sorted, starts) = StemSuggestions.sorted(hashes, shift: shift, runs: 64)
            #expect(sorted == hashes.sorted())
            #expect(starts.count == 65 && starts.last == hashes.count)
            for r in 0..<64 { #expect(starts[r] == sorted.filter { Int($0 >> shift) < r }.count, "run \(r)") }
        }
    }

    /// A rule set off costs nothing: no did-you-mean is looked for.
    @Test func noSuggestionForARuleThatIsOff() throws {
        let scratch = try Scratch("suggest-off", files: ["note-x.md": "# X\n", "a.md": "# A\n\n[[note-y]]\n\n## Connections\n- **note-z**: r\n"])
        var config = Config()
        config.severities["broken-link"] = .some(nil)
        let a = try #require(try Pipeline.load(root: scratch.root, config: config).notes.first { $0.id == "a" })
        #expect(a.links[0].resolution == .missing(suggestion: nil))
        #expect(a.connections[0].resolution == .missing(suggestion: "note-x"))
    }
}

/// The reference rules read the resolution stored on each link and
/// connection; they never resolve again.
@Suite struct StoredResolutionTests {
    @Test func rulesReadTheStoredResolution() throws {
        let scratch = try Scratch("stored", files: [
            "papers/deepseek.md": "# P\n", "talks/deepseek.md": "# T\n",
            "a.md": "# A\n\n[[deepseek]] [[papers/deepseek]] [[nope]]\n\n## Connections\n- **deepseek**: r\n- **nope**: r\n",
        ])
        var compilation = Pipeline.compile(try NoteSources.read(root: scratch.root), config: Config())
        let index = NoteIndex(ids: compilation.files.map(\.id))
        let i = try #require(compilation.parsed.firstIndex { $0.note.id == "a" })
        let context = CheckContext(notes: compilation.parsed.map(\.note), index: index)
        func messages() -> [String] {
            (BrokenLink.check(compilation.parsed[i], in: context) + BrokenConnection.check(compilation.parsed[i], in: context)
                + AmbiguousReference.check(compilation.parsed[i], in: context)).map(\.message)
        }
        // What resolving every reference again gives: the same diagnostics.
        #expect(messages() == [
            "link [[nope]] points to no note", "no note 'nope'",
            "'deepseek' could be any of 'papers/deepseek', 'talks/deepseek'",
            "'deepseek' could be any of 'papers/deepseek', 'talks/deepseek'",
        ])
        #expect(compilation.parsed[i].note.links.map(\.resolution) == compilation.parsed[i].note.links.map { index.resolveLink($0, from: "a") })
        // A stored resolution is what the rules report, whatever the folder says.
        compilation.parsed[i].note.links[1].resolution = .missing(suggestion: "x")
        compilation.parsed[i].note.connections[0].resolution = .note("papers/deepseek")
        #expect(messages() == ["link [[papers/deepseek]] points to no note; did you mean 'x'?", "link [[nope]] points to no note",
                               "no note 'nope'", "'deepseek' could be any of 'papers/deepseek', 'talks/deepseek'"])
    }
}
