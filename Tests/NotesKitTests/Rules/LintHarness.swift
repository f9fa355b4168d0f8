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

/// Lints notes written inline, with markers ①②③… at the positions where a
/// rule must report (swift-format style): every line and column is asserted.
enum LintHarness {
    static let markers: [Character] = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"]

    struct Expected: Equatable, CustomStringConvertible {
        var file: String
        var marker: Character
        var line: Int
        var column: Int
        var description: String { "\(file) \(marker) \(line):\(column)" }
    }

    /// Writes `files` (name → text with markers) to a scratch folder, lints
    /// it, and returns the diagnostics of `rule` and the marker positions.
    static func run(_ rule: Rule, _ files: [String: String], config: Config = Config()) throws -> (found: [Diagnostic], expected: [Expected]) {
        let scratch = try Scratch("lint")
        let root = try scratch.folder("notes")
        var expected: [Expected] = []
        for (name, text) in files {
            var clean: [UInt8] = []
            var line = 1, column = 1
            for ch in text {
                if markers.contains(ch) {
                    expected.append(Expected(file: name, marker: ch, line: line, column: column))
                    continue
                }
                let bytes = Array(String(ch).utf8)
                clean += bytes
                if ch == "\n" { line += 1; column = 1 } else { column += bytes.count }
            }
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: Data(clean))
        }
        let notebook = try Pipeline.load(root: root, config: config)
        return (notebook.diagnostics.filter { $0.rule == rule.id }, expected.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) })
    }

    /// Asserts that `rule` reports exactly at the markers, in order.
    @discardableResult
    static func expect(_ rule: Rule, _ files: [String: String], config: Config = Config(),
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> [Diagnostic] {
        let (found, expected) = try run(rule, files, config: config)
        let got = found.map { "\($0.file) \($0.line):\($0.column)" }
        let want = expected.map { "\($0.file) \($0.line):\($0.column)" }
        #expect(got == want, "\(rule.id): \(found.map(\.message))", sourceLocation: sourceLocation)
        return found
    }

    /// A valid study note with the given connections, for rules that need neighbours.
    static func study(_ title: String, connections: [String], extra: String = "") -> String {
        """
        # \(title)

        ## TL;DR

        Summary.

        ## Key Comparisons

        ### Topic
        - **A**: one
        - **B**: two
        - **Verdict**: A wins
        \(extra)
        ## Connections
        \(connections.map { "- **\($0)**: related" }.joined(separator: "\n"))

        """
    }
}
