import Atlas
import Foundation

/// Per-frame seconds of each stage, the whole frame and the floor, over the frames of one kind.
struct StageTimings {
    private var stages: [StageClock.Stage: [Double]] = [:]
    private var frames: [Double] = []
    private var floors: [Double] = []

    mutating func add(stages s: [StageClock.Stage: Double], frame: Double, floor: Double) {
        for (k, v) in s { stages[k, default: []].append(v) }
        frames.append(frame)
        floors.append(floor)
    }

    func summary(name: String) -> KindSummary {
        KindSummary(
            name: name,
            stageMs: StageClock.Stage.allCases.map { ($0.rawValue, median(stages[$0] ?? [0]) * 1000) },
            frameMs: median(frames) * 1000, floorMs: median(floors) * 1000)
    }
}

struct KindSummary {
    let name: String
    let stageMs: [(String, Double)]
    let frameMs: Double
    let floorMs: Double
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return 0 }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// `frontline render` of one date, timed as a whole process.
struct ProcessTiming {
    let data: String
    let date: String
    let runs: Int
    let medianMs: Double
    let fastestMs: Double
}

/// One peer renderer's line from bench/run_peers.sh.
struct PeerResult {
    let name: String
    /// The kind of frame it drew: `bench` (the stripped layers) or `full` (bench/README.md).
    let frame: String
    let frameMs: Double
    let drawMs: Double
    let encodeMs: Double
    let peakRSSMB: Double

    static func read(_ path: String) throws -> [PeerResult] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").enumerated().compactMap { (n, line) in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any],
                let name = object["peer"] as? String, let frame = object["frame_ms_median"] as? Double
            else { throw UsageError("\(path):\(n + 1): not a peer result (a JSON object with \"peer\" and \"frame_ms_median\")") }
            return PeerResult(
                name: name, frame: object["frame"] as? String ?? "bench", frameMs: frame,
                drawMs: object["draw_ms_median"] as? Double ?? .nan, encodeMs: object["encode_ms_median"] as? Double ?? .nan,
                peakRSSMB: object["peak_rss_mb"] as? Double ?? .nan)
        }
    }
}

/// Everything `frontline bench` measured, as a table or JSON.
struct BenchReport {
    let data: String
    let width: Int
    let height: Int
    let frames: Int
    let snapshots: Int
    let vertices: Int
    let loadMs: Double
    let compression: String
    let peers: [PeerResult]
    var kinds: [KindSummary] = []
    /// Median frames per second of the rounds, per number of workers.
    var fps: [(workers: Int, fps: Double)] = []
    /// Per round: all cores' frames per second over one worker's, measured side by side.
    var fpsRatios: [Double] = []
    var fpsRounds = 0
    /// The kind of frame the frames-per-second and memory runs draw.
    var fpsKind = "full"
    var memoryFrames = 0
    var peakRSSMB = 0.0
    var loadAverage = 0.0
    var process: ProcessTiming?

    private func f(_ x: Double, _ digits: Int = 1) -> String { x.isFinite ? String(format: "%.\(digits)f", x) : "–" }

