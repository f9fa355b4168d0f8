import Foundation
import NotesTestSupport
import Testing
@testable import NotesSite
@testable import NotesSupport

/// The whole graph's layout is kept in the cache folder (`GraphFrameCache`):
/// a graph laid out before is read back, any other graph or a damaged file
/// is laid out again, and either way the drawing is what a layout gives.
@Suite struct GraphFrameCacheTests {
    /// A ring of `count` notes with a chord, and a hub linked to every fifth.
    func edges(_ count: Int, chord: Int) -> [(String, [(Int, Int)])] {
        [("connects", (0..<count).map { ($0, ($0 + 1) % count) } + [(0, chord)]),
         ("about", stride(from: 0, to: count, by: 5).map { ($0, count) })]
    }

    func same(_ a: GraphFrameCache.Frame, _ b: GraphFrameCache.Frame) -> Bool {
        a.points == b.points && a.width == b.width && a.height == b.height
    }

    @Test func aKeptLayoutIsReadBackAndAnotherGraphIsLaidOut() throws {
        let scratch = try Scratch("graph-frame")
        let cache = scratch.cache
        let graph = edges(60, chord: 30)
        let fresh = GraphSVG.frame(count: 61, edgeKinds: graph)
        #expect(same(GraphFrameCache.frame(count: 61, edgeKinds: graph, cacheDir: cache), fresh), "laid out, then kept")
        #expect(same(GraphFrameCache.frame(count: 61, edgeKinds: graph, cacheDir: cache), fresh), "read back")

        // What is kept is what is used: a drawing put in its place under this graph's key is given back.
        var w = CacheWriter()
        w.word(GraphFrameCache.key(count: 61, edgeKinds: graph))
        w.word(Double(7).bitPattern)
        w.word(Double(8).bitPattern)
        w.array(fresh.points) { w, p in w.word((p.x + 1).bitPattern); w.word(p.y.bitPattern) }
        CacheFile.write(cache + "/layout", format: GraphFrameCache.format, blocks: [w.bytes])
        let kept = GraphFrameCache.frame(count: 61, edgeKinds: graph, cacheDir: cache)
        #expect(kept.width == 7 && kept.height == 8 && kept.points.first?.x == fresh.points[0].x + 1)

        // Another chord is another graph: laid out, not the kept one.
        let other = edges(60, chord: 31)
        #expect(same(GraphFrameCache.frame(count: 61, edgeKinds: other, cacheDir: cache), GraphSVG.frame(count: 61, edgeKinds: other)))
        #expect(GraphFrameCache.key(count: 61, edgeKinds: other) != GraphFrameCache.key(count: 61, edgeKinds: graph))
        #expect(GraphFrameCache.key(count: 62, edgeKinds: graph) != GraphFrameCache.key(count: 61, edgeKinds: graph))
    }

    @Test func aDamagedLayoutIsLaidOutAgain() throws {
        let scratch = try Scratch("graph-frame-damaged")
        let cache = scratch.cache, path = scratch.cache + "/layout"
        let graph = edges(40, chord: 7)
        let fresh = GraphSVG.frame(count: 41, edgeKinds: graph)
        _ = GraphFrameCache.frame(count: 41, edgeKinds: graph, cacheDir: cache)
        let good = try #require(FileManager.default.contents(atPath: path))
        for offset in stride(from: 0, to: good.count, by: max(1, good.count / 97)) {
            var bad = good
            bad[offset] ^= 0x5A
            try bad.write(to: URL(fileURLWithPath: path))
            #expect(same(GraphFrameCache.frame(count: 41, edgeKinds: graph, cacheDir: cache), fresh), "byte \(offset)")
        }
        try Data(good.prefix(good.count / 2)).write(to: URL(fileURLWithPath: path))
        #expect(same(GraphFrameCache.frame(count: 41, edgeKinds: graph, cacheDir: cache), fresh), "truncated")
    }
}
