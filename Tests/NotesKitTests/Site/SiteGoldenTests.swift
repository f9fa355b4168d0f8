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

/// The site of a fixture folder, file for file. `NOTESC_BLESS=1` rewrites
/// `expected/`; otherwise a missing, an extra or a different file fails.
@Suite struct SiteGoldenTests {
    @Test(arguments: ["study", "obsidian", "disputes"])
    func siteMatchesGolden(_ name: String) throws {
        let scratch = try Scratch("site-golden")
        let out = try SiteFixtures.build(SiteFixtures.notes(name), in: scratch)
        try Golden.expectFolder(SiteFixtures.files(out), matches: SiteFixtures.expected(name))
    }

    @Test func templatesFolderMatchesTheBuiltInCopy() throws {
        let folder = Fixtures.repository.appendingPathComponent("Templates").path
        let onDisk = try TemplateSet.readFolder(folder).mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(onDisk.keys.sorted() == DefaultTemplates.files.keys.sorted(),
                "Templates/ and DefaultTemplates.swift list different files; run scripts/embed-templates.py")
        for (path, text) in onDisk where DefaultTemplates.files[path] != text {
            Issue.record("Templates/\(path) differs from its built-in copy; run scripts/embed-templates.py")
        }
    }
}
