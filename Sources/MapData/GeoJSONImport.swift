import GeoCore

/// Turns anyone's control GeoJSON into dated ground for one side: a file per date (named
/// `name_YYYYMMDD.geojson`), or one file with a date per feature. Only Polygon and MultiPolygon
/// features are ground; every other feature is reported and skipped. Input properties other than
/// the date are ignored: side, status and territory are the importer's, never the file's.
public struct GeoJSONImport {
    /// Where each feature's date comes from.
    public enum Dating: Sendable {
        case fixed(Day)
        /// The last 8-digit run (YYYYMMDD) or YYYY-MM-DD in the file name.
        case fromName
        /// A property of each feature: "YYYY-MM-DD", "YYYYMMDD", an ISO date-time, or the number 20240901.
        case property(String)
    }

    /// Longest edge kept, in km: longer ones get points on their geodesic (`Geodesic.densified`).
    public static let maxEdgeKm = 0.25

    public let dating: Dating
    /// Ground outside it is clipped away; nil keeps everything.
    public let region: BBox?

    public init(dating: Dating, region: BBox?) {
        self.dating = dating
        self.region = region
    }

    /// The ground of `features` (read from `file`, already repaired), united per date in date order,
    /// and a warning for each feature that is not ground.
    public func ground(_ features: [GeoFeature], file: String, engine: GeometryEngine) throws(DataError)
        -> (byDate: [(Day, MultiPolygon)], skipped: [DataError])
    {
        var named: Day?
        if case .fromName = dating { named = try Self.day(fromName: file) }
        let fileDay = named
        var parts: [Day: [Polygon]] = [:]
        var skipped: [DataError] = []
        for f in features {
            guard let g = f.geometry else {
                skipped.append(DataError(file: file, place: f.place, message: "no geometry; skipped"))
                continue
            }
            guard let areal = g.multiPolygon, g.lines == nil, !Self.hasPoint(g) else {
                skipped.append(
                    DataError(
                        file: file, place: f.place,
                        message: "\(Self.typeName(g)) skipped: only Polygon and MultiPolygon features are ground"))
                continue
            }
            let day: Day
            switch dating {
            case .fixed(let d): day = d
            case .fromName:
                guard let fileDay else { throw DataError(file: file, message: "no date in the file name") }
                day = fileDay
            case .property(let key): day = try Self.day(property: key, of: f, file: file)
            }
            // Cuts below (region, territories) then fall on the edges' geodesics: see `Geodesic.densified`.
            var kept = Geodesic.densified(areal, maxKm: Self.maxEdgeKm)
            if let region {
                do { kept = try engine.clipAlongParallels(kept, to: region) } catch {
                    throw DataError(file: file, place: f.place, message: error.description)
                }
            }
            parts[day, default: []] += kept.polygons
        }
        var out: [(Day, MultiPolygon)] = []
        for day in parts.keys.sorted() {
            do { out.append((day, try engine.unaryUnion(MultiPolygon(parts[day] ?? [])))) } catch {
                throw DataError(file: file, message: "uniting the ground of \(day): \(error)")
            }
        }
        return (out, skipped)
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
        let value = f.properties[key]
        var text = value?.string ?? value?.number.map { JSONWriter.formatNumber($0) }
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

    private static func hasPoint(_ g: GeoGeometry) -> Bool {
        switch g {
        case .point: return true
        case .collection(let parts): return parts.contains(where: hasPoint)
        default: return false
        }
    }

    static func typeName(_ g: GeoGeometry) -> String {
        switch g {
        case .point: return "Point"
        case .lineString: return "LineString"
        case .multiLineString: return "MultiLineString"
        case .polygon: return "Polygon"
        case .multiPolygon: return "MultiPolygon"
        case .collection: return "GeometryCollection"
        }
    }
}
