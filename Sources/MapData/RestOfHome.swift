import Foundation
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
        // Each snapshot's rest is one difference of the home with the areas reaching into it (a
        // national home of ~35,000 vertices less a ~28,000-vertex front costs ~100 ms): made when
        // first read (`DeferredGeometry`), since maps never draw it.
        return snapshots.map { Self.complete($0, homes: homes, file: folder + "/dataset.json") }
    }

    private static func complete(_ snapshot: ControlSnapshot, homes: [(String, String, MultiPolygon)], file: String) -> ControlSnapshot {
        var areas = snapshot.areas
        for (side, home, geometry) in homes {
            // Only areas reaching into the home take anything from it. The snapshot's own areas are
            // given, never made on first use, so reading them cannot fail.
            let hb = geometry.bounds
            let others = snapshot.areas.compactMap { a -> MultiPolygon? in
                guard let g = a.givenGeometry, let b = g.bounds, let hb, b.intersects(hb) else { return nil }
                return g
            }
            let place = "holdsRestOfHome: side \(side) on \(snapshot.date)"
            let rest = DeferredGeometry(
                make: { () throws(DataError) in
                    do { return try Self.rest(of: geometry, less: others) } catch {
                        throw DataError(
                            file: file, place: place,
                            message: "the rest of \(home) (the territory less the day's control areas) could not be made: \(error)")
                    }
                },
                holds: { p in geometry.contains(p) && !others.contains { $0.contains(p) } })
            areas.append(ControlArea(side: side, status: .assessed, territory: home, deferred: rest, source: Self.source))
        }
        return ControlSnapshot(date: snapshot.date, areas: areas)
    }

    /// The home less the areas. GEOS fails only on invalid input, which loading repairs or refuses;
    /// should it fail here, the areas are made valid first, and should it fail again the error of
    /// both tries is thrown: a rest left empty would draw and count a home with no ground in it.
    static func rest(of home: MultiPolygon, less areas: [MultiPolygon]) throws(RestError) -> MultiPolygon {
        let engine = GeometryEngine()
        func difference(_ repair: Bool) throws(GeometryError) -> MultiPolygon {
            var rest = home
            for a in areas { rest = try engine.difference(rest, repair ? try engine.makeValid(a) : a) }
            return rest
        }
        let rest: MultiPolygon
        do { rest = try difference(false) } catch {
            do { rest = try difference(true) } catch let again { throw RestError(asGiven: error, madeValid: again) }
        }
        // Slivers of no area are dropped. A polygon of visible plane area has a geodesic area,
        // so only the nearly flat ones are measured on the ellipsoid (a geodesic per edge).
        return MultiPolygon(rest.polygons.filter { $0.planarAreaDegrees > 1e-9 || $0.areaKm2 > 0 })
    }

    /// GEOS refused the difference twice: with the areas as given, and made valid.
    struct RestError: Error, CustomStringConvertible {
        let asGiven: GeometryError
        let madeValid: GeometryError
        var description: String { "GEOS failed with the areas as given (\(asGiven)) and made valid (\(madeValid))" }
    }
}
