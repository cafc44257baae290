import Foundation
import Testing

/// Generated control data for the GDAL/OGR tests, unlike Kursk: another region (UTM zone 36N, near
/// Kropyvnytskyi), two sides and two statuses in one layer, three dates, holes, multi-part features,
/// one feature crossing the clip region's edge. Written as GeoJSON, then converted by `ogr2ogr`.
enum OGRFixture {
    /// The clip region: the easternmost and northernmost features cross it.
    static let region = "30.0,47.5,31.9,48.62"

    /// The formats the issue names, with how `ogr2ogr` writes each from the GeoJSON.
    enum Format: String, CaseIterable, CustomStringConvertible {
        case geoPackage, shapefileUTM, flatGeobuf, kmz
        var description: String { rawValue }
        var fileName: String {
            switch self {
            case .geoPackage: return "fronts.gpkg"
            case .shapefileUTM: return "fronts_utm.shp"
            case .flatGeobuf: return "fronts.fgb"
            case .kmz: return "fronts.kmz"
            }
        }
        func ogr2ogr(from source: String, to target: String) -> [String] {
            switch self {
            case .geoPackage: return ["-f", "GPKG", target, source, "-nln", "control"]
            // Projected: the .prj says UTM zone 36N, and every coordinate is in metres.
            case .shapefileUTM: return ["-f", "ESRI Shapefile", target, source, "-t_srs", "EPSG:32636"]
            // With its spatial index, so features come back in another order than written.
            case .flatGeobuf: return ["-f", "FlatGeobuf", target, source]
            // LIBKML's schema has no date type: the date stays the text it is in the GeoJSON.
            case .kmz: return ["-f", "LIBKML", target, source, "-oo", "DATE_AS_STRING=YES"]
            }
        }
        /// The source CRS an import records.
        var crs: String {
            self == .shapefileUTM ? "EPSG:32636 (WGS 84 / UTM zone 36N)" : "EPSG:4326 (WGS 84)"
        }
    }

    /// The options both importers take for the generated layer: sides and status from properties.
    static let mapping = [
        "--date-property", "date", "--side-property", "holder=RU:russia", "--side-property", "holder=UA:ukraine",
        "--status-property", "status", "--source", "generated", "--region", region,
    ]

    /// A star-shaped ring (never self-intersecting: angles in order, radii positive) around a centre.
    static func star(_ lon: Double, _ lat: Double, radius: Double, vertices: Int, rng: inout SeededRandom) -> [[Double]] {
        var ring: [[Double]] = []
        for k in 0..<vertices {
            let a = 2 * Double.pi * Double(k) / Double(vertices)
            let r = radius * Double.random(in: 0.6...1.0, using: &rng)
            // Longitude spread by 1/cos(lat) so the stars are round on the ground.
            ring.append([lon + r * cos(a) / cos(lat * .pi / 180), lat + r * sin(a)])
        }
        ring.append(ring[0])
        return ring
    }

    /// The generated layer as a GeoJSON FeatureCollection (names f0…f11 identify features in any order).
    static func geoJSON(seed: UInt64 = 17) -> String {
        var rng = SeededRandom(seed: seed)
        var features: [String] = []
        let dates = ["2024-03-01", "2024-03-08", "2024-03-15"]
        for k in 0..<12 {
            let lon = 30.3 + Double(k % 4) * 0.42, lat = 47.75 + Double(k / 4) * 0.38
            let holder = k % 3 == 2 ? "UA" : "RU"
            let status = k % 5 == 4 ? "claimed" : "assessed"
            var outer = star(lon, lat, radius: 0.16, vertices: 40 + k * 3, rng: &rng)
            if k % 2 == 0 { outer.reverse() }  // both ring orientations
            var polygon = [outer]
            if k % 3 == 0 { polygon.append(star(lon, lat, radius: 0.04, vertices: 12, rng: &rng).reversed()) }
            let geometry: String
            if k % 4 == 1 {
                let second = star(lon + 0.1, lat - 0.28, radius: 0.05, vertices: 17, rng: &rng)
                geometry = #"{"type":"MultiPolygon","coordinates":"# + json([polygon, [second]]) + "}"
            } else {
                geometry = #"{"type":"Polygon","coordinates":"# + json(polygon) + "}"
            }
            features.append(
                #"{"type":"Feature","properties":{"name":"f\#(k)","date":"\#(dates[k % 3])","holder":"\#(holder)","status":"\#(status)"},"geometry":\#(geometry)}"#
            )
        }
        return #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",\n") + "]}\n"
    }

    private static func json(_ v: Any) -> String {
        if let d = v as? Double { return "\(d)" }
        if let a = v as? [Any] { return "[" + a.map(json).joined(separator: ",") + "]" }
        return "null"
    }

    /// Two territories splitting the region at 31.05°E, so the border split runs too.
    static let territories = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"West"},"geometry":{"type":"Polygon","coordinates":[[[29.5,47.0],[31.05,47.0],[31.05,49.0],[29.5,49.0],[29.5,47.0]]]}},
        {"type":"Feature","properties":{"name":"East"},"geometry":{"type":"Polygon","coordinates":[[[31.05,47.0],[32.5,47.0],[32.5,49.0],[31.05,49.0],[31.05,47.0]]]}}
        ]}
        """

    /// The GeoJSON and its conversion to `format`, in `dir`; returns the converted file's path.
    @discardableResult
    static func write(_ format: Format, in dir: TempDir) throws -> String {
        let source = dir.path("fronts.geojson")
        if !FileManager.default.fileExists(atPath: source) { try geoJSON().write(toFile: source, atomically: true, encoding: .utf8) }
        let target = dir.path(format.fileName)
        _ = try runTool("ogr2ogr", format.ogr2ogr(from: source, to: target))
        return target
    }
}
