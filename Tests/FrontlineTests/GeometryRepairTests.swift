import GeoCore
import MapData
import Foundation
import Testing

/// Invalid polygons are repaired with GEOS make-valid and reported, or refused under --strict; the
/// repaired areas are checked against areas computed independently from the intended shapes.
@Suite("Geometry repair")
struct GeometryRepairTests {
    private func p(_ lon: Double, _ lat: Double) -> LonLat { (try? LonLat(lon: lon, lat: lat)) ?? LonLat(wrappingLon: 0, clampingLat: 0) }
    private func ring(_ pts: [(Double, Double)]) throws -> Ring { try Ring(pts.map { p($0.0, $0.1) }) }
    private let square = [(35.0, 51.2), (35.2, 51.2), (35.2, 51.3), (35.0, 51.3), (35.0, 51.2)]

    /// A control file holding one feature with `geometry`.
    private func file(_ geometry: String) -> [UInt8] {
        let props = #"{"date": "2024-09-01", "side": "ukraine", "status": "assessed", "source": "t"}"#
        return Array(
            #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": \#(props), "geometry": \#(geometry)}]}"#.utf8)
    }
    private func polygon(_ rings: [[(Double, Double)]]) -> String {
        let text = rings.map { "[" + $0.map { "[\($0.0), \($0.1)]" }.joined(separator: ", ") + "]" }.joined(separator: ", ")
        return #"{"type": "Polygon", "coordinates": [\#(text)]}"#
    }

    /// Reads `geometry` leniently: the repaired area and the one warning.
    private func repaired(_ geometry: String) throws -> (km2: Double, warning: String) {
        let repair = GeometryRepair(strict: false)
        let areas = try ControlFile.decode(file(geometry), file: "c.geojson", repair: repair)
        #expect(repair.warnings.count == 1)
        return (try areas[0].1.geometry.areaKm2, repair.warnings.first?.description ?? "")
    }

    private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(abs(a), abs(b)) }

    @Test("a bow-tie becomes its two triangles, with their area")
    func bowTie() throws {
        let r = try repaired(polygon([[(35, 51.2), (35.2, 51.3), (35.2, 51.2), (35, 51.3), (35, 51.2)]]))
        // The two lobes meet where the diagonals cross, at (35.1, 51.25) on the straight lon/lat lines.
        let left = try ring([(35, 51.2), (35.1, 51.25), (35, 51.3), (35, 51.2)])
        let right = try ring([(35.2, 51.2), (35.2, 51.3), (35.1, 51.25), (35.2, 51.2)])
        let expected = Geodesic.areaKm2(left) + Geodesic.areaKm2(right)
        #expect(close(r.km2, expected), "\(r.km2) vs \(expected)")
        #expect(
            r.warning.hasPrefix("c.geojson: feature 0: repaired invalid geometry (polygon 0, ring 0: self-intersection at 35.1 51.25)"),
            "\(r.warning)")
    }

    @Test("repeated positions are dropped: the area is the square's")
    func repeatedPositions() throws {
        let r = try repaired(polygon([[square[0], square[1], square[1], square[1], square[2], square[3], square[4]]]))
        #expect(close(r.km2, Geodesic.areaKm2(try ring(square))))
        #expect(r.warning.contains("polygon 0, ring 0: position 2 repeats the one before (2 repeats)"), "\(r.warning)")
    }

    @Test("an unclosed ring is closed: the area is the square's")
    func unclosedRing() throws {
        let r = try repaired(polygon([Array(square.dropLast())]))
        #expect(close(r.km2, Geodesic.areaKm2(try ring(square))))
        #expect(r.warning.contains("ring is not closed"), "\(r.warning)")
    }

    @Test("a hole outside its shell becomes a polygon of its own: both areas count")
    func holeOutsideShell() throws {
        let hole = [(35.5, 51.2), (35.6, 51.2), (35.6, 51.3), (35.5, 51.2)]
        let r = try repaired(polygon([square, hole]))
        let expected = Geodesic.areaKm2(try ring(square)) + Geodesic.areaKm2(try ring(hole))
        #expect(close(r.km2, expected), "\(r.km2) vs \(expected)")
        #expect(r.warning.contains("polygon 0: hole lies outside shell"), "\(r.warning)")
    }

    @Test("a ring that crosses its hole: the repair keeps the area of shell less hole")
    func holeCrossingShell() throws {
        let hole = [(35.1, 51.25), (35.3, 51.25), (35.3, 51.28), (35.1, 51.28), (35.1, 51.25)]
        let r = try repaired(polygon([square, hole]))
        // Shell less the part of the hole inside it; the part outside becomes ground of its own.
        let inside = try ring([(35.1, 51.25), (35.2, 51.25), (35.2, 51.28), (35.1, 51.28), (35.1, 51.25)])
        let outside = try ring([(35.2, 51.25), (35.3, 51.25), (35.3, 51.28), (35.2, 51.28), (35.2, 51.25)])
        let expected = Geodesic.areaKm2(try ring(square)) - Geodesic.areaKm2(inside) + Geodesic.areaKm2(outside)
        #expect(abs(r.km2 - expected) < 1e-3, "\(r.km2) vs \(expected)")
    }

    @Test("winding is not a problem: either orientation reads with the same area and no warning")
    func winding() throws {
        let repair = GeometryRepair(strict: true)
        let ccw = try ControlFile.decode(file(polygon([square])), file: "a.geojson", repair: repair)
        let cw = try ControlFile.decode(file(polygon([square.reversed()])), file: "b.geojson", repair: repair)
        #expect(repair.warnings.isEmpty)
        #expect(close(try ccw[0].1.geometry.areaKm2, try cw[0].1.geometry.areaKm2))
    }

    @Test("--strict refuses invalid geometry, naming file, feature, polygon and ring")
    func strict() throws {
        do {
            _ = try ControlFile.decode(
                file(polygon([[(35, 51.2), (35.2, 51.3), (35.2, 51.2), (35, 51.3), (35, 51.2)]])), file: "c.geojson",
                repair: GeometryRepair(strict: true))
            Issue.record("a bow-tie was accepted under strict")
        } catch {
            #expect(error.description.hasPrefix("c.geojson: feature 0, polygon 0, ring 0: invalid geometry: self-intersection"), "\(error)")
        }
    }
}

