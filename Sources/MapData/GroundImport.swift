import GeoCore

/// Turns anyone's control data (a `FeatureReader`'s features: GeoJSON, or any layer GDAL reads) into
/// dated ground per side and status: a file per date (named `name_YYYYMMDD.geojson`), or one file
/// with a date per feature; one side for all, or a side per feature from its properties (see
/// `GroundAttributes`). Only polygons are ground: a feature with none is reported and skipped, and
/// each other part of a multi-part feature is reported and dropped. Territory is never the file's.
public struct GroundImport {
    /// Where each feature's date comes from.
    public enum Dating: Sendable {
        case fixed(Day)
        /// The last 8-digit run (YYYYMMDD) or YYYY-MM-DD in the file name.
        case fromName
        /// A property of each feature: "YYYY-MM-DD", "YYYYMMDD", an ISO date-time, or the number 20240901.
        case property(String)
    }

    /// What one united piece of ground is: its date, side and status.
    public struct Key: Hashable, Comparable, Sendable {
        public let day: Day
        public let side: String
        public let status: ControlStatus

        public static func < (a: Key, b: Key) -> Bool {
            (a.day, a.side, a.status.rawValue) < (b.day, b.side, b.status.rawValue)
        }
    }

    /// Longest edge kept, in km: longer ones get points on their geodesic (`Geodesic.densified`).
    public static let maxEdgeKm = 0.25

    public let dating: Dating
    public let attributes: GroundAttributes
    /// Ground outside it is clipped away; nil keeps everything.
    public let region: BBox?

    public init(dating: Dating, attributes: GroundAttributes, region: BBox?) {
        self.dating = dating
        self.attributes = attributes
        self.region = region
    }

    /// The ground of `features` (read from `file`, already repaired), united per date, side and
    /// status in that order, and a warning for each feature that is not ground and each part dropped.
    public func ground(_ features: [GeoFeature], file: String, engine: GeometryEngine) throws(DataError)
        -> (byKey: [(Key, MultiPolygon)], skipped: [DataError])
    {
        var named: Day?
        if case .fromName = dating { named = try Self.day(fromName: file) }
        let fileDay = named
        var parts: [Key: [Polygon]] = [:]
        var skipped: [DataError] = []
        for f in features {
            guard let g = f.geometry else {
                skipped.append(DataError(file: file, place: f.place, message: "no geometry; skipped"))
                continue
            }
            let (polygons, dropped) = Self.areal(g)
            guard !polygons.isEmpty else {
                skipped.append(
                    DataError(
                        file: file, place: f.place,
                        message: "\(Self.typeName(g)) skipped: only Polygon and MultiPolygon features are ground"))
                continue
            }
            for (k, part) in dropped {
                skipped.append(
                    DataError(
                        file: file, place: "\(f.place), part \(k)",
                        message: "\(Self.typeName(part)) dropped: only polygons are ground (the feature's polygons are kept)"))
            }
            let day: Day
            switch dating {
            case .fixed(let d): day = d
            case .fromName:
                guard let fileDay else { throw DataError(file: file, message: "no date in the file name") }
                day = fileDay
            case .property(let key): day = try Self.day(property: key, of: f, file: file)
            }
            let key = Key(day: day, side: try attributes.side(of: f, file: file), status: try attributes.status(of: f, file: file))
            // Cuts below (region, territories) then fall on the edges' geodesics: see `Geodesic.densified`.
            var kept = Geodesic.densified(MultiPolygon(polygons), maxKm: Self.maxEdgeKm)
            if let region {
                do { kept = try engine.clipAlongParallels(kept, to: region) } catch {
                    throw DataError(file: file, place: f.place, message: error.description)
                }
            }
            parts[key, default: []] += kept.polygons
        }
        var out: [(Key, MultiPolygon)] = []
        for key in parts.keys.sorted() {
            do { out.append((key, try engine.unaryUnion(MultiPolygon(parts[key] ?? [])))) } catch {
                throw DataError(file: file, message: "uniting the ground of \(key.side) on \(key.day): \(error)")
            }
        }
        return (out, skipped)
    }

    /// The polygons of `g`, and the parts of a collection that are not polygons, by index.
    static func areal(_ g: GeoGeometry) -> (polygons: [Polygon], dropped: [(Int, GeoGeometry)]) {
        switch g {
        case .polygon(let p): return ([p], [])
        case .multiPolygon(let m): return (m.polygons, [])
        case .collection(let parts):
            var polygons: [Polygon] = []
            var dropped: [(Int, GeoGeometry)] = []
            for (k, part) in parts.enumerated() {
                switch part {
                case .polygon(let p): polygons.append(p)
                case .multiPolygon(let m): polygons += m.polygons
                default: dropped.append((k, part))
                }
            }
            return (polygons, dropped)
        default: return ([], [])
        }
    }

    /// "occupied_20240901.geojson(.gz)" → 2024-09-01; also "…2024-09-01…". The last date in the name wins.
    public static func day(fromName file: String) throws(DataError) -> Day {
        let name = String(file.split(separator: "/").last ?? Substring(file))
        let chars = Array(name)
        var found: String?
        var k = 0
        while k < chars.count {
            guard chars[k].isASCII, chars[k].isNumber else { k += 1; continue }
            var j = k
            while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "-" { j += 1 }
            let run = String(chars[k..<j]).split(separator: "-").joined()
            let dashed = String(chars[k..<j])
            if run.count == 8, dashed.count == 8 || dashed.count == 10 { found = run }
            k = j
        }
        guard let digits = found, let day = Self.day(digits: digits) else {
            throw DataError(file: file, message: "no date in the file name (expected …_YYYYMMDD.geojson); pass --date or --date-property")
        }
        return day
    }

    static func day(property key: String, of f: GeoFeature, file: String) throws(DataError) -> Day {
        var text = GroundAttributes.text(f.properties[key])
        if let t = text, t.count > 10, t.dropFirst(10).first == "T" { text = String(t.prefix(10)) }
        guard let t = text else {
            throw DataError(file: file, place: f.place, message: "property \"\(key)\" is missing; it must hold the feature's date")
        }
        if t.count == 8, let d = day(digits: t) { return d }
        do { return try Day(parsing: t) } catch {
            throw DataError(file: file, place: f.place, message: "property \"\(key)\" is '\(t)'; expected a date YYYY-MM-DD or YYYYMMDD")
        }
    }

    static func day(digits: String) -> Day? {
        guard digits.count == 8, digits.allSatisfy(\.isNumber) else { return nil }
        let a = Array(digits)
        return try? Day(parsing: "\(String(a[0..<4]))-\(String(a[4..<6]))-\(String(a[6..<8]))")
    }

    static func typeName(_ g: GeoGeometry) -> String {
        switch g {
        case .point: return "Point"
        case .multiPoint: return "MultiPoint"
        case .lineString: return "LineString"
        case .multiLineString: return "MultiLineString"
        case .polygon: return "Polygon"
        case .multiPolygon: return "MultiPolygon"
        case .collection: return "GeometryCollection"
        }
    }
}
