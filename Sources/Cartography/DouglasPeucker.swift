/// Douglas–Peucker line simplification in page space.
public enum DouglasPeucker {
    /// The points of `line` that stay when every dropped point lies within `tolerance` of the
    /// chord (as a segment) between the kept points around it; first and last always stay.
    /// Iterative (no deep recursion on long lines). A closed ring (first == last) works too: the
    /// chord of zero length measures plain distance to that point.
    public static func simplify(_ line: [Point], tolerance: Double) -> [Point] {
        let n = line.count
        guard n > 2 else { return line }
        var keep = [Bool](repeating: false, count: n)
        keep[0] = true
        keep[n - 1] = true
        let t2 = tolerance * tolerance
        var stack = [(0, n - 1)]
        line.withUnsafeBufferPointer { p in
            while let (a, b) = stack.popLast() {
                guard b > a + 1 else { continue }
                let ax = p[a].x, ay = p[a].y
                let dx = p[b].x - ax, dy = p[b].y - ay
                let len2 = dx * dx + dy * dy
                var worst = -1.0, index = a
                for i in (a + 1)..<b {
                    let px = p[i].x - ax, py = p[i].y - ay
                    // Distance to the chord as a segment, so spikes along it are kept.
                    let t = len2 == 0 ? 0 : (px * dx + py * dy) / len2
                    let d2: Double
                    if t <= 0 {
                        d2 = px * px + py * py
                    } else if t >= 1 {
                        let qx = p[i].x - p[b].x, qy = p[i].y - p[b].y
                        d2 = qx * qx + qy * qy
                    } else {
                        let cross = px * dy - py * dx
                        d2 = cross * cross / len2
                    }
                    if d2 > worst { worst = d2; index = i }
                }
                if worst > t2 {
                    keep[index] = true
                    stack.append((a, index))
                    stack.append((index, b))
                }
            }
        }
        var out: [Point] = []
        out.reserveCapacity(n / 4)
        for i in 0..<n where keep[i] { out.append(line[i]) }
        return out
    }
}