/// The same through the binary: a warning and a map by default, an error and nothing under --strict.
@Suite("Geometry repair commands")
struct GeometryRepairCommandTests {
    static let bowTie = BadInputCorpus.root.appendingPathComponent("control/bow-tie.geojson")

    @Test("a bow-tie renders with one warning naming file, feature and ring; validate lists it as a problem")
    func lenientRenderAndValidate() async throws {
        let copy = try DataCopy()
        let dest = URL(fileURLWithPath: copy.path).appendingPathComponent("control/2024-09-01.geojson")
        try FileManager.default.removeItem(at: dest)
        try FileManager.default.copyItem(at: Self.bowTie, to: dest)
        let out = try TempDir()
        let r = try await CLI.run(["render", "--date", "2024-09-01", "--data", copy.path, "--out", out.path("x.png")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderrLines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("warning: \(copy.path)/control/2024-09-01.geojson: feature 0: repaired invalid geometry"), "\(r.stderr)")
        #expect(r.stderr.contains("polygon 0, ring 0: self-intersection at 35.1 51.25"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.path("x.png")))
        let v = try await CLI.run(["validate", copy.path])
        #expect(v.status != 0)
        #expect(v.stdout.contains("2024-09-01.geojson: feature 0: repaired invalid geometry"), "\(v.stdout)")
    }

    @Test("import kml: a bow-tie placemark is repaired with a warning, refused under --strict")
    func kmlImport() async throws {
        let tmp = try TempDir()
        let kml = tmp.path("bow.kml")
        try Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml><Document><Placemark><name>bow</name><styleUrl>#ua</styleUrl><Polygon><outerBoundaryIs><LinearRing>
            <coordinates>35,51.2 35.2,51.3 35.2,51.2 35,51.3 35,51.2</coordinates>
            </LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>
            """.utf8
        ).write(to: URL(fileURLWithPath: kml))
        let base = ["import", "kml", kml, "--date", "2024-09-01", "--region", "33.5,50.5,37,52.2", "--side", "ua=ukraine", "--source", "t"]
        let strict = try await CLI.run(base + ["--strict", "--out", tmp.path("strict")])
        expectCleanFailure(strict, mentions: ["bow.kml", "line 2, placemark 0", "self-intersection", "--strict"], outDir: nil)
        #expect(!FileManager.default.fileExists(atPath: tmp.path("strict")))
        let lenient = try await CLI.run(base + ["--out", tmp.path("out")])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.hasPrefix("warning: \(kml): line 2, placemark 0: repaired invalid geometry"), "\(lenient.stderr)")
        #expect(FileManager.default.fileExists(atPath: tmp.path("out/2024-09-01.geojson")))
    }
}
