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

/// The site of a fixture folder, file for file. `NOTESC_BLESS=1` rewrites
/// `expected/`; otherwise a missing, an extra or a different file fails.
@Suite struct SiteGoldenTests {
    @Test(arguments: ["study"])
    func siteMatchesGolden(_ name: String) throws {
        let out = try SiteFixtures.build(SiteFixtures.notes(name))
        let actual = SiteFixtures.files(out)
        let expectedRoot = SiteFixtures.expected(name)
        if Fixtures.blessing {
            try? FileManager.default.removeItem(atPath: expectedRoot)
            for (path, data) in actual {
                let url = URL(fileURLWithPath: expectedRoot + "/" + path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = SiteFixtures.files(expectedRoot)
        #expect(!expected.isEmpty, "no golden site in \(expectedRoot); run NOTESC_BLESS=1 swift test to create it")
        for path in expected.keys.sorted() where actual[path] == nil {
            Issue.record("missing file \(path): the build no longer writes it (re-bless with NOTESC_BLESS=1 if intended)")
        }
        for path in actual.keys.sorted() where expected[path] == nil {
            Issue.record("extra file \(path): the build writes a file the golden site does not have (re-bless with NOTESC_BLESS=1 if intended)")
        }
        for path in actual.keys.sorted() {
            guard let want = expected[path], let got = actual[path], want != got else { continue }
            let a = String(decoding: got, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let e = String(decoding: want, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(a, e)).firstIndex(where: { $0 != $1 }) ?? min(a.count, e.count)
            Issue.record("\(path) differs at line \(line + 1):\n  expected: \(line < e.count ? String(e[line]) : "<end>")\n  actual:   \(line < a.count ? String(a[line]) : "<end>")")
        }
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
