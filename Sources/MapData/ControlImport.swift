import GeoCore

/// Turns a KML control map into control areas: repaired, clipped to a region and, when territories
/// are given, split by them, so that ground held across a border is its own feature.
public struct ControlImport {
    public let region: BBox
    /// KML style id → side id ("ru" → "russia").
    public let sides: [String: String]
    public let status: ControlStatus
    public let territories: TerritoryLayer?
    /// Pieces smaller than this (km²) are dropped: slivers where two sources' borders disagree.
    public let minPieceKm2: Double

    public init(region: BBox, sides: [String: String], status: ControlStatus, territories: TerritoryLayer?, minPieceKm2: Double) {
        self.region = region; self.sides = sides; self.status = status; self.territories = territories
        self.minPieceKm2 = minPieceKm2
    }

    public func areas(from kml: KMLDocument, file: String, source: SourceRef, engine: GeometryEngine) throws(DataError) -> [ControlArea] {
        var bySide: [(String, MultiPolygon)] = []
        for p in kml.placemarks where !p.polygons.isEmpty {
            let styleID = p.styleUrl.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 } ?? ""
            guard let side = sides[styleID] else {
                throw DataError(
                    file: file, place: "line \(p.line), placemark \(p.index)",
                    message: "style '\(styleID)' has no side; map it with --side \(styleID)=SIDE")
            }
            do {
                let valid = try engine.makeValid(MultiPolygon(p.polygons))
                let clipped = try engine.clip(valid, to: region)
                if let i = bySide.firstIndex(where: { $0.0 == side }) {
                    bySide[i].1 = try engine.union(bySide[i].1, clipped)
                } else {
                    bySide.append((side, clipped))
                }
            } catch {
                throw DataError(file: file, place: "line \(p.line), placemark \(p.index)", message: error.description)
            }
        }
        var out: [ControlArea] = []
        for (side, geometry) in bySide {
            guard let territories else {
                out.append(ControlArea(side: side, status: status, territory: nil, geometry: geometry, source: source))
                continue
            }
            for t in territories.territories {
                do {
                    let piece = try engine.intersection(geometry, t.geometry)
                    let kept = MultiPolygon(piece.polygons.filter { $0.areaKm2 >= minPieceKm2 })
                    if !kept.isEmpty {
                        out.append(ControlArea(side: side, status: status, territory: t.name, geometry: kept, source: source))
                    }
                } catch {
                    throw DataError(file: file, message: "splitting \(side) by \(t.name): \(error)")
                }
            }
        }
        return out
    }
}
