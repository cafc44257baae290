import GeoCore

/// Completes one-sided data: a side marked `"holdsRestOfHome": true` in dataset.json holds, on every
/// date, the part of its home territory that no control area covers.
///
/// Public daily files often map only the ground one side took. Without this, the other side holds
/// nothing: settlements change hands from "none", and the statistics have a row of zeros. The
/// rest of home is added as an ordinary control area (status assessed, territory the home), so the
/// statistics, `diff`, settlement changes and the legend name both sides the same way as for
/// two-sided data; the map fills only ground held across a border, so it draws nothing new.
public struct RestOfHome {
    public let manifest: Manifest
    public let territories: TerritoryLayer

    public init(manifest: Manifest, territories: TerritoryLayer) {
        self.manifest = manifest
        self.territories = territories
    }

    /// What the source of every added area says.
    public static let source = SourceRef(
        name: "dataset.json: holdsRestOfHome (the side's home in basemap/territories.geojson, less every control area)",
        url: nil, retrieved: nil, note: "derived, not reported")

    /// `snapshots` with each rest-of-home side's area added; unchanged when no side holds its rest.
    /// `folder` names the data folder in errors.
    public func completing(_ snapshots: [ControlSnapshot], in folder: String) throws(DataError) -> [ControlSnapshot] {
        let sides = manifest.sides.filter(\.holdsRestOfHome)
        guard !sides.isEmpty else { return snapshots }
        var homes: [(String, String, MultiPolygon)] = []
        for s in sides {
            guard let home = s.home, let t = territories.territories.first(where: { $0.name == home }) else {
                throw DataError(
                    file: folder + "/dataset.json", place: "side \(s.id)",
                    message: "holdsRestOfHome: home '\(s.home ?? "")' is not a territory in basemap/territories.geojson")
            }
            homes.append((s.id, home, t.geometry))
        }
        let engine = GeometryEngine()
        var out: [ControlSnapshot] = []
        for snapshot in snapshots {
            var areas = snapshot.areas
            for (side, home, geometry) in homes {
                do {
                    var rest = geometry
                    // Only areas reaching into the home take anything from it.
                    for a in snapshot.areas {
                        guard let ab = a.geometry.bounds, let hb = rest.bounds, ab.intersects(hb) else { continue }
                        rest = try engine.difference(rest, a.geometry)
                    }
                    let kept = MultiPolygon(rest.polygons.filter { $0.areaKm2 > 0 })
                    if !kept.isEmpty {
                        areas.append(ControlArea(side: side, status: .assessed, territory: home, geometry: kept, source: Self.source))
                    }
                } catch {
                    throw DataError(file: folder + "/control/", message: "\(snapshot.date): the rest of \(home) for \(side): \(error)")
                }
            }
            out.append(ControlSnapshot(date: snapshot.date, areas: areas))
        }
        return out
    }
}
