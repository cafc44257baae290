internal import CGEOS

/// Swift values into GEOS geometries and back. Every geometry made here is an `OwnedGeometry`;
/// parts read back are borrowed from their owner, which outlives the reading.
extension GeometryEngine {
    // MARK: to GEOS

    /// A GEOS copy of `points`, read in place as lon, lat pairs: a `LonLat` is two Doubles in that
    /// order, so there is no second Swift copy of a ring on the way (10 million positions: 160 MB).
    private func sequence(_ points: [LonLat]) throws(GeometryError) -> OwnedSequence {
        positionsIn += points.count
        return try OwnedSequence(lonLat: points, in: context)
    }

    private func make(_ ring: Ring) throws(GeometryError) -> OwnedGeometry {
        let seq = try sequence(ring.points)
        return try OwnedGeometry(owning: GEOSGeom_createLinearRing_r(ctx, seq.handOver()), in: context, what: "ring")
    }

    func make(_ polygon: Polygon) throws(GeometryError) -> OwnedGeometry {
        let shell = try make(polygon.outer)
        var holes: [OwnedGeometry] = []
        for h in polygon.holes { holes.append(try make(h)) }
        // The polygon takes ownership of its rings.
        var holePointers: [OpaquePointer?] = holes.map { $0.handOver() }
        return try OwnedGeometry(
            owning: GEOSGeom_createPolygon_r(ctx, shell.handOver(), &holePointers, UInt32(holePointers.count)), in: context,
            what: "polygon")
    }

    func make(_ multi: MultiPolygon) throws(GeometryError) -> OwnedGeometry {
        var parts: [OwnedGeometry] = []
        for p in multi.polygons { parts.append(try make(p)) }
        return try collection(of: parts, type: GEOS_MULTIPOLYGON, what: "multipolygon")
    }

    func makeLines(_ lines: [LineString]) throws(GeometryError) -> OwnedGeometry {
        var parts: [OwnedGeometry] = []
        for l in lines {
            let seq = try sequence(l.points)
            parts.append(try OwnedGeometry(owning: GEOSGeom_createLineString_r(ctx, seq.handOver()), in: context, what: "line"))
        }
        return try collection(of: parts, type: GEOS_MULTILINESTRING, what: "multilinestring")
    }

    /// A collection of `members`, which it takes ownership of.
    func collection(of members: [OwnedGeometry], type: GEOSGeomTypes, what: String) throws(GeometryError) -> OwnedGeometry {
        var pointers: [OpaquePointer?] = members.map { $0.handOver() }
        return try OwnedGeometry(
            owning: GEOSGeom_createCollection_r(ctx, Int32(type.rawValue), &pointers, UInt32(pointers.count)), in: context,
            what: what)
    }

    // MARK: from GEOS

    /// The polygons of a GEOS result (collections may mix in lines and points), which is freed after.
    func polygons(of result: OpaquePointer?) throws(GeometryError) -> MultiPolygon {
        polygons(in: try OwnedGeometry(owning: result, in: context, what: "operation"))
    }

    func polygons(in g: OwnedGeometry) -> MultiPolygon {
        var out: [Polygon] = []
        g.with { root in
            collect(root) { part, type in
                if type == GEOS_POLYGON.rawValue, GEOSisEmpty_r(ctx, part) == 0, let p = polygon(part) { out.append(p) }
            }
        }
        return MultiPolygon(out)
    }

    /// The lines of a GEOS result, which is freed after.
    func lines(of result: OpaquePointer?) throws(GeometryError) -> [LineString] {
        let g = try OwnedGeometry(owning: result, in: context, what: "operation")
        var out: [LineString] = []
        g.with { root in
            collect(root) { part, type in
                if type == GEOS_LINESTRING.rawValue || type == GEOS_LINEARRING.rawValue {
                    let pts = points(part)
                    if pts.count >= 2 { out.append(LineString(unchecked: pts)) }
                }
            }
        }
        return out
    }

    private func points(_ g: OpaquePointer) -> [LonLat] {
        guard let seq = GEOSGeom_getCoordSeq_r(ctx, g) else { return [] }
        var size: UInt32 = 0
        GEOSCoordSeq_getSize_r(ctx, seq, &size)
        return LonLat.fromPairs(count: Int(size)) { pairs in _ = GEOSCoordSeq_copyToBuffer_r(ctx, seq, pairs, 0, 0) }
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
