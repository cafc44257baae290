import Foundation
import Testing

@testable import Atlas
import Cartography
import GeoCore
@testable import MapData
import MapRender

/// Issue 18: on a front unlike Kursk (a coast, a sea, a state border, one-sided data), the front line
/// runs only where the sides' grounds meet; coasts are drawn as coasts and borders as borders.
@Suite("A whole front, drawn right")
struct WholeFrontTests {
    private func scene(_ dir: TempDir) throws -> (SequenceContext, Scene) {
        try CoastalFront.write(to: dir.url)
        let c = try SequenceContext(
            dataset: try GeoJSONFolder(dir.path(".")).dataset(), theme: .standard, layout: Layout(width: 960, height: 540),
            measurer: PangoTextMeasurer())
        return (c, try c.scene(on: Day(parsing: "2024-03-01")))
    }

    @Test("The front keeps 1 px clear of the coast and the border but where it meets them, and covers every edge where the sides meet")
    func frontOnlyWhereSidesMeet() throws {
        let dir = try TempDir()
        let (c, scene) = try scene(dir)
        func path(_ group: String) -> [[Point]] {
            RecordTruthTests.items(in: group, scene.items).flatMap { item -> [[Point]] in
                if case .path(let p, _, _) = item { return p.subpaths }
                return []
            }
        }
        let front = path("front-line"), coast = path("coast"), border = path("border")
        #expect(!front.isEmpty && !coast.isEmpty && !border.isEmpty, "front \(front.count), coast \(coast.count), border \(border.count)")
        let junctions = try CoastalFront.frontEnds().map { c.projection.project($0) }
        for p in Geometry2D.densified(front, step: 0.5) where junctions.allSatisfy({ Geometry2D.distance($0, p) > 2 }) {
            #expect(Geometry2D.distance(p, to: coast) > 1, "front point \(p) on the coast")
            #expect(Geometry2D.distance(p, to: border) > 1, "front point \(p) on the border")
        }
        let expected = try CoastalFront.frontEdge().map { c.projection.project($0) }
        for p in Geometry2D.densified([expected], step: 0.5) {
            #expect(Geometry2D.distance(p, to: front) <= 1, "edge where the sides meet, \(p), has no front line")
        }
        // The coast is not drawn along the border, nor the border along the coast.
        let mouth = c.projection.project(try CoastalFront.borderMeetsCoast())
        for p in Geometry2D.densified(coast, step: 0.5) where Geometry2D.distance(p, mouth) > 2 {
            #expect(Geometry2D.distance(p, to: border) > 1, "coast point \(p) on the border")
        }
        let texts = ArchitectureTests.texts(scene.items)
        #expect(texts.contains("Coast") && texts.contains("State border") && texts.contains("Sea, lake"))
    }

    @Test("Country, sea and region names are on the map, none over held ground, each inside its own area")
    func namesClearOfHeldGround() throws {
        let dir = try TempDir()
        let (c, scene) = try scene(dir)
        let names = RecordTruthTests.items(in: "place-names", scene.items).compactMap { item -> TextItem? in
            if case .text(let t) = item { return t }
            return nil
        }
        func plain(_ s: String) -> String { s.replacingOccurrences(of: "\u{2009}", with: "").uppercased() }
        let found = Set(names.map { plain($0.text) })
        for expected in ["WEST", "EAST", "SOUTH SEA", "UPLAND OBLAST", "LOWLAND OBLAST", "STEPPE OBLAST"] {
            #expect(found.contains(expected), "no \(expected) among \(found.sorted())")
        }
        #expect(RecordTruthTests.items(in: "regions", scene.items).count == 1)
        #expect(ArchitectureTests.texts(scene.items).contains("Region boundary"))
        let held = RecordTruthTests.items(in: "control-red", scene.items).flatMap { item -> [[Point]] in
            if case .path(let p, _, _) = item { return p.subpaths }
            return []
        }
        #expect(!held.isEmpty)
        let measurer = try PangoTextMeasurer()
        for t in names {
            let m = measurer.measure(t.text, style: t.style, maxWidth: t.maxWidth)
            let box = t.box(width: m.width, height: m.height)
            for p in PageSampling.points(in: box, step: 2) {
                #expect(!PageSampling.inside(p, held), "'\(t.text)' at \(p) lies over held ground")
            }
            // Inside its own area: a country's name in the country, the sea's at sea.
            let area = c.namedAreas.first { plain($0.name) == plain(t.text) }
            let own = try #require(area, "\(t.text) names no area")
            let inOwn = PageSampling.points(in: box, step: 2).allSatisfy { PageSampling.inside($0, own.path.subpaths) }
            #expect(inOwn, "'\(t.text)' leaves its area")
        }
    }

