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

/// Fixture folders and golden files. `NOTESC_BLESS=1 swift test` rewrites
/// the golden files on purpose; otherwise a difference fails the test.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static var blessing: Bool { ProcessInfo.processInfo.environment["NOTESC_BLESS"] == "1" }

    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    /// Compares `actual` with the golden file, or rewrites it when blessing.
    static func expectGolden(_ actual: String, _ relative: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(relative)
        if blessing {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(relative); run NOTESC_BLESS=1 swift test to create it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(a, e)).firstIndex(where: { $0 != $1 }) ?? min(a.count, e.count)
            let got = line < a.count ? String(a[line]) : "<end>"
            let want = line < e.count ? String(e[line]) : "<end>"
            Issue.record("\(relative) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n(re-bless with NOTESC_BLESS=1 if the change is intended)", sourceLocation: sourceLocation)
        }
    }

    /// Diagnostics as `notesc` prints them, without colour.
    static func human(_ diagnostics: [Diagnostic], root: String) -> String {
        let renderer = HumanRenderer()
        let lines = SourceLines(root: root)
        return diagnostics.map { renderer.render($0, line: lines.line($0.file, $0.line)) }.joined()
    }

    /// Parses one note from text.
    static func note(_ text: String, id: String = "note") -> ParsedNote {
        NoteParser.parse(id: id, path: id + ".md", bytes: Array(text.utf8))
    }
}
