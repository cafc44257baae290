import Foundation
import Testing

/// Issue 16: a front unlike Kursk, from raw one-sided daily files to frames, video and report, with
/// exactly the commands the README gives. The data come from scripts/make-test-front.py (another
/// region, a coast and a sea, one side only, a border drawn 1–2 km off the basemap's, gaps in the
/// border lines, missing days, a gzipped day, a Point among the polygons).
@Suite("Map your own front", .serialized)
struct OwnFrontTests {
    /// A generated front in a fresh folder: OUT/myfront, OUT/raw, OUT/truth.json.
    static func generated(days: Int = 20) throws -> TempDir {
        let dir = try TempDir()
        _ = try runTool(
            "python3", [CLI.root.appendingPathComponent("scripts/make-test-front.py").path, dir.path("."), "--days", "\(days)"])
        return dir
    }

    /// The lines of the README's "Map your own front" command block, as written there.
    static func readmeCommands() throws -> [String] {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Map your own front").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        return block.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// Runs one command line through the shell (globs and quotes as a user's), with the built
    /// `frontline` first on PATH, in `dir`.
    static func shell(_ line: String, in dir: TempDir) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        process.currentDirectoryURL = dir.url
        let bin = CLI.binary.deletingLastPathComponent().path
        let env = ProcessInfo.processInfo.environment
        process.environment = ["PATH": bin + ":" + (env["PATH"] ?? "/usr/bin:/bin"), "HOME": env["HOME"] ?? "/tmp"]
        let out = dir.url.appendingPathComponent(".stdout"), err = dir.url.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// stats as CSV with six decimals: (date, side) → (held, across the border).
    static func stats(_ dir: TempDir) throws -> [String: (held: Double, across: Double)] {
        let r = try shell("frontline stats --data myfront --digits 6", in: dir)
        try #require(r.status == 0, "\(r.stderr)")
        var out: [String: (Double, Double)] = [:]
        for line in r.stdout.split(separator: "\n").dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            out["\(c[0]) \(c[2])"] = (Double(c[3]) ?? .nan, Double(c[4]) ?? .nan)
        }
        return out
    }

