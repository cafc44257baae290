internal import CGDAL
import GeoCore
import MapData

/// Turns an OGR geometry into a `GeoGeometry` in WGS84: transformed (on a copy; the feature keeps
/// its own), curves linearised, every simple and multi type and collections of them kept as the
/// data model holds them, so the importer can say which part it drops.
struct OGRGeometryReader {
    let gdal: GDAL
    let transform: OGRTransform

    /// nil for a feature without geometry or with an empty one. `vertices` counts every position read.
    func read(_ g: GDAL.H?, vertices: inout Int) throws(OGRError) -> GeoGeometry? {
        guard let g, gdal.isEmpty(g) == 0 else { return nil }
        guard let copy = gdal.clone(g) else { throw OGRError("GDAL cannot copy the geometry") }
        defer { gdal.destroyGeometry(copy) }
        if let t = transform.transformation {
            gdal.errorReset()
            guard gdal.transform(copy, t) == GDAL.ok else {
                throw OGRError("cannot transform to WGS84 from \(transform.provenance): \(gdal.lastFailure() ?? "outside the CRS's area?")")
            }
        }
        return try geometry(copy, vertices: &vertices)
    }

    private func geometry(_ g: GDAL.H, vertices: inout Int) throws(OGRError) -> GeoGeometry {
        let type = gdal.geometryType(g)
        if gdal.isNonLinear(type) != 0 {
            // Circular strings, compound curves, curve polygons: chords at GDAL's default step (4°).
            guard let linear = gdal.linearGeometry(g, 0, nil) else { throw OGRError("GDAL cannot linearise a \(name(type))") }
            defer { gdal.destroyGeometry(linear) }
            return try geometry(linear, vertices: &vertices)
        }
        switch gdal.flatten(type) {
        case wkbPoint:
            let p = try points(g, vertices: &vertices)
            guard let first = p.first else { throw OGRError("an empty Point") }
            return .point(first)
        case wkbLineString: return .lineString(try line(g, vertices: &vertices))
        case wkbPolygon, wkbTriangle: return .polygon(try polygon(g, vertices: &vertices))
        case wkbMultiPoint:
            var out: [LonLat] = []
            for k in 0..<gdal.geometryCount(g) { out += try points(gdal.geometryAt(g, k), vertices: &vertices) }
            return .multiPoint(out)
        case wkbMultiLineString:
            var out: [LineString] = []
            for k in 0..<gdal.geometryCount(g) {
                do { out.append(try line(gdal.geometryAt(g, k), vertices: &vertices)) } catch {
                    throw OGRError("line \(k): \(error.message)")
                }
            }
            return .multiLineString(out)
        case wkbMultiPolygon, wkbPolyhedralSurface, wkbTIN:
            var out: [Polygon] = []
            for k in 0..<gdal.geometryCount(g) {
                do { out.append(try polygon(gdal.geometryAt(g, k), vertices: &vertices)) } catch {
                    throw OGRError("polygon \(k), \(error.message)")
                }
            }
            return .multiPolygon(MultiPolygon(out))
        case wkbGeometryCollection:
            var out: [GeoGeometry] = []
            for k in 0..<gdal.geometryCount(g) {
                guard let part = gdal.geometryAt(g, k), gdal.isEmpty(part) == 0 else { continue }
                do { out.append(try geometry(part, vertices: &vertices)) } catch { throw OGRError("part \(k): \(error.message)") }
            }
            return .collection(out)
        default:
            throw OGRError("unsupported geometry type \(name(type))")
        }
    }

    private func name(_ type: OGRwkbGeometryType) -> String { "OGR type \(type.rawValue)" }

    private func points(_ g: GDAL.H?, vertices: inout Int) throws(OGRError) -> [LonLat] {
        let n = Int(gdal.pointCount(g))
        vertices += n
        if vertices > Limits.maxVertices { throw OGRError(Limits.tooManyVertices(vertices).message) }
        var out: [LonLat] = []
        out.reserveCapacity(n)
        for k in 0..<n {
            let lon = gdal.x(g, Int32(k)), lat = gdal.y(g, Int32(k))
            do { out.append(try LonLat(lon: lon, lat: lat)) } catch { throw OGRError("position \(k): \(error)") }
        }
        return out
    }

    private func line(_ g: GDAL.H?, vertices: inout Int) throws(OGRError) -> LineString {
        do { return try LineString(try points(g, vertices: &vertices)) } catch let e as OGRError { throw e } catch {
            throw OGRError("line \(error)")
        }
    }

    private func polygon(_ g: GDAL.H?, vertices: inout Int) throws(OGRError) -> Polygon {
        var rings: [Ring] = []
        for k in 0..<gdal.geometryCount(g) {
            let p: [LonLat]
            do { p = try points(gdal.geometryAt(g, k), vertices: &vertices) } catch { throw OGRError("ring \(k), \(error.message)") }
            do { rings.append(try Ring(closing: p)) } catch { throw OGRError("ring \(k): \(error)") }
        }
        guard let outer = rings.first else { throw OGRError(GeometryError.emptyPolygon.description) }
        return Polygon(outer: outer, holes: Array(rings.dropFirst()))
    }
}
