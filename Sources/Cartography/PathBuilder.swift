import GeoCore

/// The geometry stream: project → simplify (in page pixels) → clip to a rectangle → page path.
/// Simplification happens here, at render time, never on source data, so areas stay exact.
public struct PathBuilder: Sendable {
    public let projection: PageProjection
    /// Geometry is clipped to this rectangle (the map frame plus a bleed, so clipped edges stay off-page).
    public let clip: Rect
    /// Positions closer than this (px) to the last kept one are dropped.
    public let tolerance: Double

    public init(projection: PageProjection, clip: Rect, tolerance: Double = 0.25) {
        self.projection = projection; self.clip = clip; self.tolerance = tolerance
    }

    public func path(_ m: MultiPolygon) -> PagePath {
        var subpaths: [[Point]] = []
        for polygon in m.polygons {
            for ring in polygon.rings {
                let ring = clipRing(simplify(ring.points))
                if ring.count >= 3 { subpaths.append(ring) }
            }
        }
        return PagePath(subpaths: subpaths, closed: true)
    }

    public func path(_ lines: [LineString]) -> PagePath {
        var subpaths: [[Point]] = []
        for l in lines { subpaths += clipLine(simplify(l.points)) }
        return PagePath(subpaths: subpaths.filter { $0.count >= 2 }, closed: false)
    }

    /// Projects and drops positions within `tolerance` of the previously kept one; keeps the last.
    func simplify(_ points: [LonLat]) -> [Point] {
        var out: [Point] = []
        out.reserveCapacity(points.count / 4 + 2)
        let t2 = tolerance * tolerance
        for (k, p) in points.enumerated() {
            let q = projection.project(p)
            if let last = out.last, k != points.count - 1 {
                let dx = q.x - last.x, dy = q.y - last.y
                if dx * dx + dy * dy < t2 { continue }
            }
            out.append(q)
        }
        return out
    }

    /// Sutherland–Hodgman against the clip rectangle (convex), which is exact for any simple ring.
    func clipRing(_ ring: [Point]) -> [Point] {
        // Fast path: wholly inside.
        if ring.allSatisfy({ clip.contains($0) }) { return ring }
        var pts = ring
        let edges: [(Point) -> Bool] = [
            { $0.x >= clip.x }, { $0.x <= clip.maxX }, { $0.y >= clip.y }, { $0.y <= clip.maxY },
        ]
        let cut: [(Point, Point) -> Point] = [
            { a, b in lerp(a, b, (clip.x - a.x) / (b.x - a.x)) },
            { a, b in lerp(a, b, (clip.maxX - a.x) / (b.x - a.x)) },
            { a, b in lerp(a, b, (clip.y - a.y) / (b.y - a.y)) },
            { a, b in lerp(a, b, (clip.maxY - a.y) / (b.y - a.y)) },
        ]
        for e in 0..<4 {
            guard let lastPoint = pts.last else { return [] }
            var out: [Point] = []
            out.reserveCapacity(pts.count)
            var prev = lastPoint
            for cur in pts {
                let ci = edges[e](cur), pi = edges[e](prev)
                if ci {
                    if !pi { out.append(cut[e](prev, cur)) }
                    out.append(cur)
                } else if pi {
                    out.append(cut[e](prev, cur))
                }
                prev = cur
            }
            pts = out
        }
        return pts
    }

    /// Liang–Barsky per segment; a line leaving and re-entering the rectangle becomes two subpaths.
    func clipLine(_ line: [Point]) -> [[Point]] {
        var out: [[Point]] = []
        var current: [Point] = []
        for (a, b) in zip(line, line.dropFirst()) {
            guard let (p, q) = clipSegment(a, b) else {
                if current.count >= 2 { out.append(current) }
                current = []
                continue
            }
            if current.isEmpty || current.last != p {
                if current.count >= 2 { out.append(current) }
                current = [p]
            }
            current.append(q)
            if q != b { out.append(current); current = [] }
        }
        if current.count >= 2 { out.append(current) }
        return out
    }

    func clipSegment(_ a: Point, _ b: Point) -> (Point, Point)? {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - clip.x), (dx, clip.maxX - a.x), (-dy, a.y - clip.y), (dy, clip.maxY - a.y)] {
            if p == 0 { if q < 0 { return nil }; continue }
            let r = q / p
            if p < 0 { if r > t1 { return nil }; t0 = max(t0, r) } else { if r < t0 { return nil }; t1 = min(t1, r) }
        }
        return (t0 == 0 ? a : lerp(a, b, t0), t1 == 1 ? b : lerp(a, b, t1))
    }
}

@inline(__always)
func lerp(_ a: Point, _ b: Point, _ t: Double) -> Point { Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t) }
