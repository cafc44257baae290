import Foundation
import Testing
import Atlas
import Cartography
import GeoCore
import MapData
@testable import MapRender

/// The default animation, traced without pixels: what every frame's scene holds, and the areas
/// it states.
@Suite("Animation trace")
struct AnimationTraceTests {
    func groupIDs(_ items: [SceneItem]) -> Set<String> {
        var ids: Set<String> = []
        for item in items {
            if case .group(let id, _, let inner) = item { ids.insert(id); ids.formUnion(groupIDs(inner)) }
        }
        return ids
    }
    func texts(_ items: [SceneItem]) -> [String] {
        items.flatMap { item -> [String] in
            switch item {
            case .text(let t): return [t.text]
            case .group(_, _, let inner): return texts(inner)
            default: return []
            }
        }
    }

    /// Daily 2024-08-01 → 2025-04-01 at 1920×1080: every frame has legend, scale bar, north arrow and
    /// date; a tweened frame's area lies between its snapshots' areas.
    @Test("Daily animation at 1080p: furniture and date on every frame; tweened areas between their snapshots'")
    func everyFrame() throws {
        let dataset = try KurskData.loaded.get()
        let context = try SequenceContext(
            dataset: dataset, theme: .standard, layout: Layout(width: 1920, height: 1080), measurer: try PangoTextMeasurer())
        let plan = AnimationPlan(
            dataset: dataset, from: try Day(parsing: "2024-08-01"), to: try Day(parsing: "2025-04-01"), stepDays: 1, holdCopies: 24)
        func heldAcross(_ day: Day) throws -> Double {
            let s = try dataset.timeline.state(on: day)!
            return dataset.acrossBorder(s).filter { $0.side == "ukraine" }.reduce(0) { $0 + $1.geometry.areaKm2 }
        }
        var tweens = 0
        for frame in plan.frames {
            let (scene, facts) = try context.frame(on: frame.day, events: frame.events, interpolate: true)
            let ids = groupIDs(scene.items), words = texts(scene.items)
            for id in ["map", "panel", "legend", "scale-bar", "north-arrow"] {
                #expect(ids.contains(id), "\(frame.day): no \(id)")
            }
            #expect(words.contains(frame.day.longDescription), "\(frame.day): date not shown")
            #expect(scene.date == frame.day.description)
            let held = facts.heldAcrossKm2.filter { $0.side == "ukraine" }.reduce(0) { $0 + $1.km2 }
            if let step = facts.interpolation {
                tweens += 1
                #expect(words.contains { $0.contains("interpolated between") }, "\(frame.day): not labelled as interpolated")
                let a = try heldAcross(step.from), b = try heldAcross(step.to)
                // Traced on a 1.5 px grid: allow 1% (and 1 km²) for the raster.
                #expect(
                    held >= min(a, b) * 0.99 - 1 && held <= max(a, b) * 1.01 + 1,
                    "\(frame.day): \(held) km² not between \(a) (\(step.from)) and \(b) (\(step.to))")
            } else {
                #expect(facts.snapshotDate == frame.day, "\(frame.day): an exact frame must be a snapshot date")
                #expect(try abs(held - heldAcross(frame.day)) < 1e-6)
            }
        }
        #expect(tweens == plan.frames.count - 9, "9 snapshot dates from 2024-08-01 to 2025-04-01")
    }
}

/// The committed Renders/: the stats table is current, and the chart shows the same numbers.
@Suite("Renders agree")
struct RendersAgreeTests {
    @Test("Renders/kursk-stats.csv rows match the area chart's labelled points, snapshot by snapshot")
    func chartMatchesStats() throws {
        let dataset = try KurskData.loaded.get()
        let csv = try String(contentsOf: KurskData.repoRoot.appendingPathComponent("Renders/kursk-stats.csv"), encoding: .utf8)
        var fromCSV: [String] = []
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 7, f[0] == f[1], let km2 = Double(f[4]), km2 > 0 else { continue }
            fromCSV.append("\(f[0]) \(f[2]) \(formatFixed(km2, digits: 0))")
        }
        let chart = try AreaChart(dataset: dataset, theme: .standard, measurer: try PangoTextMeasurer()).scene(width: 1600, height: 900)
        // The chart's description lists "date: side N km², …" for each snapshot date, then the claims.
        var fromChart: [String] = []
        let measured = chart.description.components(separatedBy: ". Claimed: ")[0]
        for part in measured.dropFirst("Area over time. ".count).split(separator: ";") {
            let halves = part.split(separator: ":", maxSplits: 1)
            guard halves.count == 2 else { continue }
            for entry in halves[1].split(separator: ",") {
                let words = entry.split(separator: " ")
                guard words.count == 3 else { continue }
                fromChart.append("\(halves[0].trimmingCharacters(in: .whitespaces)) \(words[0]) \(words[1])")
            }
        }
        #expect(!fromCSV.isEmpty)
        #expect(fromChart == fromCSV)
    }

    @Test("Renders/kursk-stats.csv is what `frontline stats` prints today")
    func statsCurrent() async throws {
        let r = try await CLI.run(["stats", "--data", CLI.data, "--format", "csv"])
        #expect(r.status == 0)
        let committed = try String(contentsOf: KurskData.repoRoot.appendingPathComponent("Renders/kursk-stats.csv"), encoding: .utf8)
        #expect(r.stdout == committed, "run `make render` to bring Renders/ up to date")
    }
}
