import Dispatch
import Foundation
import NotesModel
import NotesSupport

extension SiteBuilder {
    /// Writes the files of hover previews (`NotePreview`) and `previews/index.js`,
    /// and returns each file's hash of the notes it holds, for the next build.
    ///
    /// `lines[n]` is note `n`'s line when its page was written in this
    /// build (empty when the page has no preview). A file whose notes are
    /// the ones it held before (`previous`), none of them with a new line, is
    /// kept when it is still there. The others are made again: a note
    /// without a new line takes its line from the previous build's file (its
    /// page is as it was, so is its preview), and one whose line is not
    /// there (a file removed or edited by hand) has its page rendered
    /// again, by `render`, for its line.
    static func writePreviews(_ notes: [Note], lines: ResultSlots<[UInt8]>, previous: [UInt64], writer: OutputWriter,
                              outDir: String, render: @escaping (Int) throws -> [UInt8]) throws -> [UInt64] {
        guard !notes.isEmpty else { return [] }
        let files = NotePreview.fileCount(notes.count)
        var members = [[Int]](repeating: [], count: files)
        for n in notes.indices { members[NotePreview.file(of: notes[n].id, files: files)].append(n) }
        // In id order, so the same notes give the same bytes.
        for k in members.indices { members[k].sort { (notes[$0].id, $0) < (notes[$1].id, $1) } }
        let hashes = members.map { m -> UInt64 in
            var h = StableHash()
            h.add(word: UInt64(files))
            for n in m { h.add(notes[n].id) }
            return h.value
        }
        let sameFiles = previous.count == files
        let unchanged = (0..<files).filter { k in
            !members[k].isEmpty && sameFiles && previous[k] == hashes[k] && !members[k].contains { lines[$0] != nil }
        }
        var kept = Set<Int>()
        for (k, here) in zip(unchanged, writer.keep(unchanged.map(SitePaths.previewFile))) where here { kept.insert(k) }
        if !(sameFiles && writer.keep(SitePaths.previewIndex)) {
            try writer.write(SitePaths.previewIndex, NotePreview.index(files: files))
        }
        let toMake = (0..<files).filter { !members[$0].isEmpty && !kept.contains($0) }

        // The previous build's lines of the notes in the files to make, from
        // the file each was in then (with as many files as `previous` says).
        let earlier = ResultSlots<[UInt8]>(count: notes.count)
        if !previous.isEmpty {
            var byOldFile: [Int: [Int]] = [:]
            for k in toMake {
                for n in members[k] where lines[n] == nil { byOldFile[NotePreview.file(of: notes[n].id, files: previous.count), default: []].append(n) }
            }
            let oldFiles = Array(byOldFile)
            DispatchQueue.concurrentPerform(iterations: oldFiles.count) { j in
                guard let bytes = FileManager.default.contents(atPath: outDir + "/" + SitePaths.previewFile(oldFiles[j].key)) else { return }
                let fileLines = Array(bytes).split(separator: 0x0A, omittingEmptySubsequences: true)
                for n in oldFiles[j].value {
                    let prefix = NotePreview.linePrefix(notes[n].id)
                    if let line = fileLines.first(where: { $0.starts(with: prefix) }) { earlier[n] = Array(line) + [0x0A] }
                }
            }
        }
        // Notes with neither: their pages are rendered again for their lines.
        let missing = toMake.flatMap { k in members[k].filter { lines[$0] == nil && earlier[$0] == nil } }
        let rendered = ResultSlots<[UInt8]>(count: notes.count)
        let failures = ResultSlots<String>(count: 1)
        DispatchQueue.concurrentPerform(iterations: missing.count) { j in
            do { rendered[missing[j]] = try render(missing[j]) } catch { failures[0] = "\(error)" }
        }
        DispatchQueue.concurrentPerform(iterations: toMake.count) { j in
            let k = toMake[j]
            var bytes: [UInt8] = []
            for n in members[k] { bytes += lines[n] ?? earlier[n] ?? rendered[n] ?? [] }
            do { try writer.write(SitePaths.previewFile(k), bytes) } catch { failures[0] = "\(error)" }
        }
        if let failure = failures[0] { throw SiteError.io(failure) }
        return hashes
    }
}
