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

    /// Boxes, disjoint, outside which the unions agree: one per group of odd edges that touch (each
    /// region where the unions differ is bounded by a group, or by groups whose boxes nest, and so
    /// lies inside one box), grown by `margin` and merged while any two meet. A front that moves in
    /// seven sectors along 800 km is overlaid in seven small boxes, not in one that holds the front.
    /// Empty when the unions are the same. The same contract as `bounds`.
    public static func boxes(before: [Polygon], after: [Polygon], margin: Double = 1e-3) -> [BBox] {
        let odd = oddEdges(before + after)
        guard !odd.isEmpty else { return [] }
        // Union–find over the edges' end positions: edges that share one are in one group.
        var id: [LonLat: Int] = [:], parent: [Int] = []
        func node(_ p: LonLat) -> Int {
            if let i = id[p] { return i }
            id[p] = parent.count
            parent.append(parent.count)
            return parent.count - 1
        }
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        let ends = odd.map { (node($0.a), node($0.b)) }
        for (a, b) in ends { parent[root(a)] = root(b) }
        var groups: [Int: (w: Double, s: Double, e: Double, n: Double)] = [:]
        for (edge, (a, _)) in zip(odd, ends) {
            let r = root(a)
            let g = groups[r] ?? (.infinity, .infinity, -.infinity, -.infinity)
            groups[r] = (
                min(g.w, edge.a.lon, edge.b.lon), min(g.s, edge.a.lat, edge.b.lat), max(g.e, edge.a.lon, edge.b.lon),
                max(g.n, edge.a.lat, edge.b.lat)
            )
        }
        var boxes = groups.values.map {
            BBox(uncheckedWest: $0.w - margin, south: $0.s - margin, east: $0.e + margin, north: $0.n + margin)
        }
        // Merge boxes that meet until none do (nested ones included), in a fixed order.
        boxes.sort { ($0.west, $0.south, $0.east, $0.north) < ($1.west, $1.south, $1.east, $1.north) }
        var merged = true
        while merged {
            merged = false
            var out: [BBox] = []
            for b in boxes {
                if let k = out.firstIndex(where: { $0.intersects(b) }) {
                    let a = out[k]
                    out[k] = BBox(
                        uncheckedWest: min(a.west, b.west), south: min(a.south, b.south), east: max(a.east, b.east),
                        north: max(a.north, b.north))
                    merged = true
                } else {
                    out.append(b)
                }
            }
            boxes = out
        }
        return boxes
    }

    private static func oddEdges(_ polygons: [Polygon]) -> [Edge] {
        var odd = Set<Edge>()
        for polygon in polygons {
            for ring in polygon.rings {
                let p = ring.points
                for i in 1..<p.count where p[i - 1] != p[i] {
                    let e = Edge(p[i - 1], p[i])
                    if odd.remove(e) == nil { odd.insert(e) }
                }
            }
        }
        return Array(odd)
    }

    /// An undirected edge: the same two positions in either order are one key.
    private struct Edge: Hashable {
        let a: LonLat, b: LonLat
        init(_ p: LonLat, _ q: LonLat) {
            (a, b) = (p.lon, p.lat) < (q.lon, q.lat) ? (p, q) : (q, p)
        }
    }
}