    func table() -> String {
        var out = [
            "Frontline bench: \(data), \(snapshots) snapshots (\(vertices) vertices in the first), \(width)×\(height), "
                + "PNG \(compression), one worker, medians of \(frames) frames in ms",
            "",
            "stage".padding(toLength: 40, withPad: " ", startingAt: 0) + kinds.map { $0.name.leftPad(10) }.joined(),
            "load (once: \(f(loadMs, 0)) ms) ÷ frames".padding(toLength: 40, withPad: " ", startingAt: 0)
                + kinds.map { _ in f(loadMs / Double(frames), 2).leftPad(10) }.joined(),
        ]
        for (i, stage) in (kinds.first?.stageMs ?? []).enumerated() {
            out.append(
                stage.0.padding(toLength: 40, withPad: " ", startingAt: 0) + kinds.map { f($0.stageMs[i].1, 2).leftPad(10) }.joined())
        }
        out.append("frame".padding(toLength: 40, withPad: " ", startingAt: 0) + kinds.map { f($0.frameMs, 2).leftPad(10) }.joined())
        out.append(
            "floor (fills on cached base, encode)".padding(toLength: 40, withPad: " ", startingAt: 0)
                + kinds.map { f($0.floorMs, 2).leftPad(10) }.joined())
        out.append(
            "frame ÷ floor".padding(toLength: 40, withPad: " ", startingAt: 0)
                + kinds.map { (f($0.frameMs / $0.floorMs, 2) + "×").leftPad(10) }.joined())
        if !peers.isEmpty {
            // Each peer frame is set against Frontline's frame of the same kind (the same layers).
            out += [
                "", "peer (same frames, same run)             frame ms   draw ms  encode ms  peak MB   peer ÷ Frontline, same frame",
            ]
            for p in peers {
                let mine = kinds.first { $0.name == p.frame }?.frameMs ?? .nan
                out.append(
                    "\(p.name), \(p.frame) frame".padding(toLength: 40, withPad: " ", startingAt: 0) + f(p.frameMs).leftPad(9)
                        + f(p.drawMs).leftPad(10) + f(p.encodeMs).leftPad(11) + f(p.peakRSSMB).leftPad(9) + "   \(f(p.frameMs / mine, 2))×")
            }
            out += targets()
        }
        out.append("")
        out.append(
            "frames per second (\(fpsKind) frames, PNG in memory, median of \(fpsRounds) rounds): "
                + fps.map { "\($0.workers) worker\($0.workers == 1 ? "" : "s") \(f($0.fps))" }.joined(separator: ", ")
                + (fps.count > 1
                    ? "; all cores over one worker in each round \(fpsRatios.map { f($0, 2) + "×" }.joined(separator: ", ")), "
                        + "median \(f(median(fpsRatios), 2))×" : ""))
        out.append(
            "peak resident memory of a \(memoryFrames)-frame sequence (its own process: load, then \(fpsKind) frames on all cores): "
                + "\(f(peakRSSMB)) MB")
        if let p = process {
            out.append(
                "frontline render --data \(p.data) --date \(p.date), a whole process (default 1920×1080 PNG): "
                    + "median \(f(p.medianMs, 0)) ms, fastest \(f(p.fastestMs, 0)) ms of \(p.runs) runs")
        }
        out.append("1-minute load average at the end: \(f(loadAverage, 2))")
        return out.joined(separator: "\n")
    }

    /// Issue 22's frame targets, as measured in this run: the full frame against the peers' full frames
    /// and Mapnik AGG's bare one, and against its floor.
    func targets() -> [String] {
        guard let full = kinds.first(where: { $0.name == "full" }) else { return [] }
        func peer(_ name: String, _ frame: String) -> Double {
            peers.first { $0.name == name && $0.frame == frame }?.frameMs ?? .nan
        }
        func check(_ ok: Bool) -> String { ok ? "met" : "not met" }
        let agg = peer("mapnik-agg", "full") / full.frameMs, mpl = peer("matplotlib", "full") / full.frameMs
        let bare = peer("mapnik-agg", "bench")
        let floor = full.frameMs / full.floorMs
        return [
            "",
            "issue 22: full frame \(f(agg, 2))× faster than Mapnik AGG's full frame (target 2×: \(check(agg >= 2))), "
                + "\(f(mpl, 2))× than matplotlib's (target 3×: \(check(mpl >= 3)))",
            "issue 22: full frame \(f(full.frameMs)) ms against half of Mapnik AGG's bare frame, \(f(bare / 2)) ms "
                + "(\(check(full.frameMs <= bare / 2))); \(f(floor, 2))× its floor (target 3×: \(check(floor <= 3)))",
        ]
    }

    func json() -> String {
        var o: [String: Any] = [
            "data": data, "width": width, "height": height, "frames": frames, "snapshots": snapshots, "vertices": vertices,
            "load_ms": loadMs, "png_compression": compression, "memory_frames": memoryFrames, "peak_rss_mb": peakRSSMB,
            "load_avg_1min": loadAverage,
        ]
        o["kinds"] = kinds.map { k in
            [
                "name": k.name, "frame_ms": k.frameMs, "floor_ms": k.floorMs,
                "stages_ms": Dictionary(uniqueKeysWithValues: k.stageMs.map { ($0.0, $0.1) }),
            ] as [String: Any]
        }
        o["fps_kind"] = fpsKind
        o["fps"] = fps.map { ["workers": $0.workers, "fps": $0.fps] }
        o["fps_ratios"] = fpsRatios
        if let p = process {
            o["process"] =
                ["data": p.data, "date": p.date, "runs": p.runs, "median_ms": p.medianMs, "fastest_ms": p.fastestMs] as [String: Any]
        }
        o["peers"] = peers.map { ["peer": $0.name, "frame": $0.frame, "frame_ms": $0.frameMs] as [String: Any] }
        let data = (try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? " " + self : String(repeating: " ", count: n - count) + self }
}

enum PeakMemory {
    /// This program's peak resident set in KiB since it was executed (/proc/self/status VmHWM).
    static func highWaterKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    static func loadAverage() -> Double {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? loads[0] : .nan
    }
}
