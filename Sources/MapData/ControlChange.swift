import GeoCore

/// What one side gained and lost between two dates, with areas in km² (geodesic, WGS84).
public struct SideChange: Sendable {
    public let side: String
    public let gained: MultiPolygon
    public let lost: MultiPolygon
    public let gainedKm2: Double
    public let lostKm2: Double
    public let heldBeforeKm2: Double
    public let heldAfterKm2: Double
}

/// A settlement whose holder differs between two dates (nil: held by no side in the data).
public struct HandsChange: Sendable {
    public let settlement: Settlement
    public let from: String?
    public let to: String?
}

/// The change in control between two snapshots: per side, and for the settlements.
public struct ControlChange: Sendable {
    public let from: Day
    public let to: Day
    public let sides: [SideChange]
    public let settlements: [HandsChange]

    /// Compares the snapshots in force on `from` and `to`, for the given sides, with GEOS.
    public static func between(
        _ from: Day, _ to: Day, timeline: Timeline, sides: [String], gazetteer: Gazetteer,
        engine: GeometryEngine
    ) throws -> ControlChange {
        guard let a = timeline.state(on: from), let b = timeline.state(on: to) else {
            throw DataError(message: "no control snapshot on or before \(min(from, to))")
        }
        func held(_ s: ControlSnapshot, _ side: String) throws -> MultiPolygon {
            try engine.unaryUnion(MultiPolygon(s.areas(side: side).flatMap(\.geometry.polygons)))
        }
        var changes: [SideChange] = []
        var heldAfter: [(String, MultiPolygon)] = [], heldBefore: [(String, MultiPolygon)] = []
        for side in sides {
            let before = try held(a, side), after = try held(b, side)
            let gained = try engine.difference(after, before), lost = try engine.difference(before, after)
            changes.append(
                SideChange(
                    side: side, gained: gained, lost: lost, gainedKm2: gained.areaKm2, lostKm2: lost.areaKm2,
                    heldBeforeKm2: before.areaKm2, heldAfterKm2: after.areaKm2))
            heldBefore.append((side, before))
            heldAfter.append((side, after))
        }
        var hands: [HandsChange] = []
        for s in gazetteer.settlements {
            guard let l = s.location else { continue }
            let was = heldBefore.first { $0.1.contains(l) }?.0, now = heldAfter.first { $0.1.contains(l) }?.0
            if was != now { hands.append(HandsChange(settlement: s, from: was, to: now)) }
        }
        return ControlChange(from: a.date, to: b.date, sides: changes, settlements: hands)
    }
}
