import Foundation
import Testing
@testable import NotesKit
@testable import NotesCheck
@testable import NotesMarkdown
@testable import NotesModel
@testable import NotesSite
import NotesTestSupport

/// DESIGN §2a, §4: a heading or block a link names must exist in its note
/// (`broken-anchor`, a warning with the nearest heading); block ids are
/// anchors on the page and never printed.
@Suite struct BrokenAnchorTests {
    static let files = [
        "guide.md": """
        # Guide

        ## Getting started

        Install it first. ^install-step

        - A list item with an id ^item-id

        ### Deep details

        ![[figure.png]]^figure
        """,
        "figure.png": "png",
        "reader.md": """
        # Reader

        Fine: [[guide#Getting started]], [[guide#getting-started]], [[guide#Getting started#Deep details]],
        [[guide#^install-step]], [[guide#^item-id]], [[guide#^figure]], [text](guide.md#deep-details), [[#Notes]].
        Broken: ①[[guide#Getting Startd]], ②[[guide#^no-such-block]], ③[[#Nowhere]], ④[text](guide.md#renamed-section).
        Not checked: [[guide]], [[missing#Heading]], [[figure.png#page=2]].

        ## Notes
        """,
    ]

    @Test func headingsAndBlocksMustExist() throws {
        let found = try LintHarness.expect(.brokenAnchor, Self.files)
        #expect(found.map(\.message) == [
            "'guide' has no heading 'Getting Startd'; did you mean 'Getting started'?",
            "'guide' has no block '^no-such-block'",
            "this note has no heading 'Nowhere'",
            "'guide' has no heading 'renamed-section'",
        ])
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func blockIDsAreAnchorsAndNeverPrinted() throws {
        let scratch = try Scratch("anchors", files: Self.files.reduce(into: [:]) { $0["notes/" + $1.key] = $1.value })
        let out = try SiteFixtures.build(scratch.path("notes"), in: scratch, configure: { $0.diagnostics.removeAll { $0.severity == .error } })
        let guide = SiteFixtures.text(out, "notes/guide.html")
        #expect(guide.contains("<p><span class=\"block-anchor\" id=\"^install-step\"></span>Install it first.</p>"))
        #expect(guide.contains("<span class=\"block-anchor\" id=\"^item-id\"></span>A list item with an id"))
        #expect(guide.contains("id=\"^figure\""))
        #expect(!guide.contains(" ^install-step") && !guide.contains("^item-id<"), "the marker is not printed")
        let reader = SiteFixtures.text(out, "notes/reader.html")
        #expect(reader.contains("href=\"../notes/guide.html#%5Einstall-step\""), "a block link lands on the block")
        #expect(reader.contains("href=\"../notes/guide.html#deep-details\""), "[[A#B#C]] goes to C")
        #expect(BlockIDs.trailingID("2^10 is big") == nil && BlockIDs.trailingID("x^2") == nil)
    }
}
