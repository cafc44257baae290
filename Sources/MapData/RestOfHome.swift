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
        // Each snapshot is one difference of the home with the areas reaching into it (a national
        // home of ~35,000 vertices less a ~28,000-vertex front costs ~100 ms): on every core, in order.
        let homesList = homes
        var out: [ControlSnapshot] = []
        do {
            try OrderedParallel.run(
                count: snapshots.count, workers: ProcessInfo.processInfo.activeProcessorCount, window: 4,
                makeState: { GeometryEngine() },
                produce: { engine, index in try Self.complete(snapshots[index], homes: homesList, engine: engine, folder: folder) },
                consume: { _, snapshot in out.append(snapshot) })
        } catch let e as DataError {
            throw e
        } catch {
            throw DataError(file: folder + "/control/", message: "the rest of home: \(error)")
        }
        return out
    }

    private static func complete(
        _ snapshot: ControlSnapshot, homes: [(String, String, MultiPolygon)], engine: GeometryEngine, folder: String
    ) throws(DataError) -> ControlSnapshot {
        var areas = snapshot.areas
        for (side, home, geometry) in homes {
            do {
                var rest = geometry
                // Only areas reaching into the home take anything from it.
                for a in snapshot.areas {
                    guard let ab = a.geometry.bounds, let hb = rest.bounds, ab.intersects(hb) else { continue }
                    rest = try engine.difference(rest, a.geometry)
                }
                // Slivers of no area are dropped. A polygon of visible plane area has a geodesic area,
                // so only the nearly flat ones are measured on the ellipsoid (a geodesic per edge).
                let kept = MultiPolygon(rest.polygons.filter { $0.planarAreaDegrees > 1e-9 || $0.areaKm2 > 0 })
                if !kept.isEmpty {
                    areas.append(ControlArea(side: side, status: .assessed, territory: home, geometry: kept, source: Self.source))
                }
            } catch {
                throw DataError(file: folder + "/control/", message: "\(snapshot.date): the rest of \(home) for \(side): \(error)")
            }
        }
        return ControlSnapshot(date: snapshot.date, areas: areas)
    }
}

extension Polygon {
    /// Area in square degrees on the plane (outer ring less holes, shoelace): a size test only.
    var planarAreaDegrees: Double {
        func ring(_ p: [LonLat]) -> Double {
            abs(zip(p, p.dropFirst()).reduce(0) { $0 + ($1.0.lon * $1.1.lat - $1.1.lon * $1.0.lat) }) / 2
        }
        return ring(outer.points) - holes.reduce(0) { $0 + ring($1.points) }
    }
}