    @Test("A gain too small to see at the map's scale is circled, with its km² beside it")
    func smallChangeCallout() throws {
        let dir = try TempDir()
        try CoastalFront.write(to: dir.url)
        // The next day red also holds a 0.02° square far from its ground: about 5 km², 2–3 px here.
        let square: [(Double, Double)] = [(0.8, 3.0), (0.82, 3.0), (0.82, 3.02), (0.8, 3.02), (0.8, 3.0)]
        func polygon(_ pts: [(Double, Double)]) -> String { "[[" + pts.map { "[\($0.0), \($0.1)]" }.joined(separator: ", ") + "]]" }
        let feature =
            "{\"type\": \"Feature\", \"properties\": {\"date\": \"2024-03-02\", \"side\": \"red\", \"status\": \"assessed\", "
            + "\"territory\": \"West\", \"source\": \"generated\"}, \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": ["
            + polygon(CoastalFront.red) + ", " + polygon(square) + "]}}"
        try Data("{\"type\": \"FeatureCollection\", \"features\": [\(feature)]}".utf8).write(
            to: dir.url.appendingPathComponent("control/2024-03-02.geojson"))
        let c = try SequenceContext(
            dataset: try GeoJSONFolder(dir.path(".")).dataset(), theme: .standard, layout: Layout(width: 960, height: 540),
            measurer: PangoTextMeasurer())
        let scene = try c.scene(on: Day(parsing: "2024-03-02"))
        let callouts = RecordTruthTests.items(in: "change-callouts", scene.items)
        let rings = callouts.compactMap { item -> Point? in
            if case .marker(.circle, let at, _, nil, _?) = item { return at }
            return nil
        }
        let centre = c.projection.project(try LonLat(lon: 0.81, lat: 3.01))
        #expect(rings.count == 1 && rings.allSatisfy { Geometry2D.distance($0, centre) < 3 }, "rings at \(rings), square at \(centre)")
        let km2 = Geodesic.signedAreaKm2(try square.map(CoastalFront.point))
        let label = callouts.compactMap { item -> String? in
            if case .text(let t) = item { return t.text }
            return nil
        }
        #expect(label == ["+" + Format().km2(abs(km2))], "\(label) for \(abs(km2)) km²")
    }

    @Test("Water is drawn as water; the page past the region as no data, with its legend entry")
    func waterAndNoData() throws {
        let dir = try TempDir()
        let (c, scene) = try scene(dir)
        let water = RecordTruthTests.items(in: "water", scene.items)
        #expect(
            water.contains { item in
                if case .path(_, let fill?, _) = item { return fill.color == Theme.standard.water }
                return false
            })
        // A 960×540 page around a 6°×4° region shows ground beyond it.
        #expect(c.showsBeyondRegion)
        let basemap = RecordTruthTests.items(in: "basemap", scene.items)
        #expect(
            basemap.first.map { item in
                if case .rect(_, let fill?, _, _) = item { return fill.color == Theme.standard.noData }
                return false
            } == true)
        #expect(ArchitectureTests.texts(scene.items).contains("No data (outside the data set's region)"))
        #expect(Theme.standard.noData != Theme.standard.water && Theme.standard.noData != Theme.standard.background)
    }
}

/// Points of page boxes and even–odd containment, for trace tests of where text lies.
enum PageSampling {
    static func points(in r: Rect, step: Double) -> [Point] {
        let nx = max(1, Int((r.width / step).rounded(.up))), ny = max(1, Int((r.height / step).rounded(.up)))
        var out: [Point] = []
        for i in 0...nx {
            for j in 0...ny { out.append(Point(r.x + r.width * Double(i) / Double(nx), r.y + r.height * Double(j) / Double(ny))) }
        }
        return out
    }

    static func inside(_ p: Point, _ rings: [[Point]]) -> Bool {
        var odd = false
        for ring in rings where ring.count > 2 {
            var j = ring.count - 1
            for i in 0..<ring.count {
                let a = ring[i], b = ring[j]
                if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { odd.toggle() }
                j = i
            }
        }
        return odd
    }
}

