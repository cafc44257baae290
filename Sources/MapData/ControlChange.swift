import GeoCore

/// What one side gained and lost between two dates, with areas in km² (geodesic, WGS84).
public struct SideChange: Sendable {
    public let side: String
    public let gained: MultiPolygon
    public let lost: MultiPolygon
    public let gainedKm2: Double
    public let lostKm2: Double
    /// The side's areas on each date, for the ground held (measured only when asked for).
    let before: [ControlArea], after: [ControlArea]

    /// Ground held before and after in km²: the sum of the side's areas, which don't overlap (`validate` checks).
    public var heldBeforeKm2: Double { before.reduce(0) { $0 + $1.geometry.areaKm2 } }
    public var heldAfterKm2: Double { after.reduce(0) { $0 + $1.geometry.areaKm2 } }
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

    /// Compares the snapshots in force on `from` and `to`, for the given sides, with GEOS: per side,
    /// the union of its areas on each date, differenced both ways. Only the boxes where the unions can
    /// differ are overlaid (see `ChangeWindow`); outside them they agree by construction.
    public static func between(
        _ from: Day, _ to: Day, timeline: Timeline, sides: [String], gazetteer: Gazetteer,
        engine: GeometryEngine
    ) throws -> ControlChange {
        guard let a = try timeline.state(on: from), let b = try timeline.state(on: to) else {
            throw DataError(message: "no control snapshot on or before \(min(from, to))")
        }
        var changes: [SideChange] = []
        for side in sides {
            let before = a.areas(side: side), after = b.areas(side: side)
            var gainedParts: [Polygon] = [], lostParts: [Polygon] = []
            // Each box holds every difference inside it and none outside (`ChangeWindow.boxes`), and
            // the boxes are disjoint, so the parts from all of them make the whole difference.
            let windows = Self.windows(before, after)
            for box in windows {
                // Box by box, each clip is one pass (the overlay that `clip` is would see every vertex).
                let fast = windows.count > 1
                let was = try held(before, in: box, engine, fast: fast), now = try held(after, in: box, engine, fast: fast)
                gainedParts += try engine.difference(now, was).polygons
                lostParts += try engine.difference(was, now).polygons
            }
            let gained = MultiPolygon(gainedParts), lost = MultiPolygon(lostParts)
            changes.append(
                SideChange(
                    side: side, gained: gained, lost: lost, gainedKm2: gained.areaKm2, lostKm2: lost.areaKm2,
                    before: before, after: after))
        }
        var hands: [HandsChange] = []
        for s in gazetteer.settlements {
            guard let l = s.location else { continue }
            let was = a.holder(at: l, sides: sides), now = b.holder(at: l, sides: sides)
            if was != now { hands.append(HandsChange(settlement: s, from: was, to: now)) }
        }
        return ControlChange(from: a.date, to: b.date, sides: changes, settlements: hands)
    }

    /// Where to overlay: the boxes of the groups of edges that moved (`ChangeWindow.boxes`) when the
    /// one box around them all would take in a large part of large areas (a national front that moves
    /// in a few sectors along its length: one overlay of most of its 28,000 vertices a side per frame);
    /// else that one box, whose single clip and overlay cost less than one per box. Both give the same
    /// ground; they differ in where rings start and in the order of the parts.
    private static func windows(_ before: [ControlArea], _ after: [ControlArea]) -> [BBox] {
        let boxes = ChangeWindow.boxes(before: before.flatMap(\.geometry.polygons), after: after.flatMap(\.geometry.polygons))
        guard boxes.count > 1 else { return boxes }
        let whole = boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }
        func area(_ b: BBox) -> Double { (b.east - b.west) * (b.north - b.south) }
        let vertices = (before + after).reduce(0) { n, a in
            n + a.geometry.polygons.reduce(0) { $0 + ($1.bounds.intersects(whole) ? $1.vertexCount : 0) }
        }
        let split = vertices > Self.splitVertices && boxes.reduce(0) { $0 + area($1) } < 0.5 * area(whole)
        return split ? boxes : [whole]
    }

    /// Vertices in the one window above which the change is overlaid box by box.
    static let splitVertices = 20_000

    /// The union of the areas' parts inside `box`.
    private static func held(_ areas: [ControlArea], in box: BBox, _ engine: GeometryEngine, fast: Bool) throws -> MultiPolygon {
        var parts: [Polygon] = []
        for area in areas {
            guard let bounds = area.geometry.bounds, bounds.intersects(box) else { continue }
            if box.contains(bounds) {
                parts += area.geometry.polygons
            } else {
                parts += (fast ? try engine.clipByRect(area.geometry, to: box) : try engine.clip(area.geometry, to: box)).polygons
            }
        }
        return try engine.unaryUnion(MultiPolygon(parts))
    }
}
