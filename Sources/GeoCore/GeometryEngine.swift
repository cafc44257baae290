internal import CGEOS

/// Boolean operations through GEOS's reentrant C API. All values in and out are plain Swift values
/// in degrees; GEOS handles never leave GeoCore's GEOS bridge files (this one, its conversions and
/// GEOSHandles.swift), and each is owned by a Swift object that frees it (`OwnedGeometry`), so no
/// path, thrown or returned, leaks one or frees it twice.
///
/// An engine owns one GEOS context, which is not thread-safe: use one engine per task.
public final class GeometryEngine {
    let context = GEOSContext()
    var ctx: GEOSContextHandle_t { context.handle }
    /// Positions copied into GEOS so far: the work a caller hands GEOS, for the scaling tests (an
    /// operation repeated on a growing result shows up here as quadratic growth).
    var positionsIn = 0

    public init() {}

    // MARK: polygon operations

    public func union(_ a: MultiPolygon, _ b: MultiPolygon) throws(GeometryError) -> MultiPolygon {
        try binary(a, b, GEOSUnion_r)
    }
    public func difference(_ a: MultiPolygon, _ b: MultiPolygon) throws(GeometryError) -> MultiPolygon {
        try binary(a, b, GEOSDifference_r)
    }
    public func intersection(_ a: MultiPolygon, _ b: MultiPolygon) throws(GeometryError) -> MultiPolygon {
        try binary(a, b, GEOSIntersection_r)
    }

    /// The union of all `parts` at once (GEOS's cascaded union): n parts cost about n log n, where
    /// adding them one by one to a growing result costs n².
    public func union(all parts: [MultiPolygon]) throws(GeometryError) -> MultiPolygon {
        var members: [OwnedGeometry] = []
        for part in parts {
            for p in part.polygons { members.append(try make(p)) }
        }
        let all = try collection(of: members, type: GEOS_GEOMETRYCOLLECTION, what: "collection")
        return try polygons(of: all.with { GEOSUnaryUnion_r(ctx, $0) })
    }

    /// Dissolves overlaps and shared edges within one multipolygon.
    public func unaryUnion(_ a: MultiPolygon) throws(GeometryError) -> MultiPolygon {
        try polygons(of: make(a).with { GEOSUnaryUnion_r(ctx, $0) })
    }

    /// Repairs self-intersections and wrong nesting, keeping only the areal parts.
    public func makeValid(_ a: MultiPolygon) throws(GeometryError) -> MultiPolygon {
        try polygons(of: make(a).with { GEOSMakeValid_r(ctx, $0) })
    }

    /// nil when valid, else GEOS's reason ("Self-intersection[34.1 51.2]").
    public func validityProblem(_ a: MultiPolygon) throws(GeometryError) -> String? {
        try make(a).with { g in
            if GEOSisValid_r(ctx, g) == 1 { return nil }
            guard let reason = GEOSisValidReason_r(ctx, g) else { return "invalid" }
            defer { GEOSFree_r(ctx, reason) }
            return String(cString: reason)
        }
    }

    /// The part of `a` inside the box.
    public func clip(_ a: MultiPolygon, to box: BBox) throws(GeometryError) -> MultiPolygon {
        let rect = try Ring([
            LonLat(uncheckedLon: box.west, lat: box.south), LonLat(uncheckedLon: box.east, lat: box.south),
            LonLat(uncheckedLon: box.east, lat: box.north), LonLat(uncheckedLon: box.west, lat: box.north),
            LonLat(uncheckedLon: box.west, lat: box.south),
        ])
        return try intersection(a, MultiPolygon([Polygon(outer: rect)]))
    }

    /// The part of `a` inside the box by GEOS's rectangle clipping: one pass over the vertices, where
    /// `clip` is an overlay of every vertex with the box (the same ground; rings may start elsewhere).
    public func clipByRect(_ a: MultiPolygon, to box: BBox) throws(GeometryError) -> MultiPolygon {
        try polygons(of: make(a).with { GEOSClipByRect_r(ctx, $0, box.west, box.south, box.east, box.north) })
    }

    /// `a` with every position on a grid of `size` degrees, kept valid (GEOS's precision reduction
    /// nodes what snapping makes touch), where rounding each position alone can make a ring cross itself.
    public func snapped(_ a: MultiPolygon, toGrid size: Double) throws(GeometryError) -> MultiPolygon {
        try polygons(of: make(a).with { GEOSGeom_setPrecision_r(ctx, $0, size, 0) })
    }

    /// `a` clipped to each box in turn (`clipByRect`), read into GEOS once: a national outline of
    /// 28,000 vertices clipped to a front's seven moved sectors is copied once, not seven times.
    public func clipByRect(_ a: MultiPolygon, to boxes: [BBox]) throws(GeometryError) -> [MultiPolygon] {
        let g = try make(a)
        var out: [MultiPolygon] = []
        for box in boxes { out.append(try polygons(of: g.with { GEOSClipByRect_r(ctx, $0, box.west, box.south, box.east, box.north) })) }
        return out
    }

    // MARK: line operations

