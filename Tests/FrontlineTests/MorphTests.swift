import Foundation
import GeoCore
import Testing
import Atlas
import MapData
@testable import Cartography

/// Signed distance fields, their contours and the morph built on them: shapes in page pixels.
@Suite("Morph")
struct MorphTests {
    let grid = FieldGrid(covering: Rect(x: 0, y: 0, width: 200, height: 120), cell: 1)

    func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> [Point] {
        [Point(x, y), Point(x + w, y), Point(x + w, y + h), Point(x, y + h)]
    }
    func field(_ rings: [[Point]]) -> DistanceField { DistanceField(filling: PagePath(subpaths: rings, closed: true), on: grid) }

    /// Shoelace area of each ring, signed.
    func signedAreas(_ path: PagePath) -> [Double] {
        path.subpaths.map { r in
            var sum = 0.0
            for k in r.indices {
                let p = r[k], q = r[(k + 1) % r.count]
                sum += p.x * q.y - q.x * p.y
            }
            return sum / 2
        }
    }
    func area(_ path: PagePath) -> Double { abs(signedAreas(path).reduce(0, +)) }

    @Test("Distance transform: equal to brute force on a random grid")
    func distanceTransformExact() {
        var seed: UInt64 = 42
        func random() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        let columns = 23, rows = 17
        let features = (0..<(columns * rows)).map { _ in random() % 29 == 0 }
        let d = DistanceTransform.squared(columns: columns, rows: rows) { features[$0] }
        for k in 0..<d.count {
            var best = Float.infinity
            for f in 0..<features.count where features[f] {
                let dx = Float(k % columns - f % columns), dy = Float(k / columns - f / columns)
                best = min(best, dx * dx + dy * dy)
            }
            #expect(d[k] == best, "cell \(k)")
        }
    }

    @Test("A square traces to one ring of its area (±2%), and distances are right inside and out")
    func squareContour() {
        let f = field([rect(50, 30, 60, 40)])
        let c = f.contour()
        #expect(c.subpaths.count == 1)
        #expect(abs(area(c) - 2400) / 2400 < 0.02, "area \(area(c))")
        #expect(abs(f.value(at: Point(80, 50)) - 20) <= 1, "centre lies 20 px inside")
        #expect(abs(f.value(at: Point(30, 50)) + 20) <= 1, "20 px to the left lies 20 px outside")
    }

    @Test("Holes turn the other way: rings' signed areas sum to shell less hole")
    func holeOrientation() {
        let f = field([rect(20, 10, 100, 80), rect(50, 30, 40, 40)])
        let c = f.contour()
        let signed = signedAreas(c)
        #expect(signed.count == 2)
        #expect(signed[0].sign != signed[1].sign, "shell and hole turn opposite ways: \(signed)")
        #expect(abs(area(c) - (8000 - 1600)) / 6400 < 0.03, "area \(area(c))")
    }

