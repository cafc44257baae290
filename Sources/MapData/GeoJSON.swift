import GeoCore

/// A geometry as GeoJSON carries it.
public enum GeoGeometry: Sendable, Equatable {
    case point(LonLat)
    /// Points that belong together (a GeoJSON or OGR MultiPoint).
    case multiPoint([LonLat])
    case lineString(LineString)
    case multiLineString([LineString])
    case polygon(Polygon)
    case multiPolygon(MultiPolygon)
    /// Parts of several kinds (a GeoJSON GeometryCollection, a KML MultiGeometry, an OGR collection).
    case collection([GeoGeometry])

    /// The areal part, if any.
    public var multiPolygon: MultiPolygon? {
        switch self {
        case .polygon(let p): return MultiPolygon([p])
        case .multiPolygon(let m): return m
        case .collection(let parts):
            let polygons = parts.flatMap { $0.multiPolygon?.polygons ?? [] }
            return polygons.isEmpty ? nil : MultiPolygon(polygons)
        default: return nil
        }
    }

    public var lines: [LineString]? {
        switch self {
        case .lineString(let l): return [l]
        case .multiLineString(let ls): return ls
        case .collection(let parts):
            let lines = parts.flatMap { $0.lines ?? [] }
            return lines.isEmpty ? nil : lines
        default: return nil
        }
    }
}

/// One feature as a reader found it (a GeoJSON feature, a KML placemark), with its place in the file
/// for error messages.
public struct GeoFeature: Sendable {
    public let index: Int
    public let id: String?
    public let geometry: GeoGeometry?
    public let properties: JSONValue
    /// Where it is in its file: "feature 3", or "line 12, placemark 3".
    public let place: String

    public init(index: Int, id: String?, geometry: GeoGeometry?, properties: JSONValue, place: String? = nil) {
        self.index = index; self.id = id; self.geometry = geometry; self.properties = properties
        self.place = place ?? "feature \(index)"
    }
}

