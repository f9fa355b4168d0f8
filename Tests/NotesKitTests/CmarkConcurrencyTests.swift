import Dispatch
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

/// cmark-gfm 0.29 switches the inline extensions' special characters (`~`
/// for strikethrough, `:` and `w` for autolinks) on and off in a process-wide
/// table around every parse; `CCmarkThreads` pins them. Parses on several
/// threads must all see their extensions.
@Suite struct CmarkConcurrencyTests {
    @Test func parallelParsesKeepTheirExtensions() {
        let text = Array(("# T\n\n" + String(repeating: "Some ~~struck~~ text near www.example.com and plain words. ", count: 40) + "\n").utf8)
        let iterations = 4000
        let found = ResultSlots<Bool>(count: iterations)
        CmarkBridge.prepare()
        DispatchQueue.concurrentPerform(iterations: iterations) { i in
            let html = CmarkBridge.renderHTML(text, unsafe: false)
            // Records parses run at the same time as renders, as in a build.
            let document = CmarkBridge.parse(text)
            let autolinks = document.root.children.last?.inlines.filter { $0.kind == .link(destination: "http://www.example.com") }.count
            found[i] = html.components(separatedBy: "<del>struck</del>").count == 41
                && html.components(separatedBy: "<a href=\"http://www.example.com\">").count == 41
                && autolinks == 40
        }
        let missing = (0..<iterations).filter { found[$0] != true }.count
        #expect(missing == 0, "\(missing) of \(iterations) parses lost a strikethrough or an autolink")
    }

    /// Debian's libcmark-gfm calls the toggling function through its PLT, so
    /// notesc's definition replaces it and inline parsing needs no lock. If a
    /// library update binds it internally, parsing stays correct (the lock
    /// comes back) but loses its parallelism; this test says so.
    @Test func inlineParsingRunsInParallel() {
        CmarkBridge.prepare()
        #expect(CmarkBridge.inlineParsingIsParallel)
    }
}