    @Test("Blend: the ends are the shapes, and in between stays inside the union and holds the intersection")
    func blendBounds() {
        let a = field([rect(20, 20, 60, 60)]), b = field([rect(60, 40, 80, 50)])
        for t in stride(from: 0.0, through: 1.0, by: 0.125) {
            let m = DistanceField.blend(a, b, t: t)
            for j in stride(from: 0, to: grid.rows, by: 3) {
                for i in stride(from: 0, to: grid.columns, by: 3) {
                    let p = grid.point(i, j)
                    let va = a.value(at: p), vb = b.value(at: p), vm = m.value(at: p)
                    if va > 0 && vb > 0 { #expect(vm > 0, "t \(t): \(p) is in both") }
                    if va <= 0 && vb <= 0 { #expect(vm <= 0, "t \(t): \(p) is in neither") }
                }
            }
        }
        #expect(abs(area(DistanceField.blend(a, b, t: 0).contour()) - 3600) / 3600 < 0.02)
        #expect(abs(area(DistanceField.blend(a, b, t: 1).contour()) - 4000) / 4000 < 0.02)
    }

    @Test("One piece splits into two, and two merge into one")
    func splitAndMerge() {
        let one = field([rect(20, 40, 160, 40)])
        let two = field([rect(20, 40, 40, 40), rect(140, 40, 40, 40)])
        #expect(DistanceField.blend(one, two, t: 0).contour().subpaths.count == 1)
        #expect(DistanceField.blend(one, two, t: 1).contour().subpaths.count == 2)
        #expect(DistanceField.blend(two, one, t: 0).contour().subpaths.count == 2)
        #expect(DistanceField.blend(two, one, t: 1).contour().subpaths.count == 1)
        // Area moves steadily from one to the other.
        let areas = stride(from: 0.0, through: 1.0, by: 0.25).map { area(DistanceField.blend(one, two, t: $0).contour()) }
        #expect(zip(areas, areas.dropFirst()).allSatisfy { $0 >= $1 - 1 }, "\(areas)")
    }

    @Test("A piece appears from nothing, growing from its deepest point, and vanishes the same way")
    func appearAndVanish() {
        let b = field([rect(60, 30, 60, 60)])
        let empty = DistanceField.empty(on: grid, depth: b.maximum)
        #expect(DistanceField.blend(empty, b, t: 0).contour().isEmpty)
        let half = DistanceField.blend(empty, b, t: 0.6).contour()
        #expect(half.subpaths.count == 1 && area(half) > 0 && area(half) < 3600, "area \(area(half))")
        #expect(DistanceField.blend(b, empty, t: 1).contour().isEmpty)
    }

    @Test("Union of fills measures to the union's edge: the shared edge is not an edge")
    func unionOfFills() {
        let joined = DistanceField(
            filling: [PagePath(subpaths: [rect(20, 20, 50, 50)], closed: true), PagePath(subpaths: [rect(70, 20, 50, 50)], closed: true)],
            on: grid)
        #expect(joined.contour().subpaths.count == 1)
        #expect(joined.value(at: Point(70, 45)) > 20, "the shared edge lies deep inside the union")
    }

    @Test("Runs: points near a line are dropped, and a run across a ring's start stays whole")
    func runs() {
        let ring = PagePath(subpaths: [[Point(0, 0), Point(10, 0), Point(20, 0), Point(20, 10), Point(0, 10)]], closed: true)
        let open = ring.runs { $0.y < 5 || $0.x == 0 }
        // Kept: (0,10) → (0,0) → (10,0) → (20,0) as one piece across the start.
        #expect(open.subpaths == [[Point(0, 10), Point(0, 0), Point(10, 0), Point(20, 0)]])
        #expect(!open.closed)
    }

    @Test("Lambert conformal conic: inverse undoes forward (1e-9°)")
    func lccInverse() {
        let lcc = LambertConformalConic(centralMeridian: 35, standardParallels: 50.8, 51.9)
        for lon in stride(from: 30.0, through: 40.0, by: 2.5) {
            for lat in stride(from: 45.0, through: 58.0, by: 3.25) {
                let p = lcc.forward(lon: lon, lat: lat)
                let q = lcc.inverse(x: p.x, y: p.y)
                #expect(abs(q.lon - lon) < 1e-9 && abs(q.lat - lat) < 1e-9, "\(lon),\(lat) → \(q)")
            }
        }
    }
}

@Suite("Animation plan and parallel frames")
struct AnimationPlanTests {
    @Test("Default pacing, 2024-08-01 → 2025-04-01: cards, 3-day steps, each date ≥ 0.3 s, ≤ 7 days a second, holds only where due")
    func defaultPlan() throws {
        let dataset = try KurskData.loaded.get()
        let from = try Day(parsing: "2024-08-01"), to = try Day(parsing: "2025-04-01")
        let pacing = AnimationPlan.Pacing()
        let plan = AnimationPlan(dataset: dataset, from: from, to: to, stepDays: 1, pacing: pacing)
        #expect(plan.stepDays == 3, "0.3 s at 7 days a second is 2.1 days")
        #expect(plan.frames.first?.card == .title && plan.frames.last?.card == .end)
        let maps = plan.frames.filter { $0.card == nil }
        #expect(maps.first?.day == from && maps.last?.day == to)
        let shown = maps.flatMap { $0.events.map(\.id) }
        let inRange = dataset.events.filter { $0.date >= from && $0.date <= to }.map(\.id)
        #expect(shown.sorted() == inRange.sorted(), "every event in range shown once")
        // Monthly snapshots are sparser than 3 days: each is held, and so is the last date.
        #expect(plan.heldDates == dataset.timeline.dates.filter { $0 >= from && $0 <= to })
        let hold = 24
        var mapFrames = 0
        for (k, f) in maps.enumerated() {
            let extra = plan.heldDates.contains(f.day) || k == maps.count - 1 ? hold : 0
            #expect(f.copies - extra >= 8, "\(f.day): \(f.copies) frames is under 0.3 s at 24 fps")
            mapFrames += f.copies - extra
        }
        let days = Double(to.ordinal - from.ordinal + plan.stepDays)
        #expect(days / (Double(mapFrames) / 24) <= 7.0 + 1e-9, "the speed, holds apart, is at most 7 days a second")
        #expect(plan.videoFrameCount == plan.frames.reduce(0) { $0 + $1.copies })
    }

    @Test("Daily snapshots are not held every day; a step shorter than 0.3 s of dates is raised")
    func dailySnapshotsNotHeld() throws {
        let dataset = try KurskData.loaded.get()
        let from = try Day(parsing: "2024-08-01"), to = try Day(parsing: "2024-09-01")
        // At 2 days a second a day is 0.5 s: the step stays 1 day; monthly snapshots are held.
        let slow = AnimationPlan(dataset: dataset, from: from, to: to, stepDays: 1, pacing: .init(daysPerSecond: 2))
        #expect(slow.stepDays == 1 && slow.heldDates == [from, to])
        // Snapshots as dense as the step (a 40-day step over monthly data) are not held.
        let coarse = AnimationPlan(dataset: dataset, from: from, to: try Day(parsing: "2025-04-01"), stepDays: 40, pacing: .init())
        #expect(coarse.heldDates.isEmpty, "\(coarse.heldDates)")
    }

    @Test("A coarse step keeps the last date and gathers the events in between")
    func weeklyPlan() throws {
        let dataset = try KurskData.loaded.get()
        let from = try Day(parsing: "2024-08-01"), to = try Day(parsing: "2024-09-01")
        let plan = AnimationPlan(dataset: dataset, from: from, to: to, stepDays: 7, pacing: .daily(fps: 24, holdSeconds: 0))
        #expect(plan.frames.map(\.day.description) == ["2024-08-01", "2024-08-08", "2024-08-15", "2024-08-22", "2024-08-29", "2024-09-01"])
        let second = plan.frames[1]
        #expect(second.events.allSatisfy { $0.date > from && $0.date <= second.day })
        #expect(!second.events.isEmpty, "the incursion began on 6 August")
    }

    @Test("Ordered parallel: results arrive in order, never more than the window ahead")
    func orderedParallel() throws {
        final class Counter: @unchecked Sendable {
            let lock = NSLock()
            var produced = 0
        }
        let counter = Counter()
        var seen: [Int] = []
        var consumed = 0
        try OrderedParallel.run(
            count: 200, workers: 3, window: 4, makeState: { 0 },
            produce: { state, i in
                state += 1
                counter.lock.lock()
                counter.produced += 1
                counter.lock.unlock()
                return i * i
            }
        ) { i, value in
            #expect(value == i * i)
            seen.append(i)
            consumed += 1
            counter.lock.lock()
            let ahead = counter.produced - consumed
            counter.lock.unlock()
            #expect(ahead <= 4 + 3, "produced \(ahead) ahead of the consumer")
        }
        #expect(seen == Array(0..<200))
    }

    @Test("Ordered parallel in runs: each worker takes consecutive indices, results still in order")
    func orderedParallelRuns() throws {
        final class Ids: @unchecked Sendable {
            let lock = NSLock()
            var next = 0
            var byIndex: [Int: Int] = [:]
        }
        let ids = Ids()
        var seen: [Int] = []
        try OrderedParallel.run(
            count: 101, workers: 2, window: 4, run: 8,
            makeState: { () -> Int in
                ids.lock.lock()
                defer { ids.lock.unlock() }
                ids.next += 1
                return ids.next
            },
            produce: { worker, i in
                ids.lock.lock()
                ids.byIndex[i] = worker
                ids.lock.unlock()
                return i
            }
        ) { i, value in
            #expect(value == i)
            seen.append(i)
        }
        #expect(seen == Array(0..<101))
        // Runs of 8 by one worker each (up to index 88), then shorter ones: the last 13 indices are
        // shared, 7, 3, 2 and 1 (half of what is left each time, at most 8).
        var start = 0
        for length in Array(repeating: 8, count: 11) + [7, 3, 2, 1] {
            let workers = Set((start..<start + length).compactMap { ids.byIndex[$0] })
            #expect(workers.count == 1, "indices \(start)..<\(start + length) by workers \(workers)")
            start += length
        }
        #expect(start == 101)
    }

    @Test("Ordered parallel: the first error stops the run and is rethrown")
    func orderedParallelError() {
        struct Boom: Error {}
        var consumed = 0
        #expect(throws: Boom.self) {
            try OrderedParallel.run(
                count: 100, workers: 2, window: 4, makeState: { () },
                produce: { _, i in
                    if i == 37 { throw Boom() }
                    return i
                }
            ) { _, _ in consumed += 1 }
        }
        #expect(consumed <= 37)
    }
}
