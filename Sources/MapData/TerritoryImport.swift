import GeoCore

/// Builds named territories (countries) for a region from border lines, optionally following a
/// control map from before the fighting instead, so that control areas split along their own
/// compiler's border. See GeoData/README.md for why the Kursk data needs the baseline.
public struct TerritoryImport {
    public let region: BBox
    /// A point inside each territory, in output order.
    public let labels: [(name: String, point: LonLat)]

    public init(region: BBox, labels: [(name: String, point: LonLat)]) {
        self.region = region
        self.labels = labels
    }

    /// `baseline`: for each territory name, the ground its side held before the fighting, already
    /// clipped to the region (see `ControlImport.polygonsByStyle`).
    public func territories(border: [LineString], baseline: [(String, MultiPolygon)], engine: GeometryEngine) throws(GeometryError)
        -> (layer: TerritoryLayer, faces: Int, unlabelled: Int)
    {
        // Tiled sources leave small gaps in a border; bridge them so the line runs edge to edge.
        let lines = chainLines(border, tolerance: 0.005)
        let faces = try engine.polygonize(try engine.clip(lines, to: region) + [try LineString(region.polygon.outer.points)])
        var named: [String: [Polygon]] = [:]
        var unlabelled = 0
        for f in faces {
            if let l = labels.first(where: { f.contains($0.point) }) {
                named[l.name, default: []].append(f)
            } else if let nearest = labels.min(by: {
                Geodesic.distanceKm(f.bounds.center, $0.point) < Geodesic.distanceKm(f.bounds.center, $1.point)
            }) {
                // Pockets where the border meets the region's edge go to the nearest labelled territory.
                unlabelled += 1
                named[nearest.name, default: []].append(f)
            }
        }
        var allBase = MultiPolygon.empty
        for (_, m) in baseline { allBase = try engine.union(allBase, m) }
        var out: [(name: String, geometry: MultiPolygon)] = []
        for l in labels {
            var m = try engine.unaryUnion(MultiPolygon(named[l.name] ?? []))
            if !baseline.isEmpty {
                let own = baseline.first { $0.0 == l.name }?.1 ?? .empty
                m = try engine.union(try engine.difference(m, allBase), own)
            }
            out.append((name: l.name, geometry: m))
        }
        return (TerritoryLayer(out), faces.count, unlabelled)
    }
}
