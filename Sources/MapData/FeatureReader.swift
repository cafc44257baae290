import GeoCore

/// A vector file read as features: GeoJSON and KML here, any GDAL/OGR format in OGRSource's
/// `OGRFile` (a module of its own, which only the import commands use). The data folder's decoders
/// and the importers all take `GeoFeature`s, so a new format is one more reader. Each reader reads
/// its own file (GeoJSON and KML through `DiskFolder.readFile`: regular files within the size
/// limit) and names it in every error.
public protocol FeatureReader {
    /// The file, as the user named it.
    var file: String { get }
    /// Every feature, in file order. With `repair`, invalid polygons are repaired with a warning
    /// (or refused when it is strict); without, they are returned as read.
    func features(repair: GeometryRepair?) throws(DataError) -> [GeoFeature]
}

/// An RFC 7946 FeatureCollection, plain or gzip-compressed (`.geojson.gz`, recognised by its magic
/// number rather than its name).
public struct GeoJSONFile: FeatureReader {
    public let file: String
    private let bytes: [UInt8]

    /// Reads `path` from disk, inflating it when it is gzip.
    public init(_ path: String) throws(DataError) {
        let raw = try DiskFolder.readFile(path)
        self.init(Gzip.isCompressed(raw) ? try Gzip.inflate(raw, file: path) : raw, file: path)
    }

    /// Bytes already read (and inflated), named `file` in messages.
    public init(_ bytes: [UInt8], file: String) { self.bytes = bytes; self.file = file }

    public func features(repair: GeometryRepair?) throws(DataError) -> [GeoFeature] {
        try GeoJSONReader.features(bytes, file: file, repair: repair)
    }
}

/// A KML document's placemarks as features: properties `name`, `description` and `styleUrl`; the
/// geometry a Polygon/MultiPolygon, lines, or a collection of both. The styles stay on `document`.
public struct KMLFile: FeatureReader {
    public let file: String
    public let document: KMLDocument

    /// Reads and parses `path`.
    public init(_ path: String) throws(DataError) { try self.init(try DiskFolder.readFile(path), file: path) }

    public init(_ bytes: [UInt8], file: String) throws(DataError) {
        self.file = file
        document = try KMLDocument.parse(bytes, file: file)
    }

    /// Placemarks are repaired by their importer (only those whose style it maps), so `repair` is
    /// applied here only when given.
    public func features(repair: GeometryRepair?) throws(DataError) -> [GeoFeature] {
        var out: [GeoFeature] = []
        for p in document.placemarks {
            var parts: [GeoGeometry] = []
            if !p.polygons.isEmpty {
                var areal = MultiPolygon(p.polygons)
                if let repair { areal = try repair.checked(areal, notes: [], file: file, place: Self.place(p)) }
                parts.append(.multiPolygon(areal))
            }
            if !p.lines.isEmpty { parts.append(.multiLineString(p.lines)) }
            var props: [(String, JSONValue)] = []
            if let n = p.name { props.append(("name", .string(n))) }
            if let d = p.description { props.append(("description", .string(d))) }
            if let s = p.styleUrl { props.append(("styleUrl", .string(s))) }
            out.append(
                GeoFeature(
                    index: p.index, id: p.name, geometry: parts.count > 1 ? .collection(parts) : parts.first,
                    properties: .object(props), place: Self.place(p)))
        }
        return out
    }

    static func place(_ p: KMLDocument.Placemark) -> String { "line \(p.line), placemark \(p.index)" }
}

extension GeoFeature {
    /// The local style a KML placemark refers to ("#ru" → "ru"); nil when it names none.
    public var styleID: String? {
        guard let url = properties["styleUrl"]?.string else { return nil }
        return url.hasPrefix("#") ? String(url.dropFirst()) : url
    }
}
