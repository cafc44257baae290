import Foundation
import Testing

@testable import Atlas
import Cartography
import GeoCore
import MapData
import MapRender

/// Issue 19: a map never contradicts its own record: claims between snapshots drawn as claims,
/// stale maps say so, interpolated figures follow the one across-the-border rule, reference outlines
/// only inside their dates.
@Suite("Maps that keep to the record")
struct RecordTruthTests {
    private func context(_ dataset: Dataset) throws -> SequenceContext {
        // The full panel (hd): a 960×540 page sets the compact one, which leaves the plain status line out.
        try SequenceContext(dataset: dataset, theme: .standard, layout: Layout(width: 1920, height: 1080), measurer: PangoTextMeasurer())
    }

    @Test("15 August 2024: Sudzha ringed as Kyiv's claim, the panel says the map is 14 days old, the chart plots ~800 and >1,000 km²")
    func kursk15August() throws {
        let dataset = try KurskData.loaded.get()
        let c = try context(dataset)
        let (scene, facts) = try c.frame(on: Day(parsing: "2024-08-15"))
        #expect(facts.snapshotDate == (try Day(parsing: "2024-08-01")) && facts.snapshotAgeDays == 14)
        let sudzha = try #require(facts.claims.first { $0.settlement.name == "Sudzha" }, "claims: \(facts.claims)")
        #expect(sudzha.taker == "ukraine" && sudzha.claimants.contains { $0.hasPrefix("Ukrainian officials") })
        // Drawn in claim style: a dashed ring in the taker's colour at Sudzha, nothing filled.
        let p = c.projection.project(try #require(sudzha.settlement.location))
        let rings = Self.items(in: "claims", scene.items)
        #expect(
            rings.contains { item in
                if case .marker(.circle, let at, _, let fill, let stroke?) = item {
                    return fill == nil && !stroke.dash.isEmpty && stroke.color == Theme.standard.sides["ukraine"]?.line
                        && abs(at.x - p.x) < 0.01 && abs(at.y - p.y) < 0.01
                }
                return false
            }, "\(rings)")
        let texts = ArchitectureTests.texts(scene.items)
        #expect(texts.contains { $0.hasPrefix("Claimed taken by Ukrainian forces") && $0.contains("Sudzha (Ukrainian officials") })
        #expect(texts.contains("Control as assessed on 1 August 2024, 14 days earlier"), "\(texts)")
        #expect(!texts.contains { $0.hasPrefix("Events reported on this date") })
        #expect(scene.description.contains("14 days earlier") && scene.description.contains("Sudzha claimed taken"))

        let chart = try AreaChart(dataset: dataset, theme: .standard, measurer: PangoTextMeasurer()).scene(width: 1600, height: 900)
        let labels = ArchitectureTests.texts(chart.items)
        #expect(labels.contains("ISW: ~800 km² (claim)") && labels.contains("Ukrainian officials: >1,000 km² (claim)"), "\(labels)")
        // Increments and figures about an earlier period are not plotted as what was held.
        #expect(!labels.contains { $0.contains("40 km²") || $0.contains("1,290") })
        #expect(chart.description.contains("ISW ~800 km² (2024-08-15)"))
    }

    @Test("A snapshot dated on or after a claim supersedes it; a map on a snapshot date is not stale")
    func claimsEndAtTheNextSnapshot() throws {
        let c = try context(try KurskData.loaded.get())
        let facts = try c.facts(on: Day(parsing: "2024-09-01"))
        #expect(facts.claims.isEmpty && facts.snapshotAgeDays == 0)
        let texts = ArchitectureTests.texts(try c.scene(on: Day(parsing: "2024-09-01")).items)
        #expect(texts.contains("Control as assessed on this date.") && !texts.contains { $0.contains("days earlier") })
        #expect(texts.contains { $0.hasPrefix("according to mini-krowka/mapsite") }, "the headline credits its source")
        #expect(texts.contains("957 km²"), "the headline is rounded to three figures")
    }

