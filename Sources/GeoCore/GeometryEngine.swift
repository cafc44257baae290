internal import CGEOS

/// Boolean operations through GEOS's reentrant C API. All values in and out are plain Swift values
/// in degrees; GEOS handles never leave this file.
///
/// An engine owns one GEOS context, which is not thread-safe: use one engine per task.
public final class GeometryEngine {
    private let ctx: GEOSContextHandle_t
    private let errors: ErrorBox
    /// Positions copied into GEOS so far: the work a caller hands GEOS, for the scaling tests (an
    /// operation repeated on a growing result shows up here as quadratic growth).
    private(set) var positionsIn = 0

    /// Collects the last GEOS error message for this context.
    private final class ErrorBox { var message = "" }

    public init() {
        ctx = GEOS_init_r()
        errors = ErrorBox()
        let box = Unmanaged.passUnretained(errors).toOpaque()
        GEOSContext_setErrorMessageHandler_r(
            ctx,
            { message, userdata in
                guard let message, let userdata else { return }
                Unmanaged<ErrorBox>.fromOpaque(userdata).takeUnretainedValue().message = String(cString: message)
            }, box)
    }

    deinit { GEOS_finish_r(ctx) }

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
        var members: [OpaquePointer?] = []
        for part in parts {
            for p in part.polygons {
                do { members.append(try make(p)) } catch {
                    for m in members { GEOSGeom_destroy_r(ctx, m) }
                    throw error
                }
            }
        }
        // The collection takes ownership of its members.
        guard let g = GEOSGeom_createCollection_r(ctx, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), &members, UInt32(members.count)) else {
            for m in members { GEOSGeom_destroy_r(ctx, m) }
            throw lastError("collection")
        }
        defer { GEOSGeom_destroy_r(ctx, g) }
        return try polygons(owning: GEOSUnaryUnion_r(ctx, g))
    }

    /// Dissolves overlaps and shared edges within one multipolygon.
    public func unaryUnion(_ a: MultiPolygon) throws(GeometryError) -> MultiPolygon {
        let g = try make(a)
        defer { GEOSGeom_destroy_r(ctx, g) }
        return try polygons(owning: GEOSUnaryUnion_r(ctx, g))
    }

    /// Repairs self-intersections and wrong nesting, keeping only the areal parts.
    public func makeValid(_ a: MultiPolygon) throws(GeometryError) -> MultiPolygon {
        let g = try make(a)
        defer { GEOSGeom_destroy_r(ctx, g) }
        return try polygons(owning: GEOSMakeValid_r(ctx, g))
    }

    /// nil when valid, else GEOS's reason ("Self-intersection[34.1 51.2]").
    public func validityProblem(_ a: MultiPolygon) throws(GeometryError) -> String? {
        let g = try make(a)
        defer { GEOSGeom_destroy_r(ctx, g) }
        if GEOSisValid_r(ctx, g) == 1 { return nil }
        guard let reason = GEOSisValidReason_r(ctx, g) else { return "invalid" }
        defer { GEOSFree_r(ctx, reason) }
        return String(cString: reason)
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
        let g = try make(a)
        defer { GEOSGeom_destroy_r(ctx, g) }
        return try polygons(owning: GEOSClipByRect_r(ctx, g, box.west, box.south, box.east, box.north))
    }

    /// `a` clipped to each box in turn (`clipByRect`), read into GEOS once: a national outline of
    /// 28,000 vertices clipped to a front's seven moved sectors is copied once, not seven times.
    public func clipByRect(_ a: MultiPolygon, to boxes: [BBox]) throws(GeometryError) -> [MultiPolygon] {
        let g = try make(a)
        defer { GEOSGeom_destroy_r(ctx, g) }
        var out: [MultiPolygon] = []
        for box in boxes { out.append(try polygons(owning: GEOSClipByRect_r(ctx, g, box.west, box.south, box.east, box.north))) }
        return out
    }

    // MARK: line operations

    /// The faces that a set of lines (noded together) encloses.
    public func polygonize(_ lines: [LineString]) throws(GeometryError) -> [Polygon] {
        let merged = try makeLines(lines)
        defer { GEOSGeom_destroy_r(ctx, merged) }
        // Node the lines first: polygonize only sees faces whose edges meet at shared vertices.
        guard let noded = GEOSUnaryUnion_r(ctx, merged) else { throw lastError("node lines") }
        defer { GEOSGeom_destroy_r(ctx, noded) }
        var input: OpaquePointer? = noded
        guard let faces = GEOSPolygonize_r(ctx, &input, 1) else { throw lastError("polygonize") }
        return try polygons(owning: faces).polygons
    }

    /// The outlines of the polygons, as lines.
    public func boundary(_ a: MultiPolygon) throws(GeometryError) -> [LineString] {
        let g = try make(a)
        defer { GEOSGeom_destroy_r(ctx, g) }
        return try lines(owning: GEOSBoundary_r(ctx, g))
    }

    /// The parts of `lines` farther than `tolerance` degrees from every line in `away`, merged end to end.
    public func lines(_ lines: [LineString], fartherThan tolerance: Double, from away: [LineString]) throws(GeometryError) -> [LineString] {
        guard !lines.isEmpty else { return [] }
        let a = try makeLines(lines)
        defer { GEOSGeom_destroy_r(ctx, a) }
        if away.isEmpty { return try self.lines(owning: GEOSLineMerge_r(ctx, a)) }
        let b = try makeLines(away)
        defer { GEOSGeom_destroy_r(ctx, b) }
        guard let zone = GEOSBuffer_r(ctx, b, tolerance, 8) else { throw lastError("buffer") }
        defer { GEOSGeom_destroy_r(ctx, zone) }
        guard let rest = GEOSDifference_r(ctx, a, zone) else { throw lastError("difference") }
        defer { GEOSGeom_destroy_r(ctx, rest) }
        return try self.lines(owning: GEOSLineMerge_r(ctx, rest))
    }

    /// The parts of `lines` within `tolerance` degrees of some line in `near`, merged end to end: the
    /// edges two outlines share.
    public func lines(_ lines: [LineString], within tolerance: Double, of near: [LineString]) throws(GeometryError) -> [LineString] {
        guard !lines.isEmpty, !near.isEmpty else { return [] }
        let a = try makeLines(lines)
        defer { GEOSGeom_destroy_r(ctx, a) }
        let b = try makeLines(near)
        defer { GEOSGeom_destroy_r(ctx, b) }
        guard let zone = GEOSBuffer_r(ctx, b, tolerance, 8) else { throw lastError("buffer") }
        defer { GEOSGeom_destroy_r(ctx, zone) }
        guard let shared = GEOSIntersection_r(ctx, a, zone) else { throw lastError("intersection") }
        defer { GEOSGeom_destroy_r(ctx, shared) }
        return try self.lines(owning: GEOSLineMerge_r(ctx, shared))
    }

    /// `lines` merged end to end (GEOS line merge), nothing removed.
    public func merged(_ lines: [LineString]) throws(GeometryError) -> [LineString] {
        try overlay(lines, [], nil)
    }

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

    private func overlay(_ lines: [LineString], _ other: [LineString], _ op: BinaryOp?) throws(GeometryError) -> [LineString] {
        guard !lines.isEmpty else { return [] }
        let a = try makeLines(lines)
        defer { GEOSGeom_destroy_r(ctx, a) }
        guard let op, !other.isEmpty else { return try self.lines(owning: GEOSLineMerge_r(ctx, a)) }
        let b = try makeLines(other)
        defer { GEOSGeom_destroy_r(ctx, b) }
        guard let result = op(ctx, a, b) else { throw lastError("overlay") }
        defer { GEOSGeom_destroy_r(ctx, result) }
        return try self.lines(owning: GEOSLineMerge_r(ctx, result))
    }

    /// The parts of `lines` inside the box.
    public func clip(_ lines: [LineString], to box: BBox) throws(GeometryError) -> [LineString] {
        guard !lines.isEmpty else { return [] }
        let a = try makeLines(lines)
        defer { GEOSGeom_destroy_r(ctx, a) }
        return try self.lines(owning: GEOSClipByRect_r(ctx, a, box.west, box.south, box.east, box.north))
    }

    // MARK: conversion to GEOS

    private typealias BinaryOp = (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?

    private func binary(_ a: MultiPolygon, _ b: MultiPolygon, _ op: BinaryOp) throws(GeometryError) -> MultiPolygon {
        let ga = try make(a)
        defer { GEOSGeom_destroy_r(ctx, ga) }
        let gb = try make(b)
        defer { GEOSGeom_destroy_r(ctx, gb) }
        return try polygons(owning: op(ctx, ga, gb))
    }

    private func lastError(_ what: String) -> GeometryError {
        .engine("\(what) failed: \(errors.message.isEmpty ? "unknown error" : errors.message)")
    }

    private func sequence(_ points: [LonLat]) throws(GeometryError) -> OpaquePointer {
        positionsIn += points.count
        var buffer = [Double]()
        buffer.reserveCapacity(points.count * 2)
        for p in points { buffer.append(p.lon); buffer.append(p.lat) }
        guard let seq = GEOSCoordSeq_copyFromBuffer_r(ctx, buffer, UInt32(points.count), 0, 0) else {
            throw lastError("coordinate sequence")
        }
        return seq
    }

    private func make(_ ring: Ring) throws(GeometryError) -> OpaquePointer {
        let seq = try sequence(ring.points)
        // The ring takes ownership of the sequence.
        guard let g = GEOSGeom_createLinearRing_r(ctx, seq) else { throw lastError("ring") }
        return g
    }

    private func make(_ polygon: Polygon) throws(GeometryError) -> OpaquePointer {
        let shell = try make(polygon.outer)
        var holes: [OpaquePointer?] = []
        for h in polygon.holes { holes.append(try make(h)) }
        // The polygon takes ownership of its rings.
        guard let g = GEOSGeom_createPolygon_r(ctx, shell, &holes, UInt32(holes.count)) else {
            throw lastError("polygon")
        }
        return g
    }

    private func make(_ multi: MultiPolygon) throws(GeometryError) -> OpaquePointer {
        var parts: [OpaquePointer?] = []
        for p in multi.polygons { parts.append(try make(p)) }
        guard let g = GEOSGeom_createCollection_r(ctx, Int32(GEOS_MULTIPOLYGON.rawValue), &parts, UInt32(parts.count)) else {
            throw lastError("multipolygon")
        }
        return g
    }

    private func makeLines(_ lines: [LineString]) throws(GeometryError) -> OpaquePointer {
        var parts: [OpaquePointer?] = []
        for l in lines {
            let seq = try sequence(l.points)
            guard let g = GEOSGeom_createLineString_r(ctx, seq) else { throw lastError("line") }
            parts.append(g)
        }
        guard let g = GEOSGeom_createCollection_r(ctx, Int32(GEOS_MULTILINESTRING.rawValue), &parts, UInt32(parts.count)) else {
            throw lastError("multilinestring")
        }
        return g
    }

    // MARK: conversion from GEOS

    private func points(_ g: OpaquePointer) -> [LonLat] {
        guard let seq = GEOSGeom_getCoordSeq_r(ctx, g) else { return [] }
        var size: UInt32 = 0
        GEOSCoordSeq_getSize_r(ctx, seq, &size)
        var buffer = [Double](repeating: 0, count: Int(size) * 2)
        GEOSCoordSeq_copyToBuffer_r(ctx, seq, &buffer, 0, 0)
        return (0..<Int(size)).map { LonLat(uncheckedLon: buffer[2 * $0], lat: buffer[2 * $0 + 1]) }
    }

    private func polygon(_ g: OpaquePointer) -> Polygon? {
        guard let shell = GEOSGetExteriorRing_r(ctx, g) else { return nil }
        let outer = points(shell)
        guard outer.count >= 4 else { return nil }
        var holes: [Ring] = []
        for i in 0..<GEOSGetNumInteriorRings_r(ctx, g) {
            if let h = GEOSGetInteriorRingN_r(ctx, g, i) {
                let pts = points(h)
                if pts.count >= 4 { holes.append(Ring(unchecked: pts)) }
            }
        }
        return Polygon(outer: Ring(unchecked: outer), holes: holes)
    }

    /// Collects the polygons of any result (collections may mix in lines and points), then frees it.
    private func polygons(owning result: OpaquePointer?) throws(GeometryError) -> MultiPolygon {
        guard let result else { throw lastError("operation") }
        defer { GEOSGeom_destroy_r(ctx, result) }
        var out: [Polygon] = []
        collect(result) { g, type in
            if type == GEOS_POLYGON.rawValue, GEOSisEmpty_r(ctx, g) == 0, let p = polygon(g) { out.append(p) }
        }
        return MultiPolygon(out)
    }

    private func lines(owning result: OpaquePointer?) throws(GeometryError) -> [LineString] {
        guard let result else { throw lastError("operation") }
        defer { GEOSGeom_destroy_r(ctx, result) }
        var out: [LineString] = []
        collect(result) { g, type in
            if type == GEOS_LINESTRING.rawValue || type == GEOS_LINEARRING.rawValue {
                let pts = points(g)
                if pts.count >= 2 { out.append(LineString(unchecked: pts)) }
            }
        }
        return out
    }

    /// Visits the simple parts of a geometry; the parts are borrowed, never destroyed here.
    private func collect(_ g: OpaquePointer, _ visit: (OpaquePointer, UInt32) -> Void) {
        let type = UInt32(GEOSGeomTypeId_r(ctx, g))
        switch type {
        case GEOS_MULTIPOLYGON.rawValue, GEOS_MULTILINESTRING.rawValue, GEOS_GEOMETRYCOLLECTION.rawValue, GEOS_MULTIPOINT.rawValue:
            for i in 0..<GEOSGetNumGeometries_r(ctx, g) {
                if let part = GEOSGetGeometryN_r(ctx, g, i) { collect(part, visit) }
            }
        default:
            visit(g, type)
        }
    }
}
