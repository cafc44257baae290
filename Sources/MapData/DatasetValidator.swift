import GeoCore

/// Checks a decoded data set for what decoding alone can't see: the consistency rules every command
/// checks at load (`Dataset.consistencyProblems`), and, with GEOS, invalid polygons and overlapping
/// areas. Returns every problem found.
public struct DatasetValidator {
    public init() {}

    public func problems(in d: Dataset, engine: GeometryEngine) -> [String] {
        var out: [String] = []
        let snapshots: [ControlSnapshot]
        do { snapshots = try d.timeline.snapshots() } catch {
            out.append("\(error)")
            snapshots = []
        }
        // Every snapshot is decoded now, so the consistency rules see them all.
        out += d.consistencyProblems().map(\.description)
        for snapshot in snapshots {
            for (k, a) in snapshot.areas.enumerated() {
                let place = "control/\(snapshot.date).geojson: feature \(k) (\(a.side))"
                do {
                    if let why = try engine.validityProblem(a.geometry) { out.append("\(place): invalid polygon: \(why)") }
                } catch { out.append("\(place): \(error)") }
            }
            out += overlaps(in: snapshot, engine: engine)
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
    /// Candidate pairs come from a `BoxIndex`, so a file of many small areas costs about n log n box
    /// tests, not n²/2; pairs are reported in the order a test of every pair would find them.
    func overlaps(in snapshot: ControlSnapshot, engine: GeometryEngine) -> [String] {
        var tally = OverlapTally()
        return overlaps(in: snapshot, engine: engine, tally: &tally)
    }

    /// What an overlap check did, for the scaling tests: boxes the index returned (each pair twice)
    /// and GEOS intersections. The index's own box tests are counted by `BoxIndex` itself.
    struct OverlapTally {
        var candidates = 0
        var intersections = 0
    }

    func overlaps(in snapshot: ControlSnapshot, engine: GeometryEngine, tally: inout OverlapTally) -> [String] {
        var out: [String] = []
        let areas = snapshot.areas
        // An area that cannot be made (see `ControlArea.geometry`) is reported and left out.
        let bounds = areas.map { a in
            do { return try a.geometry.bounds } catch {
                out.append("\(error)")
                return nil
            }
        }
        let index = BoxIndex(bounds)
        for i in areas.indices {
            guard let a = bounds[i] else { continue }
            let near = index.intersecting(a)
            tally.candidates += near.count
            for j in near where j > i {
                tally.intersections += 1
                do {
                    let shared = try engine.intersection(try areas[i].geometry, try areas[j].geometry).areaKm2
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
