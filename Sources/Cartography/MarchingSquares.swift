/// Traces the zero level of a distance field into closed, consistently oriented rings.
///
/// Each grid cell contributes up to two segments between crossings on its edges (linearly
/// interpolated); a saddle is resolved by the value at the cell centre. Segments are oriented so the
/// inside always lies on the same side, which makes every crossing the end of one segment and the
/// start of the next: rings link up through an array indexed by edge, with no hashing, so the
/// output order is fixed. Samples on the grid's outer rows and columns count as outside, so every
/// ring closes.
enum MarchingSquares {
    static func rings(_ field: DistanceField) -> [[Point]] {
        let g = field.grid
        let columns = g.columns, rows = g.rows
        guard columns >= 2, rows >= 2 else { return [] }
        // No sample exactly on the level, and the border outside: crossings never sit on a sample.
        var v = field.values
        for j in 0..<rows {
            for i in 0..<columns {
                let k = j * columns + i
                if i == 0 || j == 0 || i == columns - 1 || j == rows - 1 {
                    v[k] = min(v[k], -1e-3)
                } else if v[k] == 0 {
                    v[k] = -1e-6
                }
            }
        }
        func horizontal(_ i: Int, _ j: Int) -> Int { (j * columns + i) * 2 }
        func vertical(_ i: Int, _ j: Int) -> Int { (j * columns + i) * 2 + 1 }
        func point(_ edge: Int) -> Point {
            let k = edge / 2, i = k % columns, j = k / columns
            let a = v[k]
            if edge % 2 == 0 {
                let t = Double(a / (a - v[k + 1]))
                return Point(g.origin.x + (Double(i) + t) * g.cell, g.origin.y + Double(j) * g.cell)
            }
            let t = Double(a / (a - v[k + columns]))
            return Point(g.origin.x + Double(i) * g.cell, g.origin.y + (Double(j) + t) * g.cell)
        }

        var next = [Int32](repeating: -1, count: columns * rows * 2)
        v.withUnsafeBufferPointer { v in
            for j in 0..<(rows - 1) {
                let row = j * columns
                for i in 0..<(columns - 1) {
                    let a = v[row + i], b = v[row + i + 1], c = v[row + columns + i + 1], d = v[row + columns + i]
                    let index = (a > 0 ? 1 : 0) | (b > 0 ? 2 : 0) | (c > 0 ? 4 : 0) | (d > 0 ? 8 : 0)
                    if index == 0 || index == 15 { continue }
                    let top = horizontal(i, j), bottom = horizontal(i, j + 1)
                    let left = vertical(i, j), right = vertical(i + 1, j)
                    // (edge, edge, a corner off the segment's line whose side is known: 0 a, 1 b, 2 c, 3 d)
                    let first: (Int, Int, Int), second: (Int, Int, Int)?
                    switch index {
                    case 1, 14: (first, second) = ((left, top, 0), nil)
                    case 2, 13: (first, second) = ((top, right, 1), nil)
                    case 3, 12: (first, second) = ((left, right, 0), nil)
                    case 4, 11: (first, second) = ((right, bottom, 2), nil)
                    case 6, 9: (first, second) = ((top, bottom, 0), nil)
                    case 7, 8: (first, second) = ((bottom, left, 3), nil)
                    default:
                        // Saddles (5, 10): corners a and c are cut off when alone on their side of the level.
                        let centreInside = (a + b + c + d) > 0
                        (first, second) =
                            (index == 5) != centreInside
                            ? ((left, top, 0), (right, bottom, 2)) : ((top, right, 1), (bottom, left, 3))
                    }
                    for (e1, e2, ref) in [first] + (second.map { [$0] } ?? []) {
                        let p1 = point(e1), p2 = point(e2)
                        let r = g.point(i + (ref == 1 || ref == 2 ? 1 : 0), j + (ref >= 2 ? 1 : 0))
                        let refInside = [a, b, c, d][ref] > 0
                        let cross = (p2.x - p1.x) * (r.y - p1.y) - (p2.y - p1.y) * (r.x - p1.x)
                        // Inside on the positive side of each segment.
                        if (cross > 0) == refInside {
                            next[e1] = Int32(e2)
                        } else {
                            next[e2] = Int32(e1)
                        }
                    }
                }
            }
        }

        var rings: [[Point]] = []
        for start in 0..<next.count where next[start] >= 0 {
            var ring: [Point] = []
            var e = start
            while next[e] >= 0 {
                ring.append(point(e))
                let n = Int(next[e])
                next[e] = -1
                e = n
            }
            if ring.count >= 3 { rings.append(ring) }
        }
        return rings
    }
}
