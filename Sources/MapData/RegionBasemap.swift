import GeoCore

/// A region's countries and the borders between them, for `frontline init`: each source country
/// clipped to the region (its area then measured on it, geodesic), and the lines two countries
/// share, without the coast or the region's edge.
public struct RegionBasemap {
    public let territories: TerritoryLayer
    /// State borders: each stretch once.
    public let borders: [LineString]
    /// Per territory, the source's names by language code ("en", "uk", "ru", …).
    public let names: [String: [(String, String)]]
    /// What no country covers of the region: the sea (and any lake no country holds), unnamed.
    public let water: MultiPolygon

    /// `countries`: polygons with a "name" property (and "names" by language). Countries that do not
    /// reach into the region are left out; `first` names those to put first, in that order (the
    /// sides' homes), the others follow by area, largest first.
    public static func build(countries: [GeoFeature], file: String, region: BBox, first: [String], engine: GeometryEngine) throws(DataError)
        -> RegionBasemap
    {
        var kept: [(name: String, geometry: MultiPolygon, km2: Double, names: [(String, String)])] = []
        for f in countries {
            guard let m = f.geometry?.multiPolygon else { continue }
            let name: String
            do { name = try Properties(value: f.properties).string("name") } catch { throw error.at(f.place).in(file: file) }
            let clipped: MultiPolygon
            do { clipped = try engine.clipAlongParallels(m, to: region) } catch {
                throw DataError(file: file, place: f.place, message: "\(error)")
            }
            guard !clipped.isEmpty else { continue }
            var names: [(String, String)] = []
            if case .object(let pairs)? = f.properties["names"] {
                for (code, v) in pairs { if let s = v.string { names.append((code, s)) } }
            }
            kept.append((name, clipped, clipped.areaKm2, names))
        }
        kept.sort { a, b in
            let ia = first.firstIndex(of: a.name) ?? Int.max, ib = first.firstIndex(of: b.name) ?? Int.max
            return ia != ib ? ia < ib : (a.km2 != b.km2 ? a.km2 > b.km2 : a.name < b.name)
        }
        do {
            var all = MultiPolygon.empty
            for k in kept { all = try engine.union(all, k.geometry) }
            let edge = try LineString(region.polygon.outer.points)
            // Not a border: the coast (the edge of all land) and the region's own edge; and what an
            // earlier country already gave, so that each shared stretch is drawn once.
            var away = try engine.boundary(all) + [edge]
            var borders: [LineString] = []
            for k in kept {
                let own = try engine.lines(try engine.boundary(k.geometry), fartherThan: 1e-5, from: away)
                borders += own
                away += own
            }
            let regionFace = try engine.clipAlongParallels(MultiPolygon([region.polygon]), to: region)
            // Slivers under a hectare where two countries' outlines do not quite meet are not water.
            let water = try engine.difference(regionFace, all).polygons.filter { $0.areaKm2 >= 0.01 }
            return RegionBasemap(
                territories: TerritoryLayer(kept.map { (name: $0.name, geometry: $0.geometry) }), borders: borders,
                names: Dictionary(kept.map { ($0.name, $0.names) }, uniquingKeysWith: { a, _ in a }), water: MultiPolygon(water))
        } catch {
            throw DataError(file: file, message: "building the borders: \(error)")
        }
    }
}
