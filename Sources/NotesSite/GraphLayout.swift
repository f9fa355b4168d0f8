import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// A deterministic force-directed layout (Fruchterman–Reingold): seeded
/// start positions, a fixed number of iterations, a sequential loop and
/// rounded results, so the same graph gives the same bytes on every machine
/// and core count. Past a few hundred nodes, repulsion only acts between
/// nodes in neighbouring grid cells, which keeps a step linear in nodes.
struct GraphLayout {
    struct Point: Equatable, Sendable {
        var x: Double
        var y: Double
    }

    /// The ideal distance between linked nodes.
    static let spacing = 40.0

    /// Positions for `count` nodes joined by `edges` (index pairs), rounded to 0.1.
    static func positions(count n: Int, edges: [(Int, Int)], weights: [Double]? = nil, spacing k: Double = spacing, iterations: Int? = nil,
                          seed: UInt64 = 0x6E6F_7465_7363) -> [Point] {
        guard n > 0 else { return [] }
        guard n > 1 else { return [Point(x: 0, y: 0)] }
        var rng = SplitMix64(seed: seed)
        let side = k * Double(n).squareRoot() * 1.2 + k
        var x = [Double](repeating: 0, count: n), y = x
        for i in 0..<n {
            x[i] = rng.unit() * side
            y[i] = rng.unit() * side
        }
        // Past 5,000 nodes a step costs the most (the drawing is dense) and changes the least.
        let steps = iterations ?? (n > 5000 ? 60 : n > 2000 ? 120 : n > 400 ? 200 : 300)
        var temperature = side / 8
        let cooling = temperature / Double(steps + 1)
        var dx = [Double](repeating: 0, count: n), dy = dx
        let centre = side / 2
        let useGrid = n > 400
        let grid = useGrid ? Grid(nodes: n) : nil

        // The arrays are worked on through buffers: a nested function capturing
        // them made every access a checked, boxed one (whole-folder layout was 6 s at 10k notes).
        x.withUnsafeMutableBufferPointer { x in
        y.withUnsafeMutableBufferPointer { y in
        dx.withUnsafeMutableBufferPointer { dx in
        dy.withUnsafeMutableBufferPointer { dy in
            @inline(__always)
            func repel(_ i: Int, _ j: Int, cutoff: Double) {
                var ddx = x[i] - x[j], ddy = y[i] - y[j]
                var d2 = ddx * ddx + ddy * ddy
                if d2 < 1e-6 {
                    // Coincident nodes: push apart along a direction fixed by their indices.
                    ddx = Double((i &* 7 &+ j) % 13) - 6 + 0.5
                    ddy = Double((j &* 5 &+ i) % 11) - 5 + 0.5
                    d2 = ddx * ddx + ddy * ddy
                }
                if cutoff > 0, d2 > cutoff * cutoff { return }
                let f = k * k / d2
                dx[i] += ddx * f; dy[i] += ddy * f
                dx[j] -= ddx * f; dy[j] -= ddy * f
            }

            for _ in 0..<steps {
                for i in 0..<n { dx[i] = 0; dy[i] = 0 }
                if let grid {
                    let cell = 2 * k, reach = cell * cell
                    grid.build(x: x, y: y, cell: cell)
                    // The pushes are summed by place in the grid, where the nodes
                    // pushed are side by side, rather than by node (a miss on each).
                    // Each node's sum takes its pushes in the same order as before:
                    // those from nodes before it, then its own.
                    let memberX = grid.memberX, memberY = grid.memberY, order = grid.order
                    let pushX = grid.pushX, pushY = grid.pushY, reached = grid.reached
                    for m in 0..<n { pushX[m] = 0; pushY[m] = 0 }
                    for i in 0..<n {
                        // A cell lists its nodes in ascending order, the order they are
                        // worked on in: its nodes past `i` start at its cursor.
                        let own = grid.cellOf[i]
                        let slot = grid.cursor[own]
                        grid.cursor[own] += 1
                        let cx = own % grid.width, cy = own / grid.width
                        let xi = x[i], yi = y[i]
                        // First the nodes within reach, in the order they push on `i`, then
                        // the pushes. Most nodes looked at are out of reach, at random:
                        // a branch on each (rather than a count) was half the layout's time.
                        var count = 0
                        for gy in max(cy - 1, 0)...min(cy + 1, grid.height - 1) {
                            for gx in max(cx - 1, 0)...min(cx + 1, grid.width - 1) {
                                let c = gx + gy * grid.width
                                for m in grid.cursor[c]..<grid.starts[c + 1] {
                                    let ddx = xi - memberX[m], ddy = yi - memberY[m]
                                    let d2 = ddx * ddx + ddy * ddy
                                    reached[count] = m
                                    // One more unless `d2 > reach`, that is unless `reach - d2` has its sign bit.
                                    count &+= 1 &- Int(truncatingIfNeeded: (reach - d2).bitPattern >> 63)
                                }
                            }
                        }
                        var sumX = pushX[slot], sumY = pushY[slot]
                        for r in 0..<count {
                            // `repel(i, order[m], cutoff: cell)`, its sums by place.
                            let m = reached[r]
                            var ddx = xi - memberX[m], ddy = yi - memberY[m]
                            var d2 = ddx * ddx + ddy * ddy
                            if d2 < 1e-6 {
                                let j = order[m]
                                ddx = Double((i &* 7 &+ j) % 13) - 6 + 0.5
                                ddy = Double((j &* 5 &+ i) % 11) - 5 + 0.5
                                d2 = ddx * ddx + ddy * ddy
                            }
                            if d2 > reach { continue }
                            let f = k * k / d2
                            sumX += ddx * f; sumY += ddy * f
                            pushX[m] -= ddx * f; pushY[m] -= ddy * f
                        }
                        pushX[slot] = sumX; pushY[slot] = sumY
                    }
                    for m in 0..<n { dx[order[m]] = pushX[m]; dy[order[m]] = pushY[m] }
                } else {
                    for i in 0..<n { for j in (i + 1)..<n { repel(i, j, cutoff: 0) } }
                }
                for (e, (a, b)) in edges.enumerated() where a != b {
                    let ddx = x[a] - x[b], ddy = y[a] - y[b]
                    let d = max((ddx * ddx + ddy * ddy).squareRoot(), 0.01)
                    let f = d / k * (weights?[e] ?? 1)
                    dx[a] -= ddx * f; dy[a] -= ddy * f
                    dx[b] += ddx * f; dy[b] += ddy * f
                }
                for i in 0..<n {
                    dx[i] += (centre - x[i]) * 0.03
                    dy[i] += (centre - y[i]) * 0.03
                    let d = (dx[i] * dx[i] + dy[i] * dy[i]).squareRoot()
                    guard d > 0 else { continue }
                    let step = min(d, temperature)
                    x[i] += dx[i] / d * step
                    y[i] += dy[i] / d * step
                }
                temperature = max(temperature - cooling, k / 50)
            }
        }
        }
        }
        }
        let minX = x.min() ?? 0, minY = y.min() ?? 0
        return (0..<n).map { Point(x: round1(x[$0] - minX), y: round1(y[$0] - minY)) }
    }

