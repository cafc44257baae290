import Cartography
import GeoCore
import MapData

/// The distance fields of the ground each snapshot fills, per side and status, on one page grid.
/// Kept for the two or three snapshots in use, so memory stays flat over a long sequence.
final class MorphFields {
    struct Key: Hashable {
        let side: String
        let status: ControlStatus
    }
    let grid: FieldGrid
    /// Distance to the state border, to tell the front line from the stretches along the border.
    let borderDistance: DistanceField
    private var cache: [(date: Day, fields: [Key: DistanceField], territories: [Key: String])] = []
    private var homes: [String: DistanceField?] = [:]

    init(grid: FieldGrid, border: PagePath) {
        self.grid = grid
        borderDistance = DistanceField(distanceTo: border, on: grid)
    }

    /// The page path of a side's home territory, when the data has one.
    func homePath(_ side: String, context: SequenceContext) -> PagePath? {
        let name = context.dataset.manifest.side(side)?.home
        return context.territoryPaths.first { $0.name == name }?.path
    }

    /// The field of a side's home territory, when the data has one.
    func home(_ side: String, context: SequenceContext) -> DistanceField? {
        if let hit = homes[side] { return hit }
        let field = homePath(side, context: context).map { DistanceField(filling: $0, on: grid) }
        homes[side] = field
        return field
    }

    func fields(_ snapshot: ControlSnapshot, context: SequenceContext) throws(DataError) -> (
        fields: [Key: DistanceField], territories: [Key: String]
    ) {
        if let hit = cache.first(where: { $0.date == snapshot.date }) { return (hit.fields, hit.territories) }
        var fields: [Key: DistanceField] = [:], territories: [Key: String] = [:]
        let across = context.filledAreas(snapshot)
        for status in ControlStatus.allCases {
            for side in context.dataset.manifest.sides {
                let areas = across.filter { $0.side == side.id && $0.status == status }
                var subpaths: [[Point]] = []
                for a in areas { subpaths += context.builder.path(try a.geometry).subpaths }
                let path = PagePath(subpaths: subpaths, closed: true)
                guard !path.isEmpty else { continue }
                let key = Key(side: side.id, status: status)
                // With the home territory in the same fill, the edge shared with it is no edge: ground
                // across the border then grows out of home ground and shrinks back into it, as an
                // incursion does, its front moving steadily instead of waiting half the interval.
                fields[key] = DistanceField(filling: [path] + (homePath(side.id, context: context).map { [$0] } ?? []), on: grid)
                territories[key] = areas.first?.territory
            }
        }
        cache.append((snapshot.date, fields, territories))
        cache.keepLatest(3, date: \.date)
        return (fields, territories)
    }
}

extension SequenceContext {
    /// The interpolation that applies on `day`, or nil on a snapshot date, before the first snapshot
    /// or after the last.
    public func interpolation(on day: Day) -> Interpolation? {
        guard let a = dataset.timeline.date(on: day), a != day, let b = dataset.timeline.date(after: day) else { return nil }
        let fraction = Double(day.ordinal - a.ordinal) / Double(b.ordinal - a.ordinal)
        return Interpolation(from: a, to: b, fraction: fraction)
    }

    /// Ground held across the border per side and territory, measured once per snapshot (a geodesic per
    /// edge), then blended linearly between `a` (t = 0) and `b` (t = 1).
    func blendedAcrossKm2(_ a: ControlSnapshot, _ b: ControlSnapshot, t: Double) throws(DataError) -> [(
        side: String, territory: String, km2: Double
    )] {
        let fa = try acrossKm2(a), fb = try acrossKm2(b)
        var out: [(side: String, territory: String, km2: Double)] = []
        for side in dataset.manifest.sides.map(\.id) {
            var territories: [String] = []
            for e in fa + fb where e.side == side && !territories.contains(e.territory) { territories.append(e.territory) }
            for territory in territories {
                let x = fa.filter { $0.side == side && $0.territory == territory }.reduce(0) { $0 + $1.km2 }
                let y = fb.filter { $0.side == side && $0.territory == territory }.reduce(0) { $0 + $1.km2 }
                out.append((side: side, territory: territory, km2: (1 - t) * x + t * y))
            }
        }
        return out
    }