/// Reads RFC 7946 FeatureCollections. Errors say which feature and which part of it is wrong.
public enum GeoJSONReader {
    /// With `repair`, unclosed rings are closed and invalid polygons repaired (or refused when it is
    /// strict), each noted in its warnings; without, an unclosed ring is an error. Coordinates are
    /// read into packed positions (see `PositionArrays`); `packing: false` reads them through the
    /// generic tree instead, for tests and fuzzing that check both give the same features and errors.
    public static func features(
        _ bytes: [UInt8], file: String, repair: GeometryRepair? = nil, packing: Bool = true
    ) throws(DataError) -> [GeoFeature] {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes, packingCoordinates: packing) } catch { throw error.in(file: file) }
        do { try Limits.checkVertices(root) } catch { throw error.in(file: file) }
        guard root["type"]?.string == "FeatureCollection" else {
            throw DataError(file: file, message: "expected a GeoJSON FeatureCollection (\"type\": \"FeatureCollection\")")
        }
        guard let list = root["features"]?.array else {
            throw DataError(file: file, message: "FeatureCollection has no \"features\" array")
        }
        var out: [GeoFeature] = []
        out.reserveCapacity(list.count)
        for (index, f) in list.enumerated() {
            var notes: [GeometryRepair.Note]? = repair == nil ? nil : []
            var read: GeoFeature
            do { read = try feature(f, index: index, notes: &notes) } catch {
                throw error.at("feature \(index)").in(file: file)
            }
            if let repair, let areal = read.geometry?.multiPolygon {
                let fixed = try repair.checked(areal, notes: notes ?? [], file: file, place: "feature \(index)")
                if fixed != areal {
                    // A collection keeps its other parts (an importer names each one it drops).
                    var repaired = GeoGeometry.multiPolygon(fixed)
                    if case .collection(let parts)? = read.geometry {
                        repaired = .collection(parts.filter { $0.multiPolygon == nil } + [repaired])
                    }
                    read = GeoFeature(index: index, id: read.id, geometry: repaired, properties: read.properties)
                }
            }
            out.append(read)
        }
        return out
    }

    /// `notes`, when not nil, collects unclosed rings, which are then closed instead of refused.
    static func feature(_ f: JSONValue, index: Int, notes: inout [GeometryRepair.Note]?) throws(DataError) -> GeoFeature {
        guard f["type"]?.string == "Feature" else { throw DataError(message: "\"type\" must be \"Feature\"") }
        let id: String? = f["id"].flatMap { $0.string ?? $0.number.map(JSONWriter.formatNumber) }
        let properties = f["properties"] ?? .null
        switch properties {
        case .null, .object: break
        default: throw DataError(message: "\"properties\" must be an object or null, not \(properties.typeName)")
        }
        guard let g = f["geometry"] else { throw DataError(message: "missing \"geometry\" (use null for none)") }
        return GeoFeature(index: index, id: id, geometry: g.isNull ? nil : try geometry(g, notes: &notes), properties: properties)
    }

    public static func geometry(_ g: JSONValue) throws(DataError) -> GeoGeometry {
        var strict: [GeometryRepair.Note]? = nil
        return try geometry(g, notes: &strict)
    }

    static func geometry(_ g: JSONValue, notes: inout [GeometryRepair.Note]?) throws(DataError) -> GeoGeometry {
        guard let type = g["type"]?.string else { throw DataError(message: "geometry has no \"type\"") }
        if type == "GeometryCollection" { return try collection(g, notes: &notes) }
        guard var c = g["coordinates"] else { throw DataError(message: "\(type) has no \"coordinates\"") }
        if case .positions(let packed) = c {
            if let read = try packedGeometry(type, packed, notes: &notes) { return read }
            c = packed.expanded  // the wrong depth for its type: the generic path words the error
        }
        switch type {
        case "Point": return .point(try position(c, "coordinates"))
        case "MultiPoint": return .multiPoint(try positions(c))
        case "LineString": return .lineString(try line(c, "coordinates"))
        case "MultiLineString":
            return .multiLineString(try list(c, "coordinates").enumerated().map { (k, l) throws(DataError) in try line(l, "line \(k)") })
        case "Polygon":
            let rings = try list(c, "polygon")
            return .polygon(try polygon(rings.count, { k throws(DataError) in try positions(rings[k]) }, "polygon 0", notes: &notes))
        case "MultiPolygon":
            var parts: [Polygon] = []
            for (k, p) in try list(c, "coordinates").enumerated() {
                do {
                    let rings = try list(p, "polygon")
                    let ring = { (j: Int) throws(DataError) in try positions(rings[j]) }
                    parts.append(try polygon(rings.count, ring, "polygon \(k)", notes: &notes))
                } catch { throw error.at("polygon \(k)") }
            }
            return .multiPolygon(MultiPolygon(parts))
        default:
            throw unsupported(type)
        }
    }

    /// A geometry from packed positions (already valid, two numbers each, no array empty), with the
    /// generic path's errors; nil when the depth does not fit the type.
    private static func packedGeometry(_ type: String, _ c: PositionArrays, notes: inout [GeometryRepair.Note]?) throws(DataError)
        -> GeoGeometry?
    {
        switch (type, c.depth) {
        case ("LineString", 1): return .lineString(try line(c.leaves[0], "coordinates"))
        case ("MultiLineString", 2):
            return .multiLineString(try c.leaves.enumerated().map { (k, l) throws(DataError) in try line(l, "line \(k)") })
        case ("Polygon", 2): return .polygon(try polygon(c.leaves.count, { k in c.leaves[k] }, "polygon 0", notes: &notes))
        case ("MultiPolygon", 3):
            var parts: [Polygon] = [], first = 0
            for (k, n) in c.counts[1].enumerated() {
                let base = first
                do { parts.append(try polygon(n, { j in c.leaves[base + j] }, "polygon \(k)", notes: &notes)) } catch {
                    throw error.at("polygon \(k)")
                }
                first += n
            }
            return .multiPolygon(MultiPolygon(parts))
        case ("MultiPoint", 1): return .multiPoint(c.leaves[0])
        case ("Point", _), ("MultiPoint", _), ("LineString", _), ("MultiLineString", _), ("Polygon", _), ("MultiPolygon", _): return nil
        default: throw unsupported(type)
        }
    }

    private static func unsupported(_ type: String) -> DataError {
        DataError(
            message:
                "unsupported geometry type \"\(type)\"; expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection"
        )
    }

    /// A GeometryCollection's parts, each read as a geometry of its own; a collection nested in one
    /// is refused (RFC 7946 §3.1.8 advises against it, and no reader here needs it).
    private static func collection(_ g: JSONValue, notes: inout [GeometryRepair.Note]?) throws(DataError) -> GeoGeometry {
        guard let members = g["geometries"] else { throw DataError(message: "GeometryCollection has no \"geometries\"") }
        var parts: [GeoGeometry] = []
        for (k, part) in try list(members, "geometries").enumerated() {
            do throws(DataError) {
                if part["type"]?.string == "GeometryCollection" {
                    throw DataError(message: "a GeometryCollection inside a GeometryCollection; flatten it (RFC 7946 §3.1.8)")
                }
                parts.append(try geometry(part, notes: &notes))
            } catch { throw error.at("geometry \(k)") }
        }
        return .collection(parts)
    }

    private static func list(_ v: JSONValue, _ what: String) throws(DataError) -> [JSONValue] {
        guard let a = v.array else { throw DataError(message: "\(what) must be an array, not \(v.typeName)") }
        return a
    }

    private static func position(_ v: JSONValue, _ what: String) throws(DataError) -> LonLat {
        guard let a = v.array, a.count >= 2, let lon = a[0].number, let lat = a[1].number else {
            throw DataError(message: "\(what): a position must be an array of two or three numbers [lon, lat]")
        }
        do { return try LonLat(lon: lon, lat: lat) } catch { throw DataError(message: "\(what): \(error)") }
    }

    private static func positions(_ v: JSONValue) throws(DataError) -> [LonLat] {
        var out: [LonLat] = []
        for (k, p) in try list(v, "positions").enumerated() { out.append(try position(p, "position \(k)")) }
        return out
    }

    private static func line(_ v: JSONValue, _ what: String) throws(DataError) -> LineString {
        let points: [LonLat]
        do { points = try positions(v) } catch { throw error.at(what) }
        return try line(points, what)
    }

    private static func line(_ points: [LonLat], _ what: String) throws(DataError) -> LineString {
        do { return try LineString(points) } catch { throw DataError(place: what, message: "line \(error)") }
    }

    /// A polygon of `count` rings, ring `k`'s positions from `ring(k)` (read as they are needed, so
    /// that the first problem in file order is the one reported). `name` is the polygon's place in
    /// notes ("polygon 2"); see `feature` for `notes`.
    private static func polygon(
        _ count: Int, _ ring: (Int) throws(DataError) -> [LonLat], _ name: String, notes: inout [GeometryRepair.Note]?
    ) throws(DataError) -> Polygon {
        var rings: [Ring] = []
        for k in 0..<count {
            let pts: [LonLat]
            do { pts = try ring(k) } catch { throw error.at("ring \(k)") }
            do {
                if notes != nil, let first = pts.first, let last = pts.last, first != last, pts.count >= 3 {
                    notes?.append(
                        .init(
                            place: "\(name), ring \(k)", problem: GeometryError.unclosedRing(first: "\(first)", last: "\(last)").description
                        ))
                    rings.append(try Ring(closing: pts))
                } else {
                    rings.append(try Ring(pts))
                }
            } catch { throw DataError(place: "ring \(k)", message: error.description) }
        }
        guard let outer = rings.first else { throw DataError(message: GeometryError.emptyPolygon.description) }
        return Polygon(outer: outer, holes: Array(rings.dropFirst()))
    }
}

