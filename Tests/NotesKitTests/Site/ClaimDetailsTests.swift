import Foundation
import Testing
@testable import NotesSite
import NotesTestSupport

/// A claim's checks and disputes in full are made only for pages whose
/// template shows them (`TemplateSet.uses`): the built-in system and topic
/// pages do not, a user's templates may.
@Suite struct ClaimDetailsTests {
    @Test func aTemplateUsesWhatItsPartialsAndLayoutsLookUp() throws {
        let parsed = try [
            "layout": TemplateParser.parse("<main>{{$body}}{{/body}}</main>{{site.title}}"),
            "system": TemplateParser.parse("{{<layout}}{{$body}}{{#claims}}{{>item}}{{/claims}}{{/body}}{{/layout}}"),
            "item": TemplateParser.parse("{{label}}{{#disputedBy}}{{quantity}}{{/disputedBy}}"),
            "topic": TemplateParser.parse("{{<layout}}{{$body}}{{#claims}}{{label}}{{/claims}}{{/body}}{{/layout}}"),
        ]
        let used = TemplateSet.namesUsed(parsed)
        #expect(used["system"]?.isSuperset(of: ["claims", "label", "disputedBy", "quantity", "site", "title"]) == true)
        #expect(used["topic"]?.contains("disputedBy") == false)
        #expect(used["topic"]?.contains("site") == true, "the extended layout's names count")
    }

    @Test func builtInSystemAndTopicPagesLeaveThemOutAndNotePagesShowThem() throws {
        let templates = try TemplateSet.load(from: nil)
        for key in PageLinks.claimDetails {
            #expect(!templates.uses(key, in: "system"), "\(key.name) on system pages")
            #expect(!templates.uses(key, in: "topic"), "\(key.name) on topic pages")
        }
        #expect(templates.uses(.disputedBy, in: "note"))
        #expect(templates.uses(.subjects, in: "note"))
    }

    @Test func aUsersSystemTemplateThatShowsDisputesGetsThem() throws {
        let scratch = try Scratch("claim-details")
        defer { scratch.remove() }
        let templates = try scratch.folder("templates")
        try FileManager.default.createDirectory(atPath: templates + "/partials", withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: HTML }}\n<li>{{label}}{{#disputedBy}} [against {{quantity}} in {{noteTitle}}]{{/disputedBy}}</li>\n"
            .write(toFile: templates + "/partials/placed-claim.mustache", atomically: false, encoding: .utf8)
        let out = try SiteFixtures.build(SiteFixtures.notes("disputes"), in: scratch) { $0.templatesDir = templates }
        let lynx = SiteFixtures.text(out, "systems/lynx.html")
        #expect(lynx.contains("[against "), "the disputes of Lynx's claims are on its page")
        // The built-in page shows none: its claims link to their notes instead.
        let builtIn = try SiteFixtures.build(SiteFixtures.notes("disputes"), in: scratch, into: scratch.path("built-in"))
        #expect(!SiteFixtures.text(builtIn, "systems/lynx.html").contains("[against "))
    }
}