    static func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    /// `12.3`, `4`, `-0.5`: one decimal at most, no exponent, the same on every machine.
    static func format(_ v: Double) -> String {
        var out: [UInt8] = []
        append(v, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `v` as `format` writes it, added to `out` (drawings write thousands).
    static func append(_ v: Double, to out: inout [UInt8]) {
        let tenths = Int((v * 10).rounded())
        if tenths < 0 { out.append(UInt8(ascii: "-")) }
        let a = tenths.magnitude
        appendDigits(a / 10, to: &out)
        if a % 10 != 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + UInt8(a % 10))
        }
    }

    private static func appendDigits(_ n: UInt, to out: inout [UInt8]) {
        if n >= 10 { appendDigits(n / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(n % 10))
    }

    /// Nodes bucketed by grid cell (counting sort), rebuilt every step, in
    /// buffers made once that the inner loop reads without checks.
    private final class Grid {
        private let n: Int
        private(set) var width = 1, height = 1
        /// Each node's cell.
        let cellOf: UnsafeMutableBufferPointer<Int>
        /// Where each cell's nodes start in `order`, one more for the end; cells are at most `4n + 16`.
        let starts: UnsafeMutableBufferPointer<Int>
        /// The nodes cell by cell, ascending in a cell, and their coordinates side by side.
        let order: UnsafeMutableBufferPointer<Int>
        let memberX: UnsafeMutableBufferPointer<Double>
        let memberY: UnsafeMutableBufferPointer<Double>
        /// Per cell, where its nodes not yet worked on start in `order`.
        let cursor: UnsafeMutableBufferPointer<Int>
        /// Room for the places in `order` of the nodes within reach of one node.
        let reached: UnsafeMutableBufferPointer<Int>
        /// The pushes on the nodes, by place in `order`.
        let pushX: UnsafeMutableBufferPointer<Double>
        let pushY: UnsafeMutableBufferPointer<Double>

        init(nodes n: Int) {
            self.n = n
            cellOf = .allocate(capacity: n)
            starts = .allocate(capacity: 4 * n + 17)
            order = .allocate(capacity: n)
            memberX = .allocate(capacity: n)
            memberY = .allocate(capacity: n)
            cursor = .allocate(capacity: 4 * n + 16)
            reached = .allocate(capacity: n)
            pushX = .allocate(capacity: n)
            pushY = .allocate(capacity: n)
        }

        deinit {
            for buffer in [cellOf, starts, order, cursor, reached] { buffer.deallocate() }
            for buffer in [memberX, memberY, pushX, pushY] { buffer.deallocate() }
        }

        func build(x: UnsafeMutableBufferPointer<Double>, y: UnsafeMutableBufferPointer<Double>, cell: Double) {
            let minX = x.min() ?? 0, minY = y.min() ?? 0
            var size = cell
            // Far-flung nodes must not make the grid huge: grow the cells instead.
            while true {
                width = Int(((x.max() ?? 0) - minX) / size) + 1
                height = Int(((y.max() ?? 0) - minY) / size) + 1
                if width * height <= 4 * n + 16 { break }
                size *= 1.5
            }
            let cells = width * height
            for i in 0..<n { cellOf[i] = Int((x[i] - minX) / size) + Int((y[i] - minY) / size) * width }
            for c in 0...cells { starts[c] = 0 }
            for i in 0..<n { starts[cellOf[i] + 1] += 1 }
            for c in 0..<cells { starts[c + 1] += starts[c] }
            for c in 0..<cells { cursor[c] = starts[c] }
            for i in 0..<n {
                let slot = cursor[cellOf[i]]
                order[slot] = i
                memberX[slot] = x[i]
                memberY[slot] = y[i]
                cursor[cellOf[i]] += 1
            }
            for c in 0..<cells { cursor[c] = starts[c] }
        }
    }
}

/// A small seeded generator (SplitMix64): the same numbers everywhere.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
