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
        let odd = oddEdges(before + after)
        guard !odd.isEmpty else { return nil }
        var w = Double.infinity, s = Double.infinity, e = -Double.infinity, n = -Double.infinity
        for (a, b) in odd {
            w = min(w, a.lon, b.lon); e = max(e, a.lon, b.lon)
            s = min(s, a.lat, b.lat); n = max(n, a.lat, b.lat)
        }
        return BBox(uncheckedWest: w - margin, south: s - margin, east: e + margin, north: n + margin)
    }

    /// Boxes, disjoint, outside which the unions agree: one per group of odd edges that touch (each
    /// region where the unions differ is bounded by a group, or by groups whose boxes nest, and so
    /// lies inside one box), grown by `margin` and merged while any two meet. A front that moves in
    /// seven sectors along 800 km is overlaid in seven small boxes, not in one that holds the front.
    /// Empty when the unions are the same. The same contract as `bounds`.
    public static func boxes(before: [Polygon], after: [Polygon], margin: Double = 1e-3) -> [BBox] {
        boxes(odd: oddEdges(before + after), margin: margin)
    }

    /// The same boxes, from the edges that occur an odd number of times (`EdgeTable.oddEdges`).
    public static func boxes(odd: [(LonLat, LonLat)], margin: Double = 1e-3) -> [BBox] {
        guard !odd.isEmpty else { return [] }
        // Union–find over the edges' end positions: edges that share one are in one group.
        var ids = PositionIndex(capacity: 2 * odd.count)
        let ends = odd.map { (ids.id($0.0), ids.id($0.1)) }
        var groups = UnionFind(count: ids.count)
        for (a, b) in ends { groups.join(a, b) }
        // Each group's box, indexed by its root.
        var box = [(w: Double, s: Double, e: Double, n: Double)?](repeating: nil, count: ids.count)
        for ((p, q), (a, _)) in zip(odd, ends) {
            let r = groups.root(a)
            let g = box[r] ?? (.infinity, .infinity, -.infinity, -.infinity)
            box[r] = (min(g.w, p.lon, q.lon), min(g.s, p.lat, q.lat), max(g.e, p.lon, q.lon), max(g.n, p.lat, q.lat))
        }
        var boxes = box.compactMap { $0 }.map {
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

    /// The edges that occur an odd number of times in the polygons' rings (see `EdgeTable`).
    private static func oddEdges(_ polygons: [Polygon]) -> [(LonLat, LonLat)] {
        var table = EdgeTable(capacity: polygons.reduce(0) { $0 + $1.vertexCount })
        for polygon in polygons { for ring in polygon.rings { table.addEdges(of: ring.points) } }
        return table.oddEdges
    }
}
