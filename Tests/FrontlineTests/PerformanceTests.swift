import Foundation
import FrontlineTestSupport
import Testing

@testable import Atlas
@testable import Cartography
import GeoCore
import MapData
@testable import MapRender

/// Issue 6: the fast paths must draw what the plain paths draw. No timing is asserted here
/// (`make bench` measures); these check that caching, simplification and the fast encoder never
/// change what a reader sees.
@Suite("Performance paths")
struct PerformanceTests {
    private func context(_ layers: LayerSwitches = .all, width: Int = 960, height: Int = 540) throws -> SequenceContext {
        try SequenceContext(
            dataset: try KurskData.loaded.get(), theme: Theme.standard.with(layers: layers), layout: Layout(width: width, height: height),
            measurer: PangoTextMeasurer())
    }

    @Test("A frame drawn over cached static layers equals the same frame drawn alone, byte for byte")
    func cachedStaticLayers() throws {
        let c = try context()
        let first = try c.scene(on: Day(parsing: "2024-09-01")), second = try c.scene(on: Day(parsing: "2025-01-05"))
        let shared = FrameRasterizer()
        _ = try shared.png(first, compression: .fast)
        let reused = try shared.png(second, compression: .fast)
        #expect(shared.redrawn == 1 && shared.reused == 1, "the second frame should reuse the static layers")
        let alone = try FrameRasterizer().png(second, compression: .fast)
        #expect(reused == alone)
        // Static groups that differ (another theme) are drawn again, never reused stale.
        let other = try SequenceContext(
            dataset: try KurskData.loaded.get(), theme: .print, layout: Layout(width: 960, height: 540), measurer: PangoTextMeasurer())
        let printed = try shared.png(try other.scene(on: Day(parsing: "2025-01-05")), compression: .fast)
        #expect(shared.redrawn == 2)
        #expect(printed == (try FrameRasterizer().png(try other.scene(on: Day(parsing: "2025-01-05")), compression: .fast)))
    }

    @Test("Labels repeated on the next frame come from their kept halo stamps; the frame equals the same frame drawn alone")
    func keptTextStamps() throws {
        let c = try context()
        let dates = try ["2024-08-15", "2024-09-01", "2025-01-05"].map { try Day(parsing: $0) }
        let shared = FrameRasterizer()
        _ = try shared.png(try c.scene(on: dates[0]), compression: .fast)
        let first = shared.haloStampsMade
        #expect(first > 20, "the first frame makes a stamp per haloed label (\(first))")
        for day in dates.dropFirst() {
            let scene = try c.scene(on: day)
            let made = shared.haloStampsMade
            let kept = try shared.png(scene, compression: .fast)
            // Settlement labels stay put from date to date; only the panel's own lines and the few
            // labels that move make stamps.
            #expect(shared.haloStampsMade - made < first / 2, "\(day): \(shared.haloStampsMade - made) new stamps of \(first)")
            #expect(kept == (try FrameRasterizer().png(scene, compression: .fast)), "\(day)")
        }
        // Another scale is another page (and drawer): its labels get stamps of their own, and the
        // pixels are still those of the frame drawn alone.
        let scene = try c.scene(on: dates[2])
        let scaled = try shared.png(scene, scale: 2, compression: .fast)
        #expect(shared.haloStampsMade >= first / 2)
        #expect(scaled == (try FrameRasterizer().png(scene, scale: 2, compression: .fast)))
    }

    @Test("The scene is cut into static and dynamic runs in drawing order; static groups are the basemap, border, furniture")
    func runs() throws {
        let scene = try context().scene(on: Day(parsing: "2024-09-01"))
        let runs = Run.cut(scene)
        #expect(runs.first?.isStatic == true, "panel base, basemap and rivers come first, as the base")
        let ids = runs.filter(\.isStatic).flatMap { $0.items.compactMap { if case .group(let id, _, _) = $0.item { id } else { nil } } }
        #expect(Array(ids.prefix(3)) == ["panel-base", "basemap", "rivers"])
        #expect(ids.contains("border") && ids.contains("scale-bar") && ids.contains("north-arrow"))
        // Static items inside the clipped map keep the map's clip.
        let basemap = try #require(runs.first?.items.first { if case .group("basemap", _, _) = $0.item { true } else { false } })
        #expect(basemap.clips == [Layout(width: 960, height: 540).map])
    }

