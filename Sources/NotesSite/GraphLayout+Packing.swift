/// Separate components and isolated notes packed close to the largest one.
///
/// The force layout pushes whatever is not linked to the rest far away (one
/// orphan ended 7,000 px from the help vault's 172 connected notes), and a
/// drawing sized to reach it opens on empty space. So each component keeps
/// its own shape, and the components are set down again, largest first, in
/// rows under the largest one: a shelf packing, deterministic like the layout.
extension GraphLayout {
    /// `points` (from `positions`) moved so that components sit side by side;
    /// `labelRoom` is the width kept free right of each component for labels,
    /// `gap` the space between components. The result starts at (0, 0).
    static func packed(_ points: [Point], edges: [(Int, Int)], labelRoom: Double, gap: Double = 24) -> [Point] {
        let n = points.count
        guard n > 1 else { return points.map { _ in Point(x: 0, y: 0) } }
        var parent = Array(0..<n)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for (a, b) in edges where a != b {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        // Components in order of their first node, then largest first (ties keep that order).
        var members: [Int: [Int]] = [:]
        var roots: [Int] = []
        for i in 0..<n {
            let r = find(i)
            if members[r] == nil { roots.append(r) }
            members[r, default: []].append(i)
        }
        guard roots.count > 1 else { return shifted(points) }
        let components = roots.enumerated()
            .sorted { (-members[$0.element]!.count, $0.offset) < (-members[$1.element]!.count, $1.offset) }
            .map { members[$0.element]! }

        struct Box { var minX, minY, width, height: Double }
        let boxes = components.map { nodes -> Box in
            let xs = nodes.map { points[$0].x }, ys = nodes.map { points[$0].y }
            let minX = xs.min()!, minY = ys.min()!
            return Box(minX: minX, minY: minY, width: xs.max()! - minX + labelRoom + gap, height: ys.max()! - minY + gap)
        }
        // Rows as wide as the main component, or wider when the rest would make a tall strip.
        let area = boxes.dropFirst().reduce(0) { $0 + $1.width * $1.height }
        let rowWidth = max(boxes[0].width, (area + boxes[0].width * boxes[0].height).squareRoot())
        var out = points
        var x = 0.0, y = boxes[0].height, rowHeight = 0.0
        for (c, nodes) in components.enumerated() {
            let box = boxes[c]
            var left = 0.0, top = 0.0
            if c > 0 {
                if x > 0, x + box.width > rowWidth { x = 0; y += rowHeight; rowHeight = 0 }
                left = x; top = y
                x += box.width
                rowHeight = max(rowHeight, box.height)
            }
            for i in nodes { out[i] = Point(x: round1(points[i].x - box.minX + left), y: round1(points[i].y - box.minY + top)) }
        }
        return out
    }

    private static func shifted(_ points: [Point]) -> [Point] {
        let minX = points.map(\.x).min() ?? 0, minY = points.map(\.y).min() ?? 0
        return points.map { Point(x: round1($0.x - minX), y: round1($0.y - minY)) }
    }
}
