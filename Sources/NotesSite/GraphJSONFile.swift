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
        let fd = previous.isEmpty ? -1 : open(path, O_RDONLY | O_CLOEXEC)
        defer { if fd >= 0 { close(fd) } }
        var st = stat()
        let runs = fd >= 0 && fstat(fd, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
            ? GraphJSONRuns(encoded: previous).flatMap { $0.size == Int(st.st_size) ? $0 : nil } : nil
        struct Unreadable: Error {}
        var made: GraphJSONRuns?
        do {
            try write("graph.json", streaming: { sink in
                var buffer = [UInt8](repeating: 0, count: 1 << 20)
                var failed = false
                made = GraphJSONRuns.write(notebook, graphHashes: graphHashes, previous: runs, bytes: sink) { range in
                    var at = range.lowerBound
                    while at < range.upperBound, !failed {
                        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, range.upperBound - at), off_t(at)) }
                        if n < 0, errno == EINTR { continue }
                        guard n > 0 else { failed = true; break }
                        buffer.withUnsafeBytes { sink(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
                        at += n
                    }
                }
                if failed { throw Unreadable() }
            })
        } catch is Unreadable {
            return try writeGraphJSON(notebook, graphHashes: graphHashes, previous: [])
        }
        return made?.encoded ?? []
    }
}
