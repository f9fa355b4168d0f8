import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesModel
@testable import NotesSite
import NotesTestSupport

/// DESIGN §2a, issue 15 §2: `![[Note]]`, `![[Note#Heading]]` and
/// `![[Note#^block]]` show that part of the note in place, rendered as its
/// own note renders it, with a link to the source; a cycle of embeds stops at
/// the first repeat and is `embed-cycle`.
@Suite struct EmbedTests {
    static let files = [
        "notes/host.md": """
        # Host

        Before the embeds.

        ![[sub/guest#Details]]

        ![[whole]]

        ![[list#^pick]]

        Said inline, ![[whole|the whole note]] is a link.
        """,
        "notes/sub/guest.md": """
        # Guest

        GUEST-INTRO is above the section.

        ## Details

        DETAIL-TEXT with $x^2$ and a [sibling](sibling.md).

        ### Deeper

        DEEPER-TEXT stays in the section.

        ## After

        AFTER-TEXT is the next section.
        """,
        "notes/sub/sibling.md": "# Sibling\n",
        "notes/whole.md": """
        ---
        secret-key: FRONT-MATTER-VALUE
        ---
        # Whole

        WHOLE-TEXT %% COMMENT-TEXT %% shown.

        %%
        HIDDEN-BLOCK
        %%
        """,
        "notes/list.md": """
        # List

        - ITEM-ONE
        - ITEM-PICKED ^pick
          - ITEM-CHILD
        - ITEM-THREE
        """,
    ]

    func build(_ scratch: Scratch, keepGoing: Bool = false) throws -> BuildOutcome {
        try BuildEngine.build(BuildRequest(notesRoot: scratch.path("notes"), outDir: scratch.path("site"), cacheDir: scratch.cache,
                                           keepGoing: keepGoing))
    }

    func page(_ scratch: Scratch, _ id: String) -> String {
        SiteFixtures.text(scratch.path("site"), "notes/\(id).html")
    }