    @Test("The furthest-advance outline shows from the incursion's start, not on 1 July 2024")
    func referenceValidity() throws {
        let c = try context(try KurskData.loaded.get())
        let july = ArchitectureTests.groupIDs(try c.scene(on: Day(parsing: "2024-07-01")).items)
        let september = ArchitectureTests.groupIDs(try c.scene(on: Day(parsing: "2024-09-01")).items)
        #expect(!july.contains("reference-AFU_advance_Kursk2024"), "\(july)")
        #expect(september.contains("reference-AFU_advance_Kursk2024"), "\(september)")
    }

    @Test("Claimed and contested ground: straight level or upright lines and a dashed edge, never the change layer's diagonals")
    func claimStylesAreDistinct() throws {
        let c = try context(try KurskData.loaded.get())
        let colors = Theme.standard.colors(forSide: "ukraine", index: 0)
        let claimed = c.heldFill(colors, status: .claimed), contested = c.heldFill(colors, status: .contested)
        #expect(claimed.hatch?.angle == 0 && contested.hatch?.angle == 90 && c.heldFill(colors, status: .assessed).hatch == nil)
        #expect(!c.heldStroke(colors, status: .claimed).dash.isEmpty && c.heldStroke(colors, status: .assessed).dash.isEmpty)
        let change = Self.items(in: "change", try c.scene(on: Day(parsing: "2024-10-01")).items)
        for case .path(_, let fill?, _) in change { #expect(fill.hatch.map { abs($0.angle) == 45 } == true) }
    }

    @Test("An interpolated frame's area lies between area(A∩B) and area(A∪B) and is A's and B's at the ends (polygons crossing the border)")
    func interpolatedAreaFollowsTheRule() throws {
        let dir = try TempDir()
        try CrossingFront.write(to: dir.url)
        let dataset = try GeoJSONFolder(dir.path(".")).dataset()
        let c = try context(dataset)
        let a = try #require(try dataset.timeline.state(on: Day(parsing: "2024-01-01")))
        let b = try #require(try dataset.timeline.state(on: Day(parsing: "2024-02-01")))
        let engine = GeometryEngine()
        func across(_ s: ControlSnapshot) throws -> MultiPolygon {
            try dataset.acrossBorder(s).filter { $0.side == "blue" }.reduce(MultiPolygon.empty) { try engine.union($0, $1.geometry) }
        }
        let (pa, pb) = (try across(a), try across(b))
        let low = try engine.intersection(pa, pb).areaKm2, high = try engine.union(pa, pb).areaKm2
        #expect(low > 0 && high > pa.areaKm2 && high > pb.areaKm2, "the fixture's two snapshots differ on both sides of the border")
        func blue(_ f: [(side: String, territory: String, km2: Double)]) -> Double {
            f.filter { $0.side == "blue" }.reduce(0) { $0 + $1.km2 }
        }
        for day in ["2024-01-05", "2024-01-16", "2024-01-28"] {
            let facts = try c.facts(on: Day(parsing: day), interpolate: true)
            #expect(facts.interpolation != nil)
            let km2 = blue(facts.heldAcrossKm2)
            #expect(km2 >= low - 1e-9 && km2 <= high + 1e-9, "\(day): \(km2) not in [\(low), \(high)]")
        }
        let start = try c.morphedPicture(Interpolation(from: a.date, to: b.date, fraction: 0))
        let end = try c.morphedPicture(Interpolation(from: a.date, to: b.date, fraction: 1))
        #expect(abs(blue(start.heldAcrossKm2) - pa.areaKm2) < 1e-9 * pa.areaKm2)
        #expect(abs(blue(end.heldAcrossKm2) - pb.areaKm2) < 1e-9 * pb.areaKm2)
        // The stats table states the same figures for the snapshots.
        let rows = try DateStatistics.table(dataset)
        #expect(abs((rows.first?.sides.first { $0.side == "blue" }?.acrossBorderKm2 ?? 0) - pa.areaKm2) < 1e-9 * pa.areaKm2)
        // Interpolated figures carry "≈" and the legend says the ground is interpolated.
        let texts = ArchitectureTests.texts(try c.scene(on: Day(parsing: "2024-01-16"), interpolate: true).items)
        #expect(texts.contains { $0.hasPrefix("≈ ") && $0.hasSuffix("km²") }, "\(texts)")
        #expect(texts.contains { $0.contains("interpolated between 1 Jan 2024 and 1 Feb 2024") })
    }

    @Test("render warns when its map is past --stale-after days from its snapshot; animate --no-interpolate holds snapshots")
    func staleWarningAndHeldAnimation() async throws {
        let dir = try TempDir()
        let stale = try await CLI.run([
            "render", "--data", CLI.data, "--date", "2024-08-15", "--size", "640x360", "--out", dir.path("a.png"),
        ])
        #expect(stale.status == 0 && stale.stderr.contains("14 days after the snapshot it shows (2024-08-01)"), "\(stale.stderr)")
        let fresh = try await CLI.run([
            "render", "--data", CLI.data, "--date", "2024-09-01", "--size", "640x360", "--out", dir.path("b.png"),
        ])
        #expect(fresh.status == 0 && fresh.stderr.isEmpty, "\(fresh.stderr)")
        let relaxed = try await CLI.run([
            "render", "--data", CLI.data, "--date", "2024-08-15", "--stale-after", "30", "--size", "640x360", "--out", dir.path("c.png"),
        ])
        #expect(relaxed.status == 0 && relaxed.stderr.isEmpty, "\(relaxed.stderr)")
        // Held, not morphed: a frame between snapshots is the snapshot's own map (the same as `render`).
        let held = try await CLI.run(
            [
                "animate", "--data", CLI.data, "--from", "2024-09-01", "--to", "2024-09-03", "--no-interpolate", "--hold", "0",
                "--size", "640x360", "--out", dir.path("frames"),
            ] + AnimationPlan.Pacing.dailyArguments)
        #expect(held.status == 0, "\(held.stderr)")
        let frames = try FileManager.default.contentsOfDirectory(atPath: dir.path("frames")).filter { $0.hasSuffix(".png") }.sorted()
        #expect(frames.count == 3, "\(frames)")
    }

    static func items(in group: String, _ items: [SceneItem]) -> [SceneItem] {
        for case .group(let id, _, let inner) in items {
            if id == group { return inner }
            let found = Self.items(in: group, inner)
            if !found.isEmpty { return found }
        }
        return []
    }
}

/// A small front unlike Kursk: two countries side by side on the equator, one side whose ground
/// crosses the border and grows across it between two snapshots.
enum CrossingFront {
    static func write(to root: URL) throws {
        func put(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func box(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> String {
            "{\"type\": \"Polygon\", \"coordinates\": [[[\(w), \(s)], [\(e), \(s)], [\(e), \(n)], [\(w), \(n)], [\(w), \(s)]]]}"
        }
        func area(_ date: String, _ territory: String, _ geometry: String) -> String {
            """
            {"type": "Feature", "properties": {"date": "\(date)", "side": "blue", "status": "assessed", "territory": "\(territory)", "source": "test fixture"}, "geometry": \(geometry)}
            """
        }
        try put(
            "dataset.json",
            """
            {"title": "Crossing front", "region": [0, 0, 4, 2], "sides": [
              {"id": "blue", "name": "Blue forces", "home": "West"}, {"id": "red", "name": "Red forces", "home": "East"}],
             "attribution": ["Test fixture."]}
            """)
        try put(
            "basemap/territories.geojson",
            """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"name": "West"}, "geometry": \(box(0, 0, 2, 2))},
              {"type": "Feature", "properties": {"name": "East"}, "geometry": \(box(2, 0, 4, 2))}]}
            """)
        try put("settlements.geojson", "{\"type\": \"FeatureCollection\", \"features\": []}")
        try put(
            "control/2024-01-01.geojson",
            "{\"type\": \"FeatureCollection\", \"features\": [\(area("2024-01-01", "West", box(1, 0.5, 2, 1.5))), "
                + "\(area("2024-01-01", "East", box(2, 0.5, 2.5, 1.5)))]}")
        try put(
            "control/2024-02-01.geojson",
            "{\"type\": \"FeatureCollection\", \"features\": [\(area("2024-02-01", "West", box(1, 0.3, 2, 1.2))), "
                + "\(area("2024-02-01", "East", box(2, 0.3, 3.2, 1.2)))]}")
    }
}
