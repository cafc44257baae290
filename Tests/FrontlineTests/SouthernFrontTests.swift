import Foundation
import Testing

/// A front the first users did not have (found walking through "Map your own front" on southern
/// Ukraine): the occupier's home lies outside the region, the region has a sea, and the daily file's
/// outline runs past the coast.
@Suite("A southern front: home outside the region, sea, outline past the coast", .serialized)
struct SouthernFrontTests {
    /// One side's ground south of a wavy line across the region, its southern edge out in the sea.
    private func writeRawFile(_ path: String) throws {
        var ring: [[Double]] = []
        for i in 0...200 {
            let lon = 32.8 + 4.6 * Double(i) / 200
            ring.append([lon, 47.25 + 0.08 * sin(lon * 3.1)])
        }
        ring += [[37.4, 46.6], [32.8, 46.6], ring[0]]
        let coords = ring.map { "[\($0[0]),\($0[1])]" }.joined(separator: ",")
        let text = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
            "geometry":{"type":"MultiPolygon","coordinates":[[[\(coords)]]]}}]}
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test(
        "init takes a home outside the region (and says so), writes the sea; import leaves out ground over water; the folder validates and renders"
    )
    func southernFront() async throws {
        let dir = try TempDir()
        let folder = dir.path("south")
        let r = try await CLI.run([
            "init", folder, "--region", "32.5,46.0,37.5,48.2", "--title", "Southern front", "--side",
            "ukraine=Ukrainian forces:Ukraine", "--side", "russia=Russian forces:Russia", "--rest-of-home", "ukraine",
        ])
        try #require(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Russia (home of russia) is outside the region"), "\(r.stderr)")
        let manifest = try String(contentsOfFile: folder + "/dataset.json", encoding: .utf8)
        #expect(manifest.contains("\"homeOutsideRegion\": true"), "\(manifest)")
        // The sea is written as water: the region less Ukraine, so the two add up to the region.
        let water = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/basemap/water.geojson")))
        let waterKm2 =
            try #require(((water as? [String: Any])?["features"] as? [[String: Any]])?.first?["properties"] as? [String: Any])[
                "areaKm2"] as? Double
        let land = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/basemap/territories.geojson")))
        let landKm2 = ((land as? [String: Any])?["features"] as? [[String: Any]])?.compactMap {
            ($0["properties"] as? [String: Any])?["areaKm2"] as? Double
        }.reduce(0, +)
        let regionKm2 = try Double(runTool("python3", ["-c", Self.regionAreaScript]).trimmingCharacters(in: .whitespacesAndNewlines))
        let sum = (waterKm2 ?? 0) + (landKm2 ?? 0)
        #expect(
            abs(sum - (regionKm2 ?? 0)) / (regionKm2 ?? 1) < 1e-6,
            "water \(waterKm2 ?? 0) + land \(landKm2 ?? 0) vs region \(regionKm2 ?? 0)")
        #expect((waterKm2 ?? 0) > 10_000, "the Sea of Azov and the Black Sea are in the region")

        let raw = dir.path("occupied_20250301.geojson")
        try writeRawFile(raw)
        let imported = try await CLI.run(["import", "geojson", raw, "--side", "russia", "--source", "Test", "--out", folder + "/control"])
        try #require(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("km² over water left out"), "\(imported.stdout)")
        #expect(!imported.stdout.contains("no territory"), "\(imported.stdout)")
        let validate = try await CLI.run(["validate", folder])
        #expect(validate.status == 0, "\(validate.stdout)")
        // Without the flag, a home that is no territory is a problem (a misspelling must not pass).
        let manifestURL = URL(fileURLWithPath: folder + "/dataset.json")
        let unflagged = manifest.replacingOccurrences(of: "\"homeOutsideRegion\": true", with: "\"holdsRestOfHome\": false")
        try #require(unflagged != manifest)
        try Data(unflagged.utf8).write(to: manifestURL)
        let refused = try await CLI.run(["validate", folder])
        #expect(
            refused.status != 0 && refused.stdout.contains("if it lies outside the region, say so with \"homeOutsideRegion\": true"),
            "\(refused.stdout)")
        try Data(manifest.utf8).write(to: manifestURL)
        let stats = try await CLI.run(["stats", "--data", folder, "--format", "csv"])
        #expect(stats.status == 0 && stats.stdout.contains("russia"), "\(stats.stdout)\(stats.stderr)")
        let png = dir.path("south.png")
        let render = try await CLI.run(["render", "--data", folder, "--date", "2025-03-01", "--size", "960x540", "--out", png])
        #expect(render.status == 0 && FileManager.default.fileExists(atPath: png), "\(render.stderr)")
    }

    @Test("A misspelt home outside the region is refused; so is the rest of a home outside it; nothing is written")
    func badHomes() async throws {
        let dir = try TempDir()
        let target = dir.path("south")
        let cases: [([String], String)] = [
            (["--side", "russia=Russian forces:Rusia"], "--side russia: no country 'Rusia' in Natural Earth"),
            (["--side", "russia=Russian forces:Russia", "--rest-of-home", "russia"], "--rest-of-home russia: Russia is not in the region"),
        ]
        for (args, message) in cases {
            let r = try await CLI.run(["init", target, "--region", "32.5,46.0,37.5,48.2"] + args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderrLines.count == 1 && r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: target), "\(args) left a folder")
        }
    }

    /// The region's area (km²) on WGS84, exactly: a band between two parallels is the authalic
    /// formula, independent of Frontline's GeographicLib (sampling the parallels with geodesics
    /// under-counts: 500 points an edge still miss 0.2%).
    static let regionAreaScript = """
        import math
        a = 6378137.0; f = 1 / 298.257223563; e2 = f * (2 - f); e = math.sqrt(e2)
        def q(deg):
            s = math.sin(math.radians(deg))
            return (1 - e2) * (s / (1 - e2 * s * s) - math.log((1 - e * s) / (1 + e * s)) / (2 * e))
        print(a * a / 2 * math.radians(37.5 - 32.5) * (q(48.2) - q(46.0)) / 1e6)
        """
}
