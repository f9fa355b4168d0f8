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

/// Fixture folders and golden files (`Golden`: `NOTESC_BLESS=1 swift test`
/// rewrites them on purpose; otherwise a difference fails the test).
enum Fixtures {
    static let folder = Repository.root.appendingPathComponent("Tests/NotesKitTests/Fixtures")
    static let repository = Repository.root
    static var blessing: Bool { Golden.blessing }

    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    /// Compares `actual` with the golden file `relative` below `Fixtures/`, or rewrites it when blessing.
    static func expectGolden(_ actual: String, _ relative: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.expect(actual, file: path(relative), named: relative, sourceLocation: sourceLocation)
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
