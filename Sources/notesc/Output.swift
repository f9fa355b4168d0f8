import Foundation
import NotesKit
import NotesSupport

/// Writing to stdout and stderr without Foundation's buffering surprises.
enum Output {
    static func stdout(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    static func stdout(_ text: String) { stdout(Data(text.utf8)) }

    /// Writes all of `bytes` to stdout with write(2), retrying short writes;
    /// a failed write ends the run with status 2.
    static func stdout(_ bytes: [UInt8]) {
        if let why = FileIO.writeAll(1, bytes) {
            // A full disk must not pass for a complete document.
            stderr("error: cannot write to stdout: \(why)\n")
            Foundation.exit(2)
        }
    }

    static func stderr(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Colour only on a terminal, and never with `NO_COLOR` (no-color.org).
    static var stderrWantsColor: Bool {
        isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// Prints diagnostics to stderr the way a compiler does.
    /// `lines` gives the notes' lines, for the excerpts (by default read again from `root`).
    /// Rendered on all cores, a share of the diagnostics each, and printed in order.
    static func report(_ diagnostics: [Diagnostic], root: String, lines: SourceLines? = nil) {
        guard !diagnostics.isEmpty else { return }
        let renderer = HumanRenderer(pathPrefix: root.hasSuffix("/") ? root : root + "/", color: stderrWantsColor)
        let lines = lines ?? SourceLines(root: root)
        let share = 512
        let count = (diagnostics.count + share - 1) / share
        let parts = ResultSlots<[UInt8]>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { k in
            var text: [UInt8] = []
            text.reserveCapacity(share * 512)
            for d in diagnostics[(k * share)..<min(diagnostics.count, (k + 1) * share)] {
                renderer.render(d, line: lines.line(d.file, d.line), into: &text)
            }
            parts[k] = text
        }
        var bytes: [UInt8] = []
        for k in 0..<count { bytes += parts[k] ?? [] }
        _ = FileIO.writeAll(2, bytes)
    }
}