    /// The faces that a set of lines (noded together) encloses.
    public func polygonize(_ lines: [LineString]) throws(GeometryError) -> [Polygon] {
        let merged = try makeLines(lines)
        // Node the lines first: polygonize only sees faces whose edges meet at shared vertices.
        let noded = try OwnedGeometry(owning: merged.with { GEOSUnaryUnion_r(ctx, $0) }, in: context, what: "node lines")
        let found = noded.with { g in
            var input: OpaquePointer? = g
            return GEOSPolygonize_r(ctx, &input, 1)
        }
        let faces = try OwnedGeometry(owning: found, in: context, what: "polygonize")
        return polygons(in: faces).polygons
    }

    /// The outlines of the polygons, as lines: each polygon's outer ring, then its holes, as GEOS's
    /// boundary gives them, but sharing the rings' storage (GEOS would copy a 10-million-position
    /// ring twice on the way and once back).
    public func boundary(_ a: MultiPolygon) throws(GeometryError) -> [LineString] {
        a.polygons.flatMap { p in p.rings.map { LineString(unchecked: $0.points) } }
    }

    /// The parts of `lines` farther than `tolerance` degrees from every line in `away`, merged end to end.
    public func lines(_ lines: [LineString], fartherThan tolerance: Double, from away: [LineString]) throws(GeometryError) -> [LineString] {
        guard !lines.isEmpty else { return [] }
        let a = try makeLines(lines)
        if away.isEmpty { return try merge(a) }
        let zone = try buffer(makeLines(away), tolerance)
        return try merge(pair(a, zone, GEOSDifference_r, "difference"))
    }

    /// The parts of `lines` within `tolerance` degrees of some line in `near`, merged end to end: the
    /// edges two outlines share.
    public func lines(_ lines: [LineString], within tolerance: Double, of near: [LineString]) throws(GeometryError) -> [LineString] {
        guard !lines.isEmpty, !near.isEmpty else { return [] }
        let a = try makeLines(lines)
        let zone = try buffer(makeLines(near), tolerance)
        return try merge(pair(a, zone, GEOSIntersection_r, "intersection"))
    }

    /// `lines` merged end to end (GEOS line merge), nothing removed but positions repeated one after
    /// another. One line alone merges with nothing: GEOS returns it without its repeats, in its own
    /// direction (an edge string of one edge keeps it), so it is returned so here, without the
    /// three copies GEOS makes of it (about 1.4 GB at the peak for 10 million positions).
    public func merged(_ lines: [LineString]) throws(GeometryError) -> [LineString] {
        guard lines.count == 1, let only = lines.first else { return try overlay(lines, [], nil) }
        guard let kept = only.withoutRepeats else { return [] }
        return [kept]
    }

    /// `merged` by GEOS whatever the count (for tests of the one-line shortcut).
    func mergedByGEOS(_ lines: [LineString]) throws(GeometryError) -> [LineString] { try overlay(lines, [], nil) }

    /// The parts of `lines` that coincide with `other` (exact overlay, no buffer: for outlines that
    /// share their vertices, as polygonized territories do), merged end to end.
    public func lines(_ lines: [LineString], sharedWith other: [LineString]) throws(GeometryError) -> [LineString] {
        try overlay(lines, other, GEOSIntersection_r)
    }

    /// The parts of `lines` that do not coincide with `other` (exact overlay), merged end to end.
    public func lines(_ lines: [LineString], apartFrom other: [LineString]) throws(GeometryError) -> [LineString] {
        guard !other.isEmpty else { return lines.isEmpty ? [] : try overlay(lines, [], nil) }
        return try overlay(lines, other, GEOSDifference_r)
    }

    /// The parts of `lines` inside the box.
    public func clip(_ lines: [LineString], to box: BBox) throws(GeometryError) -> [LineString] {
        guard !lines.isEmpty else { return [] }
        return try self.lines(of: makeLines(lines).with { GEOSClipByRect_r(ctx, $0, box.west, box.south, box.east, box.north) })
    }

    // MARK: shared steps

    typealias BinaryOp = (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?

    private func binary(_ a: MultiPolygon, _ b: MultiPolygon, _ op: BinaryOp) throws(GeometryError) -> MultiPolygon {
        try polygons(in: pair(make(a), make(b), op, "overlay"))
    }

    private func overlay(_ lines: [LineString], _ other: [LineString], _ op: BinaryOp?) throws(GeometryError) -> [LineString] {
        guard !lines.isEmpty else { return [] }
        let a = try makeLines(lines)
        guard let op, !other.isEmpty else { return try merge(a) }
        return try merge(pair(a, makeLines(other), op, "overlay"))
    }

    /// The zone within `tolerance` degrees of `g` (8 segments a quarter circle).
    private func buffer(_ g: OwnedGeometry, _ tolerance: Double) throws(GeometryError) -> OwnedGeometry {
        try OwnedGeometry(owning: g.with { GEOSBuffer_r(ctx, $0, tolerance, 8) }, in: context, what: "buffer")
    }

    /// `op` of two geometries, both alive until it returns.
    private func pair(_ a: OwnedGeometry, _ b: OwnedGeometry, _ op: BinaryOp, _ what: String) throws(GeometryError) -> OwnedGeometry {
        let result = a.with { pa in b.with { pb in op(ctx, pa, pb) } }
        return try OwnedGeometry(owning: result, in: context, what: what)
    }

    /// The lines of `g` merged end to end (GEOS line merge).
    private func merge(_ g: OwnedGeometry) throws(GeometryError) -> [LineString] {
        try lines(of: g.with { GEOSLineMerge_r(ctx, $0) })
    }
}
