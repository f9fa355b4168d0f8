import Foundation
import Mustache
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

/// notesc parses and renders templates itself (`TemplateParser`,
/// `CompiledLibrary`); whatever it renders must be what swift-mustache
/// renders, byte for byte.
@Suite struct CompiledTemplatesTests {
    /// Both engines' output of `template` (with `partials`) for `context`,
    /// each from its own parse.
    static func both(_ template: String, _ context: Any, partials: [String: String] = [:]) throws -> (compiled: String, reference: String) {
        var sources = partials
        sources["main"] = template
        let compiled = CompiledLibrary(try sources.mapValues { try TemplateParser.parse($0) })
        let page = try #require(compiled.render(context, template: "main"), "notesc left \(template) to swift-mustache")
        let library = MustacheLibrary(templates: try sources.mapValues { try MustacheTemplate(string: $0) })
        let reference = try #require(library.render(context, withTemplate: "main"))
        return (String(decoding: page, as: UTF8.self), reference)
    }

    static let context: [String: Any] = [
        "title": "Tom & \"Jerry\" <b>'s</b>",
        "empty": "",
        "count": 42,
        "yes": true,
        "no": false,
        "none": TemplateValue.absent,
        "ratio": 0.5,
        "boxedNil": String?.none as Any,
        "boxedSome": String?.some("boxed") as Any,
        "strings": ["a", "<b>", "c"],
        "mixed": ["x", 7, true, ["title": "inner"] as [String: Any]] as [Any],
        "noItems": [[String: Any]](),
        "noAny": [Any](),
        "plain": ["title": "plain dictionary", "only": "here"] as [String: String],
        "items": [
            ["name": "one", "url": "1.html", "title": TemplateValue.absent],
            ["name": "two", "sub": ["deep": "value", "count": 2] as [String: Any]],
            ["name": "three", "yes": false],
        ] as [[String: Any]],
        "page": ["title": "Page", "nav": ["notes": true] as [String: Any]] as [String: Any],
    ]

    static let templates: [String] = [
        "{{title}}|{{{title}}}|{{&title}}|{{count}}|{{yes}}|{{no}}|{{ratio}}|{{missing}}|{{none}}",
        "{{#empty}}empty opens [{{.}}]{{/empty}}{{^empty}}never{{/empty}}",
        "{{#count}}{{.}} is truthy{{/count}}{{#yes}}yes{{/yes}}{{^no}}not no{{/no}}{{#no}}never{{/no}}",
        "{{#none}}never{{/none}}{{^none}}absent is missing{{/none}}{{^missing}}missing{{/missing}}",
        "{{boxedNil}}|{{boxedSome}}|{{#boxedNil}}boxed nil opens{{/boxedNil}}",
        "{{#strings}}[{{.}}]{{/strings}}{{#mixed}}({{.}}{{title}}){{/mixed}}",
        "{{^noItems}}no items{{/noItems}}{{^noAny}}none either{{/noAny}}{{#noItems}}never{{/noItems}}",
        "{{#items}}{{name}}:{{title}}:{{sub.deep}}:{{sub.count}}:{{#yes}}y{{/yes}};{{/items}}",
        "{{#items}}{{.name}}{{.title}}|{{/items}}",
        "{{page.title}} {{page.nav.notes}} {{#page}}{{title}} {{#nav}}{{notes}}{{count}}{{/nav}}{{/page}} {{page.missing.deeper}}",
        "{{plain.title}} {{#plain}}{{only}} {{title}} {{count}}{{/plain}}",
        "{{! a comment }}a{{=<% %>=}}<% title %>{{title}}<%={{ }}=%>{{title}}",
        "before\n  {{#yes}}\n  standalone lines go\n  {{/yes}}\nafter\n",
        "{{% CONTENT_TYPE: TEXT }}{{title}} {{#items}}{{name}}{{/items}}",
        "{{% CONTENT_TYPE: HTML }}{{title}}",
        // Text and numbers have no properties to look into.
        "{{title.count}}|{{ratio.x}}|{{count.x}}|{{#ratio}}{{.}}{{x}}{{/ratio}}",
    ]

    @Test(arguments: templates)
    func rendersAsSwiftMustacheDoes(_ template: String) throws {
        let (compiled, reference) = try Self.both(template, Self.context)
        #expect(compiled == reference)
    }