/// Writes geometries and FeatureCollections as GeoJSON values, coordinates rounded to 1e-6° (≈ 0.1 m).
public enum GeoJSONWriter {
    public static func coordinate(_ p: LonLat) -> JSONValue {
        .array([.number(round6(p.lon)), .number(round6(p.lat))])
    }
    static func round6(_ v: Double) -> Double { (v * 1e6).rounded() / 1e6 }
    /// The grid written coordinates lie on, degrees.
    public static let gridDegrees = 1e-6

    public static func geometry(_ g: GeoGeometry) -> JSONValue {
        func ring(_ r: Ring) -> JSONValue { .array(r.points.map(coordinate)) }
        func poly(_ p: Polygon) -> JSONValue { .array(p.rings.map(ring)) }
        switch g {
        case .point(let p): return .object([("type", .string("Point")), ("coordinates", coordinate(p))])
        case .multiPoint(let ps): return .object([("type", .string("MultiPoint")), ("coordinates", .array(ps.map(coordinate)))])
        case .lineString(let l):
            return .object([("type", .string("LineString")), ("coordinates", .array(l.points.map(coordinate)))])
        case .multiLineString(let ls):
            return .object([
                ("type", .string("MultiLineString")),
                ("coordinates", .array(ls.map { .array($0.points.map(coordinate)) })),
            ])
        case .polygon(let p): return .object([("type", .string("Polygon")), ("coordinates", poly(p))])
        case .multiPolygon(let m):
            return .object([("type", .string("MultiPolygon")), ("coordinates", .array(m.polygons.map(poly)))])
        case .collection(let parts):
            return .object([("type", .string("GeometryCollection")), ("geometries", .array(parts.map(geometry)))])
        }
    }

    public static func feature(id: String? = nil, geometry g: GeoGeometry?, properties: [(String, JSONValue)]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", .string("Feature"))]
        if let id { pairs.append(("id", .string(id))) }
        pairs.append(("properties", .object(properties)))
        pairs.append(("geometry", g.map(geometry) ?? .null))
        return .object(pairs)
    }

    public static func collection(_ features: [JSONValue], extra: [(String, JSONValue)] = []) -> JSONValue {
        .object([("type", .string("FeatureCollection"))] + extra + [("features", .array(features))])
    }
}
