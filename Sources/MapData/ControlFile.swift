import GeoCore

/// control/*.geojson: each feature is the ground one side held on one date.
/// Properties: date, side, status (assessed|claimed|contested), territory (optional),
/// source, sourceUrl, retrieved, note, sourceCrs (the CRS an import reprojected from).
public enum ControlFile {
    /// `repair`: see `GeoJSONReader.features`; by default invalid polygons are refused. `named`: the
    /// date the file is named for (see `date(named:)`), which every feature must carry.
    public static func decode(
        _ bytes: [UInt8], file: String, named: Day? = nil, repair: GeometryRepair = GeometryRepair(strict: true)
    ) throws(DataError) -> [(Day, ControlArea)] {
        var out: [(Day, ControlArea)] = []
        for f in try GeoJSONReader.features(bytes, file: file, repair: repair) {
            do throws(DataError) {
                let (day, area) = try area(f)
                if let named, day != named {
                    throw DataError(
                        message: "dated \(day), but the file is named for \(named): a file named by a date holds that date only")
                }
                out.append((day, area))
            } catch { throw error.at("feature \(f.index)").in(file: file) }
        }
        return out
    }

    /// The date a control file is named for ("control/2024-09-01.geojson"); nil for other names.
    public static func date(named path: String) -> Day? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.hasSuffix(".geojson") else { return nil }
        return try? Day(parsing: String(name.dropLast(".geojson".count)))
    }

    static func area(_ f: GeoFeature) throws(DataError) -> (Day, ControlArea) {
        let p = Properties(value: f.properties)
        // Frontline's own files hold one kind each: a collection (whose other parts would be dropped
        // without a word) is refused here; the importers split them, naming what they drop.
        if case .collection? = f.geometry {
            throw DataError(message: "control area geometry must be a Polygon or MultiPolygon, not a GeometryCollection")
        }
        guard let geometry = f.geometry?.multiPolygon else {
            throw DataError(message: "control area geometry must be a Polygon or MultiPolygon")
        }
        let statusText = try p.string("status")
        guard let status = ControlStatus(rawValue: statusText) else {
            throw DataError(message: "property \"status\" is '\(statusText)'; expected assessed, claimed or contested")
        }
        let source = SourceRef(
            name: try p.string("source"), url: try p.optionalString("sourceUrl"),
            retrieved: try p.optionalString("retrieved"), note: try p.optionalString("note"),
            crs: try p.optionalString("sourceCrs"))
        return (
            try p.day("date"),
            ControlArea(
                side: try p.string("side"), status: status, territory: try p.optionalString("territory"),
                geometry: geometry, source: source)
        )
    }

    /// The top-level member that marks an empty snapshot as a placeholder, with why.
    public static let placeholderKey = "placeholder"

    /// An empty snapshot file that says it is a placeholder (written by `frontline init --date`).
    public static func placeholder(date: Day, reason: String) -> String {
        JSONWriter.write(GeoJSONWriter.collection([], extra: [(placeholderKey, .string(reason))]), indent: 1)
    }

    /// Whether `bytes` (a control file with no features) declares itself a placeholder.
    static func isPlaceholder(_ bytes: [UInt8]) -> Bool {
        guard let root = try? JSONParser.parse(bytes) else { return false }
        return root[placeholderKey]?.string.map { !$0.isEmpty } ?? false
    }

    public static func encode(date: Day, areas: [ControlArea]) throws(DataError) -> String {
        let features = try areas.map { a throws(DataError) -> JSONValue in
            let geometry = try a.geometry
            var props: [(String, JSONValue)] = [
                ("date", .string(date.description)), ("side", .string(a.side)), ("status", .string(a.status.rawValue)),
            ]
            if let t = a.territory { props.append(("territory", .string(t))) }
            props.append(("areaKm2", .number((geometry.areaKm2 * 100).rounded() / 100)))
            props.append(("source", .string(a.source.name)))
            if let u = a.source.url { props.append(("sourceUrl", .string(u))) }
            if let r = a.source.retrieved { props.append(("retrieved", .string(r))) }
            if let n = a.source.note { props.append(("note", .string(n))) }
            if let c = a.source.crs { props.append(("sourceCrs", .string(c))) }
            return GeoJSONWriter.feature(geometry: .multiPolygon(geometry), properties: props)
        }
        return JSONWriter.write(GeoJSONWriter.collection(features), indent: 1)
    }

    /// Groups areas from any number of files into a timeline.
    public static func timeline(_ items: [(Day, ControlArea)]) throws(DataError) -> Timeline {
        var byDay: [Day: [ControlArea]] = [:]
        for (d, a) in items { byDay[d, default: []].append(a) }
        return try Timeline(byDay.keys.sorted().map { ControlSnapshot(date: $0, areas: byDay[$0] ?? []) })
    }
}
