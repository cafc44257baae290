/// The change between two unions of polygons, read from the edges that differ between them.
///
/// Every ring adds its edges to one table, directed so that its polygon's interior lies on the left,
/// with weight +1 for `after` and -1 for `before`. Around a point, the chain of edges whose weights do
/// not cancel winds once counter-clockwise where only `after` holds it (gained), once clockwise where
/// only `before` does (lost), and not at all elsewhere: an edge two neighbours share, or that is the
/// same on both dates, cancels. So noding and polygonizing that chain alone gives the pieces that
/// changed, each sorted by its winding number, at the cost of what moved: two overlays per box
/// (gained, then lost) read every vertex of both unions in the box; this reads each changed edge once.
/// A front that moves sideways leaves a lost piece and a gained one on either side of one edge: that
/// edge's weights add up to 2 instead of cancelling, and it separates them.
public struct ChangeChain {
    private var table: EdgeTable

    /// `before` and `after`: each a list of polygons that do not overlap one another (touching is fine).
    public init(before: [Polygon], after: [Polygon]) {
        let all = [(before, Int32(-1)), (after, Int32(1))]
        table = EdgeTable(capacity: (before + after).reduce(0) { $0 + $1.vertexCount })
        for (polygons, weight) in all {
            for polygon in polygons {
                for (k, ring) in polygon.rings.enumerated() {
                    let points = ring.points.map(Self.snapped)
                    // Interior on the left: an outer ring counter-clockwise, a hole clockwise.
                    let turn: Int32 = (Ring.doubleSignedArea(points) > 0) == (k == 0) ? 1 : -1
                    table.addDirectedEdges(of: points, weight: weight * turn)
                }
            }
        }
    }

    /// A position on a grid of 1e-9 degrees (0.1 mm): two dates' files that write one vertex with
    /// different rounding noise (34.16566 and 34.1656600000001) hold the same edge, which cancels;
    /// unsnapped, the two would cross each other in a sliver the noder cannot resolve. A file with
    /// up to nine decimals keeps its positions exactly (the nearest double to the same decimal).
    static func snapped(_ p: LonLat) -> LonLat {
        LonLat(uncheckedLon: (p.lon * 1e9).rounded() / 1e9, lat: (p.lat * 1e9).rounded() / 1e9)
    }

    /// The edges that occur an odd number of times: where the unions differ (`ChangeWindow.boxes`).
    public var oddEdges: [(LonLat, LonLat)] { table.oddEdges }

    /// The pieces gained (inside `after` only) and lost (inside `before` only), or nil when they
    /// cannot be read from the chain alone: more work than `SegmentArrangement` allows itself, a face
    /// whose winding is not -1, 0 or 1, a cycle with no area, a hole with no face around it, or
    /// gained less lost not the change in area (planar, to a billionth of the ground that changed).
    /// The caller then overlays.
    public func pieces() -> (gained: [Polygon], lost: [Polygon])? {
        let chain = table.windingEdges
        guard !chain.isEmpty else { return ([], []) }
        guard let arrangement = SegmentArrangement(chain) else { return nil }
        var outers: [[Int]] = [[], []], holes: [[Int]] = [[], []]
        var net = 0.0, moved = 0.0
        for (k, c) in arrangement.cycles.enumerated() {
            guard abs(c.leftWinding) <= 1 else { return nil }
            guard c.leftWinding != 0 else { continue }
            // A cycle that encloses nothing is an edge walked both ways: the noding went wrong.
            guard c.doubleArea != 0 else { return nil }
            let kind = c.leftWinding > 0 ? 0 : 1
            if c.doubleArea > 0 { outers[kind].append(k) } else { holes[kind].append(k) }
            net += Double(c.leftWinding) * c.doubleArea / 2
            moved += abs(c.doubleArea) / 2
        }
        guard abs(net - Self.planarChange(chain)) <= 1e-9 * moved + 1e-15 else { return nil }
        guard let gained = Self.polygons(outers[0], holes[0], arrangement.cycles),
            let lost = Self.polygons(outers[1], holes[1], arrangement.cycles)
        else { return nil }
        return (gained, lost)
    }

    /// Polygons from counter-clockwise cycles, each with the clockwise cycles that lie in it and in
    /// no smaller one of them; nil when a hole lies in none.
    private static func polygons(_ outers: [Int], _ holes: [Int], _ cycles: [SegmentArrangement.Cycle]) -> [Polygon]? {
        let rings = outers.map { Ring(unchecked: cycles[$0].points) }
        let boxes = rings.map(\.bounds)
        var inside = [[Ring]](repeating: [], count: outers.count)
        for h in holes {
            let p = cycles[h].points
            // The middle of an edge: on no other cycle, since the faces' edges never overlap.
            let probe = LonLat(uncheckedLon: (p[0].lon + p[1].lon) / 2, lat: (p[0].lat + p[1].lat) / 2)
            let around = rings.indices.filter { boxes[$0].contains(probe) && rings[$0].contains(probe) }
            guard let k = around.min(by: { cycles[outers[$0]].doubleArea < cycles[outers[$1]].doubleArea }) else { return nil }
            inside[k].append(Ring(unchecked: p))
        }
        return rings.indices.map { Polygon(outer: rings[$0], holes: inside[$0]) }
    }

    /// The area `after` holds less the area `before` holds, on the plane (square degrees): the sum
    /// of the chain's edges' shoelace terms, since the rest cancel.
    private static func planarChange(_ chain: [(from: LonLat, to: LonLat, weight: Int32)]) -> Double {
        guard let o = chain.first?.from else { return 0 }
        // About one position of the chain, as the cycles are measured (see `SegmentArrangement`).
        return chain.reduce(0) {
            $0 + Double($1.weight) * (($1.from.lon - o.lon) * ($1.to.lat - o.lat) - ($1.to.lon - o.lon) * ($1.from.lat - o.lat))
        } / 2
    }
}
