import Foundation
import GeoCore
import MapData
import OGRSource
import Testing

/// Issue 17: GeoPackage, Shapefile (projected, UTM 36N), FlatGeobuf and KMZ made by `ogr2ogr` from
/// generated GeoJSON read back through GDAL as the same features, and imported by `import ogr` as
/// `import geojson` imports the GeoJSON; bad files refused in one line with nothing written.
@Suite("GDAL/OGR import")
struct OGRImportTests {
    /// Relative difference, for areas.
    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(a), abs(b), 1e-300) }

    static func byName(_ features: [GeoFeature]) -> [String: GeoFeature] {
        // LIBKML reads a placemark's <name> as the field "Name".
        Dictionary(features.map { (($0.properties["name"] ?? $0.properties["Name"])?.string ?? "?", $0) }, uniquingKeysWith: { a, _ in a })
    }

    static let attributes = GroundAttributes(
        side: .mapped([.init(key: "holder", value: "RU", target: "russia"), .init(key: "holder", value: "UA", target: "ukraine")]),
        status: .named(key: "status"))

    @Test(
        "Read through GDAL: the same features, properties and polygons as the GeoJSON, areas within 1e-9",
        arguments: OGRFixture.Format.allCases)
    func featuresMatchGeoJSON(_ format: OGRFixture.Format) throws {
        let dir = try TempDir()
        let path = try OGRFixture.write(format, in: dir)
        let read = try OGRFile(path).read(repair: nil)
        let reference = Self.byName(try GeoJSONFile(dir.path("fronts.geojson")).features(repair: nil))
        let got = Self.byName(read.features)
        #expect(read.features.count == 12)
        #expect(Set(got.keys) == Set(reference.keys))
        #expect(read.crs == format.crs)
        var worst = 0.0
        for (name, ref) in reference {
            let f = try #require(got[name], "\(format): \(name) missing")
            for key in ["holder", "status"] {
                #expect(f.properties[key]?.string == ref.properties[key]?.string, "\(format) \(name).\(key)")
            }
            // FlatGeobuf has no date type: ogr2ogr writes a date-time at midnight, which the importer reads as the date.
            #expect(f.properties["date"]?.string?.prefix(10) == ref.properties["date"]?.string?.prefix(10), "\(format) \(name).date")
            let a = try #require(f.geometry?.multiPolygon), b = try #require(ref.geometry?.multiPolygon)
            #expect(a.polygons.count == b.polygons.count, "\(format) \(name)")
            #expect(a.polygons.map(\.holes.count).sorted() == b.polygons.map(\.holes.count).sorted(), "\(format) \(name)")
            worst = max(worst, Self.relative(a.areaKm2, b.areaKm2))
        }
        #expect(worst <= 1e-9, "\(format): worst relative area difference \(worst)")
    }

    @Test(
        "Through the import pipeline (dates, sides, status, region): the same ground as from GeoJSON, within 1e-9",
        arguments: OGRFixture.Format.allCases)
    func groundMatchesGeoJSON(_ format: OGRFixture.Format) throws {
        let dir = try TempDir()
        let path = try OGRFixture.write(format, in: dir)
        let importer = GroundImport(dating: .property("date"), attributes: Self.attributes, region: try BBox(parsing: OGRFixture.region))
        let engine = GeometryEngine()
        let ogr = try importer.ground(try OGRFile(path).features(repair: nil), file: path, engine: engine)
        let json = try importer.ground(
            try GeoJSONFile(dir.path("fronts.geojson")).features(repair: nil), file: "fronts.geojson", engine: engine)
        #expect(ogr.byKey.map(\.0) == json.byKey.map(\.0))
        // Three dates; both sides; a claimed feature among the assessed.
        #expect(Set(json.byKey.map(\.0.day)).count == 3)
        #expect(Set(json.byKey.map(\.0.side)) == ["russia", "ukraine"])
        #expect(json.byKey.contains { $0.0.status == .claimed })
        let worst = zip(ogr.byKey, json.byKey).map { Self.relative($0.1.areaKm2, $1.1.areaKm2) }.max() ?? .nan
        #expect(worst <= 1e-9, "\(format): worst relative area difference \(worst)")
    }

    /// Runs `import ogr` on `file` and `import geojson` on `geojson` with the same `options` into
    /// two folders under `dir`; returns each output file's areas by (date, side, status, territory).
    static func importBoth(_ file: String, geojson: String, options: [String], in dir: TempDir) async throws
        -> (ogr: [String: [String: (Double, String?)]], geojson: [String: [String: (Double, String?)]])
    {
        func areas(_ folder: String) throws -> [String: [String: (Double, String?)]] {
            var out: [String: [String: (Double, String?)]] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
                var byKey: [String: (Double, String?)] = [:]
                // Read as a data folder reads them: rounding to 1e-6° can make a vertex repeat, which is repaired.
                let file = folder + "/" + name
                for (day, a) in try ControlFile.decode(try read(file), file: file, repair: GeometryRepair(strict: false)) {
                    byKey["\(day) \(a.side) \(a.status.rawValue) \(a.territory ?? "-")"] = (try a.geometry.areaKm2, a.source.crs)
                }
                out[name] = byKey
            }
            return out
        }
        let r1 = try await CLI.run(["import", "ogr", file] + options + ["--out", dir.path("from-ogr")])
        try #require(r1.status == 0, "\(r1.stderr)")
        let r2 = try await CLI.run(["import", "geojson", geojson] + options + ["--out", dir.path("from-geojson")])
        try #require(r2.status == 0, "\(r2.stderr)")
        return (try areas(dir.path("from-ogr")), try areas(dir.path("from-geojson")))
    }

    @Test("import ogr writes the snapshots import geojson writes, with the source CRS recorded", arguments: OGRFixture.Format.allCases)
    func commandMatchesGeoJSON(_ format: OGRFixture.Format) async throws {
        let dir = try TempDir()
        let path = try OGRFixture.write(format, in: dir)
        try OGRFixture.territories.write(toFile: dir.path("territories.geojson"), atomically: true, encoding: .utf8)
        let options = OGRFixture.mapping + ["--territories", dir.path("territories.geojson")]
        let (ogr, json) = try await Self.importBoth(path, geojson: dir.path("fronts.geojson"), options: options, in: dir)
        #expect(ogr.keys.sorted() == ["2024-03-01.geojson", "2024-03-08.geojson", "2024-03-15.geojson"])
        #expect(ogr.keys.sorted() == json.keys.sorted())
        for (name, areas) in json {
            let other = try #require(ogr[name])
            #expect(other.keys.sorted() == areas.keys.sorted(), "\(format) \(name)")
            #expect(areas.keys.contains { $0.contains(" East") } && areas.keys.contains { $0.contains(" West") }, "\(name)")
            for (key, (km2, crs)) in areas {
                let (got, gotCRS) = try #require(other[key])
                // The files hold coordinates rounded to 1e-6° (≈ 0.1 m): a last digit may round the
                // other way, so the written areas agree to 1e-6; 1e-9 is the test above, before writing.
                #expect(Self.relative(got, km2) <= 1e-6, "\(format) \(name) \(key): \(got) vs \(km2)")
                #expect(crs == nil)
                #expect(gotCRS == format.crs)
            }
        }
    }

    @Test("Kursk's 2024-09-01 snapshot as a UTM 36N shapefile: the same snapshot back, split by the basemap's territories")
    func kurskShapefile() async throws {
        let dir = try TempDir()
        let source = KurskData.folder.appendingPathComponent("control/2024-09-01.geojson").path
        _ = try runTool("ogr2ogr", ["-f", "ESRI Shapefile", dir.path("kursk.shp"), source, "-t_srs", "EPSG:32636"])
        let options = [
            "--date-property", "date", "--side-property", "side=russia:russia", "--side-property", "side=ukraine:ukraine",
            "--status-property", "status", "--source", "Kursk via a shapefile",
            "--territories", KurskData.folder.appendingPathComponent("basemap/territories.geojson").path,
        ]
        let (ogr, json) = try await Self.importBoth(dir.path("kursk.shp"), geojson: source, options: options, in: dir)
        let areas = try #require(json["2024-09-01.geojson"]), other = try #require(ogr["2024-09-01.geojson"])
        #expect(areas.keys.sorted() == other.keys.sorted())
        #expect(areas.keys.contains("2024-09-01 ukraine assessed Russia"), "\(areas.keys.sorted())")
        for (key, (km2, _)) in areas {
            let (got, crs) = try #require(other[key])
            #expect(Self.relative(got, km2) <= 1e-6, "\(key): \(got) vs \(km2) km²")
            #expect(crs == "EPSG:32636 (WGS 84 / UTM zone 36N)")
        }
        // In process, before rounding: every feature's area within 1e-9.
        let shp = Self.byKey(try OGRFile(dir.path("kursk.shp")).features(repair: nil))
        let geo = Self.byKey(try GeoJSONFile(source).features(repair: nil))
        #expect(shp.count == geo.count && !geo.isEmpty)
        for (key, a) in geo { #expect(Self.relative(shp[key] ?? 0, a) <= 1e-9, "\(key)") }
    }

    static func byKey(_ features: [GeoFeature]) -> [String: Double] {
        var out: [String: Double] = [:]
        for f in features {
            let key = ["side", "status", "territory"].map { f.properties[$0]?.string ?? "-" }.joined(separator: " ")
            out[key, default: 0] += f.geometry?.multiPolygon?.areaKm2 ?? 0
        }
        return out
    }
}
