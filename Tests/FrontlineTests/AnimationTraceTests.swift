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
            dataset: dataset, from: try Day(parsing: "2024-08-01"), to: try Day(parsing: "2025-04-01"), stepDays: 1, pacing: .daily(fps: 24)
        )
        func heldAcross(_ day: Day) throws -> Double {
            let s = try dataset.timeline.state(on: day)!
            return try dataset.acrossBorder(s).filter { $0.side == "ukraine" }.areaKm2()
        }
        var tweens = 0
        for frame in plan.frames {
            let (scene, facts) = try context.frame(on: frame.day, events: frame.events, interpolate: true)
            let ids = groupIDs(scene.items), words = texts(scene.items)
            for id in ["map", "panel", "legend", "scale-bar", "north-arrow"] {
                #expect(ids.contains(id), "\(frame.day): no \(id)")
            }
            #expect(words.contains(Format().longDate(frame.day)), "\(frame.day): date not shown")
            #expect(scene.date == frame.day)
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

/// The frames `make animation` renders (the Makefile's MP4: from 2024-08-01 to the last snapshot,
/// default pacing, 1920×1080), traced: the panel's parts stay in their boxes, dates stay on screen.
@Suite("Animation trace: make animation")
struct MakeAnimationTraceTests {
    /// Each group's clip, by id, at any depth.
    func clips(_ items: [SceneItem], into out: inout [String: Rect?]) {
        for case .group(let id, let clip, let inner) in items {
            out[id] = clip
            clips(inner, into: &out)
        }
    }
    func group(_ id: String, in items: [SceneItem]) -> [SceneItem]? {
        for case .group(let gid, _, let inner) in items {
            if gid == id { return inner }
            if let found = group(id, in: inner) { return found }
        }
        return nil
    }
    func textItems(_ items: [SceneItem]) -> [TextItem] {
        items.flatMap { item -> [TextItem] in
            switch item {
            case .text(let t): return [t]
            case .group(_, _, let inner): return textItems(inner)
            default: return []
            }
        }
    }

    @Test(
        "Panel and legend boxes the same on every map, every text inside its box, each date ≥ 0.3 s, the timeline and Sudzha's name on every map"
    )
    func fixedBoxesAndPacing() throws {
        let dataset = try KurskData.loaded.get()
        let from = try Day(parsing: "2024-08-01"), to = try #require(dataset.timeline.dates.last)
        let plan = AnimationPlan(dataset: dataset, from: from, to: to, stepDays: 1)
        let measurer = try PangoTextMeasurer()
        let context = try SequenceContext(
            dataset: dataset, theme: .standard, layout: Layout(width: 1920, height: 1080), measurer: measurer)
        context.timelineSpan = from...to
        // As the command does: every map measured first, the largest block heights reserved.
        var reserved = PanelBlocks()
        for f in plan.frames where f.card == nil {
            reserved = reserved.union(try context.panelBlocks(on: f.day, events: f.events, interpolate: true))
        }
        context.panelReservation = reserved
        let fixed = ["panel-status", "panel-areas", "legend"]
        var first: [Rect]?
        var runs: [(date: String, frames: Int)] = []
        var maps = 0
        for f in plan.frames {
            if let card = f.card {
                let words = textItems(try context.card(card, from: from, to: to).items).map(\.text)
                #expect(card == .title ? words.contains(dataset.manifest.title) : words.contains("Sources"), "\(card)")
                runs.append(("card", f.copies))
                continue
            }
            maps += 1
            let scene = try context.scene(on: f.day, events: f.events, interpolate: true)
            var found: [String: Rect?] = [:]
            clips(scene.items, into: &found)
            #expect(found.keys.contains("timeline"), "\(f.day): no timeline")
            let boxes = try fixed.map { id in try #require(found[id] ?? nil, "\(f.day): \(id) has no fixed box") }
            if let first { #expect(boxes == first, "\(f.day): the panel's boxes moved") } else { first = boxes }
            for (id, box) in zip(fixed, boxes) {
                for t in textItems(group(id, in: scene.items) ?? []) {
                    let m = measurer.measure(t.text, style: t.style, maxWidth: t.maxWidth)
                    let b = t.box(width: m.width, height: m.height)
                    #expect(
                        b.y >= box.y - 0.5 && b.maxY <= box.maxY + 0.5, "\(f.day): '\(t.text)' outside the \(id) box")
                }
            }
            // The date the reader sees: the panel's first line.
            let date = try #require(textItems(group("panel-status", in: scene.items) ?? []).first?.text)
            #expect(date == Format().longDate(f.day))
            // The key place is named on every map of the animation (issue 20).
            #expect(textItems(group("labels", in: scene.items) ?? []).contains { $0.text == "Sudzha" }, "\(f.day): Sudzha not labelled")
            if runs.last?.date == date { runs[runs.count - 1].frames += f.copies } else { runs.append((date, f.copies)) }
        }
        #expect(maps > 90, "2024-08-01 → 2025-06-01 in 3-day steps")
        let fps = Double(plan.pacing.fps)
        for run in runs { #expect(Double(run.frames) / fps >= 0.3 - 1e-9, "\(run.date) on screen \(Double(run.frames) / fps) s") }
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
