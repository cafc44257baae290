import Foundation
import GeoCore
import MapData
import Testing

/// Issue 17's leftover: `import geojson` takes MultiPoint and GeometryCollection as `import ogr`
/// does (polygons kept, every other part named in a warning), while Frontline's own files still
/// hold one kind each.
@Suite("GeoJSON collections and multipoints")
struct GeoJSONCollectionTests {
    static let square = "[[35.0,51.0],[35.2,51.0],[35.2,51.2],[35.0,51.2],[35.0,51.0]]"
    static let file = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
         {"type":"Polygon","coordinates":[\(square)]},{"type":"Point","coordinates":[35.1,51.1]}]}},
        {"type":"Feature","properties":{},"geometry":{"type":"MultiPoint","coordinates":[[35.1,51.1],[35.3,51.3]]}}]}
        """

    @Test("The reader makes a collection of its parts and a multipoint of its positions, packed or not")
    func reader() throws {
        for packing in [true, false] {
            let features = try GeoJSONReader.features(Array(Self.file.utf8), file: "x.geojson", packing: packing)
            guard case .collection(let parts)? = features[0].geometry else { Issue.record("not a collection"); continue }
            #expect(parts.count == 2)
            #expect(features[0].geometry?.multiPolygon?.polygons.count == 1)
            guard case .multiPoint(let points)? = features[1].geometry else { Issue.record("not a multipoint"); continue }
            #expect(points == [try LonLat(lon: 35.1, lat: 51.1), try LonLat(lon: 35.3, lat: 51.3)])
        }
    }

    @Test(
        "Bad collections: one error naming feature and part",
        arguments: [
            (#"{"type":"GeometryCollection"}"#, "feature 0: GeometryCollection has no \"geometries\""),
            (
                #"{"type":"GeometryCollection","geometries":[{"type":"GeometryCollection","geometries":[]}]}"#,
                "feature 0, geometry 0: a GeometryCollection inside a GeometryCollection"
            ),
            (#"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[400,1]}]}"#, "feature 0, geometry 0"),
        ])
    func badCollections(geometry: String, message: String) throws {
        let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":"# + geometry + "}]}"
        do {
            _ = try GeoJSONReader.features(Array(text.utf8), file: "bad.geojson")
            Issue.record("accepted \(geometry)")
        } catch {
            #expect(error.description.contains("bad.geojson: " + message), "\(error.description)")
        }
    }

    @Test(
        "import geojson keeps a collection's polygon, names the dropped point and the multipoint; a control file may not hold a collection")
    func importCommand() async throws {
        let dir = try TempDir()
        let raw = dir.path("raw.geojson")
        try Data(Self.file.utf8).write(to: URL(fileURLWithPath: raw))
        let r = try await CLI.run([
            "import", "geojson", raw, "--date", "2024-09-01", "--side", "ukraine", "--region", "33.5,50.5,37,52.2", "--source", "x",
            "--out", dir.path("control"),
        ])
        try #require(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("feature 0, part 1: Point dropped"), "\(r.stderr)")
        #expect(r.stderr.contains("feature 1: MultiPoint skipped"), "\(r.stderr)")
        let written = try String(contentsOfFile: dir.path("control/2024-09-01.geojson"), encoding: .utf8)
        let square = try MultiPolygon([
            Polygon(
                outer: Ring(
                    [(35.0, 51.0), (35.2, 51.0), (35.2, 51.2), (35.0, 51.2), (35.0, 51.0)].map { try LonLat(lon: $0.0, lat: $0.1) }))
        ])
        let features = try GeoJSONReader.features(Array(written.utf8), file: "control")
        let area = features.compactMap { $0.geometry?.multiPolygon?.areaKm2 }.reduce(0, +)
        #expect(abs(area - square.areaKm2) / square.areaKm2 < 1e-6, "\(area) vs \(square.areaKm2)")
        // The same geometry as a GeometryCollection in a control file is refused.
        var root = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
        var list = try #require(root["features"] as? [[String: Any]])
        list[0]["geometry"] = ["type": "GeometryCollection", "geometries": [list[0]["geometry"] as Any]]
        root["features"] = list
        let collection = try JSONSerialization.data(withJSONObject: root)
        _ = try ControlFile.decode(Array(written.utf8), file: "control/2024-09-01.geojson")
        #expect(throws: DataError.self) {
            _ = try ControlFile.decode(Array(collection), file: "control/2024-09-01.geojson")
        }
    }
}
