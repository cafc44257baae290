/// Where two unions of polygons can differ, found without overlaying them.
///
/// A point lies in a union of interior-disjoint polygons exactly when a ray from it crosses their
/// edges an odd number of times (each polygon adds its own parity, and at most one holds the point).
/// So the union of `before` and the union of `after` differ only where a ray crosses an odd number
/// of the edges that occur an odd number of times in both lists together: a region bounded by those
/// edges, and so inside their box. An edge two neighbours share, or one that is the same on both
/// dates, drops out. Overlaying the polygons clipped to that box gives what the whole overlay gives,
/// at the cost of the part that moved: a front that moves a few km no longer costs an overlay of
/// every vertex of both sides.
public enum ChangeWindow {
    /// The box outside which the unions agree, grown by `margin` degrees so that clipping to it
    /// cuts only where they agree; nil when they are the same everywhere. The polygons of each list
    /// must not overlap one another (touching is fine).
    public static func bounds(before: [Polygon], after: [Polygon], margin: Double = 1e-3) -> BBox? {
        var odd = Set<Edge>()
        for polygon in before + after {
            for ring in polygon.rings {
                let p = ring.points
                for i in 1..<p.count where p[i - 1] != p[i] {
                    let e = Edge(p[i - 1], p[i])
                    if odd.remove(e) == nil { odd.insert(e) }
                }
            }
        }
        guard !odd.isEmpty else { return nil }
        var w = Double.infinity, s = Double.infinity, e = -Double.infinity, n = -Double.infinity
        for edge in odd {
            w = min(w, edge.a.lon, edge.b.lon); e = max(e, edge.a.lon, edge.b.lon)
            s = min(s, edge.a.lat, edge.b.lat); n = max(n, edge.a.lat, edge.b.lat)
        }
        return BBox(uncheckedWest: w - margin, south: s - margin, east: e + margin, north: n + margin)
    }

    /// An undirected edge: the same two positions in either order are one key.
    private struct Edge: Hashable {
        let a: LonLat, b: LonLat
        init(_ p: LonLat, _ q: LonLat) {
            (a, b) = (p.lon, p.lat) < (q.lon, q.lat) ? (p, q) : (q, p)
        }
    }
}
