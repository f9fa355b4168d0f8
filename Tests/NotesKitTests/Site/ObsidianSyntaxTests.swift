import Foundation
import Testing
@testable import NotesCheck
@testable import NotesMarkdown
@testable import NotesModel
@testable import NotesParse
@testable import NotesSite
import NotesTestSupport

/// DESIGN §2a: callouts and GitHub alerts, `==highlights==`, inline `#tags`
/// and nested tags mean on the page what they mean in Obsidian.
@Suite struct ObsidianSyntaxTests {
    /// A document rendered as the page renders it; tags link to `tags/<slug>.html`.
    static func html(_ markdown: String) -> String {
        var hooks = HTMLRenderHooks()
        hooks.tag = { "tags/\(tagSlug($0)).html" }
        return CmarkBridge.renderBlocks(Array(markdown.utf8), hooks: hooks).map(\.html).joined()
    }

    static func tags(_ markdown: String) -> [String] {
        NoteParser.parse(id: "n", path: "n.md", bytes: Array(markdown.utf8)).note.tags
    }

    // MARK: - Callouts

    static let families: [(type: String, family: String)] = [
        ("note", "note"), ("abstract", "abstract"), ("summary", "abstract"), ("tldr", "abstract"), ("info", "info"),
        ("todo", "todo"), ("tip", "tip"), ("hint", "tip"), ("important", "tip"), ("success", "success"),
        ("check", "success"), ("done", "success"), ("question", "question"), ("help", "question"), ("faq", "question"),
        ("warning", "warning"), ("caution", "warning"), ("attention", "warning"), ("failure", "failure"),
        ("fail", "failure"), ("missing", "failure"), ("danger", "danger"), ("error", "danger"), ("bug", "bug"),
        ("example", "example"), ("quote", "quote"), ("cite", "quote"), ("recipe", "note"),
    ]

