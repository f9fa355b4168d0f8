import Foundation
import NotesTestSupport
import Testing
@testable import NotesSupport

/// Cache files are mapped, not read (`CacheBytes`): what a load gives is
/// what was written, and a loaded file keeps its bytes while the next build
/// puts a new file in its place.
@Suite struct CacheFileTests {
    private static func bodies(_ contents: CacheFile.Contents) -> [[UInt8]] {
        contents.blocks.map { block in
            contents.verified(block).map { Array(contents.bytes.buffer[$0]) } ?? []
        }
    }

    @Test func aLoadGivesTheBlocksWritten() throws {
        let scratch = try Scratch("cache-file")
        let path = scratch.path("cache/one")
        // An empty block, a short one, and one past a page and a megabyte.
        let blocks: [[UInt8]] = [[], Array("notes".utf8), (0..<1_100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }]
        CacheFile.write(path, format: "test 1", blocks: blocks)
        let loaded = try #require(CacheFile.load(path, format: "test 1"))
        #expect(Self.bodies(loaded) == blocks)
        var r = CacheReader(loaded.bytes, from: 0)
        #expect(try r.string() == CacheFile.magic)
        #expect(CacheFile.load(path, format: "test 2") == nil, "another format")
    }

    @Test func aLoadedFileKeepsItsBytesWhenReplaced() throws {
        let scratch = try Scratch("cache-file-replaced")
        let path = scratch.path("cache/one")
        let old: [[UInt8]] = [Array(repeating: 7, count: 70_000)]
        CacheFile.write(path, format: "test 1", blocks: old)
        let loaded = try #require(CacheFile.load(path, format: "test 1"))
        CacheFile.write(path, format: "test 1", blocks: [Array(repeating: 9, count: 10)])
        CacheFile.remove(path)
        #expect(Self.bodies(loaded) == old)
    }

    @Test func emptyAndHeaderOnlyFilesHoldNothing() throws {
        let scratch = try Scratch("cache-file-empty")
        let empty = scratch.path("cache/empty"), bare = scratch.path("cache/bare")
        try FileManager.default.createDirectory(atPath: scratch.path("cache"), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(CacheFile.load(empty, format: "test 1") == nil)
        CacheFile.write(bare, format: "test 1", blocks: [])
        #expect(try #require(CacheFile.load(bare, format: "test 1")).blocks.isEmpty)
    }
}
