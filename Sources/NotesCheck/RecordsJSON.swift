import Foundation
import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Stable JSON: sorted keys, two-space indentation, `"key": value`, empty
/// containers as `[]` and `{}`, no escaped slashes, a final newline.
public enum StableJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Data(indent(Array(try encoder.encode(value))))
    }

    /// Re-indents compact JSON; strings are copied byte for byte.
    static func indent(_ compact: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 2)
        var depth = 0
        var i = 0
        let n = compact.count
        func newline() {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: depth * 2))
        }
        while i < n {
            let c = compact[i]
            switch c {
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                while i < n, compact[i] != UInt8(ascii: "\"") {
                    i += compact[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                out.append(contentsOf: compact[start...min(i, n - 1)])
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let closer = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if i + 1 < n, compact[i + 1] == closer {
                    out.append(c); out.append(closer)
                    i += 1
                } else {
                    out.append(c)
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                out.append(c)
            case UInt8(ascii: ","):
                out.append(c)
                newline()
            case UInt8(ascii: ":"):
                out.append(c)
                out.append(0x20)
            default:
                out.append(c)
            }
            i += 1
        }
        out.append(0x0A)
        return out
    }
}

/// Source lines for diagnostics, read back from the notes folder once per
/// file however many diagnostics point into it.
public final class SourceLines: @unchecked Sendable {
    private let root: String
    /// Texts handed over by the pipeline; read without the lock.
    private let preloaded: [String: SourceText]
    /// Files' bytes already read, decoded on demand instead of read again.
    private let bytes: [String: [UInt8]]
    /// Texts read on demand.
    private var files: [String: SourceText?] = [:]
    private let lock = NSLock()

    public init(root: String) {
        self.root = root
        self.preloaded = [:]
        self.bytes = [:]
    }

    /// Lines of the notes `sources` read: a build that prints its
    /// diagnostics does not read ten thousand files again for their lines.
    public init(root: String, sources: NoteSources) {
        self.root = root
        self.preloaded = [:]
        var bytes: [String: [UInt8]] = [:]
        bytes.reserveCapacity(sources.files.count)
        for (file, contents) in zip(sources.files, sources.contents) {
            if case .success(let b) = contents { bytes[file.path] = b }
        }
        self.bytes = bytes
    }

    init(root: String, preloaded: [String: SourceText]) {
        self.root = root
        self.preloaded = preloaded
        self.bytes = [:]
    }

    /// Line `line` of `file` (relative to the root), or nil when unavailable.
    public func line(_ file: String, _ line: Int) -> String? {
        guard let text = text(file), line >= 1, line <= text.lineCount else { return nil }
        return text.line(line)
    }

    /// Whether an inline directive of its note (`<!-- notesc-disable… -->`)
    /// silences `diagnostic`: for the diagnostics made after the notes were
    /// checked (a query block's), which the checks' own suppression did not see.
    package func silences(_ diagnostic: Diagnostic) -> Bool {
        guard let text = text(diagnostic.file) else { return false }
        return Suppression.silences(Suppression.scan(text), rule: diagnostic.rule, line: diagnostic.line)
    }

    /// The text of `file`, decoded once.
    private func text(_ file: String) -> SourceText? {
        if let text = preloaded[file] { return text }
        lock.lock()
        defer { lock.unlock() }
        if files[file] == nil {
            if let bytes = self.bytes[file] ?? (try? Discovery.read(root + "/" + file).get()) {
                // Lossy for files that are not UTF-8, so their diagnostics still show the line.
                let lossy = Array(String(decoding: bytes, as: UTF8.self).utf8)
                files[file] = (try? SourceText.decode(bytes).get())
                    ?? SourceText(bytes: lossy, hadBOM: false, lineStarts: SourceText.lineStarts(of: lossy))
            } else {
                files[file] = .some(nil)
            }
        }
        return files[file] ?? nil
    }
}
