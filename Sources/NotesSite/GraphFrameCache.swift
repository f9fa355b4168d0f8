import NotesSupport

/// The whole graph's drawing (`GraphSVG.frame`), kept in the cache folder
/// with what it was laid out from: laying out 10,000 notes takes most of a
/// second on one core, and most edits (a claim's number, a title, a tag, a
/// connection to a note that does not exist) leave the drawn graph as it
/// was. The layout is a function of the node count and the edges alone, so
/// a drawing whose inputs hash the same is the one a layout would give.
enum GraphFrameCache {
    static let format = "layout 1"

    typealias Frame = (points: [GraphLayout.Point], width: Double, height: Double)

    /// `GraphSVG.frame(count:edgeKinds:)`, from the cache in `cacheDir` when it holds this graph's.
    static func frame(count: Int, edgeKinds: [(String, [(Int, Int)])], cacheDir: String?) -> Frame {
        guard let cacheDir else { return GraphSVG.frame(count: count, edgeKinds: edgeKinds) }
        let path = cacheDir + "/layout"
        let key = Self.key(count: count, edgeKinds: edgeKinds)
        if let file = CacheFile.load(path, format: format), let block = file.blocks.first, let body = file.verified(block) {
            var r = CacheReader(file.bytes, from: body.lowerBound, to: body.upperBound)
            if let kept = try? r.word(), kept == key, let frame = try? Self.frame(&r, count: count), r.atEnd { return frame }
        }
        let frame = GraphSVG.frame(count: count, edgeKinds: edgeKinds)
        var w = CacheWriter(capacity: 64 + 16 * count)
        w.word(key)
        w.word(frame.width.bitPattern)
        w.word(frame.height.bitPattern)
        w.array(frame.points) { w, p in
            w.word(p.x.bitPattern)
            w.word(p.y.bitPattern)
        }
        CacheFile.write(path, format: format, blocks: [w.bytes])
        return frame
    }

    private static func frame(_ r: inout CacheReader, count: Int) throws -> Frame {
        let width = Double(bitPattern: try r.word()), height = Double(bitPattern: try r.word())
        let points = try r.array { r in GraphLayout.Point(x: Double(bitPattern: try r.word()), y: Double(bitPattern: try r.word())) }
        guard points.count == count else { throw CacheReader.Malformed() }
        return (points, width, height)
    }

    /// What the layout is made from: the node count, and each kind's name and pairs in order.
    static func key(count: Int, edgeKinds: [(String, [(Int, Int)])]) -> UInt64 {
        var h = StableHash()
        h.add(word: UInt64(count))
        h.add(word: UInt64(edgeKinds.count))
        for (kind, pairs) in edgeKinds {
            h.add(kind)
            h.add(word: UInt64(pairs.count))
            for (a, b) in pairs {
                h.add(word: UInt64(bitPattern: Int64(a)))
                h.add(word: UInt64(bitPattern: Int64(b)))
            }
        }
        return h.value
    }
}
