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
    /// Throws when an area made on first use could not be made (see `ControlArea.geometry`).
    public var heldBeforeKm2: Double { get throws(DataError) { try before.areaKm2() } }
    public var heldAfterKm2: Double { get throws(DataError) { try after.areaKm2() } }
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

    /// Compares the snapshots in force on `from` and `to`, for the given sides: per side, the union of
    /// its areas on each date, differenced both ways. The pieces come from the edges that differ
    /// between the dates, noded and polygonized (`ChangeChain`); should they not add up, the unions
    /// are overlaid with GEOS, only in the boxes where they can differ (see `ChangeWindow`).
    public static func between(
        _ from: Day, _ to: Day, timeline: Timeline, sides: [String], gazetteer: Gazetteer,
        engine: GeometryEngine
    ) throws -> ControlChange {
        guard let a = try timeline.state(on: from), let b = try timeline.state(on: to) else {
            throw DataError(message: "no control snapshot on or before \(min(from, to))")
        }
        var changes: [String: SideChange] = [:]
        // Where any side's ground can differ: a settlement outside every box keeps its holder.
        var anyWindow: [BBox] = []
        // Sides that hold only the rest of their home are derived from the others' change below.
        let derived = sides.filter { restOfHomeOther(of: $0, sides: sides, a, b) != nil }
        for side in sides where !derived.contains(side) {
            let before = a.areas(side: side), after = b.areas(side: side)
            let was = try before.polygons(), now = try after.polygons()
            let chain = ChangeChain(before: was, after: now)
            var gainedParts: [Polygon] = [], lostParts: [Polygon] = []
            if let pieces = chain.pieces() {
                (gainedParts, lostParts) = pieces
                // The unions differ only inside the pieces: their boxes, grown as the windows are.
                anyWindow += (gainedParts + lostParts).map { $0.bounds.grown(by: 1e-3) }
            } else {
                let windows = ChangeWindow.boxes(odd: chain.oddEdges)
                anyWindow += windows
                (gainedParts, lostParts) = try overlaid(before, after, in: Self.windows(windows, was, now), engine)
            }
            let gained = MultiPolygon(gainedParts), lost = MultiPolygon(lostParts)
            changes[side] = SideChange(
                side: side, gained: gained, lost: lost, gainedKm2: gained.areaKm2, lostKm2: lost.areaKm2, before: before, after: after)
        }
        for side in derived {
            guard let other = restOfHomeOther(of: side, sides: sides, a, b), let o = changes[other] else { continue }
            // The rest of home is the home less the other side's ground in it: what that side lost
            // there, this one gained, and the other way round (the same pieces, measured once).
            changes[side] = SideChange(
                side: side, gained: o.lost, lost: o.gained, gainedKm2: o.lostKm2, lostKm2: o.gainedKm2,
                before: a.areas(side: side), after: b.areas(side: side))
        }
        var hands: [HandsChange] = []
        for s in gazetteer.settlements {
            // A derived side's change is inside the other's boxes, so these boxes cover every side.
            guard let l = s.location, anyWindow.contains(where: { $0.contains(l) }) else { continue }
            let was = a.holder(at: l, sides: sides), now = b.holder(at: l, sides: sides)
            if was != now { hands.append(HandsChange(settlement: s, from: was, to: now)) }
        }
        return ControlChange(from: a.date, to: b.date, sides: sides.compactMap { changes[$0] }, settlements: hands)
    }

    /// The one other side whose ground `side`'s areas are the rest of, on both snapshots, or nil.
    ///
    /// One-sided data (`RestOfHome`) gives a side the rest of its home: its home territory less every
    /// control area in it. When that is all the side holds on both dates, and one other side holds
    /// ground, all of it split into that home (its areas' `territory`, as import splits them), the
    /// side's change is the other's, reversed; overlaying the rest of home (the whole country's
    /// outline) again would cost most of a national frame.
    static func restOfHomeOther(of side: String, sides: [String], _ a: ControlSnapshot, _ b: ControlSnapshot) -> String? {
        let mine = a.areas(side: side) + b.areas(side: side)
        guard let home = mine.first?.territory, mine.allSatisfy({ $0.source.name == RestOfHome.source.name && $0.territory == home })
        else { return nil }
        let holders = sides.filter { $0 != side && !(a.areas(side: $0).isEmpty && b.areas(side: $0).isEmpty) }
        guard holders.count == 1, let other = holders.first else { return nil }
        let theirs = a.areas(side: other) + b.areas(side: other)
        return theirs.allSatisfy { $0.territory == home && $0.source.name != RestOfHome.source.name } ? other : nil
    }

    /// Where to overlay: the boxes of the groups of edges that moved (`ChangeWindow.boxes`) when the
    /// one box around them all would take in a large part of large areas (a national front that moves
    /// in a few sectors along its length: one overlay of most of its 28,000 vertices a side per frame);
    /// else that one box, whose single clip and overlay cost less than one per box. Both give the same
    /// ground; they differ in where rings start and in the order of the parts.
    private static func windows(_ boxes: [BBox], _ was: [Polygon], _ now: [Polygon]) -> [BBox] {
        guard boxes.count > 1 else { return boxes }
        let whole = boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }
        func area(_ b: BBox) -> Double { (b.east - b.west) * (b.north - b.south) }
        let vertices = (was + now).reduce(0) { $0 + ($1.bounds.intersects(whole) ? $1.vertexCount : 0) }
        let split = vertices > Self.splitVertices && boxes.reduce(0) { $0 + area($1) } < 0.5 * area(whole)
        return split ? boxes : [whole]
    }

    /// What `after` gained and lost against `before` by overlaying their unions in each box: each box
    /// holds every difference inside it and none outside (`ChangeWindow.boxes`), and the boxes are
    /// disjoint, so the parts from all of them make the whole difference. Box by box, each clip is
    /// one pass (the overlay that `clip` is would see every vertex).
    private static func overlaid(_ before: [ControlArea], _ after: [ControlArea], in windows: [BBox], _ engine: GeometryEngine)
        throws -> (gained: [Polygon], lost: [Polygon])
    {
        var gained: [Polygon] = [], lost: [Polygon] = []
        let was = try held(before, in: windows, engine), now = try held(after, in: windows, engine)
        for (w, n) in zip(was, now) {
            gained += try engine.difference(n, w).polygons
            lost += try engine.difference(w, n).polygons
        }
        return (gained, lost)
    }

    /// Vertices in the one window above which the change is overlaid box by box.
    static let splitVertices = 20_000

    /// The union of the areas' parts inside each box. One box is clipped by overlay (Kursk's single
    /// window, whose bytes this keeps); several by GEOS's rectangle clip, each area read into GEOS once.
    private static func held(_ areas: [ControlArea], in boxes: [BBox], _ engine: GeometryEngine) throws -> [MultiPolygon] {
        var parts = [[Polygon]](repeating: [], count: boxes.count)
        for area in areas {
            let geometry = try area.geometry
            guard let bounds = geometry.bounds else { continue }
            let cut = boxes.indices.filter { boxes[$0].intersects(bounds) && !boxes[$0].contains(bounds) }
            for i in boxes.indices where boxes[i].contains(bounds) { parts[i] += geometry.polygons }
            guard !cut.isEmpty else { continue }
            if boxes.count == 1 {
                parts[0] += try engine.clip(geometry, to: boxes[0]).polygons
            } else {
                for (i, clipped) in zip(cut, try engine.clipByRect(geometry, to: cut.map { boxes[$0] })) {
                    parts[i] += clipped.polygons
                }
            }
        }
        return try parts.map { try engine.unaryUnion(MultiPolygon($0)) }
    }
}
