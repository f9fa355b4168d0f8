import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesModel
@testable import NotesSite
import NotesTestSupport

/// `graph.html` past `WholeGraph.drawnInBrowserAbove` notes: a canvas drawn
/// from `graph-data.js`, laid out by the build (the study fixture, with the
/// threshold lowered); below it, the build's SVG and a data file without
/// positions, for note pages' two-step drawings. The SVG side is in the goldens.
@Suite struct GraphPageTests {
    @Test func pastTheThresholdTheBrowserDrawsFromData() throws {
        let scratch = try Scratch("graph-canvas")
        let out = try SiteFixtures.build(SiteFixtures.notes("study"), in: scratch, options: { $0.graphCanvasAbove = 2 })
        let page = SiteFixtures.text(out, "graph.html")
        #expect(page.contains("<canvas class=\"graph-canvas\""))
        #expect(!page.contains("<svg"), "no build-time SVG of the whole graph")
        #expect(page.contains("<script src=\"graph-data.js\" defer></script>"))
        #expect(page.contains("<details class=\"graph-list\">"), "the links as a list, for the keyboard and screen readers")
        let data = SiteFixtures.text(out, "graph-data.js")
        #expect(data.hasPrefix("window.notescGraph={\"nodes\":[[\"notes/"))
        // One x and one y for each node.
        let nodes = data.components(separatedBy: "\n[").count
        let xy = try #require(data.range(of: "\"xy\":[")).upperBound
        let numbers = data[xy...].prefix { $0 != "]" }.split(separator: ",").count
        #expect(numbers == 2 * nodes, "\(numbers) coordinates for \(nodes) nodes")
        #expect(data.contains("\"size\":["))

        // Same notes, same bytes.
        let again = try SiteFixtures.build(SiteFixtures.notes("study"), in: scratch, into: scratch.path("again"), options: { $0.graphCanvasAbove = 2 })
        #expect(SiteFixtures.text(again, "graph-data.js") == data)
        #expect(SiteFixtures.text(again, "graph.html") == page)
    }

    @Test func belowTheThresholdTheDataHasNoPositions() throws {
        let scratch = try Scratch("graph-svg")
        let out = try SiteFixtures.build(SiteFixtures.notes("study"), in: scratch)
        #expect(SiteFixtures.text(out, "graph.html").contains("<svg class=\"graph"))
        let data = SiteFixtures.text(out, "graph-data.js")
        #expect(!data.contains("\"xy\""), "note pages need the links, not the layout")
    }

    @Test func aRebuildPutsBackAMissingDataFile() throws {
        let scratch = try Scratch("graph-data-kept")
        let out = try SiteFixtures.build(SiteFixtures.notes("study"), in: scratch)
        let data = SiteFixtures.text(out, "graph-data.js")
        try FileManager.default.removeItem(atPath: out + "/graph-data.js")
        try FileManager.default.removeItem(atPath: out + "/index.html")  // so that the build does not stop at "nothing changed"
        try SiteFixtures.build(SiteFixtures.notes("study"), in: scratch)
        #expect(SiteFixtures.text(out, "graph-data.js") == data)
    }

    @Test func theListNamesEachNoteOnceWithItsOwnLinks() throws {
        let notebook = try Pipeline.load(root: SiteFixtures.notes("study"))
        let model = SiteModel(notebook, options: SiteOptions(notesRoot: SiteFixtures.notes("study"), outDir: "/nonexistent"))
        let graph = WholeGraph(model, links: PageLinks(page: "graph.html", model: model))
        let list = graph.list()
        #expect(list.count == notebook.notes.count)
        #expect(graph.list(limit: 1).count == 1)
    }
}
