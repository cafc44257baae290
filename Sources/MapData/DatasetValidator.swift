import GeoCore

/// Checks a decoded data set for what decoding alone can't see: references that don't resolve,
/// positions outside the region, invalid polygons, missing sources. Returns every problem found.
public struct DatasetValidator {
    public init() {}

    public func problems(in d: Dataset, engine: GeometryEngine) -> [String] {
        var out: [String] = []
        let region = d.manifest.region
        let sideIDs = Set(d.manifest.sides.map(\.id))
        var seen = Set<String>()
        for (k, s) in d.gazetteer.settlements.enumerated() {
            let place = "settlements.geojson: feature \(k) (\(s.name))"
            if !seen.insert(s.name).inserted { out.append("\(place): duplicate name") }
            if let l = s.location, !region.contains(l) { out.append("\(place): position \(l) lies outside the region \(region)") }
            if s.source.isEmpty { out.append("\(place): no source") }
        }
        let snapshots: [ControlSnapshot]
        do { snapshots = try d.timeline.snapshots() } catch {
            out.append("\(error)")
            snapshots = []
        }
        for snapshot in snapshots {
            for (k, a) in snapshot.areas.enumerated() {
                let place = "control/\(snapshot.date).geojson: feature \(k) (\(a.side))"
                if !sideIDs.contains(a.side) { out.append("\(place): side '\(a.side)' is not in dataset.json") }
                if a.source.name.isEmpty { out.append("\(place): no source") }
                if let b = a.geometry.bounds,
                    b.west < region.west || b.south < region.south || b.east > region.east || b.north > region.north
                {
                    out.append("\(place): extends outside the region \(region) (bounds \(b))")
                }
                do {
                    if let why = try engine.validityProblem(a.geometry) { out.append("\(place): invalid polygon: \(why)") }
                } catch { out.append("\(place): \(error)") }
            }
            out += overlaps(in: snapshot, engine: engine)
        }
        var ids = Set<String>()
        for (k, e) in d.events.enumerated() {
            let place = "events.geojson: feature \(k) (\(e.id))"
            if !ids.insert(e.id).inserted { out.append("\(place): duplicate id") }
            if let first = d.timeline.dates.first, e.date < first {
                out.append("\(place): dated \(e.date), before the first snapshot \(first)")
            }
            if let actor = e.actor, !sideIDs.contains(actor) { out.append("\(place): actor '\(actor)' is not a side in dataset.json") }
            if let name = e.settlement {
                guard let s = d.gazetteer.resolve(name) else {
                    out.append("\(place): settlement '\(name)' is not in the gazetteer"); continue
                }
                if s.name != name { out.append("\(place): settlement '\(name)' should be written as '\(s.name)'") }
                switch (e.location, s.location) {
                case (let a?, let b?) where Geodesic.distanceKm(a, b) > 0.01:
                    out.append("\(place): position \(a) differs from the gazetteer's \(b) for \(s.name)")
                case (nil, .some): out.append("\(place): \(s.name) is located in the gazetteer but the event has no geometry")
                case (.some, nil): out.append("\(place): has a position but \(s.name) is unlocated in the gazetteer")
                default: break
                }
            } else if let place2 = e.placeAsReported, d.gazetteer.resolve(place2) != nil {
                out.append("\(place): '\(place2)' is in the gazetteer; set \"settlement\"")
            }
            if let l = e.location, !region.contains(l) { out.append("\(place): position \(l) lies outside the region") }
        }
        for r in d.references {
            do {
                if let why = try engine.validityProblem(r.geometry) { out.append("layers/\(r.id).geojson: invalid polygon: \(why)") }
            } catch { out.append("layers/\(r.id).geojson: \(error)") }
        }
        return out
    }

    /// Ground held on one date by two areas at once: a piece of ground has one holder per date
    /// (contested ground is an area of its own), and the statistics and change layers sum areas on
    /// that understanding. Overlaps under `overlapToleranceKm2` are the slivers of a traced edge.
    func overlaps(in snapshot: ControlSnapshot, engine: GeometryEngine) -> [String] {
        var out: [String] = []
        let areas = snapshot.areas
        for i in areas.indices {
            for j in areas.indices where j > i {
                guard let a = areas[i].geometry.bounds, let b = areas[j].geometry.bounds, a.intersects(b) else { continue }
                do {
                    let shared = try engine.intersection(areas[i].geometry, areas[j].geometry).areaKm2
                    if shared > Self.overlapToleranceKm2 {
                        out.append(
                            "control/\(snapshot.date).geojson: features \(i) (\(areas[i].side)) and \(j) (\(areas[j].side)) overlap by \((shared * 1000).rounded() / 1000) km²"
                        )
                    }
                } catch { out.append("control/\(snapshot.date).geojson: features \(i) and \(j): \(error)") }
            }
        }
        return out
    }

    public static let overlapToleranceKm2 = 0.01
}
