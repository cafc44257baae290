import Foundation
import GeoCore
import Testing
import Atlas
import FrontlineTestSupport
import MapData
@testable import MapRender

/// `frontline animate` as a user runs it: real ffmpeg, checked with ffprobe.
@Suite("Animate command")
struct AnimateCommandTests {
    static let ffprobe = ["/usr/bin/ffprobe", "/usr/local/bin/ffprobe"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let ffmpeg = ["/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func requireFFmpeg() throws -> (ffmpeg: String, ffprobe: String) {
        let ffmpeg = try #require(Self.ffmpeg, "ffmpeg is missing: apt-get install -y ffmpeg (make test installs it)")
        let ffprobe = try #require(Self.ffprobe, "ffprobe is missing: apt-get install -y ffmpeg (make test installs it)")
        return (ffmpeg, ffprobe)
    }

    func countFrames(_ file: String) throws -> Int {
        let (_, ffprobe) = try requireFFmpeg()
        let text = try runTool(
            ffprobe,
            ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file])
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test("2024-08-01 → 2025-04-01 daily at 1920×1080: ffprobe counts the planned frames; a video frame is the map of its day")
    func fullMP4() async throws {
        let (ffmpeg, _) = try requireFFmpeg()
        let dir = try TempDir()
        let video = dir.path("kursk.mp4")
        let r = try await CLI.run(
            [
                "animate", "--data", CLI.data, "--from", "2024-08-01", "--to", "2025-04-01", "--step", "1d", "--fps", "24",
                "--hold", "1s", "--size", "1920x1080", "--out", video,
            ] + AnimationPlan.Pacing.dailyArguments)
        #expect(r.status == 0, "\(r.stderr)")
        let dataset = try KurskData.loaded.get()
        let day = try Day(parsing: "2024-09-15")
        let plan = AnimationPlan(
            dataset: dataset, from: try Day(parsing: "2024-08-01"), to: try Day(parsing: "2025-04-01"), stepDays: 1, pacing: .daily(fps: 24)
        )
        #expect(r.stdout.contains("244 pictures, \(plan.videoFrameCount) video frames"), "\(r.stdout)")
        #expect(try countFrames(video) == plan.videoFrameCount)
        #expect(dir.contents == ["kursk.mp4"], "no temporary files left: \(dir.contents)")

        // The video frame of 2024-09-15 against the same frame rendered as PNG.
        let index = plan.frames.prefix { $0.day < day }.reduce(0) { $0 + $1.copies }
        let still = dir.path("still.png")
        _ = try runTool(ffmpeg, ["-v", "error", "-i", video, "-vf", "select=eq(n\\,\(index))", "-vframes", "1", still])
        let reference = dir.path("reference.png")
        let events = plan.frames.first { $0.day == day }!.events
        #expect(events.isEmpty, "2024-09-15 has no events; the reference render shows none")
        let rr = try await CLI.run(["render", "--data", CLI.data, "--date", "2024-09-15", "--interpolate", "--out", reference])
        #expect(rr.status == 0)
        let a = try decodePNG([UInt8](try Data(contentsOf: URL(fileURLWithPath: still))))
        let b = try decodePNG([UInt8](try Data(contentsOf: URL(fileURLWithPath: reference))))
        #expect(a.width == b.width && a.height == b.height)
        // The map frame above the timeline bar, which only the animation draws (as it does the
        // panel's blocks in the boxes reserved for the whole sequence, which moves them).
        let layout = Layout(width: 1920, height: 1080)
        var total = 0, compared = 0
        for y in 0..<Int(layout.scaleBar.y) - 30 {
            for x in Int(layout.map.x)..<a.width {
                let p = a.pixels[y * a.width + x], q = b.pixels[y * b.width + x]
                for shift in [0, 8, 16] as [UInt32] { total += abs(Int((p >> shift) & 0xFF) - Int((q >> shift) & 0xFF)) }
                compared += 3
            }
        }
        let mean = Double(total) / Double(compared)
        // H.264 at CRF 20 in 4:2:0 blurs colour edges a little; a wrong or empty frame differs by tens.
        #expect(mean < 4, "mean channel difference \(mean)")
    }

    @Test("60 daily snapshots of a generated front, animated with the defaults: under 15 s, said before rendering; ffprobe agrees")
    func sixtyDailySnapshots() async throws {
        _ = try requireFFmpeg()
        let dir = try TempDir()
        _ = try runTool(
            "python3", [CLI.root.appendingPathComponent("scripts/make-test-front.py").path, dir.path("."), "--days", "60", "--every-day"])
        let raw = try FileManager.default.contentsOfDirectory(atPath: dir.path("raw")).filter { $0.hasPrefix("occupied_") }.sorted()
        #expect(raw.count == 60)
        let imported = try await CLI.run(
            ["import", "geojson"] + raw.map { dir.path("raw/\($0)") } + [
                "--side", "east", "--source", "Daily occupation map", "--out", dir.path("myfront/control"),
            ])
        try #require(imported.status == 0, "\(imported.stderr)")
        let video = dir.path("daily.mp4")
        let r = try await CLI.run(["animate", "--data", dir.path("myfront"), "--out", video])
        #expect(r.status == 0, "\(r.stderr)")
        // The first line, printed before any frame is drawn, gives the length.
        let first = try #require(r.stdout.split(separator: "\n").first.map(String.init))
        let said = try #require(first.firstMatch(of: #/: ([0-9.]+) s \(/#).flatMap { Double($0.1) }, "\(first)")
        #expect(said < 15, "\(first)")
        #expect(first.contains("no snapshot holds"), "daily data is not held every day: \(first)")
        let probed = try runTool(
            try requireFFmpeg().ffprobe, ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", video])
        let seconds = try #require(Double(probed.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(seconds < 15 && abs(seconds - said) < 0.1, "ffprobe: \(seconds) s; said \(said) s")
    }

    @Test("A GIF and a WebM of a few days: the frame counts ffprobe reads")
    func gifAndWebM() async throws {
        _ = try requireFFmpeg()
        let dir = try TempDir()
        for ext in ["gif", "webm"] {
            let file = dir.path("short.\(ext)")
            let r = try await CLI.run(
                [
                    "animate", "--data", CLI.data, "--from", "2024-09-01", "--to", "2024-09-05", "--hold", "0", "--fps", "10",
                    "--size", "480x270", "--out", file,
                ] + AnimationPlan.Pacing.dailyArguments)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try countFrames(file) == 5, "\(ext)")
        }
    }

    @Test("Into a folder: one PNG per video frame, holds included")
    func folder() async throws {
        let dir = try TempDir()
        let out = dir.path("frames")
        let r = try await CLI.run(
            [
                "animate", "--data", CLI.data, "--from", "2024-08-30", "--to", "2024-09-02", "--hold", "0.2s", "--fps", "10",
                "--size", "480x270", "--out", out,
            ] + AnimationPlan.Pacing.dailyArguments)
        #expect(r.status == 0, "\(r.stderr)")
        // 4 pictures; 2024-09-01 is a snapshot date a month from its neighbours, and the last date:
        // each held for 2 more frames.
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        // And the run record that --resume checks (RunRecord).
        #expect(names == [".frontline-run"] + (1...8).map { String(format: "frame-%05d.png", $0) })
    }

    @Test("Without ffmpeg: the frames are written, and the error says what is missing and how to finish")
    func withoutFFmpeg() async throws {
        let dir = try TempDir()
        let video = dir.path("a.mp4")
        let r = try await CLI.run(
            [
                "animate", "--data", CLI.data, "--from", "2024-09-01", "--to", "2024-09-03", "--size", "480x270", "--hold", "0", "--out",
                video,
            ] + AnimationPlan.Pacing.dailyArguments,
            path: "/nonexistent")
        #expect(r.status != 0)
        #expect(r.stderrLines.last?.contains("ffmpeg was not found") == true, "\(r.stderr)")
        #expect(r.stderr.contains("apt-get install -y ffmpeg"))
        #expect(!FileManager.default.fileExists(atPath: video))
        let frames = try FileManager.default.contentsOfDirectory(atPath: dir.path("a.frames")).filter { $0 != ".frontline-run" }
        #expect(frames.count == 3)
    }

    @Test(
        "Bad arguments: one line, non-zero, nothing written",
        arguments: [
            (["--from", "2025-01-01", "--to", "2024-09-01"], "is after --to"),
            (["--step", "0d"], "must be positive"),
            (["--step=-1d"], "must be positive"),
            (["--step", "fortnight"], "expected a number of days"),
            (["--fps", "0"], "--fps"),
            (["--hold=-1s"], "--hold"),
            (["--from", "2020-01-01"], "before the first control snapshot"),
        ])
    func badArguments(_ arguments: [String], _ message: String) async throws {
        let dir = try TempDir()
        let r = try await CLI.run(["animate", "--data", CLI.data, "--out", dir.path("a.mp4")] + arguments)
        #expect(r.status != 0)
        #expect(r.stderrLines.count == 1 && r.stderr.contains(message), "\(r.stderr)")
        #expect(dir.contents.isEmpty, "\(dir.contents)")
    }

    @Test("Bad outputs: an unknown extension, or a folder that is a file")
    func badOutputs() async throws {
        let dir = try TempDir()
        let r1 = try await CLI.run(["animate", "--data", CLI.data, "--out", dir.path("a.avi")])
        #expect(r1.status != 0 && r1.stderrLines.count == 1 && r1.stderr.contains("unknown extension '.avi'"), "\(r1.stderr)")
        let file = dir.path("frames")
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        let r2 = try await CLI.run(["animate", "--data", CLI.data, "--out", file])
        #expect(r2.status != 0 && r2.stderrLines.count == 1 && r2.stderr.contains("is a file"), "\(r2.stderr)")
        #expect(dir.contents == ["frames"])
    }
}
