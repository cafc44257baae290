import GeoCore

/// A named set of lines (state border, rivers) with each line's properties.
public struct LineLayer: Sendable {
    public struct Line: Sendable {
        public let line: LineString
        /// GSHHG river class (1 = double-lined … 5 = minor), when known.
        public let level: Int?
    }
    public let lines: [Line]
    public let source: String?

    public var lineStrings: [LineString] { lines.map(\.line) }

    public static func decode(_ bytes: [UInt8], file: String) throws(DataError) -> LineLayer {
        var out: [Line] = []
        var source: String?
        for f in try GeoJSONReader.features(bytes, file: file) {
            guard let ls = f.geometry?.lines else {
                throw DataError(file: file, place: "feature \(f.index)", message: "geometry must be a LineString or MultiLineString")
            }
            let level = f.properties["level"]?.number.map { Int($0) }
            source = source ?? f.properties["source"]?.string
            out += ls.map { Line(line: $0, level: level) }
        }
        return LineLayer(lines: out, source: source)
    }
}

/// A reference area drawn as an outline (the furthest extent of an advance, say).
public struct ReferenceLayer: Sendable {
    public let id: String
    public let label: String
    public let side: String?
    public let geometry: MultiPolygon
    /// The compiler's own outline, when the source draws one; preferred over the polygon's rings.
    public let outline: [LineString]
    public let source: SourceRef

    public static func decode(
        _ bytes: [UInt8], file: String, id: String, repair: GeometryRepair = GeometryRepair(strict: true)
    ) throws(DataError) -> ReferenceLayer {
        var polygons: [Polygon] = []
        var outline: [LineString] = []
        var label = id, side: String?, source = SourceRef(name: "unknown")
        for f in try GeoJSONReader.features(bytes, file: file, repair: repair) {
            if let lines = f.geometry?.lines { outline += lines; continue }
            guard let m = f.geometry?.multiPolygon else {
                throw DataError(file: file, place: "feature \(f.index)", message: "reference geometry must be polygons or lines")
            }
            let p = Properties(value: f.properties)
            do {
                label = try p.string("label")
                side = try p.optionalString("side")
                source = SourceRef(
                    name: try p.string("source"), url: try p.optionalString("sourceUrl"),
                    retrieved: try p.optionalString("retrieved"), note: try p.optionalString("note"))
            } catch { throw error.at("feature \(f.index)").in(file: file) }
            polygons += m.polygons
        }
        return ReferenceLayer(id: id, label: label, side: side, geometry: MultiPolygon(polygons), outline: outline, source: source)
    }
}

/// Named areas (countries) that control areas are split by.
public struct TerritoryLayer: Sendable {
    public let territories: [(name: String, geometry: MultiPolygon)]

    public init(_ territories: [(name: String, geometry: MultiPolygon)]) { self.territories = territories }

    public static func decode(
        _ bytes: [UInt8], file: String, repair: GeometryRepair = GeometryRepair(strict: true)
    ) throws(DataError) -> TerritoryLayer {
        var out: [(String, MultiPolygon)] = []
        for f in try GeoJSONReader.features(bytes, file: file, repair: repair) {
            guard let m = f.geometry?.multiPolygon else {
                throw DataError(file: file, place: "feature \(f.index)", message: "territory geometry must be a Polygon or MultiPolygon")
            }
            do { out.append((try Properties(value: f.properties).string("name"), m)) } catch {
                throw error.at("feature \(f.index)").in(file: file)
            }
        }
        return TerritoryLayer(out.map { (name: $0.0, geometry: $0.1) })
    }

    public func territory(containing p: LonLat) -> String? {
        territories.first { $0.geometry.contains(p) }?.name
    }
}