/// Page-space measures for trace tests.
enum Geometry2D {
    static func distance(_ a: Point, _ b: Point) -> Double { hypot(a.x - b.x, a.y - b.y) }

    /// Distance from `p` to the nearest segment of `lines`.
    static func distance(_ p: Point, to lines: [[Point]]) -> Double {
        var best = Double.infinity
        for line in lines {
            for (a, b) in zip(line, line.dropFirst()) {
                let dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy
                let t = len2 == 0 ? 0 : max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2))
                best = min(best, distance(p, Point(a.x + t * dx, a.y + t * dy)))
            }
        }
        return best
    }

    /// Points every `step` px along the lines.
    static func densified(_ lines: [[Point]], step: Double) -> [Point] {
        var out: [Point] = []
        for line in lines {
            for (a, b) in zip(line, line.dropFirst()) {
                let n = max(1, Int((distance(a, b) / step).rounded(.up)))
                for k in 0..<n { out.append(Point(a.x + (b.x - a.x) * Double(k) / Double(n), a.y + (b.y - a.y) * Double(k) / Double(n))) }
            }
            if let last = line.last { out.append(last) }
        }
        return out
    }
}

/// A front unlike Kursk: two countries on a coast with a sea to the south; one side's ground (only it is
/// in the data) runs from the coast to the border inside its neighbour.
enum CoastalFront {
    static let coast: [(Double, Double)] = [(0, 1.2), (1, 0.9), (2, 1.1), (3, 0.8), (4, 1.0), (5, 1.3), (6, 1.0)]
    static let border: [(Double, Double)] = [(3, 4), (3.2, 2.5), (3, 0.8)]
    /// Red's ground in West: along the coast, up the border, then the front back to the coast.
    static let red: [(Double, Double)] = [(2, 1.1), (3, 0.8), (3.2, 2.5), (3.12, 3.1), (2.4, 2.8), (1.9, 1.9), (2, 1.1)]
    static func frontEdge() throws -> [LonLat] { try [(3.12, 3.1), (2.4, 2.8), (1.9, 1.9), (2, 1.1)].map(point) }
    static func frontEnds() throws -> [LonLat] { [try point((3.12, 3.1)), try point((2, 1.1))] }
    static func borderMeetsCoast() throws -> LonLat { try point((3, 0.8)) }

    static func point(_ p: (Double, Double)) throws -> LonLat { try LonLat(lon: p.0, lat: p.1) }

    /// Days 2…`days` after 1 March 2024: red's front pushed west by 0.004° a day.
    static func writeMovingDays(to root: URL, days: Int) throws {
        let start = try Day(parsing: "2024-03-01")
        for k in 1..<days {
            let day = start.adding(days: k)
            let shift = 0.004 * Double(k)
            let moved = red.map { p in p.0 < 3 && p.1 > 1.15 ? (p.0 - shift, p.1) : p }
            let ring = "[" + moved.map { "[\($0.0), \($0.1)]" }.joined(separator: ", ") + "]"
            let feature =
                "{\"type\": \"Feature\", \"properties\": {\"date\": \"\(day)\", \"side\": \"red\", \"status\": \"assessed\", "
                + "\"territory\": \"West\", \"source\": \"generated\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [\(ring)]}}"
            try Data("{\"type\": \"FeatureCollection\", \"features\": [\(feature)]}".utf8).write(
                to: root.appendingPathComponent("control/\(day).geojson"))
        }
    }

