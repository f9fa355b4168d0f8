import Foundation
import Testing
@testable import NotesSupport
import NotesTestSupport

/// `DirectFile` writes past the page cache a megabyte at a time, its last
/// partial block through it: whatever the sizes of the pieces, the file
/// holds exactly the bytes given, on a disk and on tmpfs (which refuses
/// `O_DIRECT`, so the file is written as any other).
@Suite struct DirectFileTests {
    /// Bytes that differ from place to place, so a block out of place shows.
    func bytes(_ count: Int, seed: UInt8) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed) &+ $0 >> 12) } }

    /// Where a case runs: a scratch folder on `disk`, or `tmpfs`; nil where the machine has none.
    func folder(_ where_: String, _ scratch: Scratch) -> String? {
        let folder = where_ == "disk" ? scratch.path("") : "/dev/shm"
        return FileManager.default.fileExists(atPath: folder) ? folder : nil
    }

    @Test(arguments: ["disk", "tmpfs"])
    func theFileHoldsExactlyTheBytesWritten(_ where_: String) throws {
        let scratch = try Scratch("direct-file")
        guard let folder = folder(where_, scratch) else { return }
        let chunk = DirectFile.chunk, block = DirectFile.alignment
        let cases: [[Int]] = [[], [1], [block - 1], [block], [block + 1], [chunk], [chunk + 13],
                              [7, chunk - 7, block], [chunk / 3, chunk / 3, chunk / 3, chunk, 5], [3 * chunk + block / 2]]
        for (k, pieces) in cases.enumerated() {
            let path = folder + "/direct-\(getpid())-\(k).bin"
            defer { unlink(path) }
            let file = try #require(DirectFile(path: path))
            var expected: [UInt8] = []
            for (j, size) in pieces.enumerated() {
                let piece = bytes(size, seed: UInt8(j))
                file.write(piece)
                expected += piece
            }
            #expect(file.close() == nil)
            let written = try #require(FileManager.default.contents(atPath: path))
            #expect(written.count == expected.count && Array(written) == expected, "pieces \(pieces) on \(where_)")
        }
    }

    @Test func aFileThatCannotBeCreatedIsNil() throws {
        #expect(DirectFile(path: "/nonexistent-folder-\(getpid())/file") == nil)
        #expect(DirectReader(path: "/nonexistent-folder-\(getpid())/file") == nil)
    }

    /// `DirectReader` gives any range's bytes, in the order `graph.json`'s
    /// runs are copied (forward, with gaps) and out of it, across its window
    /// and up to the file's end; a range past the end is refused.
    @Test(arguments: ["disk", "tmpfs"])
    func aReaderGivesTheBytesOfAnyRange(_ where_: String) throws {
        let scratch = try Scratch("direct-reader")
        guard let folder = folder(where_, scratch) else { return }
        let chunk = DirectFile.chunk, block = DirectFile.alignment
        let size = 2 * chunk + block + 77
        let path = folder + "/direct-reader-\(getpid()).bin"
        defer { unlink(path) }
        let content = bytes(size, seed: 9)
        let file = try #require(DirectFile(path: path))
        file.write(content)
        #expect(file.close() == nil)
        let reader = try #require(DirectReader(path: path))
        #expect(reader.size == size)
        let ranges = [0..<0, 0..<1, 5..<block + 3, chunk - 10..<chunk + 10, chunk + 11..<2 * chunk + 1,
                      3..<4, 2 * chunk..<size, 0..<size, size - 1..<size]
        for range in ranges {
            var got: [UInt8] = []
            #expect(reader.read(range) { got += $0 }, "\(range) on \(where_)")
            #expect(got == Array(content[range]), "\(range) on \(where_)")
        }
        #expect(!reader.read(size - 5..<size + 1) { _ in }, "past the end on \(where_)")
    }
}