    /// The picture between two snapshots: each side's ground morphed by blending signed distance
    /// fields and tracing the zero level (see `DistanceField`); what changed hands so far, from the
    /// same fields; the settlements the moving edge has passed; and geodesic areas of the traced shapes.
    func morphedPicture(_ step: Interpolation) throws -> ControlPicture {
        guard let a = try dataset.timeline.state(on: step.from), let b = try dataset.timeline.state(on: step.to) else {
            throw AtlasError.beforeFirstSnapshot(step.from, first: dataset.timeline.dates.first)
        }
        let morph = try morphFields()
        let (fa, ta) = try morph.fields(a, context: self)
        let (fb, tb) = try morph.fields(b, context: self)
        let t = step.fraction
        var picture = ControlPicture()
        picture.interpolation = step
        // What changed is counted from `since`'s snapshot when one is asked for, else from `a`.
        let base =
            try since.flatMap { d throws(DataError) in try dataset.timeline.state(on: d) }.flatMap { $0.date < a.date ? $0 : nil } ?? a
        let fbase = base.date == a.date ? fa : try morph.fields(base, context: self).fields
        picture.since = base.date

        var before: [String: DistanceField] = [:], now: [String: DistanceField] = [:]
        let sides = dataset.manifest.sides.map(\.id)
        for side in sides {
            for status in ControlStatus.allCases {
                let key = MorphFields.Key(side: side, status: status)
                guard fa[key] != nil || fb[key] != nil else { continue }
                let field: DistanceField
                if let home = morph.home(side, context: self) {
                    // Morph all the side's ground, home included, then keep what lies across the border.
                    field = .intersection(.blend(fa[key] ?? home, fb[key] ?? home, t: t), home.complement)
                } else {
                    // No home ground: a piece with no counterpart grows from (or shrinks to) its deepest points.
                    let from = fa[key] ?? .empty(on: morph.grid, depth: fb[key]?.maximum ?? 0)
                    let to = fb[key] ?? .empty(on: morph.grid, depth: fa[key]?.maximum ?? 0)
                    field = .blend(from, to, t: t)
                }
                let path = field.contour()
                if !path.isEmpty {
                    picture.held.append(.init(side: side, status: status, territory: ta[key] ?? tb[key], path: path))
                }
                now[side] = now[side].map { .union($0, field) } ?? field
                if var f = fbase[key] {
                    if let home = morph.home(side, context: self) { f = .intersection(f, home.complement) }
                    before[side] = before[side].map { .union($0, f) } ?? f
                }
            }
        }

        // Areas by the one across-the-border rule (`Dataset.acrossBorder`, as stats and snapshot maps
        // use), blended in time: never outside the two snapshots' figures, so never outside
        // area(A ∩ B)…area(A ∪ B), and A's and B's own figures at the ends. The traced shape is drawn;
        // its pixel-grid area is not stated.
        picture.heldAcrossKm2 = try blendedAcrossKm2(a, b, t: t)

        // Taken since `a`: a side's own ground across the border that grew, and (with two sides) the
        // other side's ground across the border that shrank, which returns to this side.
        for side in sides {
            var parts: [DistanceField] = []
            if let n = now[side] { parts.append(before[side].map { .intersection(n, $0.complement) } ?? n) }
            if sides.count == 2, let other = sides.first(where: { $0 != side }), let was = before[other] {
                parts.append(now[other].map { .intersection(was, $0.complement) } ?? was)
            }
            guard let first = parts.first else { continue }
            let path = parts.dropFirst().reduce(first) { .union($0, $1) }.contour()
            picture.taken.append(.init(side: side, path: path, km2: path.isEmpty ? 0 : areaKm2(ofPage: path), lostKm2: 0))
        }
        // With two sides, what one took the other lost.
        if sides.count == 2 {
            for k in picture.taken.indices {
                picture.taken[k].lostKm2 = picture.taken.filter { $0.side != picture.taken[k].side }.reduce(0) { $0 + $1.km2 }
            }
        }

        // Settlements that change hands between the snapshots, once the moving edge has passed them.
        if let change = try self.change(on: step.to) {
            picture.changedHands = change.settlements.filter { h in
                guard let l = h.settlement.location else { return false }
                let p = projection.project(l)
                if let to = h.to, let f = now[to], f.value(at: p) > 0 { return true }
                if let from = h.from, let f = now[from], f.value(at: p) <= 0 { return true }
                return false
            }
        }

        // The front: the edge of all ground held across the border, less the stretches along the border.
        let fields = sides.compactMap { now[$0] }
        if let first = fields.first {
            let all = fields.dropFirst().reduce(first) { .union($0, $1) }
            let clearance = 2.5 * morph.grid.cell
            picture.front = all.contour().runs { morph.borderDistance.value(at: $0) > clearance }
        }
        return picture
    }
}