    @Test("Bench frames draw the peers' layers only")
    func benchContent() throws {
        func groups(_ items: [SceneItem]) -> [String] {
            items.flatMap { item -> [String] in
                if case .group(let id, _, let children) = item { return [id] + groups(children) }
                return []
            }
        }
        let bench = groups(try context(.bench).scene(on: Day(parsing: "2024-09-01")).items)
        let full = groups(try context(.all).scene(on: Day(parsing: "2024-09-01")).items)
        for id in ["basemap", "rivers", "control-ukraine", "border", "panel-base", "panel"] { #expect(bench.contains(id)) }
        for id in ["settlements", "labels", "front-line", "change", "scale-bar", "north-arrow", "legend"] {
            #expect(!bench.contains(id), "\(id) is not in the peers' frame")
            #expect(full.contains(id), "\(id) is in the published frame")
        }
    }

    @Test("ISA-L (fast) and zlib (small) PNGs decode to the same pixels")
    func encoders() throws {
        let scene = try context().scene(on: Day(parsing: "2024-09-01"))
        let r = FrameRasterizer()
        let fast = try decodePNG(try r.png(scene, compression: .fast))
        let small = try decodePNG(try r.png(scene, compression: .small))
        #expect(fast.width == 960 && fast.height == 540)
        #expect(fast.pixels == small.pixels)
        #expect(try r.png(scene, compression: .fast) == (try r.png(scene, compression: .fast)), "same frame, same bytes")
    }

    @Test("Douglas–Peucker keeps every dropped point within the tolerance, and keeps spikes along the chord")
    func douglasPeucker() {
        var rng = SeededRandom(seed: 6)
        var line: [Point] = []
        var y = 0.0
        for i in 0..<5000 {
            y += Double(rng.next() % 1000) / 1000 - 0.5
            line.append(Point(Double(i) * 0.1, y))
        }
        let kept = DouglasPeucker.simplify(line, tolerance: 0.25)
        #expect(kept.count < line.count / 3)
        #expect(kept.first == line.first && kept.last == line.last)
        for p in line { #expect(distance(p, to: kept) <= 0.25 + 1e-9) }
        // A spike running back along the chord is 3 px off the kept line: it must stay.
        let spike = [Point(0, 0), Point(10, 0), Point(-3, 0), Point(20, 0)]
        #expect(DouglasPeucker.simplify(spike, tolerance: 0.25).count == 4)
    }

    @Test("Simplifying before projecting keeps the page path within ⅜ px of every source position")
    func prefilter() throws {
        let c = try context(width: 1920, height: 1080)
        let snapshot = try #require(try c.dataset.timeline.state(on: Day(parsing: "2024-09-01")))
        for area in snapshot.areas {
            for polygon in try area.geometry.polygons {
                let points = polygon.outer.points
                let path = c.builder.simplify(points)
                #expect(path.count <= points.count)
                for p in points {
                    let q = c.projection.project(p)
                    guard c.builder.clip.contains(q) else { continue }
                    #expect(distance(q, to: path) <= 0.375 + 1e-6, "position \(p) strays from the drawn outline")
                }
            }
        }
    }

    @Test("The projection grid stays within 0.01 px of the exact conic; positions outside it are exact")
    func projectionGrid() throws {
        let box = try BBox(parsing: "31,46,40.5,52")
        let exact = PageProjection(
            raw: LambertConformalConic(fitting: box), fitting: box, into: Rect(x: 0, y: 0, width: 1920, height: 1080))
        let grid = try #require(ProjectionGrid(exact, over: box))
        #expect(grid.checkedError <= 0.01)
        var rng = SeededRandom(seed: 0x9e1d)
        var worst = 0.0
        for _ in 0..<100_000 {
            let p = try LonLat(lon: Double.random(in: 31...40.5, using: &rng), lat: Double.random(in: 46...52, using: &rng))
            let a = exact.project(p), b = try #require(grid.project(p))
            worst = max(worst, ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot())
        }
        #expect(worst <= 0.01, "largest stray \(worst) px")
        let outside = try LonLat(lon: 42, lat: 53)
        #expect(grid.project(outside) == nil)
        #expect(exact.withGrid(over: box).project([outside]) == [exact.project(outside)])
    }

    @Test("frontline bench reports stages, the floor, frames per second, memory and peer ratios")
    func benchCommand() async throws {
        let dir = try TempDir()
        let peers = dir.url.appendingPathComponent("peers.jsonl")
        try Data(#"{"peer": "mapnik-agg", "frame_ms_median": 120.0, "draw_ms_median": 60.0, "peak_rss_mb": 110.0}"#.utf8).write(to: peers)
        let r = try await CLI.run([
            "bench", "--data", CLI.data, "--size", "640x360", "--frames", "3", "--fps-frames", "3", "--fps-rounds", "2",
            "--memory-frames", "4", "--peers", peers.path, "--json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let kinds = try #require(json["kinds"] as? [[String: Any]])
        #expect(kinds.compactMap { $0["name"] as? String } == ["bench", "full"])
        for k in kinds {
            let stages = try #require(k["stages_ms"] as? [String: Double])
            #expect(Set(stages.keys) == ["query", "geometry", "project", "compose", "draw", "encode"])
            #expect((k["frame_ms"] as? Double ?? 0) > 0 && (k["floor_ms"] as? Double ?? 0) > 0)
        }
        #expect((json["fps"] as? [[String: Any]])?.first?["workers"] as? Int == 1)
        // One ratio per round (one worker, then all cores, side by side); a one-core machine has none to give.
        let ratios = try #require(json["fps_ratios"] as? [Double])
        #expect(ratios.count == (ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 0) && ratios.allSatisfy { $0 > 0 })
        #expect((json["peak_rss_mb"] as? Double ?? 0) > 0)
        #expect((json["peers"] as? [[String: Any]])?.first?["peer"] as? String == "mapnik-agg")

        try Data("{\"peer\": 1}\n".utf8).write(to: peers)
        let bad = try await CLI.run(["bench", "--data", CLI.data, "--frames", "1", "--peers", peers.path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("peers.jsonl:1: not a peer result"))
    }

    private func distance(_ p: Point, to line: [Point]) -> Double {
        var best = Double.infinity
        for (a, b) in zip(line, line.dropFirst()) {
            let dx = b.x - a.x, dy = b.y - a.y
            let len2 = dx * dx + dy * dy
            let t = len2 == 0 ? 0 : max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2))
            let qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y
            best = min(best, (qx * qx + qy * qy).squareRoot())
        }
        return best
    }
}