    @Test(arguments: families)
    func everyTypeAndAliasTakesItsFamily(_ entry: (type: String, family: String)) {
        let title = entry.type.prefix(1).uppercased() + entry.type.dropFirst()
        #expect(Self.html("> [!\(entry.type)]\n> Body.\n") == """
        <div class="callout callout-\(entry.family)" data-callout="\(entry.type)">
        <p class="callout-title">\(title)</p>
        <div class="callout-body">
        <p>Body.</p>
        </div>
        </div>

        """)
    }

    @Test func titlesFoldingAndGitHubAlerts() {
        #expect(Self.html("> [!warning] Custom *title*\n> Body with [a link](https://example.com).\n>\n> More.\n") == """
        <div class="callout callout-warning" data-callout="warning">
        <p class="callout-title">Custom <em>title</em></p>
        <div class="callout-body">
        <p>Body with <a href="https://example.com">a link</a>.</p>
        <p>More.</p>
        </div>
        </div>

        """)
        #expect(Self.html("> [!tip]- Folded\n> Hidden.\n") == """
        <details class="callout callout-tip" data-callout="tip">
        <summary class="callout-title">Folded</summary>
        <div class="callout-body">
        <p>Hidden.</p>
        </div>
        </details>

        """)
        #expect(Self.html("> [!faq]+ Open\n> Shown.\n").hasPrefix(
            "<details class=\"callout callout-question\" data-callout=\"faq\" open>\n<summary class=\"callout-title\">Open</summary>\n"))
        // GitHub's alert: the marker alone on its line, upper case.
        #expect(Self.html("> [!IMPORTANT]\n> Read this.\n").hasPrefix(
            "<div class=\"callout callout-tip\" data-callout=\"important\">\n<p class=\"callout-title\">Important</p>\n"))
        // A title and no body.
        #expect(Self.html("> [!info] Only a title\n") == """
        <div class="callout callout-info" data-callout="info">
        <p class="callout-title">Only a title</p>
        </div>

        """)
    }

    @Test func calloutsNest() {
        #expect(Self.html("> [!note] Outer\n> > [!bug]- Inner\n> > Deep.\n> After.\n") == """
        <div class="callout callout-note" data-callout="note">
        <p class="callout-title">Outer</p>
        <div class="callout-body">
        <details class="callout callout-bug" data-callout="bug">
        <summary class="callout-title">Inner</summary>
        <div class="callout-body">
        <p>Deep.
        After.</p>
        </div>
        </details>
        </div>
        </div>

        """)
    }

    @Test func quotesThatAreNoCalloutsStayQuotes() {
        for text in ["> plain\n", "> [!note]x\n", "> [note] no bang\n", "> text\n> [!note] later\n", "> [!]\n", "> `[!note]`\n"] {
            #expect(Self.html(text).hasPrefix("<blockquote>"), "\(text)")
        }
    }

    // MARK: - Highlights

    @Test(arguments: [
        ("==hi==", "<p><mark>hi</mark></p>\n"),
        ("a ==two words== b", "<p>a <mark>two words</mark> b</p>\n"),
        ("==**bold**== and ==`x`==", "<p><mark><strong>bold</strong></mark> and <mark><code>x</code></mark></p>\n"),
        ("==a **b** c==", "<p><mark>a <strong>b</strong> c</mark></p>\n"),
        ("a == b", "<p>a == b</p>\n"),
        ("a == b == c", "<p>a == b == c</p>\n"),
        ("==unclosed", "<p>==unclosed</p>\n"),
        ("== spaced==", "<p>== spaced==</p>\n"),
        ("==spaced ==", "<p>==spaced ==</p>\n"),
        ("x === y === z", "<p>x === y === z</p>\n"),
        ("====", "<p>====</p>\n"),
        ("`==code==`", "<p><code>==code==</code></p>\n"),
        ("==a ==b==", "<p>==a <mark>b</mark></p>\n"),
        ("==one== and ==two==", "<p><mark>one</mark> and <mark>two</mark></p>\n"),
    ])
    func highlights(_ markdown: String, _ expected: String) {
        #expect(Self.html(markdown) == expected)
    }

    @Test func highlightInCodeBlockStaysCode() {
        #expect(Self.html("```\n==x==\n```\n") == "<pre><code>==x==\n</code></pre>\n")
    }

    // MARK: - Inline tags

    @Test func inlineTagsJoinTheNotesTags() {
        let note = """
        ---
        tags: [Research, shared]
        ---
        # Title #heading-tag

        Text #inline and #research again, (#paren) and #area/sub-topic, #Inline twice.

        Not tags: #123, C#sharp, `#code`, [#link](https://example.com), https://example.com/#frag, [[#Heading]],
        [[other#Section]], example.com/#path, a#b, #/leading.

        ## Heading #h2tag

        ```
        #fenced
        ```

            #indented
        """
        #expect(Self.tags(note) == ["Research", "shared", "inline", "paren", "area/sub-topic"])
    }

    @Test func inlineTagsAreLinksOnThePage() {
        #expect(Self.html("See #alpha and #area/sub, not #42 or `#code`.\n") ==
                "<p>See <a class=\"tag\" href=\"tags/alpha.html\">#alpha</a> and <a class=\"tag\" href=\"tags/area/sub.html\">#area/sub</a>, not #42 or <code>#code</code>.</p>\n")
        #expect(Self.html("# Heading #notatag\n") == "<h1>Heading #notatag</h1>\n")
        #expect(Self.html("[#linktext](https://example.com)\n") == "<p><a href=\"https://example.com\">#linktext</a></p>\n")
    }

    @Test func tagScannerRules() {
        #expect(InlineTags.scan(Array("#a #1 #1a #a1 #_ #-x #a/ #a/b/ #ünï #日本".utf8)).map(\.name)
                == ["a", "1a", "a1", "_", "-x", "a", "a/b", "ünï", "日本"])
        #expect(InlineTags.scan(Array("#2024/01 #123/456 x#y &#z".utf8)).map(\.name) == [])
    }

    // MARK: - The site

    static let files = [
        "notes/a.md": """
        ---
        tags: [Project]
        ---
        # A

        ## TL;DR
        > [!summary] The gist
        > Callouts keep [[b]] links and $x^2$ math.

        Plain summary with ==a highlight== and #area/sub.

        ## Notes
        > [!tip]- Folded away
        > Hidden until opened.
        """,
        "notes/b.md": "# B\n\nAbout #area/other and #area.\n",
        "notes/c.md": "# C\n\nOnly #project here.\n",
    ]

    @Test func calloutsHighlightsAndNestedTagsOnTheSite() throws {
        let scratch = try Scratch("obsidian-syntax", files: Self.files)
        let out = try SiteFixtures.build(scratch.path("notes"), in: scratch)
        let page = SiteFixtures.text(out, "notes/a.html")
        #expect(page.contains("<div class=\"callout callout-abstract\" data-callout=\"summary\">\n<p class=\"callout-title\">The gist</p>"))
        #expect(page.contains("Callouts keep <a href=\"../notes/b.html\">b</a> links and <span class=\"math math-inline\">x^2</span> math."))
        #expect(page.contains("<details class=\"callout callout-tip\" data-callout=\"tip\">\n<summary class=\"callout-title\">Folded away</summary>"))
        #expect(page.contains("<mark>a highlight</mark>"))
        #expect(page.contains("<a class=\"tag\" href=\"../tags/area/sub.html\">#area/sub</a>"))
        #expect(!page.contains("[!"), "the callout marker is syntax, not text")

        // The records and the search index do not carry the marker.
        let notebook = try Pipeline.load(root: scratch.path("notes"))
        let a = try #require(notebook.notes.first { $0.id == "a" })
        #expect(a.tags == ["Project", "area/sub"])
        #expect(!a.tldr.joined().contains("[!"))
        let search = SiteFixtures.text(out, "search-index.json")
        #expect(!search.contains("[!"))

        // `#project` in c and front matter `Project` in a are one tag.
        let project = SiteFixtures.text(out, "tags/project.html")
        #expect(project.contains("../notes/a.html") && project.contains("../notes/c.html"))

        // Nested tags: `area` lists the notes of `area`, `area/sub` and `area/other`, and links down.
        let area = SiteFixtures.text(out, "tags/area.html")
        #expect(area.contains("3 notes") || area.contains(">3 notes<"), "\(area)")
        #expect(area.contains("href=\"../tags/area/other.html\">#area/other</a>"))
        #expect(area.contains("href=\"../tags/area/sub.html\">#area/sub</a>"))
        for id in ["a", "b"] { #expect(area.contains("../notes/\(id).html")) }
        let sub = SiteFixtures.text(out, "tags/area/sub.html")
        #expect(sub.contains("<a href=\"../../tags/area.html\">#area</a>"), "a nested tag links up to its parent")
        #expect(sub.contains("../../notes/a.html") && !sub.contains("../../notes/b.html"))
        let index = SiteFixtures.text(out, "tags/index.html")
        for slug in ["area", "area/other", "area/sub", "project"] { #expect(index.contains("../tags/\(slug).html")) }
    }
}
