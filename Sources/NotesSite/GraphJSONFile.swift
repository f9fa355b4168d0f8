import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NotesGraph
import NotesModel
import NotesSupport

extension OutputWriter {
    /// Writes `graph.json`, copying the parts of the notes that did not
    /// change from the previous build's file, which `previous` describes
    /// (`GraphJSONRuns.encoded`). Returns where the new file's parts are, for
    /// the next build; empty when they cannot be told apart.
    /// When `previous` does not fit the file there (its size differs, it is
    /// gone, the description is damaged) or reading it fails, the file is made whole.
    func writeGraphJSON(_ notebook: Notebook, graphHashes: [UInt64], previous: [UInt8]) throws -> [UInt8] {
        let path = outDir + "/graph.json"
        // Read past the page cache: the file was written past it, and is read once.
        let old = previous.isEmpty ? nil : DirectReader(path: path)
        let runs = old?.size.flatMap { size in GraphJSONRuns(encoded: previous).flatMap { $0.size == size ? $0 : nil } }
        struct Unreadable: Error {}
        var made: GraphJSONRuns?
        do {
            try write("graph.json", streaming: { sink in
                var failed = false
                made = GraphJSONRuns.write(notebook, graphHashes: graphHashes, previous: runs, bytes: sink) { range in
                    if !failed, let old { failed = !old.read(range, sink) }
                }
                if failed { throw Unreadable() }
            })
        } catch is Unreadable {
            return try writeGraphJSON(notebook, graphHashes: graphHashes, previous: [])
        }
        return made?.encoded ?? []
    }
}
