import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Testing

/// `--resume` after a kill: the folder must end byte for byte as an uninterrupted run leaves it.
@Suite("Resume after a kill", .serialized)
struct ResumeTests {
    /// 200 daily maps, small so the test stays quick.
    static let frames = [
        "frames", "--data", CLI.data, "--from", "2024-08-01", "--to", "2025-02-16", "--step", "1d", "--size", "320x180",
        "--workers", "2",
    ]

    @Test("a 200-frame run killed at three random points and resumed each time equals an uninterrupted run")
    func framesKilledThreeTimes() async throws {
        let whole = try TempDir(), broken = try TempDir()
        let reference = try await CLI.run(Self.frames + ["--out", whole.path("out")])
        #expect(reference.status == 0, "\(reference.stderr)")
        let expected = try Self.snapshot(whole.path("out"))
        #expect(expected.filter { $0.key.hasSuffix(".png") }.count == 200)

        var random = SeededRandom(seed: 7)
        // Frames complete when each kill comes (seed 7: after 8, 77 and 172 of 200).
        let killPoints = Set((0..<3).map { _ in Int.random(in: 5...190, using: &random) }).sorted()
        try #require(killPoints.count == 3)
        for (run, point) in killPoints.enumerated() {
            let arguments = Self.frames + ["--out", broken.path("out")] + (run == 0 ? [] : ["--resume"])
            let done = try await Self.runKilled(arguments, whenComplete: point, in: broken.path("out"))
            #expect(done >= point && done < 200, "killed at \(done) complete frames, aimed at \(point)")
        }
        // A file that is there but not whole (as another writer might leave) is not taken as done.
        let victim = broken.path("out/2024-08-02.png")
        let bytes = try read(victim)
        try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: victim))

        let before = try Self.snapshot(broken.path("out")).filter { !$0.key.hasPrefix(".") }.count
        let last = try await CLI.run(Self.frames + ["--out", broken.path("out"), "--resume"])
        #expect(last.status == 0, "\(last.stderr)")
        #expect(last.stdout.split(separator: "\n").count == 200 - before + 1, "renders only what is missing, and the broken file")
        let got = try Self.snapshot(broken.path("out"))
        #expect(got.keys.sorted() == expected.keys.sorted(), "the same files, and no temporaries left")
        let different = expected.keys.filter { got[$0] != expected[$0] }.sorted()
        #expect(different.isEmpty, "files that differ: \(different.prefix(5))")
    }

    @Test("animate into a folder, killed and resumed, equals an uninterrupted run (held copies too)")
    func animateKilledOnce() async throws {
        let arguments = [
            "animate", "--data", CLI.data, "--from", "2024-08-01", "--to", "2024-09-10", "--step", "1d", "--hold", "0.1s",
            "--fps", "20", "--size", "320x180", "--workers", "2",
        ]
        let whole = try TempDir(), broken = try TempDir()
        let reference = try await CLI.run(arguments + ["--out", whole.path("out/")])
        #expect(reference.status == 0, "\(reference.stderr)")
        let expected = try Self.snapshot(whole.path("out"))
        _ = try await Self.runKilled(arguments + ["--out", broken.path("out/")], whenComplete: 15, in: broken.path("out"))
        let last = try await CLI.run(arguments + ["--out", broken.path("out/"), "--resume"])
        #expect(last.status == 0, "\(last.stderr)")
        let got = try Self.snapshot(broken.path("out"))
        #expect(got.keys.sorted() == expected.keys.sorted())
        #expect(expected.keys.filter { got[$0] != expected[$0] }.isEmpty)
    }

    @Test("--resume checks each format's ending: a cut SVG or PDF is made again, whole files are kept")
    func resumeChecksEveryFormat() async throws {
        let arguments = ["frames", "--data", CLI.data, "--to", "2024-08-01", "--format", "png,svg,pdf", "--size", "320x180"]
        let tmp = try TempDir()
        let first = try await CLI.run(arguments + ["--out", tmp.path("out")])
        #expect(first.status == 0, "\(first.stderr)")
        let expected = try Self.snapshot(tmp.path("out"))
        #expect(expected.count == 7, "six files and the run record: \(expected.keys.sorted())")
        for name in ["2024-07-01.svg", "2024-08-01.pdf"] {
            let bytes = try #require(expected[name])
            try Data(bytes.dropLast(20)).write(to: URL(fileURLWithPath: tmp.path("out/\(name)")))
        }
        let resumed = try await CLI.run(arguments + ["--out", tmp.path("out"), "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout == "2024-07-01\n2024-08-01\n", "both days had a cut file")
        #expect(try Self.snapshot(tmp.path("out")) == expected)
        let again = try await CLI.run(arguments + ["--out", tmp.path("out"), "--resume"])
        #expect(again.status == 0 && again.stdout.isEmpty, "nothing left to do: \(again.stdout)")
    }

    @Test("a resumed shard clears dead temporaries only: one a live writer (another shard) holds locked stays")
    func resumedShardLeavesLiveTemporariesAlone() async throws {
        // On a cluster the shards share a folder: a temporary is judged by its lock (held while it is
        // written, by whichever machine writes it), never by a process id, which means nothing here.
        let arguments = ["frames", "--data", CLI.data, "--to", "2024-08-01", "--size", "320x180", "--resume"]
        let tmp = try TempDir()
        try FileManager.default.createDirectory(atPath: tmp.path("out"), withIntermediateDirectories: true)
        let live = tmp.path("out/.frontline-tmp-00000000000000aa"), dead = tmp.path("out/.frontline-tmp-00000000000000bb")
        for path in [live, dead] { try Data("partial".utf8).write(to: URL(fileURLWithPath: path)) }
        let fd = open(live, O_RDWR)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0, "the test holds the live writer's lock")
        defer { close(fd) }
        let first = try await CLI.run(arguments + ["--out", tmp.path("out"), "--shard", "0/2"])
        #expect(first.status == 0 && first.stdout == "2024-07-01\n", "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: live), "a temporary whose writer holds its lock is not touched")
        #expect(!FileManager.default.fileExists(atPath: dead), "an unlocked temporary of ours is a killed run's: removed")
        let second = try await CLI.run(arguments + ["--out", tmp.path("out"), "--shard", "1/2"])
        #expect(second.status == 0 && second.stdout == "2024-08-01\n", "\(second.stderr)")
        #expect(
            try Self.snapshot(tmp.path("out")).keys.sorted().filter { !$0.hasPrefix(".frontline-run") }
                == [".frontline-tmp-00000000000000aa", "2024-07-01.png", "2024-08-01.png"])
    }

    @Test("--resume with a video is refused before anything is made")
    func resumeVideoRefused() async throws {
        let tmp = try TempDir()
        let r = try await CLI.run(["animate", "--data", CLI.data, "--resume", "--out", tmp.path("x.mp4")])
        expectCleanFailure(r, mentions: ["--resume needs a folder"], outDir: tmp)
    }

    /// Every file in `folder`, hidden ones too, with its bytes.
    static func snapshot(_ folder: String) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            out[name] = try read((folder as NSString).appendingPathComponent(name))
        }
        return out
    }

    /// Starts the binary, SIGKILLs it once `folder` holds at least `count` finished PNGs (or lets it
    /// end), and returns how many there were when it stopped.
    static func runKilled(_ arguments: [String], whenComplete count: Int, in folder: String) async throws -> Int {
        let process = try CLI.launch(arguments)
        func finished() -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") && $0.hasSuffix(".png") }
                .count
        }
        // A blocking poll, not Task.sleep: with the other suites' synchronous work holding the
        // cooperative threads, a sleeping task resumed too late and the run had finished (all 200
        // frames) before it was killed. Holding this thread keeps the kill on time.
        while process.isRunning && finished() < count { usleep(5_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return finished()
    }
}
