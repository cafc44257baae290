import GeoCore

/// The geometry stream: project → simplify (in page pixels) → clip to a rectangle → page path.
/// Simplification happens here, at render time, never on source data, so areas stay exact.
public struct PathBuilder: Sendable {
    public let projection: PageProjection
    /// Geometry is clipped to this rectangle (the map frame plus a bleed, so clipped edges stay off-page).
    public let clip: Rect
    /// Positions closer than this (px) to the last kept one are dropped.
    public let tolerance: Double

    /// Page pixels per degree of longitude and of latitude, at most, over the clip rectangle: lets
    /// `simplify` drop positions closer than `tolerance` before projecting them.
    let pixelsPerDegree: (lon: Double, lat: Double)

    public init(projection: PageProjection, clip: Rect, tolerance: Double = 0.25) {
        self.projection = projection; self.clip = clip; self.tolerance = tolerance
        pixelsPerDegree = Self.maxPixelsPerDegree(projection, over: clip)
    }

    /// The largest |∂page/∂lon| and |∂page/∂lat| on a 9×9 grid over `rect`, plus 5 %: the
    /// projection's scale varies by a few per cent across a regional map, smoothly.
    static func maxPixelsPerDegree(_ projection: PageProjection, over rect: Rect) -> (lon: Double, lat: Double) {
        var lon = 0.0, lat = 0.0
        let h = 1e-3
        for i in 0...8 {
            for j in 0...8 {
                let p = projection.unproject(Point(rect.x + rect.width * Double(i) / 8, rect.y + rect.height * Double(j) / 8))
                let q = projection.project(p)
                let e = projection.project(LonLat(wrappingLon: p.lon + h, clampingLat: p.lat))
                let n = projection.project(LonLat(wrappingLon: p.lon, clampingLat: min(p.lat + h, 89.9)))
                lon = max(lon, distance(q, e) / h)
                lat = max(lat, distance(q, n) / h)
            }
        }
        return (lon * 1.05, lat * 1.05)
    }

    private static func distance(_ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        return (dx * dx + dy * dy).squareRoot()
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

    /// Simplifies in page space: drops positions within `tolerance`/2 of the last kept one (cheap,
    /// removes most of a dense line), then Douglas–Peucker at `tolerance` on the rest. Every source
    /// position ends within 1.5 × `tolerance` of the drawn line (⅜ px at the default), below what
    /// antialiasing shows; first and last positions are kept, and the source data is never touched.
    ///
    /// The first filter runs on degrees, before projecting, with a bound on the page distance
    /// (|Δlon|·max px/°lon + |Δlat|·max px/°lat, which holds for any projection), so positions it
    /// drops are never projected: a dense front has most of its positions within a quarter pixel
    /// of the one before.
    func simplify(_ points: [LonLat]) -> [Point] {
        guard points.count > 2 else { return projection.project(points) }
        var far: [LonLat] = []
        far.reserveCapacity(points.count / 2 + 2)
        let (kx, ky) = pixelsPerDegree
        far.append(points[0])
        var last = points[0]
        for p in points.dropFirst().dropLast() {
            if abs(p.lon - last.lon) * kx + abs(p.lat - last.lat) * ky < tolerance / 2 { continue }
            far.append(p)
            last = p
        }
        far.append(points[points.count - 1])
        return DouglasPeucker.simplify(projection.project(far), tolerance: tolerance)
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
