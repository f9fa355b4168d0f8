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

    @Test(arguments: ["disk", "tmpfs"])
    func theFileHoldsExactlyTheBytesWritten(_ where_: String) throws {
        let scratch = try Scratch("direct-file")
        let folder = where_ == "disk" ? scratch.path("") : "/dev/shm"
        guard FileManager.default.fileExists(atPath: folder) else { return }
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
    }
}
