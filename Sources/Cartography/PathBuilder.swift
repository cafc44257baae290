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

    /// Projects, then simplifies in page space: drops positions within `tolerance` of the last kept
    /// one (cheap, removes most of a dense line), then Douglas–Peucker at `tolerance` (keeps every
    /// position that deviates by more). The first and last positions are always kept. A quarter
    /// pixel is below what antialiasing shows, and the source data is never touched.
    func simplify(_ points: [LonLat]) -> [Point] {
        let projected = projection.project(points)
        guard projected.count > 2 else { return projected }
        var near: [Point] = []
        near.reserveCapacity(projected.count / 2 + 2)
        let t2 = tolerance * tolerance
        near.append(projected[0])
        var last = projected[0]
        for q in projected.dropFirst().dropLast() {
            let dx = q.x - last.x, dy = q.y - last.y
            if dx * dx + dy * dy < t2 { continue }
            near.append(q)
            last = q
        }
        near.append(projected[projected.count - 1])
        return DouglasPeucker.simplify(near, tolerance: tolerance)
    }

    /// Sutherland–Hodgman against the clip rectangle (convex), which is exact for any simple ring.
    func clipRing(_ ring: [Point]) -> [Point] {
        // Fast path: wholly inside.
        if ring.allSatisfy({ clip.contains($0) }) { return ring }
        var pts = ring
        for edge in 0..<4 {
            guard let lastPoint = pts.last else { return [] }
            var out: [Point] = []
            out.reserveCapacity(pts.count + 8)
            var prev = lastPoint
            var prevInside = inside(prev, edge)
            for cur in pts {
                let curInside = inside(cur, edge)
                if curInside != prevInside { out.append(cut(prev, cur, edge)) }
                if curInside { out.append(cur) }
                prev = cur
                prevInside = curInside
            }
            pts = out
        }
        return pts
    }

    @inline(__always) private func inside(_ p: Point, _ edge: Int) -> Bool {
        switch edge {
        case 0: return p.x >= clip.x
        case 1: return p.x <= clip.maxX
        case 2: return p.y >= clip.y
        default: return p.y <= clip.maxY
        }
    }

    @inline(__always) private func cut(_ a: Point, _ b: Point, _ edge: Int) -> Point {
        switch edge {
        case 0: return lerp(a, b, (clip.x - a.x) / (b.x - a.x))
        case 1: return lerp(a, b, (clip.maxX - a.x) / (b.x - a.x))
        case 2: return lerp(a, b, (clip.y - a.y) / (b.y - a.y))
        default: return lerp(a, b, (clip.maxY - a.y) / (b.y - a.y))
        }
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