    @Test func partialsIndentationAndInheritance() throws {
        let partials = [
            "item": "<li>{{name}}</li>\n{{#sub}}<span>{{deep}}</span>\n{{/sub}}",
            "layout": "<main>\n  {{$content}}default content{{/content}}\n{{$footer}}<footer>{{title}}</footer>{{/footer}}\n</main>\n",
            "section": "{{<layout}}{{$footer}}section footer{{/footer}}{{/layout}}",
            "text": "{{% CONTENT_TYPE: TEXT }}{{title}}\n{{>html}}",
            "html": "{{title}}\n",
        ]
        let templates = [
            "<ul>\n  {{#items}}\n    {{>item}}\n  {{/items}}\n</ul>\n",
            "{{<layout}}\n{{$content}}\n  <p>{{title}}</p>\n  {{#items}}{{name}} {{/items}}\n{{/content}}\n{{/layout}}\n",
            "{{<section}}{{$content}}inner content{{/content}}{{/section}}",
            // A block given further out wins over the one `section` gives.
            "{{<section}}{{$footer}}outer footer{{/footer}}{{/section}}",
            "{{<layout}}{{/layout}}",
            "{{>text}}|{{>missing}}|{{title}}",
        ]
        for template in templates {
            let (compiled, reference) = try Self.both(template, Self.context, partials: partials)
            #expect(compiled == reference, "\(template)")
        }
    }

    struct Shouting: MustacheContentType {
        func escapeText(_ text: String) -> String { text.uppercased() }
    }

    /// A content type registered with swift-mustache is its to render.
    @Test func contentTypesOfOthersAreLeftToSwiftMustache() throws {
        MustacheContentTypes.register(Shouting(), named: "SHOUTING")
        let template = "{{% CONTENT_TYPE: SHOUTING }}{{title}} {{{title}}}|{{#items}}{{name}}{{/items}}"
        #expect(throws: TemplateNeedsSwiftMustache.self) { try TemplateParser.parse(template) }
        let scratch = try Scratch("templates")
        let folder = scratch.root
        try template.write(toFile: folder + "/404.mustache", atomically: true, encoding: .utf8)
        let set = try TemplateSet.load(from: folder)
        #expect(set.compiled == nil)
        let page = try set.render(["title": "Tom & Jerry", "items": [["name": "one"]]] as [String: Any], "404")
        #expect(String(decoding: page, as: UTF8.self) == "TOM & JERRY Tom & Jerry|ONE")
    }

    struct Person {
        var name: String
        var nickname: String?
    }

    /// Values swift-mustache reads by reflection or calls are its to render:
    /// notesc's renderer gives the page back, and the set renders it with swift-mustache.
    @Test func valuesReadByReflectionAreLeftToSwiftMustache() throws {
        let context: [String: Any] = [
            "person": Person(name: "Ann", nickname: "<A>"),
            "shout": MustacheLambda { "<b>hi</b>" },
            "title": "plain",
        ]
        let templates = [
            "{{person.name}} {{person.nickname}}", "{{#person}}{{name}}{{/person}}",
            "{{shout}}", "{{#shout}}x{{/shout}}",
        ]
        for template in templates {
            let compiled = CompiledLibrary(["main": try TemplateParser.parse(template)])
            #expect(compiled.render(context, template: "main") == nil, "\(template)")
            let scratch = try Scratch("templates")
            let folder = scratch.root
            try template.write(toFile: folder + "/404.mustache", atomically: true, encoding: .utf8)
            let set = try TemplateSet.load(from: folder)
            #expect(set.compiled != nil)
            let page = String(decoding: try set.render(context, "404"), as: UTF8.self)
            #expect(page == (try set.renderWithSwiftMustache(context, "404")), "\(template)")
        }
        let scratch = try Scratch("templates")
        let folder = scratch.root
        try "{{person.name}}{{shout}}".write(toFile: folder + "/404.mustache", atomically: true, encoding: .utf8)
        #expect(String(decoding: try TemplateSet.load(from: folder).render(context, "404"), as: UTF8.self) == "Ann&lt;b&gt;hi&lt;/b&gt;")
    }

