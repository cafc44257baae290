import Foundation
import Testing

/// Splitting a sequence across machines: parts side by side equal the whole, byte for byte.
@Suite("Sharding")
struct ShardTests {
    /// Every file in a folder, by name.
    func files(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(name))
        }
        return out
    }

    @Test("frames: --shard 0/3, 1/3, 2/3 together give the unsharded output, PNG and SVG")
    func framesShards() async throws {
        let dir = try TempDir()
        let args = ["frames", "--data", CLI.data, "--from", "2024-08-01", "--to", "2024-10-01", "--size", "480x270", "--format", "png,svg"]
        #expect(try await CLI.run(args + ["--out", dir.path("whole")]).status == 0)
        for i in 0..<3 { #expect(try await CLI.run(args + ["--out", dir.path("parts"), "--shard", "\(i)/3"]).status == 0) }
        let whole = try files(dir.path("whole"))
        #expect(whole.count > 6)
        #expect(try files(dir.path("parts")) == whole)
    }

    @Test("Slurm and Kubernetes indices pick the same parts as --shard")
    func environment() async throws {
        let dir = try TempDir()
        let args = ["frames", "--data", CLI.data, "--from", "2024-08-01", "--to", "2024-10-01", "--size", "480x270"]
        let a = try await CLI.run(args + ["--out", dir.path("a"), "--shard", "1/3"])
        let b = try await CLI.run(
            args + ["--out", dir.path("b")],
            environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "3"])
        let c = try await CLI.run(args + ["--out", dir.path("c")], environment: ["JOB_COMPLETION_INDEX": "1", "FRONTLINE_SHARDS": "3"])
        #expect(a.status == 0 && b.status == 0 && c.status == 0)
        #expect(!a.stdout.isEmpty && a.stdout == b.stdout && b.stdout == c.stdout)
        let d = try await CLI.run(args + ["--out", dir.path("d")], environment: ["JOB_COMPLETION_INDEX": "1"])
        #expect(d.status != 0 && d.stderr.contains("FRONTLINE_SHARDS"))
        let e = try await CLI.run(args + ["--out", dir.path("e"), "--shard", "3/3"])
        #expect(e.status != 0 && e.stderrLines.count == 1 && e.stderr.contains("out of range"))
    }

    @Test("animate into a folder: two parts give the frames of one run, numbered alike")
    func animateShards() async throws {
        let dir = try TempDir()
        let args = [
            "animate", "--data", CLI.data, "--from", "2024-08-28", "--to", "2024-09-04", "--hold", "0.2s", "--fps", "10", "--size",
            "480x270",
        ]
        #expect(try await CLI.run(args + ["--out", dir.path("whole")]).status == 0)
        for i in 0..<2 { #expect(try await CLI.run(args + ["--out", dir.path("parts"), "--shard", "\(i)/2"]).status == 0) }
        #expect(try files(dir.path("parts")) == (try files(dir.path("whole"))))
        let video = try await CLI.run(args + ["--out", dir.path("v.mp4"), "--shard", "0/2"])
        #expect(video.status != 0 && video.stderr.contains("--shard needs a folder"))
    }
}