    /// The HTML of the first embed of `id` on a page, up to the link to its source.
    func embed(of id: String, in page: String) -> String? {
        guard let start = page.range(of: "<div class=\"embed\" data-embed=\"\(id)\">"),
              let end = page.range(of: "<p class=\"embed-source\">", range: start.upperBound..<page.endIndex) else { return nil }
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test func sectionsBlocksAndWholeNotesShowInPlace() throws {
        let scratch = try Scratch("embeds", files: Self.files)
        let outcome = try build(scratch)
        #expect(outcome.errors == 0, "\(outcome.diagnostics)")
        let host = page(scratch, "host")

        // A heading's section: the heading and everything under it, to the next heading of its level.
        let section = try #require(embed(of: "sub/guest", in: host))
        #expect(section.contains("<h2>Details</h2>") && section.contains("DETAIL-TEXT") && section.contains("DEEPER-TEXT"))
        #expect(!section.contains("GUEST-INTRO") && !section.contains("AFTER-TEXT"))
        // Math reaches the page as on the note's own, and links are the embedded note's (its folder's sibling).
        #expect(section.contains("<span class=\"math math-inline\">x^2</span>"))
        #expect(section.contains("<a href=\"../notes/sub/sibling.html\">sibling</a>"))
        #expect(host.contains("<p class=\"embed-source\"><a href=\"../notes/sub/guest.html#details\">sub/guest › Details</a></p>"))

        // A whole note: its text, without its front matter or comments.
        let whole = try #require(embed(of: "whole", in: host))
        #expect(whole.contains("WHOLE-TEXT") && whole.contains("shown."))
        for hidden in ["FRONT-MATTER-VALUE", "secret-key", "COMMENT-TEXT", "HIDDEN-BLOCK"] { #expect(!host.contains(hidden), "\(hidden)") }

        // A block: the list item (with its children), its `^id` not printed, the other items not shown.
        let block = try #require(embed(of: "list", in: host))
        #expect(block.contains("ITEM-PICKED") && block.contains("ITEM-CHILD"))
        #expect(!block.contains("ITEM-ONE") && !block.contains("ITEM-THREE") && !block.contains("^pick"))

        // Inside a sentence an embed is a link; no block stands inside a paragraph.
        #expect(host.contains("Said inline, <a href=\"../notes/whole.html\">the whole note</a> is a link."))
        #expect(!host.contains("<p><div") && !host.contains("![["))
        // An embedded note is the host's neighbour, as a link is.
        #expect(page(scratch, "whole").contains("href=\"../notes/host.html\""))
    }

    @Test func missingAndDraftTargetsReadAsBeforeAndMissingPartsAsLinks() throws {
        var files = Self.files
        files["notes/host.md"] = """
        # Host

        ![[nowhere]]

        ![[wip]]

        ![[whole#No Such Heading]]
        """
        files["notes/wip.md"] = "---\ndraft: true\n---\n# WIP\n\nDRAFT-TEXT\n"
        let scratch = try Scratch("embeds-missing", files: files)
        let outcome = try build(scratch, keepGoing: true)
        #expect(outcome.diagnostics.filter { $0.rule == "broken-link" }.map(\.line) == [3])
        let host = page(scratch, "host")
        #expect(host.contains("<span class=\"broken-link\" title=\"No note &#39;nowhere&#39;\">nowhere</span>")
                || host.contains("<span class=\"broken-link\" title=\"No note 'nowhere'\">nowhere</span>"), "\(host)")
        #expect(host.contains("<span class=\"unpublished\">wip</span>") && !host.contains("DRAFT-TEXT"))
        #expect(host.contains("<a href=\"../notes/whole.html#no-such-heading\">whole › No Such Heading</a>"))
        #expect(!host.contains("class=\"embed\""))
    }

    @Test func nestedEmbedsShowUpToTheirDepth() throws {
        // chain0 embeds chain1, which embeds chain2, … chain6.
        var files: [String: String] = [:]
        for i in 0...6 { files["notes/chain\(i).md"] = "# Chain \(i)\n\nCHAIN-\(i)-TEXT\n" + (i < 6 ? "\n![[chain\(i + 1)]]\n" : "") }
        let scratch = try Scratch("embeds-nested", files: files)
        #expect(try build(scratch).errors == 0)
        let top = page(scratch, "chain0")
        for i in 1...4 { #expect(top.contains("CHAIN-\(i)-TEXT"), "level \(i)") }
        #expect(!top.contains("CHAIN-5-TEXT"), "a fifth embed deep is a link")
        #expect(top.contains("<a href=\"../notes/chain5.html\">chain5</a>"))
        #expect(top.components(separatedBy: "<div class=\"embed\"").count - 1 == 4)
    }

    @Test func cyclesStopAtTheFirstRepeatAndAreReportedOnce() throws {
        let files = [
            "notes/self.md": "# Self\n\nSELF-TEXT\n\n![[self]]\n",
            "notes/ping.md": "# Ping\n\nPING-TEXT\n\n![[pong]]\n",
            "notes/pong.md": "# Pong\n\nPONG-TEXT\n\n![[ping]]\n",
            // Sections of two notes that embed each other, but not the embedding sections: no cycle.
            "notes/left.md": "# Left\n\n## One\n\nLEFT-ONE\n\n![[right#Three]]\n\n## Two\n\nLEFT-TWO\n",
            "notes/right.md": "# Right\n\n## Three\n\nRIGHT-THREE\n\n## Four\n\n![[left#Two]]\n",
            // A section embedding itself.
            "notes/loop.md": "# Loop\n\n## Inner\n\nLOOP-INNER\n\n![[loop#Inner]]\n",
        ]
        let scratch = try Scratch("embeds-cycles", files: files)
        #expect(throws: BuildFailure.self) { try build(scratch) }
        let outcome = try build(scratch, keepGoing: true)
        let cycles = outcome.diagnostics.filter { $0.rule == "embed-cycle" }
        #expect(cycles.allSatisfy { $0.severity == .error })
        #expect(cycles.map { "\($0.file):\($0.line ?? 0)" }.sorted() == ["loop.md:7", "pong.md:5", "self.md:5"], "\(cycles)")
        #expect(cycles.contains { $0.message.contains("ping → pong → ping") })
        #expect(cycles.contains { $0.message.contains("loop#inner → loop#inner") })

        let selfPage = page(scratch, "self")
        #expect(selfPage.contains("<p class=\"embed-stop\">The embed of “self” stops here: it embeds itself (self → self).</p>"))
        #expect(selfPage.components(separatedBy: "SELF-TEXT").count - 1 == 1)
        let ping = page(scratch, "ping")
        #expect(ping.contains("PONG-TEXT") && ping.contains("(ping → pong → ping)"))
        #expect(ping.components(separatedBy: "PING-TEXT").count - 1 == 1)
        #expect(page(scratch, "pong").contains("(pong → ping → pong)"))
        let loop = page(scratch, "loop")
        #expect(loop.components(separatedBy: "LOOP-INNER").count - 1 == 2, "the page's own section, then the embed once")
        #expect(loop.contains("it embeds itself (loop#inner → loop#inner)"))
        let left = page(scratch, "left")
        #expect(left.contains("RIGHT-THREE") && !left.contains("embed-stop"))
        #expect(page(scratch, "right").contains("LEFT-TWO"))
    }

    /// The cycle depends on other notes' embeds: an edit that closes one is
    /// reported even when the compile cache keeps the other notes' results.
    @Test func anEditThatClosesACycleIsReported() throws {
        let scratch = try Scratch("embeds-cycle-edit", files: [
            "notes/one.md": "# One\n\n![[two]]\n",
            "notes/two.md": "# Two\n\nSee [[one]].\n",
        ])
        #expect(try build(scratch).errors == 0)
        try scratch.edit("notes/two.md") { $0.replacingOccurrences(of: "See [[one]].", with: "![[one]]") }
        let closed = try build(scratch, keepGoing: true)
        #expect(closed.diagnostics.filter { $0.rule == "embed-cycle" }.map(\.file) == ["two.md"], "\(closed.diagnostics)")
        try scratch.edit("notes/two.md") { $0.replacingOccurrences(of: "![[one]]", with: "See [[one]].") }
        #expect(try build(scratch).errors == 0)
    }

    @Test func editingAnEmbeddedNoteRedoesThePagesThatShowIt() throws {
        let scratch = try Scratch("embeds-incremental", files: Self.files)
        let cold = try build(scratch)
        #expect(cold.site.rendered == cold.site.pages)
        try scratch.edit("notes/sub/guest.md") { $0.replacingOccurrences(of: "DEEPER-TEXT", with: "EDITED-TEXT") }
        let warm = try build(scratch)
        #expect(warm.site.rendered > 0 && warm.site.rendered < warm.site.pages)
        let host = page(scratch, "host")
        #expect(host.contains("EDITED-TEXT") && !host.contains("DEEPER-TEXT"))
        // Nested: an edit two embeds away reaches the page too.
        try scratch.write("notes/whole.md", "# Whole\n\n![[list]]\n")
        #expect(try build(scratch).errors == 0)
        try scratch.edit("notes/list.md") { $0.replacingOccurrences(of: "ITEM-THREE", with: "ITEM-EDITED") }
        _ = try build(scratch)
        #expect(page(scratch, "host").contains("ITEM-EDITED"))
    }
}