    /// Pages give their values as `TemplateObject`s: both engines read them
    /// as they read the same values in a dictionary.
    @Test func templateObjectsReadAsDictionariesDo() throws {
        let object: TemplateObject = [
            .title: "Tom & Jerry", .count: 3, .hasItems: false, .summary: TemplateValue.absent,
            .items: [[.name: "one", .url: "1.html"] as TemplateObject, [.name: "two", .title: "own title"] as TemplateObject],
            .page: [.title: "Page", .nav: [.notes: true] as TemplateObject] as TemplateObject,
        ]
        let dictionary: [String: Any] = [
            "title": "Tom & Jerry", "count": 3, "hasItems": false, "summary": TemplateValue.absent,
            "items": [["name": "one", "url": "1.html"], ["name": "two", "title": "own title"]] as [[String: Any]],
            "page": ["title": "Page", "nav": ["notes": true] as [String: Any]] as [String: Any],
        ]
        let templates = [
            "{{title}}|{{count}}|{{nonsense}}|{{page.nav.notes}}|{{page.nav.systems}}|{{page.missing.deeper}}",
            "{{#items}}{{name}} {{title}} {{url}}|{{/items}}{{^items}}never{{/items}}",
            "{{#summary}}never{{/summary}}{{^summary}}no summary{{/summary}}{{^hasItems}}no items{{/hasItems}}",
            "{{#page}}{{title}} {{#nav}}{{notes}} {{count}}{{/nav}}{{/page}}",
        ]
        for template in templates {
            let (compiled, reference) = try Self.both(template, object)
            let (_, fromDictionary) = try Self.both(template, dictionary)
            #expect(compiled == reference, "\(template)")
            #expect(reference == fromDictionary, "\(template)")
        }
        var edited = object
        edited[.title] = String?.none
        edited[.count] = 4
        #expect(edited[.title] == nil)
        #expect(edited.value(.count)?.any as? Int == 4)
        #expect(edited.entries.count == object.entries.count - 1)
        #expect(edited.completed([.title, .count]).value(.title)?.any is TemplateValue.Absent)
        #expect(edited.completed([.title, .count]).value(.count)?.any as? Int == 4)
        #expect(object.child(named: "count") as? Int == 3)
        #expect(object.child(named: "nonsense") == nil)
        #expect(TemplateKey.allCases.allSatisfy { TemplateKey(name: $0.name) == $0 })
    }

    /// What only swift-mustache can render makes the compiled set step aside.
    @Test func transformsAndDynamicPartialsFallBackToSwiftMustache() throws {
        for template in ["{{uppercased(title)}}", "{{#items}}{{#first()}}first{{/first()}}{{/items}}", "{{>*name}}", "{{<*name}}{{/*name}}"] {
            _ = try MustacheTemplate(string: template)
            #expect(throws: TemplateNeedsSwiftMustache.self, "\(template)") { try TemplateParser.parse(template) }
        }
        let scratch = try Scratch("templates")
        let folder = scratch.root
        try "{{% CONTENT_TYPE: HTML }}{{uppercased(page.title)}}".write(toFile: folder + "/404.mustache", atomically: true, encoding: .utf8)
        let set = try TemplateSet.load(from: folder)
        #expect(set.compiled == nil)
        let page = try set.render(["page": ["title": "not found"] as [String: Any]], "404")
        #expect(String(decoding: page, as: UTF8.self) == "NOT FOUND")
    }

    /// Links made once for every page one folder deep (`SiteModel.shareLinks()`,
    /// done when a build renders many pages) are the links each page makes alone.
    @Test(arguments: ["Notes", "fixture"])
    func sharedLinksChangeNoPage(_ which: String) throws {
        let root = which == "Notes" ? Fixtures.repository.appendingPathComponent("Notes").path : SiteFixtures.notes("study")
        let model = SiteModel(try Pipeline.load(root: root), options: SiteOptions(notesRoot: root, outDir: "/nonexistent/out"))
        let templates = try TemplateSet.load(from: nil)
        let pages = SitePage.all(model)
        #expect(model.sharedLinks == nil)
        let alone = try pages.map { try templates.render($0.context(model), $0.template) }
        model.shareLinks()
        #expect(model.sharedLinks != nil)
        let shared = try pages.map { try templates.render($0.context(model), $0.template) }
        for (i, page) in pages.enumerated() { #expect(alone[i] == shared[i], "\(page.path)") }
    }

    /// Every page of the sample notes and of the site fixture, both ways.
    @Test(arguments: ["Notes", "fixture"])
    func everyPageRendersAsSwiftMustacheDoes(_ which: String) throws {
        let root = which == "Notes" ? Fixtures.repository.appendingPathComponent("Notes").path : SiteFixtures.notes("study")
        let notebook = try Pipeline.load(root: root)
        let model = SiteModel(notebook, options: SiteOptions(notesRoot: root, outDir: "/nonexistent/out"))
        let templates = try TemplateSet.load(from: nil)
        #expect(templates.compiled != nil)
        let pages = SitePage.all(model)
        #expect(pages.count > 20)
        for page in pages {
            let context = page.context(model)
            let compiled = String(decoding: try templates.render(context, page.template), as: UTF8.self)
            let reference = try templates.renderWithSwiftMustache(context, page.template)
            #expect(compiled == reference, "\(page.path)")
        }
    }
}