    static func write(to root: URL) throws {
        func put(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func ring(_ pts: [(Double, Double)]) -> String {
            "{\"type\": \"Polygon\", \"coordinates\": [[" + pts.map { "[\($0.0), \($0.1)]" }.joined(separator: ", ") + "]]}"
        }
        func collection(_ features: [String]) -> String {
            "{\"type\": \"FeatureCollection\", \"features\": [\(features.joined(separator: ", "))]}"
        }
        func named(_ name: String, _ g: String) -> String {
            "{\"type\": \"Feature\", \"properties\": {\"name\": \"\(name)\"}, \"geometry\": \(g)}"
        }
        let westCoast = Array(coast.prefix(4)), eastCoast = Array(coast.suffix(4))
        let west = [(0.0, 4.0)] + border.dropLast() + westCoast.reversed() + [(0.0, 4.0)]
        let east = [(3.0, 4.0), (6.0, 4.0)] + eastCoast.reversed() + border.reversed().dropFirst()
        let sea = [(0.0, 0.0), (6.0, 0.0)] + coast.reversed() + [(0.0, 0.0)]
        try put(
            "dataset.json",
            """
            {"title": "Coastal front", "region": [0, 0, 6, 4], "sides": [
              {"id": "blue", "name": "Blue forces", "home": "West"}, {"id": "red", "name": "Red forces", "home": "East"}],
             "attribution": ["Generated test front."]}
            """)
        // The occupied country second: a front that kept clear of the first territory's edges only would run along its coast.
        try put("basemap/territories.geojson", collection([named("East", ring(east)), named("West", ring(west))]))
        try put("basemap/water.geojson", collection([named("South Sea", ring(sea))]))
        // Regions: West in two across its middle, East whole; outlined and named, never used to split control.
        let upland = [(0.0, 4.0), (3.0, 4.0), (3.2, 2.5), (0.0, 2.5), (0.0, 4.0)]
        let lowland = [(0.0, 2.5), (3.2, 2.5)] + westCoast.reversed() + [(0.0, 2.5)]
        try put(
            "basemap/regions.geojson",
            collection([named("Upland Oblast", ring(upland)), named("Lowland Oblast", ring(lowland)), named("Steppe Oblast", ring(east))]))
        try put("settlements.geojson", collection([]))
        try put(
            "control/2024-03-01.geojson",
            collection([
                "{\"type\": \"Feature\", \"properties\": {\"date\": \"2024-03-01\", \"side\": \"red\", \"status\": \"assessed\", "
                    + "\"territory\": \"West\", \"source\": \"generated\"}, \"geometry\": \(ring(red))}"
            ]))
    }
}

@Suite("Area chart for any range")
struct AreaChartRangeTests {
    /// 60 daily snapshots of one side's ground across the border: a box `width`° wide growing by
    /// `growth`° a day, at 46–46+`height`°N.
    static func dataset(width: Double, height: Double, growth: Double) throws -> Dataset {
        let manifest = try Manifest.decode(
            Array(
                #"{"title": "Generated front", "region": [20, 40, 40, 55], "sides": [{"id": "red", "name": "Red forces", "home": "East"}], "attribution": ["Generated."]}"#
                    .utf8), file: "dataset.json")
        var snapshots: [ControlSnapshot] = []
        let start = try Day(parsing: "2025-01-01")
        for k in 0..<60 {
            let east = 30 + width + growth * Double(k)
            let ring = try Ring([
                LonLat(lon: 30, lat: 46), LonLat(lon: east, lat: 46), LonLat(lon: east, lat: 46 + height),
                LonLat(lon: 30, lat: 46 + height),
                LonLat(lon: 30, lat: 46),
            ])
            let area = ControlArea(
                side: "red", status: .assessed, territory: "West", geometry: MultiPolygon([Polygon(outer: ring)]),
                source: SourceRef(name: "generated"))
            snapshots.append(ControlSnapshot(date: start.adding(days: k), areas: [area]))
        }
        return Dataset(
            manifest: manifest, timeline: try Timeline(snapshots), gazetteer: Gazetteer([]), events: [],
            border: LineLayer(lines: [], source: nil), rivers: LineLayer(lines: [], source: nil), territories: TerritoryLayer([]),
            references: [])
    }

