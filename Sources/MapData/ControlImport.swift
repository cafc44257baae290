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

    /// The areas of `features` (a `FeatureReader`'s, by style id). `repair` repairs invalid ones with
    /// a warning, or refuses them when strict.
    public func areas(
        from features: [GeoFeature], file: String, source: SourceRef, engine: GeometryEngine, repair: GeometryRepair
    ) throws(DataError) -> [ControlArea] {
        let bySide = try Self.polygonsByStyle(features, file: file, names: sides, region: region, engine: engine, repair: repair) { id in
            "style '\(id)' has no side; map it with --side \(id)=SIDE"
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

    /// Each feature's polygons, checked by `repair` and clipped to `region`, united per name that
    /// `names` gives its style, in first-seen order. A style without a name is an error (message from
    /// `unmapped`) unless `unmapped` is nil, when such features are skipped.
    public static func polygonsByStyle(
        _ features: [GeoFeature], file: String, names: [String: String], region: BBox,
        engine: GeometryEngine, repair: GeometryRepair, unmapped: ((String) -> String)?
    ) throws(DataError) -> [(String, MultiPolygon)] {
        // Pieces are gathered per name and united once at the end: uniting each into a growing
        // result made 10,000 placemarks of one style take minutes (issue 24).
        var pieces: [(String, [MultiPolygon])] = []
        for f in features {
            guard let areal = f.geometry?.multiPolygon else { continue }
            let place = f.place
            let id = f.styleID ?? ""
            guard let name = names[id] else {
                if let unmapped { throw DataError(file: file, place: place, message: unmapped(id)) }
                continue
            }
            let valid = try repair.checked(areal, notes: [], file: file, place: place)
            do {
                let clipped = try engine.clip(valid, to: region)
                if let i = pieces.firstIndex(where: { $0.0 == name }) {
                    pieces[i].1.append(clipped)
                } else {
                    pieces.append((name, [clipped]))
                }
            } catch {
                throw DataError(file: file, place: place, message: error.description)
            }
        }
        var out: [(String, MultiPolygon)] = []
        for (name, parts) in pieces {
            // One piece stays as clipped (what the Kursk files have: one placemark per side).
            guard parts.count > 1 else {
                out.append((name, parts[0]))
                continue
            }
            do { out.append((name, try engine.union(all: parts))) } catch {
                throw DataError(file: file, message: "uniting the \(parts.count) placemarks of '\(name)': \(error.description)")
            }
        }
        return out
    }
}
