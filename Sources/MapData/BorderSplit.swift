import GeoCore

/// Splits held ground by territory, moving border slivers to the side of the border the rest of
/// their piece lies on.
///
/// Two sources rarely draw a border alike: a control polygon that stops at its compiler's border
/// runs 1–2 km past (or short of) the basemap's in places, and a plain split then counts a long
/// thin strip of occupied ground as lying in the neighbouring country. Here each connected piece of
/// ground is split by the territories; a part lying outside the territory that holds most of the
/// piece, and thinner than `toleranceKm` (mean width 2·area/perimeter, geodesic), is given to that
/// territory instead. A part wider than the tolerance is real ground across the border and stays.
public struct BorderSplit {
    public let territories: TerritoryLayer
    /// Slivers with a mean width under this many km are moved (see the type's comment).
    public let toleranceKm: Double
    /// The folder's sea and lakes (basemap/water.geojson): ground outside every territory that lies
    /// on them is a source's outline drawn past the coast, not ground, and is left out.
    public let water: MultiPolygon

    public init(territories: TerritoryLayer, toleranceKm: Double, water: MultiPolygon = .empty) {
        self.territories = territories
        self.toleranceKm = toleranceKm
        self.water = water
    }

    /// The ground of `geometry` per territory name, in the territories' order, and the area moved
    /// across a border (km², geodesic). `outside` is the ground no territory covers (its territory is
    /// nil) and no water either; `overWaterKm2` what was left out as lying on water.
    public func split(_ geometry: MultiPolygon, engine: GeometryEngine) throws(GeometryError)
        -> (pieces: [(territory: String, geometry: MultiPolygon)], outside: MultiPolygon, movedKm2: Double, overWaterKm2: Double)
    {
        let names = territories.territories.map(\.name)
        var buckets = [[Polygon]](repeating: [], count: names.count)
        var outside: [Polygon] = []
        var moved = 0.0
        let whole = try engine.unaryUnion(geometry)
        for piece in whole.polygons {
            let one = MultiPolygon([piece])
            var parts: [[Polygon]] = []
            for t in territories.territories {
                guard let a = one.bounds, let b = t.geometry.bounds, a.intersects(b) else { parts.append([]); continue }
                parts.append(try engine.intersection(one, t.geometry).polygons)
            }
            let areas = parts.map { $0.reduce(0) { $0 + $1.areaKm2 } }
            guard let home = areas.indices.max(by: { areas[$0] < areas[$1] }), areas[home] > 0 else {
                outside.append(piece); continue
            }
            for (k, list) in parts.enumerated() {
                for c in list {
                    if k != home && Self.meanWidthKm(c) < toleranceKm {
                        buckets[home].append(c)
                        moved += c.areaKm2
                    } else {
                        buckets[k].append(c)
                    }
                }
            }
            // Ground of the piece that no territory covers (a region edge the territories miss).
            var covered = MultiPolygon.empty
            for t in territories.territories { covered = try engine.union(covered, try engine.intersection(one, t.geometry)) }
            // Pieces without width are the seams between territories, numerical noise, not ground; so
            // are specks under a square metre (a vertex moved 1e-10° by reprojection leaves one whose
            // geodesic area is noise, and so its "width" too).
            outside += try engine.difference(one, covered).polygons.filter {
                $0.areaKm2 > Self.speckKm2 && Self.meanWidthKm($0) > Self.seamWidthKm
            }
        }
        var pieces: [(territory: String, geometry: MultiPolygon)] = []
        for (k, name) in names.enumerated() where !buckets[k].isEmpty {
            // Union: a moved sliver joins the part of its piece it runs along.
            pieces.append((name, try engine.unaryUnion(MultiPolygon(buckets[k]))))
        }
        var dry = MultiPolygon(outside)
        var overWater = 0.0
        if !dry.isEmpty, !water.isEmpty {
            overWater = try engine.intersection(dry, water).areaKm2
            dry = MultiPolygon(
                try engine.difference(dry, water).polygons.filter { $0.areaKm2 > Self.speckKm2 && Self.meanWidthKm($0) > Self.seamWidthKm })
        }
        return (pieces, dry, moved, overWater)
    }

    /// Ground outside every territory thinner than this (km, 1 m) is a seam between them, dropped.
    public static let seamWidthKm = 0.001
    /// Ground outside every territory smaller than this (km², 1 m²) is a speck of noise, dropped.
    public static let speckKm2 = 1e-6

    /// 2·area/perimeter in km: the width of a strip whose length is much greater than its width,
    /// and half the side of a square. Geodesic on WGS84.
    public static func meanWidthKm(_ p: Polygon) -> Double {
        var perimeter = 0.0
        for r in p.rings { perimeter += zip(r.points, r.points.dropFirst()).reduce(0) { $0 + Geodesic.distanceKm($1.0, $1.1) } }
        return perimeter > 0 ? 2 * p.areaKm2 / perimeter : 0
    }
}