    @Test(
        "No two labels overlap and the series' own change fills a third of the plot, at 500 km² and at 112,000 km²",
        arguments: [
            (0.3, 0.2, 0.0004), (4.5, 3.0, 0.0003),
        ])
    func readable(_ width: Double, _ height: Double, _ growth: Double) throws {
        let dataset = try Self.dataset(width: width, height: height, growth: growth)
        let rows = try DateStatistics.table(dataset)
        let values = rows.compactMap { $0.sides.first?.acrossBorderKm2 }
        let measurer = try PangoTextMeasurer()
        let scene = try AreaChart(dataset: dataset, theme: .standard, measurer: measurer).scene(width: 1600, height: 900)
        var boxes: [(String, Rect)] = []
        for case .text(let t) in scene.items {
            let m = measurer.measure(t.text, style: t.style, maxWidth: t.maxWidth)
            boxes.append((t.text, t.box(width: m.width, height: m.height)))
        }
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] where a.1.intersects(b.1) {
                Issue.record("'\(a.0)' overlaps '\(b.0)' (\(values.first ?? 0)…\(values.last ?? 0) km²)")
            }
        }
        // 60 days: day ticks a week apart (not the one month label a month-only axis gave), and the
        // first, last and highest values only (60 labels were noise).
        let months = ["Jan", "Feb", "Mar"]
        let timeLabels = boxes.filter { b in months.contains { b.0.contains($0) } && b.0.first?.isNumber == true }
        #expect(timeLabels.count >= 7, "time labels: \(timeLabels.map(\.0))")
        let valueLabels = scene.items.compactMap { item -> String? in
            guard case .text(let t) = item, t.style.weight == .bold, t.style.color == Theme.standard.fallbackSides[0].line else {
                return nil
            }
            return t.text
        }
        #expect((1...3).contains(valueLabels.count), "value labels: \(valueLabels)")
        let u = Layout(width: 1600, height: 900).unit, plotHeight = 900 - 250 * u
        let line = scene.items.compactMap { item -> [Point]? in
            if case .path(let p, nil, let s?) = item, abs(s.width - 3 * u) < 1e-9, s.color == Theme.standard.fallbackSides[0].line {
                return p.subpaths.first
            }
            return nil
        }.first
        let ys = try #require(line).map(\.y)
        let span = (ys.max() ?? 0) - (ys.min() ?? 0)
        #expect(span >= plotHeight / 3, "change \(values.first ?? 0)→\(values.last ?? 0) km² spans \(span) of \(plotHeight) px")
    }
}

@Suite("Change since a date")
struct SinceTests {
    @Test("frames --since on 60 generated days hatches the change since then; its km² is diff's")
    func sinceMatchesDiff() async throws {
        let dir = try TempDir()
        try CoastalFront.write(to: dir.url)
        // 59 more days: red's front pushes west a little each day.
        let start = try Day(parsing: "2024-03-01")
        try CoastalFront.writeMovingDays(to: dir.url, days: 60)
        let last = start.adding(days: 59)
        let out = try TempDir()
        let r = try await CLI.run([
            "frames", "--data", dir.path("."), "--from", "\(last)", "--to", "\(last)", "--since", "\(start)", "--format", "svg",
            "--size", "960x540", "--out", out.path("f"),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: out.path("f/\(last).svg"), encoding: .utf8)
        let legend = try #require(svg.range(of: "Taken by Red forces since 1 March 2024:"), "no change legend")
        // The entry may wrap after the colon, its figure then in the next <tspan>: read past the tags.
        let words = String(svg[legend.upperBound...].prefix(300)).replacingOccurrences(
            of: "<[^>]+>", with: "", options: .regularExpression)
        let figure = words.drop { $0 == " " }.prefix { $0.isNumber || $0 == "," || $0 == "." }.replacingOccurrences(of: ",", with: "")
        let d = try await CLI.run(["diff", "--data", dir.path("."), "--from", "\(start)", "--to", "\(last)", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(d.stdout.utf8)) as? [String: Any])
        let sides = try #require(json["sides"] as? [[String: Any]])
        let gained = try #require(sides.first { $0["side"] as? String == "red" }?["gained"] as? Double)
        #expect(gained > 10, "the generated front moves: \(gained) km²")
        #expect(Double(figure).map { abs($0 - gained.rounded()) <= 0.5 } == true, "map says \(figure) km², diff \(gained)")
    }
}

@Suite("Water in validate")
struct WaterValidateTests {
    @Test("validate reads basemap/water.geojson as render does: a broken face is a problem there too")
    func brokenWater() async throws {
        let dir = try TempDir()
        try CoastalFront.write(to: dir.url)
        try Data(
            #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Sea"}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0]]]}}]}"#
                .utf8
        )
        .write(to: dir.url.appendingPathComponent("basemap/water.geojson"))
        let v = try await CLI.run(["validate", dir.path(".")])
        #expect(v.status == 1 && v.stdout.contains("basemap/water.geojson") && v.stdout.contains("ring 0"), "\(v.stdout)")
        let r = try await CLI.run(["render", "--data", dir.path("."), "--date", "2024-03-01", "--out", dir.path("x.png")])
        #expect(r.status != 0 && r.stderr.contains("basemap/water.geojson"), "\(r.stderr)")
    }
}
