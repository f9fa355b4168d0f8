import Foundation
import Mustache
import Testing
import NotesTestSupport
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

/// notesc's template parser reads a template as swift-mustache does: each
/// case is parsed by both and rendered by both engines, and must come out the
/// same, byte for byte (the mustache spec's cases, as swift-mustache passes them).
@Suite struct TemplateParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        var partials: [String: String] = [:]
        var testDescription: String { name }
    }

    static let data: [String: Any] = [
        "boolean": true, "falsy": false, "text": "Hey & <you>", "value": "<v>", "data": "I got interpolated.",
        "fruit": "apple", "content": "<\n->", "one": 1, "two": 2, "three": 3,
        "a": ["one": 1, "b": ["c": true, "two": 2] as [String: Any]] as [String: Any],
        "b": ["two": 2] as [String: Any], "c": ["three": 3] as [String: Any],
        "list": [["item": 1], ["item": 2], ["item": 3]] as [[String: Any]],
        "empty": [[String: Any]](),
        "strings": ["a", "b", "c"],
        "section": ["data": "inner"] as [String: Any],
        "nested": ["fruit": "pear"] as [String: Any],
        "nodes": [["content": "Y", "nodes": [[String: Any]]()] as [String: Any]] as [[String: Any]],
    ]

    static let cases: [Case] = [
        // Sections and inverted sections.
        Case(name: "standalone lines", template: "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n"),
        Case(name: "indented standalone lines", template: "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n"),
        Case(name: "indented inline sections", template: " {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n"),
        Case(name: "standalone CRLF", template: "|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|"),
        Case(name: "standalone without previous line", template: "  {{#boolean}}\n#{{/boolean}}\n/"),
        Case(name: "standalone without newline", template: "#{{#boolean}}\n/\n  {{/boolean}}"),
        Case(name: "nested truthy", template: "| A {{#boolean}}B {{#boolean}}C{{/boolean}} D{{/boolean}} E |"),
        Case(name: "nested falsy", template: "| A {{^falsy}}B {{^falsy}}C{{/falsy}} D{{/falsy}} E |"),
        Case(name: "deeply nested contexts",
             template: "{{#a}}\n{{one}}\n{{#b}}\n{{one}}{{two}}{{one}}\n{{#c}}\n{{one}}{{two}}{{three}}{{two}}{{one}}\n{{/c}}\n{{/b}}\n{{/a}}\n"),
        Case(name: "list", template: "{{#list}}{{item}}{{/list}}|{{^list}}never{{/list}}|{{^empty}}empty{{/empty}}"),
        Case(name: "implicit iterator", template: "{{#strings}}({{.}}){{/strings}}"),
        Case(name: "dotted names", template: "{{#a.b.c}}Here{{/a.b.c}}|{{a.b.two}}|{{.text}}|{{#a}}{{.b.two}}{{.one}}{{.text}}{{/a}}"),
        Case(name: "surrounding whitespace", template: " | {{#boolean}}\t|\t{{/boolean}} | \n"),
        Case(name: "internal whitespace", template: " | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n"),
        Case(name: "padding", template: "|{{# boolean }}={{/ boolean }}|{{^ falsy }}={{/ falsy }}|"),
        Case(name: "inverted standalone lines", template: "| This Is\n{{^falsy}}\n|\n{{/falsy}}\n| A Line\n"),
        Case(name: "section ending the template", template: "a\n{{#boolean}}\nb\n{{/boolean}}"),
        Case(name: "trailing spaces are dropped", template: "a\n  "),
        // Variables.
        Case(name: "variables", template: "{{text}}|{{{text}}}|{{&text}}|{{ text }}|{{{ text }}}|{{& text }}|{{missing}}|{{}}"),
        Case(name: "standalone variable keeps its line", template: "a\n  {{text}}\nb\n"),
        // Comments.
        Case(name: "standalone comment", template: "Begin.\n{{! Comment Block! }}\nEnd.\n"),
        Case(name: "indented standalone comment", template: "Begin.\n  {{! Indented Comment Block! }}\nEnd.\n"),
        Case(name: "multiline standalone comment", template: "Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n"),
        Case(name: "indented inline comment", template: "  12 {{! 34 }}\n"),
        Case(name: "comment between words", template: "12345 {{! Comment Block! }} 67890 {{!}}x"),
        // Delimiters.
        Case(name: "set delimiters", template: "{{=<% %>=}}(<%text%>)<%={{ }}=%>{{text}}"),
        Case(name: "delimiters and sections",
             template: "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n"),
        Case(name: "standalone delimiter tag", template: "Begin.\n{{=@ @=}}\nEnd.\n  @={{ }}=@\n{{text}}"),
        Case(name: "delimiters do not reach partials", template: "[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n",
             partials: ["include": ".{{value}}."]),
        // Partials.
        Case(name: "partial", template: "\"{{>text}}\" {{> text }}|{{>missing}}|", partials: ["text": "from partial {{text}}"]),
        Case(name: "partial standalone CRLF", template: "|\r\n{{>partial}}\r\n|", partials: ["partial": ">"]),
        Case(name: "partial standalone indentation", template: "\\\n {{>partial}}\n/\n",
             partials: ["partial": "|\n{{{content}}}\n|\n"]),
        Case(name: "partial inline indentation", template: "  {{data}}  {{> partial}}\n", partials: ["partial": ">\n>"]),
        Case(name: "nested partial indentation", template: "<\n  {{>outer}}\n>\n",
             partials: ["outer": "o1\n  {{>inner}}\no2\n", "inner": "i1\n{{#list}}\n  {{item}}\n{{/list}}\ni2\n"]),
        Case(name: "partial recursion", template: "{{>node}}", partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"]),
        Case(name: "partial surrounding whitespace", template: "| {{>partial}} |", partials: ["partial": "\t|\t"]),
        Case(name: "partial in a section", template: "{{#list}}\n  {{>item}}\n{{/list}}\n", partials: ["item": "<li>{{item}}</li>\n"]),
        // Inheritance.
        Case(name: "block default", template: "{{$title}}Default title{{/title}}\n"),
        Case(name: "block with a variable", template: "{{$foo}}default {{text}} content{{/foo}}\n"),
        Case(name: "overridden content", template: "{{<super}}{{$title}}sub template title{{/title}}{{/super}}",
             partials: ["super": "...{{$title}}Default title{{/title}}..."]),
        Case(name: "overridden parent twice", template: "test {{<parent}}{{$stuff}}override1{{/stuff}}{{/parent}} {{<parent}}{{$stuff}}override2{{/stuff}}{{/parent}}\n",
             partials: ["parent": "|{{$stuff}}...{{/stuff}}{{$default}} default{{/default}}|"]),
        Case(name: "override with newlines", template: "{{<parent}}{{$ballmer}}\npeaked\n\n:(\n{{/ballmer}}{{/parent}}",
             partials: ["parent": "{{$ballmer}}peaking{{/ballmer}}"]),
        Case(name: "inherit indentation", template: "{{<parent}}{{$nested}}one\ntwo\n{{/nested}}{{/parent}}",
             partials: ["parent": "stop:\n  {{$nested}}\n  three\n  {{/nested}}\n"]),
        Case(name: "only one override", template: "{{<parent}}{{$stuff2}}override two{{/stuff2}}{{/parent}}",
             partials: ["parent": "{{$stuff}}new default one{{/stuff}}, {{$stuff2}}new default two{{/stuff2}}"]),
        Case(name: "parent as a partial", template: "{{>parent}}|{{<parent}}{{/parent}}",
             partials: ["parent": "{{$foo}}default content{{/foo}}"]),
        Case(name: "inheritance recursion", template: "{{<parent}}{{$foo}}override{{/foo}}{{/parent}}",
             partials: ["parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
                        "parent2": "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}"]),
        Case(name: "multi-level inheritance", template: "{{<older}}{{$a}}c{{/a}}{{/older}}|{{<older}}{{/older}}",
             partials: ["older": "{{<grandParent}}{{$a}}p{{/a}}{{/grandParent}}", "grandParent": "{{$a}}g{{/a}}"]),
        Case(name: "text inside parent", template: "{{<parent}} asdfasd {{$foo}}hmm{{/foo}} asdfasdfasdf {{/parent}}",
             partials: ["parent": "{{$foo}}default content{{/foo}}"]),
        Case(name: "block scope", template: "{{#nested}}{{$block}}You say {{fruit}}.{{/block}}{{/nested}}"),
        Case(name: "standalone parent", template: "Hi,\n  {{<parent}}{{/parent}}\n", partials: ["parent": "one\ntwo\n"]),
        Case(name: "standalone block", template: "{{<parent}}{{$block}}\none\ntwo{{/block}}\n{{/parent}}\n",
             partials: ["parent": "Hi,\n  {{$block}}{{/block}}\n"]),
        Case(name: "block reindentation", template: "{{<parent}}{{$block}}\n    one\n    two\n{{/block}}\n{{/parent}}\n",
             partials: ["parent": "Hi,\n  {{$block}}\n  {{/block}}\n"]),
        Case(name: "intrinsic indentation", template: "{{<parent}}{{$block}}\none\ntwo\n{{/block}}{{/parent}}\n",
             partials: ["parent": "Hi,\n{{$block}}\n{{/block}}\n"]),
        Case(name: "nested block reindentation", template: "{{<parent}}{{$nested}}\nthree\n{{/nested}}{{/parent}}\n",
             partials: ["parent": "{{<grandparent}}{{$block}}\n one\n {{$nested}}\n two\n {{/nested}}\n{{/block}}{{/grandparent}}\n",
                        "grandparent": "{{$block}}default{{/block}}"]),
        Case(name: "layout as notesc's templates use it",
             template: "{{% CONTENT_TYPE: HTML }}\n{{<layout}}\n{{$content}}\n<h1>{{text}}</h1>\n{{#list}}\n  {{>item}}\n{{/list}}\n{{/content}}\n{{/layout}}\n",
             partials: ["layout": "{{% CONTENT_TYPE: HTML }}\n<main>\n  {{$content}}{{/content}}\n</main>\n{{$head}}{{/head}}\n",
                        "item": "{{% CONTENT_TYPE: HTML }}\n<li>{{item}}</li>\n"]),
        // Pragmas.
        Case(name: "content types", template: "{{% CONTENT_TYPE: TEXT }}\n{{text}}\n{{>html}}\n{{%CONTENT_TYPE:HTML}}{{text}}",
             partials: ["html": "{{text}}\n"]),
    ]

    @Test(arguments: cases)
    func rendersAsSwiftMustacheDoes(_ test: Case) throws {
        let (compiled, reference) = try CompiledTemplatesTests.both(test.template, Self.data, partials: test.partials)
        #expect(compiled == reference)
    }

    /// A few results spelled out, so that the two engines cannot agree on nonsense.
    @Test func standaloneLinesAreRemoved() throws {
        #expect(try TemplateParser.parse("a\n  {{#x}}\nb\n  {{/x}}\nc") ==
                [.text("a\n"), .section("x", inverted: false, [.text("b\n")]), .text("c")])
        #expect(try TemplateParser.parse(" {{>p}}\n") == [.text(" "), .partial("p", indentation: " ", blocks: nil)])
        #expect(try TemplateParser.parse("x {{>p}}\n") == [.text("x "), .partial("p", indentation: nil, blocks: nil), .text("\n")])
        #expect(try TemplateParser.parse("{{<p}}\n  {{$b}}\n  one\n  {{/b}}\n{{/p}}") ==
                [.partial("p", indentation: "", blocks: ["b": [.text("one\n")]])])
        #expect(try TemplateParser.parse("{{{a}}}{{&b}}{{c.d}}{{% CONTENT_TYPE: TEXT }}") ==
                [.variable("a", escaped: false), .variable("b", escaped: false), .variable("c.d", escaped: true), .contentType(html: false)])
        let (page, _) = try CompiledTemplatesTests.both("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", Self.data)
        #expect(page == "| This Is\n|\n| A Line\n")
    }

    /// Templates swift-mustache refuses, refused with where and why.
    static let broken: [(template: String, line: Int, message: String)] = [
        ("a\n{{#items}}\nb\n", 2, "'items' is opened here and never closed"),
        ("a\n\n{{/items}}", 3, "{{/items}} closes nothing"),
        ("{{#a}}\n{{#b}}\n{{/a}}", 3, "{{/a}} found where {{/b}} should close 'b' (opened on line 2)"),
        ("x\n{{name", 2, "unfinished tag"),
        ("{{name}", 1, "unfinished tag"),
        ("{{{name}}", 1, "'{{{' is not closed by '}}}'"),
        ("{{na me}}", 1, "unfinished tag: expected '}}' but found 'm'"),
        ("{{=<% %>}}", 1, "bad delimiter tag"),
        ("{{=<%%>=}}", 1, "bad delimiter tag"),
        ("{{% CONTENT_TYPE HTML }}", 1, "bad pragma"),
        ("{{% COLOUR: red }}", 1, "unknown pragma 'COLOUR'"),
        ("a\nb {{! comment", 2, "comment never closed"),
        ("a\nb {", 2, "the template ends in '{'"),
        ("{{<p}}\n{{x}}\n{{/p}}", 1, "only blocks"),
        ("{{<partials/p}}{{/partials/p}}", 1, "unfinished tag"),
    ]

    @Test func brokenTemplatesAreRefusedByBoth() throws {
        for (template, line, message) in Self.broken {
            #expect(throws: (any Error).self, "swift-mustache accepts \(template.debugDescription)") { try MustacheTemplate(string: template) }
            do {
                let tokens = try TemplateParser.parse(template)
                Issue.record("\(template.debugDescription) parsed as \(tokens)")
            } catch let error as TemplateSyntaxError {
                #expect(error.line == line, "\(template.debugDescription): \(error)")
                #expect(error.message.contains(message), "\(template.debugDescription): \(error)")
            }
        }
    }

    /// A user's template that does not parse names its file and line.
    @Test func errorsNameTheFileAndLine() throws {
        let scratch = try Scratch("templates")
        let folder = scratch.root
        try FileManager.default.createDirectory(atPath: folder + "/partials", withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: HTML }}\n<ul>\n{{#claims}}\n<li>{{text}}</li>\n</ul>\n"
            .write(toFile: folder + "/partials/topic.mustache", atomically: true, encoding: .utf8)
        let error = try #require(#expect(throws: SiteError.self) { try TemplateSet.load(from: folder) })
        #expect("\(error)".contains("\(folder)/partials/topic.mustache:3:1: 'claims' is opened here and never closed"), "\(error)")
        // Errors in what only swift-mustache renders come from its parser, with its line numbers.
        try "{{uppercased(title)}}\n{{/nothing}}".write(toFile: folder + "/partials/topic.mustache", atomically: true, encoding: .utf8)
        let theirs = try #require(#expect(throws: SiteError.self) { try TemplateSet.load(from: folder) })
        #expect("\(theirs)".contains("\(folder)/partials/topic.mustache:2:"), "\(theirs)")
    }

    // MARK: Many templates, both ways

    /// Pieces random templates are made of: tags of every kind, closed or
    /// not, delimiters, newlines and indentation.
    static let pieces = [
        "{{", "}}", "{", "}", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{#list}}", "{{/list}}", "{{x}}", "{{{x}}}",
        "{{&y}}", "{{.}}", "{{ a.y }}", "{{!c}}", "{{! }}\n", "{{>p}}", "{{>q}}", "{{<q}}", "{{/q}}", "{{$k}}", "{{/k}}",
        "{{$j}}", "{{/j}}", "{{=<% %>=}}", "<%x%>", "<%={{ }}=%>", "{{% CONTENT_TYPE: TEXT }}", "{{%CONTENT_TYPE:HTML}}",
        "\n", "\n", "\n", "\r\n", "  ", " ", "\t", "text", "<&>", "é", "{{/}}", "{{#}}", "{{a b}}",
    ]

    static let randomData: [String: Any] = [
        "a": true, "b": false, "x": "<x & y>", "y": "y'", "k": "kay",
        "list": [["x": "1"], ["y": "2", "a": false]] as [[String: Any]],
    ]

    /// Pieces of well-formed templates: text and lone tags.
    static let leaves = [
        "\n", "\n", "\r\n", "  ", "\t", "text", "<&>", "{{x}}", "{{{x}}}", "{{&y}}", "{{.}}", "{{ a.y }}", "{{k}}",
        "{{!c}}", "{{! }}", "{{>p}}", "{{=<% %>=}}<%x%><%={{ }}=%>", "{{% CONTENT_TYPE: TEXT }}", "}",
    ]

    /// A well-formed template, nested up to `depth` deep. (Nothing in a
    /// block given to `q` includes `q` or a block again: that would never end,
    /// in either engine.)
    static func wellFormed(_ random: inout SplitMix64, depth: Int, inParent: Bool = false) -> String {
        (0..<Int(random.next() % 7 + 1)).map { _ -> String in
            let pick = Int(random.next() % 10)
            guard depth > 0, pick >= 6 else {
                return pick == 0 && !inParent ? "{{>q}}" : leaves[Int(random.next() % UInt64(leaves.count))]
            }
            let inner = wellFormed(&random, depth: depth - 1, inParent: inParent || pick == 9)
            switch pick {
            case 6: return "{{#a}}\(inner){{/a}}"
            case 7: return ["{{^b}}\(inner){{/b}}", "{{#list}}\(inner){{/list}}"][Int(random.next() % 2)]
            case 8 where !inParent: return ["{{$k}}\(inner){{/k}}", "{{$j}}\(inner){{/j}}"][Int(random.next() % 2)]
            case 9 where !inParent:
                let space = ["", "\n", "  ", "\n  "][Int(random.next() % 4)]
                return "{{<q}}\(space){{$k}}\(inner){{/k}}\(space){{$j}}\n\(inner)\n{{/j}}\(space){{/q}}"
            default: return "{{#list}}\(inner){{/list}}"
            }
        }.joined()
    }

    /// Thousands of random templates, well-formed or not: each is refused by
    /// both parsers or by neither, and renders the same through both engines.
    @Test func randomTemplatesMeanTheSameToBoth() throws {
        var random = SplitMix64(seed: 13)
        let partials = [
            "p": "[{{x}}\n  {{#a}}\n  {{y}}\n  {{/a}}\n]\n",
            "q": "<{{$k}}K\n{{/k}}|\n  {{$j}}\n  J\n  {{/j}}\n>",
        ]
        var compared = 0, refused = 0
        for i in 0..<6000 {
            let template = i % 2 == 0
                ? Self.wellFormed(&random, depth: 3)
                : (0..<Int(random.next() % 12 + 1)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            let theirs = Result { try MustacheTemplate(string: template) }
            do {
                _ = try TemplateParser.parse(template)
            } catch is TemplateNeedsSwiftMustache {
                continue
            } catch {
                if case .success = theirs { Issue.record("only notesc refuses \(template.debugDescription): \(error)") }
                refused += 1
                continue
            }
            guard case .success = theirs else {
                Issue.record("only swift-mustache refuses \(template.debugDescription)")
                continue
            }
            let (compiled, reference) = try CompiledTemplatesTests.both(template, Self.randomData, partials: partials)
            #expect(compiled == reference, "\(template.debugDescription)")
            compared += 1
        }
        // Enough of both kinds that the comparison means something.
        #expect(compared > 2500, "\(compared) compared")
        #expect(refused > 1500, "\(refused) refused")
    }
}
