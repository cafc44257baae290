import Foundation
import GeoCore
import Testing

/// `import ogr` as a user runs it: bad files, a source without a CRS, several layers, --where, and
/// multi-part features whose other parts are dropped with a warning each.
@Suite("GDAL/OGR import: the command")
struct OGRCommandTests {
    /// `import ogr FILE` with the generated layer's options into OUT/control (OUT must stay empty on failure).
    static func importOGR(_ file: String, _ extra: [String] = [], out: TempDir) async throws -> CLI.Result {
        try await CLI.run(["import", "ogr", file] + OGRFixture.mapping + extra + ["--out", out.path("control")])
    }

    @Test("A truncated GeoPackage: one line naming the file, no output")
    func truncatedGeoPackage() async throws {
        let dir = try TempDir(), out = try TempDir()
        let path = try OGRFixture.write(.geoPackage, in: dir)
        let bytes = try read(path)
        try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: dir.path("cut.gpkg")))
        let r = try await Self.importOGR(dir.path("cut.gpkg"), out: out)
        expectCleanFailure(r, mentions: ["cut.gpkg", "GDAL cannot read it", "malformed"], outDir: out)
    }

    @Test("A shapefile without its .dbf: one line naming the missing file, no output")
    func shapefileWithoutDBF() async throws {
        let dir = try TempDir(), out = try TempDir()
        let path = try OGRFixture.write(.shapefileUTM, in: dir)
        try FileManager.default.removeItem(atPath: dir.path("fronts_utm.dbf"))
        let r = try await Self.importOGR(path, out: out)
        expectCleanFailure(r, mentions: ["fronts_utm.shp", "fronts_utm.dbf"], outDir: out)
    }

    @Test("A KMZ that is not a zip: one line naming the file, no output")
    func kmzNotAZip() async throws {
        let dir = try TempDir(), out = try TempDir()
        try "<kml>this was meant to be zipped</kml>\n".write(toFile: dir.path("doc.kmz"), atomically: true, encoding: .utf8)
        let r = try await Self.importOGR(dir.path("doc.kmz"), out: out)
        expectCleanFailure(r, mentions: ["doc.kmz", "GDAL cannot read it", "not a valid kmz"], outDir: out)
    }

    @Test("A shapefile without .prj is refused unless --source-crs names its CRS; with it, the same areas")
    func sourceWithoutCRS() async throws {
        let dir = try TempDir(), out = try TempDir()
        let path = try OGRFixture.write(.shapefileUTM, in: dir)
        try FileManager.default.removeItem(atPath: dir.path("fronts_utm.prj"))
        let refused = try await Self.importOGR(path, out: out)
        expectCleanFailure(refused, mentions: ["fronts_utm.shp", "no CRS", "--source-crs"], outDir: out)
        let given = try await Self.importOGR(path, ["--source-crs", "EPSG:32636"], out: out)
        try #require(given.status == 0, "\(given.stderr)")
        let reference = try TempDir()
        let json = try await CLI.run(
            ["import", "geojson", dir.path("fronts.geojson")] + OGRFixture.mapping + ["--out", reference.path("control")])
        try #require(json.status == 0, "\(json.stderr)")
        for name in ["2024-03-01.geojson", "2024-03-08.geojson", "2024-03-15.geojson"] {
            let a = try String(contentsOfFile: out.path("control/" + name), encoding: .utf8)
            let b = try String(contentsOfFile: reference.path("control/" + name), encoding: .utf8)
            #expect(a.contains(#""sourceCrs": "EPSG:32636"#), "\(name)")
            #expect(Self.areas(a).count == Self.areas(b).count && !Self.areas(b).isEmpty, "\(name)")
            for (x, y) in zip(Self.areas(a), Self.areas(b)) { #expect(abs(x - y) <= 0.011, "\(name): \(x) vs \(y) km²") }
        }
    }

    /// The "areaKm2" figures of a control file, in order.
    static func areas(_ text: String) -> [Double] {
        text.components(separatedBy: #""areaKm2": "#).dropFirst().compactMap { Double($0.prefix { $0 != "," && $0 != "\n" }) }
    }

    @Test("Several layers: an error listing them without --layer; --layer and --where pick the features")
    func layersAndWhere() async throws {
        let dir = try TempDir(), out = try TempDir()
        let path = try OGRFixture.write(.geoPackage, in: dir)
        _ = try runTool("ogr2ogr", ["-update", "-f", "GPKG", path, dir.path("fronts.geojson"), "-nln", "older"])
        let r = try await Self.importOGR(path, out: out)
        expectCleanFailure(r, mentions: ["fronts.gpkg", "2 layers", "control", "older", "--layer"], outDir: out)
        let picked = try await Self.importOGR(path, ["--layer", "control", "--where", "holder = 'UA' AND status = 'assessed'"], out: out)
        try #require(picked.status == 0, "\(picked.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path("control")).sorted()
        #expect(!written.isEmpty)
        for name in written {
            let text = try String(contentsOfFile: out.path("control/" + name), encoding: .utf8)
            #expect(text.contains(#""side": "ukraine""#) && !text.contains(#""side": "russia""#), "\(name)")
            #expect(!text.contains(#""status": "claimed""#), "\(name)")
        }
        let bad = try await Self.importOGR(path, ["--layer", "control", "--where", "nosuchfield = 1"], out: try TempDir())
        #expect(bad.status != 0 && bad.stderrLines.count == 1 && bad.stderr.contains("--where"), "\(bad.stderr)")
    }

    @Test("Collections and multi-part features keep their polygons; each other part is one warning")
    func collectionsSplit() async throws {
        let dir = try TempDir(), out = try TempDir()
        let square = "[[30.2,47.8],[30.5,47.8],[30.5,48.0],[30.2,48.0],[30.2,47.8]]"
        let text = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"date":"2024-03-01","holder":"RU","status":"assessed"},"geometry":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","coordinates":[\(square)]},{"type":"Point","coordinates":[30.9,48.1]},
              {"type":"LineString","coordinates":[[30.6,47.9],[30.8,48.0]]}]}},
            {"type":"Feature","properties":{"date":"2024-03-01","holder":"RU","status":"assessed"},"geometry":{"type":"MultiPoint","coordinates":[[30.1,47.7],[30.2,47.7]]}}
            ]}
            """
        try text.write(toFile: dir.path("mixed.geojson"), atomically: true, encoding: .utf8)
        _ = try runTool("ogr2ogr", ["-f", "GPKG", dir.path("mixed.gpkg"), dir.path("mixed.geojson"), "-nlt", "GEOMETRY"])
        let r = try await Self.importOGR(dir.path("mixed.gpkg"), out: out)
        try #require(r.status == 0, "\(r.stderr)")
        let warnings = r.stderrLines.filter { $0.hasPrefix("warning:") }
        #expect(warnings.count == 3, "\(r.stderr)")
        #expect(warnings.contains { $0.contains("feature 1, part 1: Point dropped") }, "\(r.stderr)")
        #expect(warnings.contains { $0.contains("feature 1, part 2: LineString dropped") }, "\(r.stderr)")
        #expect(warnings.contains { $0.contains("feature 2: MultiPoint skipped") }, "\(r.stderr)")
        let written = try String(contentsOfFile: out.path("control/2024-03-01.geojson"), encoding: .utf8)
        // The square alone (0.3° × 0.2° at 47.8–48°N), as GeoCore measures it; the file rounds to 0.01 km².
        let corners = [(30.2, 47.8), (30.5, 47.8), (30.5, 48.0), (30.2, 48.0), (30.2, 47.8)]
        let ring = try Ring(corners.map { try LonLat(lon: $0.0, lat: $0.1) })
        let expected = MultiPolygon([Polygon(outer: ring, holes: [])]).areaKm2
        #expect(Self.areas(written).count == 1)
        #expect(abs((Self.areas(written).first ?? 0) - expected) <= 0.006, "\(Self.areas(written)) vs \(expected) km²")
    }

    @Test("render never loads libgdal; import ogr does, when it reads a file (LD_DEBUG=libs)")
    func renderDoesNotLoadGDAL() async throws {
        let out = try TempDir()
        let render = try await CLI.run(
            ["render", "--data", CLI.data, "--date", "2024-09-01", "--out", out.path("map.png")], environment: ["LD_DEBUG": "libs"])
        #expect(render.status == 0)
        // The loader's trace is there (the check can see libraries), and GDAL is not among them.
        #expect(render.stderr.contains("libcairo"), "no loader trace")
        #expect(!render.stderr.contains("libgdal"), "render loaded libgdal")
        let dir = try TempDir()
        let path = try OGRFixture.write(.flatGeobuf, in: dir)
        let imported = try await CLI.run(
            ["import", "ogr", path] + OGRFixture.mapping + ["--out", dir.path("control")], environment: ["LD_DEBUG": "libs"])
        #expect(imported.status == 0)
        #expect(imported.stderr.contains("libgdal.so"), "import ogr should open libgdal")
    }
}