    @Test("The README's commands on generated one-sided daily files: areas, borders and settlements right")
    func readmeCommandsOnGeneratedFront() throws {
        let dir = try TempDir()
        let commands = try Self.readmeCommands()
        #expect(commands.count <= 5 && commands.allSatisfy { $0.hasPrefix("frontline ") }, "\(commands)")
        try #require(commands.first?.hasPrefix("frontline init myfront ") == true, "\(commands)")
        var importLog = ""
        for (k, line) in commands.enumerated() {
            let r = try Self.shell(line, in: dir)
            try #require(r.status == 0, "\(line): \(r.stderr)")
            if line.contains("import geojson") { importLog = r.stdout + r.stderr }
            if k == 0 {
                // Someone's daily files, along the border init drew (and 1–2 km off it).
                _ = try runTool(
                    "python3",
                    [
                        CLI.root.appendingPathComponent("scripts/make-test-front.py").path, dir.path("."), "--along", dir.path("myfront"),
                        "--days", "20",
                    ])
            }
        }
        #expect(importLog.contains("occupied_20250306.geojson: feature 1: Point skipped"), "\(importLog)")
        #expect(importLog.contains("km² of border slivers moved"), "\(importLog)")
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: dir.url.appendingPathComponent("truth.json")))
        // 20 days, every seventh from the fourth missing.
        #expect(truth.dates.count == 17)
        let frames = try FileManager.default.contentsOfDirectory(atPath: dir.path("myfront-frames")).filter { $0.hasSuffix(".png") }
        #expect(frames.count == truth.dates.count)
        #expect(FileManager.default.fileExists(atPath: dir.path("myfront.mp4")))
        #expect(FileManager.default.fileExists(atPath: dir.path("myfront-report/index.html")))

        // Held area: the raw files measured by GeographicLib's Python port, independently of frontline.
        let expected = try Self.independentAreas(dir.path("truth.json"))
        let rows = try Self.stats(dir)
        let five = [truth.dates[0], truth.dates[4], truth.dates[8], truth.dates[12], truth.dates[16]]
        for date in five {
            let raw = try #require(expected[date]), ru = try #require(rows["\(date) russia"]), ua = try #require(rows["\(date) ukraine"])
            #expect(abs(ru.held - raw) / raw < 1e-6, "\(date): held \(ru.held) km², raw files \(raw) km²")
            // All of the ground lies west of the source's border: every km² of it is in Ukraine, none
            // is counted in Russia, and Ukraine, at home, holds nothing across a border.
            #expect(abs(ru.across - raw) / raw < 1e-6, "\(date): across \(ru.across) km², raw files \(raw) km²")
            #expect(ua.across == 0)
            #expect(ua.held > 40_000, "ukraine holds the rest of Ukraine: \(ua.held) km²")
        }
        let diff = try Self.shell("frontline diff --data myfront --from \(truth.dates[0]) --to \(truth.dates[16])", in: dir)
        let changed = diff.stdout.split(separator: "\n").filter { $0.contains(" → ") }
        #expect(!changed.isEmpty && changed.allSatisfy { $0.hasSuffix(": ukraine → russia") }, "\(diff.stdout)")
        #expect(!diff.stdout.contains("none"), "\(diff.stdout)")
    }

    @Test("Without the border tolerance the slivers count as ground in the wrong country")
    func slivers() throws {
        let dir = try Self.generated(days: 3)
        let r = try Self.shell(
            "frontline import geojson raw/*.geojson --side east --source s --border-tolerance 0 --out myfront/control", in: dir)
        try #require(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("east/Eastland"), "\(r.stdout)")
        let rows = try Self.stats(dir)
        let day = try #require(rows["2025-03-01 east"])
        // The source's border runs up to 2 km east of the basemap's along 150 km.
        #expect(day.held - day.across > 50, "\(day)")
    }

    @Test("One file with a date per feature, gzipped")
    func datedFeatures() throws {
        let dir = try Self.generated(days: 3)
        let merged = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"day":"20250301"},"geometry":{"type":"Polygon","coordinates":[[[21.0,39.0],[21.1,39.0],[21.1,39.1],[21.0,39.0]]]}},
            {"type":"Feature","properties":{"day":"2025-03-04T12:00:00Z"},"geometry":{"type":"Polygon","coordinates":[[[21.0,39.0],[21.2,39.0],[21.2,39.1],[21.0,39.0]]]}}]}
            """
        try Data(merged.utf8).write(to: dir.url.appendingPathComponent("all.geojson"))
        _ = try runTool("gzip", ["-n", dir.path("all.geojson")])
        let r = try Self.shell(
            "frontline import geojson all.geojson.gz --side east --source s --date-property day --out myfront/control", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path("myfront/control")).sorted()
        #expect(files == ["2025-03-01.geojson", "2025-03-04.geojson"], "\(files)")
    }

    @Test("Bad input: one line naming the file and the place, non-zero, no folder left")
    func badInput() throws {
        let dir = try Self.generated(days: 3)
        try Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]).write(to: dir.url.appendingPathComponent("cut_20250301.geojson.gz"))
        try Data(
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21,39],[21.1,39]]]}}]}"
                .utf8
        )
        .write(to: dir.url.appendingPathComponent("short_20250301.geojson"))
        try FileManager.default.copyItem(
            at: dir.url.appendingPathComponent("raw/occupied_20250301.geojson"), to: dir.url.appendingPathComponent("nodate.geojson"))
        let cases: [(String, String)] = [
            (
                "frontline import geojson raw/occupied_20250301.geojson --side nobody --source s --out myfront/control",
                "'nobody' is not a side in"
            ),
            (
                "frontline import geojson cut_20250301.geojson.gz --side east --source s --out myfront/control",
                "cut_20250301.geojson.gz: gzip data ends early"
            ),
            (
                "frontline import geojson short_20250301.geojson --side east --source s --out myfront/control",
                "short_20250301.geojson: feature 0, ring 0: has 2 positions"
            ),
            (
                "frontline import geojson nodate.geojson --side east --source s --out myfront/control",
                "nodate.geojson: no date in the file name"
            ),
            (
                "frontline import geojson truth.json --side east --source s --out myfront/control",
                "truth.json: expected a GeoJSON FeatureCollection"
            ),
            (
                "frontline import geojson raw/occupied_20250301.geojson raw/occupied_20250302.geojson short_20250301.geojson --side east --source s --out myfront/control",
                "short_20250301.geojson: feature 0"
            ),
        ]
        for (line, message) in cases {
            let r = try Self.shell(line, in: dir)
            #expect(r.status != 0, "\(line)")
            let errors = r.stderr.split(separator: "\n").filter { !$0.hasPrefix("warning:") }
            #expect(errors.count == 1 && errors[0].contains(message), "\(line): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.path("myfront/control")), "\(line) left a folder")
        }
    }

    @Test("validate prints every problem of a folder in one run")
    func validateEveryProblem() throws {
        let dir = try Self.generated(days: 3)
        func edit(_ file: String, _ from: String, _ to: String) throws {
            let url = dir.url.appendingPathComponent(file)
            try Data(try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: from, with: to).utf8).write(to: url)
        }
        try #require(
            try Self.shell("frontline import geojson raw/*.geojson --side east --source s --out myfront/control", in: dir).status == 0)
        try Data("{\"type\": \"FeatureCollection\", \"features\": [".utf8).write(
            to: dir.url.appendingPathComponent("myfront/control/2025-03-02.geojson"))
        try edit("myfront/settlements.geojson", "\"exact\"", "\"roughly\"")
        try edit("myfront/basemap/border.geojson", "MultiLineString", "MultiLine")
        try edit("myfront/control/2025-03-03.geojson", "\"side\": \"east\"", "\"side\": \"north\"")
        let r = try Self.shell("frontline validate myfront", in: dir)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5 && lines.last == "4 problems", "\(r.stdout)")
        for needle in [
            "myfront/control/2025-03-02.geojson: line 1, column 44: malformed JSON",
            "myfront/settlements.geojson: feature 0: property \"precision\" is 'roughly'",
            "myfront/basemap/border.geojson: feature 0: unsupported geometry type \"MultiLine\"",
            "myfront/control/2025-03-03.geojson: feature 0 (north): side 'north' is not in dataset.json",
        ] {
            #expect(lines.contains { $0.hasPrefix(needle) }, "\(needle) in \(r.stdout)")
        }
    }

    @Test("import territories closes the gaps of tiled border lines, refuses merged countries, and writes a folder's territories")
    func territoriesFromGappedLines() throws {
        let dir = try Self.generated(days: 3)
        let base =
            "frontline import territories myfront/basemap/border.geojson myfront/basemap/coast.geojson --region 20,38,23,40 --name Westland=20.5,39.5 --name Eastland=22.5,39.5 --name Sea=21,38.1"
        let r = try Self.shell(base + " --out t.geojson", in: dir)
        try #require(r.status == 0, "\(r.stderr)")
        // The generator's own countries (its border before the gaps were cut), measured by GeographicLib's Python port.
        let made = try Self.independentAreas(dir.path("myfront/basemap/territories.geojson"))
        let imported = try Self.territoryAreas(dir.path("t.geojson"))
        for name in ["Westland", "Eastland"] {
            let a = try #require(imported[name]), b = try #require(made[name])
            #expect(abs(a - b) / b < 1e-4, "\(name): imported \(a) km², generated \(b) km²")
        }
        // Gaps of 0.003° are wider than a 0.001° snap: the two countries fall in one face.
        let tight = try Self.shell(base + " --snap 0.001 --out t2.geojson", in: dir)
        #expect(tight.status != 0 && tight.stderr.contains("Westland and Eastland fall in one face"), "\(tight.stderr)")
        let outside = try Self.shell(base + " --name Nowhere=30,39 --out t2.geojson", in: dir)
        #expect(outside.status != 0 && outside.stderr.contains("--name Nowhere: the point 30.0,39.0 lies in no face"), "\(outside.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("t2.geojson")))
        // The output serves as the folder's territories: the import and validate pass on it.
        try FileManager.default.removeItem(atPath: dir.path("myfront/basemap/territories.geojson"))
        try FileManager.default.moveItem(atPath: dir.path("t.geojson"), toPath: dir.path("myfront/basemap/territories.geojson"))
        #expect(try Self.shell("frontline import geojson raw/*.geojson* --side east --source s --out myfront/control", in: dir).status == 0)
        let v = try Self.shell("frontline validate myfront", in: dir)
        #expect(v.status == 0, "\(v.stdout)")
    }

    /// scripts/geodesic-area.py's figures: date or name → km².
    static func independentAreas(_ path: String) throws -> [String: Double] {
        let text = try runTool("python3", [CLI.root.appendingPathComponent("scripts/geodesic-area.py").path, path])
        var out: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let c = line.split(separator: " ")
            out[String(c[0])] = Double(c[1])
        }
        return out
    }

    /// name → areaKm2 as a territories file states it.
    static func territoryAreas(_ path: String) throws -> [String: Double] {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        var out: [String: Double] = [:]
        for f in root?["features"] as? [[String: Any]] ?? [] {
            guard let p = f["properties"] as? [String: Any], let n = p["name"] as? String else { continue }
            out[n] = p["areaKm2"] as? Double
        }
        return out
    }

    struct Truth: Decodable {
        let dates: [String]
    }
}
