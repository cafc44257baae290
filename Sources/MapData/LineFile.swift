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
    /// The dates the outline applies to (`validFrom`, `validTo` in its file), inclusive; nil: open.
    public var validFrom: Day?
    public var validTo: Day?

    /// Whether a map of `day` shows it: an outline of what happened later is not drawn before it.
    public func isShown(on day: Day) -> Bool {
        (validFrom.map { day >= $0 } ?? true) && (validTo.map { day <= $0 } ?? true)
    }

    /// Whether it has a validity window (then it is not the same on every frame of a sequence).
    public var isDated: Bool { validFrom != nil || validTo != nil }

    public static func decode(
        _ bytes: [UInt8], file: String, id: String, repair: GeometryRepair = GeometryRepair(strict: true)
    ) throws(DataError) -> ReferenceLayer {
        var polygons: [Polygon] = []
        var outline: [LineString] = []
        var label = id, side: String?, source = SourceRef(name: "unknown")
        var validFrom: Day?, validTo: Day?
        for f in try GeoJSONReader.features(bytes, file: file, repair: repair) {
            if let lines = f.geometry?.lines { outline += lines; continue }
            guard let m = f.geometry?.multiPolygon else {
                throw DataError(file: file, place: "feature \(f.index)", message: "reference geometry must be polygons or lines")
            }
            let p = Properties(value: f.properties)
            do throws(DataError) {
                label = try p.string("label")
                side = try p.optionalString("side")
                source = SourceRef(
                    name: try p.string("source"), url: try p.optionalString("sourceUrl"),
                    retrieved: try p.optionalString("retrieved"), note: try p.optionalString("note"))
                if try p.optionalString("validFrom") != nil { validFrom = try p.day("validFrom") }
                if try p.optionalString("validTo") != nil { validTo = try p.day("validTo") }
                if let a = validFrom, let b = validTo, a > b {
                    throw DataError(message: "validFrom \(a) is after validTo \(b)")
                }
            } catch { throw error.at("feature \(f.index)").in(file: file) }
            polygons += m.polygons
        }
        var layer = ReferenceLayer(id: id, label: label, side: side, geometry: MultiPolygon(polygons), outline: outline, source: source)
        (layer.validFrom, layer.validTo) = (validFrom, validTo)
        return layer
    }
}

/// Named areas (countries) that control areas are split by.
public struct TerritoryLayer: Sendable {
    public let territories: [(name: String, geometry: MultiPolygon)]

    public init(_ territories: [(name: String, geometry: MultiPolygon)]) { self.territories = territories }

    /// With `unnamed` allowed (water: a sea no source names is still water), a face without a "name"
    /// gets the empty name, which nothing labels.
    public static func decode(
        _ bytes: [UInt8], file: String, repair: GeometryRepair = GeometryRepair(strict: true), unnamed: Bool = false
    ) throws(DataError) -> TerritoryLayer {
        var out: [(String, MultiPolygon)] = []
        for f in try GeoJSONReader.features(bytes, file: file, repair: repair) {
            var areal = f.geometry?.multiPolygon
            if case .collection? = f.geometry { areal = nil }  // its other parts would go without a word
            guard let m = areal else {
                throw DataError(file: file, place: "feature \(f.index)", message: "territory geometry must be a Polygon or MultiPolygon")
            }
            do {
                let p = Properties(value: f.properties)
                out.append((unnamed ? try p.optionalString("name") ?? "" : try p.string("name"), m))
            } catch {
                throw error.at("feature \(f.index)").in(file: file)
            }
        }
        return TerritoryLayer(out.map { (name: $0.0, geometry: $0.1) })
    }

    public func territory(containing p: LonLat) -> String? {
        territories.first { $0.geometry.contains(p) }?.name
    }
}
