import Testing
@testable import NotesSite

/// `graph.html` opens on the graph: separate components and isolated notes
/// are packed close to the rest, so the drawing's frame is tight around it.
@Suite struct GraphPackingTests {
    /// Six notes in a ring and one orphan: the orphan used to be pushed far off,
    /// and the drawing sized to reach it.
    @Test func orphanSitsNextToTheRing() {
        let ring = (0..<6).map { ($0, ($0 + 1) % 6) }
        let (points, width, height) = GraphSVG.frame(count: 7, edges: ring)
        let ringXs = points[0..<6].map(\.x), ringYs = points[0..<6].map(\.y)
        let orphan = points[6]
        let dx = max(ringXs.min()! - orphan.x, 0, orphan.x - ringXs.max()!)
        let dy = max(ringYs.min()! - orphan.y, 0, orphan.y - ringYs.max()!)
        #expect((dx * dx + dy * dy).squareRoot() <= 200, "orphan at \(orphan), ring x \(ringXs.min()!)–\(ringXs.max()!), y \(ringYs.min()!)–\(ringYs.max()!)")
        let ringArea = (ringXs.max()! - ringXs.min()! + 200) * (ringYs.max()! - ringYs.min()! + 100)
        #expect(width * height <= 2 * ringArea, "viewBox \(width) × \(height)")
    }

    @Test func manyOrphansMakeARoughSquareNotAStrip() {
        let ring = (0..<6).map { ($0, ($0 + 1) % 6) }
        let (_, width, height) = GraphSVG.frame(count: 206, edges: ring)
        #expect(max(width, height) <= 4 * min(width, height), "viewBox \(width) × \(height)")
        // 200 orphans, each a label's width and a line: about 200 × 175 × 24 px.
        #expect(width * height <= 3 * 200 * 175 * 24, "viewBox \(width) × \(height)")
    }

    @Test func packingIsDeterministicAndKeepsComponentShapes() {
        let edges = (0..<40).map { ($0, $0 % 10 == 9 ? $0 - 9 : $0 + 1) }  // four rings of ten
        let laid = GraphLayout.positions(count: 45, edges: edges, spacing: 110)
        let first = GraphLayout.packed(laid, edges: edges, labelRoom: 150)
        #expect(first == GraphLayout.packed(laid, edges: edges, labelRoom: 150))
        // A component moves as one piece.
        for ringStart in stride(from: 0, to: 40, by: 10) {
            let shift = (first[ringStart].x - laid[ringStart].x, first[ringStart].y - laid[ringStart].y)
            for i in ringStart..<(ringStart + 10) {
                #expect(abs(first[i].x - laid[i].x - shift.0) < 0.2 && abs(first[i].y - laid[i].y - shift.1) < 0.2)
            }
        }
        #expect(Set(first.map { "\($0.x),\($0.y)" }).count == 45, "no two nodes in one place")
    }
}
