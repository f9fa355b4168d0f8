import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesCheck
@testable import NotesMarkdown
@testable import NotesModel
@testable import NotesParse
@testable import NotesSite
import NotesTestSupport

/// DESIGN §2a "Nothing lost": every word a note says reaches its page.
/// Structure (claims, verdicts, connections) is read in addition to
/// rendering, never instead of it.
@Suite struct NothingLostTests {
    /// The `lost` fixture puts a marker word (`zq…`) in every kind of spot a
    /// study note has: nested bullets, second paragraphs, lazy continuation
    /// lines, code and tables under claims, verdicts and connections, and
    /// footnotes, quotes, deep headings and the preamble around them.
    @Test func everyMarkerReachesItsPage() throws {
        let scratch = try Scratch("nothing-lost-markers")
        let root = Fixtures.path("lost/notes")
        let out = try SiteFixtures.build(root, in: scratch)
        // Only raw HTML, which safe mode leaves out (and `dropped-html` reports), may hide a marker.
        let insideHTML: Set<String> = ["zqhtmlblocktext"]
        var checked = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: root).sorted() where file.hasSuffix(".md") {
            let source = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            let page = SiteFixtures.text(out, "notes/" + file.dropLast(3) + ".html")
            for marker in Self.markers(in: source) where !insideHTML.contains(marker) {
                checked += 1
                let onPage = page.contains(marker)
                #expect(onPage, "\(file): '\(marker)' is not on its page")
            }
        }
        #expect(checked > 40)
    }

    /// Claims and connections keep their lazy continuation lines in their
    /// text; what else their list item holds stays out of the records.
    @Test func recordsTakeTheWholeFirstParagraph() throws {
        let notebook = try Pipeline.load(root: Fixtures.path("lost/notes"))
        let note = try #require(notebook.notes.first { $0.id == "moe-routing-study" })
        let claim = try #require(note.comparisons.first?.claims.first { $0.label == "DeepSeekMoE" })
        #expect(claim.text == "64 routed experts plus 2 shared experts lazy continuation of a claim zqclaimlazy")
        #expect(claim.qualifier == "fine-grained")
        let verdict = try #require(note.comparisons.last?.verdicts.first)
        #expect(verdict.text == "DeepSeek-V3 drops the auxiliary loss lazy continuation of a verdict zqverdictlazy")
        #expect(note.connections.map(\.reason) == [
            "The model the comparisons start from lazy continuation of a connection zqconnlazy",
            "Routing the other way round, by wikilink",
        ])
    }

    /// `dropped-html` names each piece of raw HTML that safe mode leaves
    /// out, at its place; comments and lone closing tags are not reported.
    @Test func droppedHTMLIsReportedWhereItStands() throws {
        let notebook = try Pipeline.load(root: Fixtures.path("lost/notes"))
        let found = notebook.diagnostics.filter { $0.rule == Rule.droppedHTML.id }
            .map { "\($0.file):\($0.line):\($0.column) \($0.message.split(separator: " ").prefix(5).joined(separator: " "))" }
        #expect(found == [
            "expert-choice.md:15:1 HTML block starting with <div>",
            "switch-transformer.md:11:1 HTML block starting with <details>",
            "switch-transformer.md:18:8 raw HTML <kbd> is left",
            "switch-transformer.md:21:1 HTML block starting with <iframe>",
        ], "\(found)")
        #expect(notebook.diagnostics.filter { $0.rule == Rule.droppedHTML.id }.allSatisfy { $0.severity == .info })
    }

    @Test func unsafeHTMLBuildsReportNoDroppedHTML() throws {
        let scratch = try Scratch("nothing-lost-unsafe")
        let root = Fixtures.path("lost/notes")
        let safe = try BuildEngine.build(BuildRequest(notesRoot: root, outDir: scratch.path("safe"), cacheDir: scratch.cache))
        #expect(safe.diagnostics.contains { $0.rule == Rule.droppedHTML.id })
        let unsafe = try BuildEngine.build(BuildRequest(notesRoot: root, outDir: scratch.path("unsafe"), unsafeHTML: true,
                                                        cacheDir: scratch.cache))
        #expect(!unsafe.diagnostics.contains { $0.rule == Rule.droppedHTML.id })
        #expect(SiteFixtures.text(scratch.path("unsafe"), "notes/expert-choice.html").contains("zqhtmlblocktext"))
    }

    @Test func droppedTagNamesWhatIsLeftOut() {
        #expect(NoteParser.droppedTag("<details>\n<summary>More</summary>", inBlock: true) == "<details>")
        #expect(NoteParser.droppedTag("<!-- notesc-disable orphan-note -->", inBlock: true) == nil)
        #expect(NoteParser.droppedTag("<!-- a -->\n<div>x</div>", inBlock: true) == "<div>")
        #expect(NoteParser.droppedTag("</details>\n", inBlock: true) == nil)
        #expect(NoteParser.droppedTag("</div>\nwords after it", inBlock: true) == "</div>")
        #expect(NoteParser.droppedTag("</kbd>", inBlock: false) == nil)
        #expect(NoteParser.droppedTag("<br/>", inBlock: false) == "<br>")
        #expect(NoteParser.droppedTag("<!DOCTYPE html>", inBlock: true) == "<!DOCTYPE>")
    }

    // MARK: - The invariant

    /// Every text node, code span and code block of cmark-gfm's own
    /// rendering of a note (comments, front matter and metadata lines
    /// removed) is on the note's page: every fixture folder, `Notes/`, and a
    /// generated corpus.
    @Test(arguments: NothingLostTests.fixtureFolders())
    func everyTextOfAFixtureFolderReachesItsPage(_ relative: String) throws {
        try expectNothingLost(Fixtures.path(relative), label: relative)
    }

    @Test func everyTextOfTheSampleNotesReachesItsPage() throws {
        try expectNothingLost(Fixtures.repository.appendingPathComponent("Notes").path, label: "Notes")
    }

    @Test func everyTextOfAGeneratedCorpusReachesItsPage() throws {
        let scratch = try Scratch("nothing-lost-corpus")
        let corpus = scratch.path("corpus")
        let script = Fixtures.repository.appendingPathComponent("scripts/gen-corpus.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "40", corpus, "--seed", "14"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gen-corpus.py failed")
        try expectNothingLost(corpus, label: "generated corpus")
    }

    static func fixtureFolders() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: Fixtures.folder.path) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            // Folders of notes, not of expected pages.
            guard (path as NSString).lastPathComponent == "notes", !path.contains("expected"),
                  let files = try? FileManager.default.subpathsOfDirectory(atPath: Fixtures.path(path)),
                  files.contains(where: { $0.hasSuffix(".md") }) else { continue }
            found.append(path)
        }
        return found.sorted()
    }

    private func expectNothingLost(_ root: String, label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let scratch = try Scratch("nothing-lost")
        // As `--keep-going`: folders with broken links and bad notes are pages too.
        let out = try SiteFixtures.build(root, in: scratch) { $0.diagnostics.removeAll { $0.severity == .error } }
        let notebook = try Pipeline.load(root: root)
        var checked = 0
        var lost: [String] = []
        for note in notebook.notes {
            let pagePath = out + "/" + SitePaths.note(note.id)
            guard FileManager.default.fileExists(atPath: pagePath) else {
                if !note.isDraft() { lost.append("\(note.path): no page") }
                continue
            }
            let page = Self.PageText(html: SiteFixtures.text(out, SitePaths.note(note.id)))
            for piece in Self.readerText(note, root: root) {
                checked += 1
                if !page.shows(piece) { lost.append("\(note.path):\(piece.line): '\(piece.text)'") }
            }
        }
        #expect(checked > 0, "\(label): no text checked", sourceLocation: sourceLocation)
        #expect(lost.isEmpty, "\(label): \(lost.count) of \(checked) texts are not on their page:\n\(lost.prefix(30).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
    }

    /// What cmark-gfm shows of a note, as the site reads it, less the metadata lines the page header shows.
    static func readerText(_ note: Note, root: String) -> [CmarkBridge.ReaderText] {
        var bytes = NoteBody.markdown(of: note, root: root)
        let metadataLines = Set(note.metadata.map(\.range.start.line))
        var line = 1
        for i in bytes.indices {
            if bytes[i] == 0x0A { line += 1 } else if metadataLines.contains(line), bytes[i] != 0x0D { bytes[i] = 0x20 }
        }
        return CmarkBridge.readerText(bytes).filter {
            // `=expr` is shown as its value.
            !($0.kind == .code && $0.text.hasPrefix("="))
        }
    }

    static func markers(in text: String) -> Set<String> {
        var found = Set<String>()
        var rest = text[...]
        while let start = rest.range(of: "zq") {
            let word = rest[start.lowerBound...].prefix { $0.isLetter }
            found.insert(String(word))
            rest = rest[word.endIndex...]
        }
        return found
    }

    /// A page's article as a reader sees it (tags stripped, entities
    /// decoded, whitespace collapsed), and its HTML with entities decoded
    /// (where link targets name notes whose titles the page shows instead).
    struct PageText {
        let text: String
        let raw: String

        init(html: String) {
            var article = html[...]
            if let start = html.range(of: "<article"), let end = html.range(of: "</article>", range: start.upperBound..<html.endIndex) {
                article = html[start.lowerBound..<end.upperBound]
            }
            var stripped = ""
            var inTag = false
            for c in article {
                if c == "<" { inTag = true; stripped.append(" ") } else if c == ">" && inTag { inTag = false } else if !inTag { stripped.append(c) }
            }
            text = Self.normalise(Self.unescape(stripped))
            raw = Self.unescape(String(article)).lowercased()
        }

        /// The piece's text is on the page as written; failing that (the
        /// page writes a claim's label as its systems, a connection's note
        /// id as the note's title, a calc line as source, value and comment
        /// apart), each of its words is.
        func shows(_ piece: CmarkBridge.ReaderText) -> Bool {
            let lines: [Substring]
            if case .codeBlock = piece.kind { lines = piece.text.split(separator: "\n") } else { lines = [piece.text[...]] }
            return lines.allSatisfy { line in
                let wanted = Self.normalise(Mojibake.fix(String(line)))
                if wanted.isEmpty || text.contains(wanted) { return true }
                let lowered = text.lowercased()
                return wanted.lowercased().split { !$0.isLetter && !$0.isNumber }.allSatisfy { lowered.contains($0) || raw.contains($0) }
            }
        }

        static func normalise(_ s: String) -> String {
            s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }

        static func unescape(_ s: String) -> String {
            guard s.contains("&") else { return s }
            var out = ""
            var rest = s[...]
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                let after = rest[rest.index(after: amp)...]
                if let semi = after.prefix(10).firstIndex(of: ";") {
                    let name = after[..<semi]
                    var scalar: Unicode.Scalar?
                    switch name {
                    case "amp": scalar = "&"
                    case "lt": scalar = "<"
                    case "gt": scalar = ">"
                    case "quot": scalar = "\""
                    case "apos": scalar = "'"
                    default:
                        if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                        else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
                    }
                    if let scalar {
                        out.unicodeScalars.append(scalar)
                        rest = after[after.index(after: semi)...]
                        continue
                    }
                }
                out += "&"
                rest = after
            }
            return out + rest
        }
    }
}
