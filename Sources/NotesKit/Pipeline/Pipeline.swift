import Dispatch
import Foundation

/// The stages of DESIGN §1 run in order: read files → parse → records →
/// resolve references → check. Each takes values and returns values.
public enum Pipeline {
    /// Reads and checks a notes folder. Throws only when the run itself fails
    /// (no such folder); problems in notes are diagnostics.
    public static func load(root: String) throws -> Notebook {
        let (files, discoveryDiagnostics) = try Discovery.find(root: root)
        var parsed = parseAll(files)
        var diagnostics = discoveryDiagnostics
        diagnostics += Self.duplicateIDs(files)
        let index = NoteIndex(ids: files.map(\.id))
        for i in parsed.indices {
            diagnostics += ReferenceResolver.resolve(&parsed[i].note, index: index)
            diagnostics += parsed[i].diagnostics
        }
        let notes = parsed.map(\.note)
        let (systems, topics) = Entities.gather(notes)
        return Notebook(notes: notes, systems: systems, topics: topics,
                        diagnostics: Diagnostic.sortedForOutput(diagnostics))
    }

    /// Reads and parses every file on all cores; the order of the result is
    /// the order of `files`, whatever the core count.
    static func parseAll(_ files: [NoteFile]) -> [ParsedNote] {
        CmarkBridge.prepare()
        let results = ResultSlots<ParsedNote>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            switch Discovery.read(file.absolutePath) {
            case .success(let bytes):
                results[i] = NoteParser.parse(id: file.id, path: file.path, bytes: bytes)
            case .failure(let error):
                var empty = NoteParser.parse(id: file.id, path: file.path, bytes: [])
                empty.readable = false
                empty.diagnostics = [Diagnostic(file: file.path, range: nil, rule: .unreadableFile,
                                                message: "\(error)", suggestion: "check the file's permissions")]
                results[i] = empty
            }
        }
        return results.values
    }

    /// Two files whose ids differ only in case would be one page on
    /// case-insensitive disks.
    static func duplicateIDs(_ files: [NoteFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for group in Dictionary(grouping: files, by: { $0.id.lowercased() }).values where group.count > 1 {
            let sorted = group.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            for file in sorted.dropFirst() {
                diagnostics.append(Diagnostic(
                    file: file.path, range: SourceRange(line: 1, column: 1, length: 1), rule: .duplicateID,
                    message: "note id '\(file.id)' differs only in case from '\(sorted[0].id)'",
                    suggestion: "rename one of the files; ids must differ in more than case"))
            }
        }
        return diagnostics
    }
}

/// Fixed slots that concurrent workers fill by index.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(i: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return slots[i] }
        set { lock.lock(); slots[i] = newValue; lock.unlock() }
    }

    var values: [T] { slots.map { $0! } }
}
