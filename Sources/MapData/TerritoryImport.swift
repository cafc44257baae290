import GeoCore

/// Builds named territories (countries) for a region from border lines, optionally following a
/// control map from before the fighting instead, so that control areas split along their own
/// compiler's border. See GeoData/README.md for why the Kursk data needs the baseline.
///
/// Gaps in the lines up to `snapDegrees` are closed: ends that nearly meet are chained, and an end
/// that nearly reaches another line (or the region's edge) is connected to it. A wider gap leaves two
/// countries in one face; that, and a label point in no face, is an error rather than a merged
/// country.
public struct TerritoryImport {
    public let region: BBox
    /// A point inside each territory, in output order.
    public let labels: [(name: String, point: LonLat)]
    /// Gaps up to this many degrees are closed (0.005° ≈ 550 m north–south).
    public let snapDegrees: Double

    public static let defaultSnapDegrees = 0.005

    public init(region: BBox, labels: [(name: String, point: LonLat)], snapDegrees: Double = defaultSnapDegrees) {
        self.region = region
        self.labels = labels
        self.snapDegrees = snapDegrees
    }

    /// `baseline`: for each territory name, the ground its side held before the fighting, already
    /// clipped to the region (see `ControlImport.polygonsByStyle`). `file` names the border lines in errors.
    public func territories(border: [LineString], baseline: [(String, MultiPolygon)], engine: GeometryEngine, file: String)
        throws(DataError)
        -> (layer: TerritoryLayer, faces: Int, unlabelled: Int, unlabelledKm2: Double)
    {
        do {
            return try build(border: border, baseline: baseline, engine: engine, file: file)
        } catch let e as DataError { throw e } catch {
            throw DataError(file: file, message: "\(error)")
        }
    }

    private func build(border: [LineString], baseline: [(String, MultiPolygon)], engine: GeometryEngine, file: String) throws
        -> (layer: TerritoryLayer, faces: Int, unlabelled: Int, unlabelledKm2: Double)
    {
        let edge = try LineString(region.polygon.outer.points)
        let chained = try engine.clip(chainLines(border, tolerance: snapDegrees), to: region)
        let lines = connectingDanglingEnds(chained, to: [edge], tolerance: snapDegrees)
        let faces = try engine.polygonize(lines + [edge])
        for l in labels where !faces.contains(where: { $0.contains(l.point) }) {
            throw DataError(
                file: file, place: "--name \(l.name)",
                message: "the point \(l.point) lies in no face of the region \(region) (outside it, or on a line)")
        }
        var named: [String: [Polygon]] = [:]
        var unlabelled = 0, unlabelledKm2 = 0.0
        for f in faces {
            let inside = labels.filter { f.contains($0.point) }
            if inside.count > 1 {
                let names = inside.map(\.name)
                throw DataError(
                    file: file,
                    message:
                        "\(names.dropLast().joined(separator: ", ")) and \(names[names.count - 1]) fall in one face (\(Int(f.areaKm2.rounded())) km²): the line between them is missing or has a gap wider than the snap tolerance of \(snapDegrees)°"
                )
            }
            if let l = inside.first {
                named[l.name, default: []].append(f)
            } else if let nearest = labels.min(by: {
                Geodesic.distanceKm(f.bounds.center, $0.point) < Geodesic.distanceKm(f.bounds.center, $1.point)
            }) {
                // Pockets where the border meets the region's edge go to the nearest labelled territory.
                unlabelled += 1
                unlabelledKm2 += f.areaKm2
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
        return (TerritoryLayer(out), faces.count, unlabelled, unlabelledKm2)
    }
}
