import Foundation
import MapData
import Testing

/// Issue #23's examples through the binary, beyond the hostile corpus: temporaries that a later run
/// clears (only its own, only unlocked), killed runs, the report's marker, CSV and terminal text.
@Suite("Output safety", .serialized)
struct OutputSafetyTests {
    static let base = HostileCorpus.root.appendingPathComponent("base").path

    @Test("a later run removes a dead run's temporaries (lock free), never a live run's, a link or another program's file")
    func staleTemporaries() async throws {
        let tmp = try TempDir()
        let dead = ".frontline-tmp-00000000000000d1", deadFolder = ".frontline-tmp-00000000000000d2"
        let live = ".frontline-tmp-00000000000000a1", link = ".frontline-tmp-00000000000000c1", other = ".x.png.123.tmp"
        for name in [dead, live, other, "victim.txt"] { try Data("x".utf8).write(to: tmp.url.appendingPathComponent(name)) }
        try FileManager.default.createDirectory(atPath: tmp.path(deadFolder + "/maps"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: tmp.path(link), withDestinationPath: "victim.txt")
        // A live run's temporary: another process holds its lock.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-x", tmp.path(live), "sleep", "60"]
        try holder.run()
        defer { holder.terminate() }
        while try Self.lockIsFree(tmp.path(live)) { usleep(10_000) }

        let r = try await CLI.run(["render", "--date", "2024-01-15", "--data", Self.base, "--size", "200x100", "--out", tmp.path("x.png")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Set(tmp.contents) == [live, link, other, "victim.txt", "x.png"], "\(tmp.contents)")
    }

    @Test("a killed animate leaves one private, locked temporary folder; the next run beside it removes it")
    func killedAnimate() async throws {
        let tmp = try TempDir()
        let args = ["animate", "--data", Self.base, "--to", "2024-02-01", "--size", "320x200", "--out", tmp.path("v.mp4")]
        let left = try Self.killWhenTemporary(args, in: tmp)
        let name = try #require(left, "no temporary appeared: \(tmp.contents)")
        #expect(name.wholeMatch(of: #/\.frontline-tmp-[0-9a-f]{16}/#) != nil, "\(name)")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: tmp.path(name))[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o700, "the workspace is private: \(String(mode, radix: 8))")
        #expect(!tmp.contents.contains("v.mp4"), "no partial video under its name")
        let r = try await CLI.run(["render", "--date", "2024-01-15", "--data", Self.base, "--size", "200x100", "--out", tmp.path("x.png")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Set(tmp.contents) == ["x.png"], "\(tmp.contents)")
    }

    @Test("a killed report leaves its staging folder; the next report beside it removes it, and replaces only its own report")
    func killedReport() async throws {
        let tmp = try TempDir()
        let left = try Self.killWhenTemporary(["report", "--data", CLI.data, "--out", tmp.path("big")], in: tmp)
        #expect(left != nil, "no staging folder appeared: \(tmp.contents)")
        for _ in 0..<2 {
            let r = try await CLI.run(["report", "--data", Self.base, "--size", "200x100", "--out", tmp.path("rep")])
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(Set(tmp.contents) == ["rep"], "\(tmp.contents)")
        #expect(FileManager.default.fileExists(atPath: tmp.path("rep/.frontline-report")))
    }

    @Test(
        "the temporary is created exclusively and never through a link, locked, flushed, renamed, and the folder flushed",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")))
    func writerSystemCalls() throws {
        let tmp = try TempDir()
        // O_EXCL|O_NOFOLLOW on a random name: a link planted beside the output is never written through.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments = [
            "-f", "-e", "trace=openat,flock,fsync,renameat", "-o", tmp.path("trace"), CLI.binary.path,
            "render", "--date", "2024-01-15", "--data", Self.base, "--size", "200x100", "--out", tmp.path("x.png"),
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // "PID call(...) = result" lines; the writer's calls are those of the thread that opened the temporary.
        let lines = try String(contentsOfFile: tmp.path("trace"), encoding: .utf8).split(separator: "\n")
        let opening = try #require(lines.first { $0.contains("openat(") && $0.contains("\".frontline-tmp-") }, "\(lines.suffix(20))")
        let thread = opening.prefix { $0 != " " }
        let calls = lines.filter { $0.prefix { $0 != " " } == thread }.map { $0.drop { $0 != " " }.drop { $0 == " " } }
            .filter { !$0.hasPrefix("<...") }  // the ends of calls another thread's line interrupted
        let open = try #require(calls.firstIndex { $0.contains("\".frontline-tmp-") && $0.hasPrefix("openat(") })
        let name = try #require(calls[open].firstMatch(of: #/\.frontline-tmp-[0-9a-f]{16}/#)).output
        #expect(calls[open].contains("O_WRONLY|O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC, 0644"), "\(calls[open])")
        let fd = try #require(calls[open].split(separator: "= ").last)
        let rest = calls[(open + 1)...].prefix(4).map(String.init)
        #expect(rest.count == 4)
        guard rest.count == 4 else { return }
        #expect(rest[0].hasPrefix("flock(\(fd), LOCK_EX)"), "\(rest)")
        #expect(rest[1].hasPrefix("fsync(\(fd))"), "\(rest)")
        #expect(rest[2].hasPrefix("renameat(") && rest[2].contains("\"\(name)\"") && rest[2].contains("\"x.png\""), "\(rest)")
        #expect(rest[3].hasPrefix("fsync(") && !rest[3].hasPrefix("fsync(\(fd))"), "the folder is flushed: \(rest)")
    }

    @Test("a file output is written with mode 0644 less the umask")
    func outputMode() async throws {
        let tmp = try TempDir()
        let r = try await CLI.run(["chart", "--data", Self.base, "--out", tmp.path("c.svg")])
        #expect(r.status == 0, "\(r.stderr)")
        let mask = umask(0)
        umask(mask)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: tmp.path("c.svg"))[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o644 & ~Int(mask), "\(String(mode, radix: 8))")
    }

    @Test("the stats CSV quotes by RFC 4180 and defuses formula cells; the report's CSV the same")
    func csvInjection() async throws {
        let formula = #"=HYPERLINK("http://x","y")"#, comma = #"b, "the other""#
        let copy = try Self.baseCopy(renaming: ["a": formula, "b": comma])
        let r = try await CLI.run(["stats", "--data", copy.dataPath])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try CSV.parse(r.stdout, file: "stdout")
        #expect(rows.count == 7, "a header and six rows, none split by the comma: \(r.stdout)")
        #expect(rows.dropFirst().allSatisfy { $0.fields.count == 7 })
        #expect(Set(rows.dropFirst().map { $0.fields[2] }) == ["'" + formula, comma])
        #expect(!r.stdout.split(separator: "\n").contains { $0.split(separator: ",")[2].hasPrefix("=") })
        let tmp = try TempDir()
        let report = try await CLI.run(["report", "--data", copy.dataPath, "--size", "200x100", "--out", tmp.path("rep")])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try String(contentsOfFile: tmp.path("rep/data/stats.csv"), encoding: .utf8) == r.stdout)
    }

    @Test("control characters from data reach stdout escaped")
    func terminalEscapes() async throws {
        let copy = try Self.baseCopy(renaming: ["a": "a\u{1B}]0;owned\u{07}\u{9B}2J"])
        let r = try await CLI.run(["stats", "--data", copy.dataPath])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#"a\u{1B}]0;owned\u{07}\u{9B}2J"#), "\(r.stdout)")
        #expect(!r.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        // JSON escapes them its own way (\u009b), so the output stays valid JSON with the side intact.
        let json = try await CLI.run(["stats", "--data", copy.dataPath, "--format", "json"])
        #expect(!json.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let sides = rows.flatMap { ($0["sides"] as? [[String: Any]]) ?? [] }.compactMap { $0["side"] as? String }
        #expect(sides.contains("a\u{1B}]0;owned\u{07}\u{9B}2J"), "\(Set(sides))")
    }

    @Test("pages drawn at once stay within the pixel limit for the whole run")
    func pageLimitPerRun() async throws {
        let tmp = try TempDir()
        let r = try await CLI.run([
            "frames", "--data", Self.base, "--size", "10000x10000", "--workers", "2", "--out", tmp.path("out"),
        ])
        expectCleanFailure(r, mentions: ["--workers 2", "limit of 100 megapixels"], outDir: tmp)
    }

    /// Whether `flock -n` can take the lock on `path` now.
    static func lockIsFree(_ path: String) throws -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        p.arguments = ["-n", "-x", path, "true"]
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    /// A copy of the base data set with side ids renamed everywhere they appear.
    static func baseCopy(renaming sides: [String: String]) throws -> TempDir {
        let dir = try TempDir()
        let copy = dir.url.appendingPathComponent("data")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: base), to: copy)
        for file in ["dataset.json", "control/2024-01-01.geojson", "control/2024-02-01.geojson", "events.geojson"] {
            let url = copy.appendingPathComponent(file)
            var text = try String(contentsOf: url, encoding: .utf8)
            for (old, new) in sides {
                let json = String(decoding: try JSONEncoder().encode(new), as: UTF8.self)
                for key in ["id", "side", "actor"] {
                    text = text.replacingOccurrences(of: "\"\(key)\": \"\(old)\"", with: "\"\(key)\": \(json)")
                }
            }
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// Starts the binary, SIGKILLs it once `dir` holds a frontline temporary (or it ends), and
    /// returns that temporary's name.
    static func killWhenTemporary(_ arguments: [String], in dir: TempDir) throws -> String? {
        let process = try CLI.launch(arguments)
        func temporary() -> String? { dir.contents.first { $0.hasPrefix(".frontline-tmp-") } }
        // A blocking poll (see ResumeTests.runKilled): the kill must come while the run is working.
        while process.isRunning && temporary() == nil { usleep(2_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return temporary()
    }
}

extension TempDir {
    /// The data set `OutputSafetyTests.baseCopy` made in the folder.
    var dataPath: String { url.appendingPathComponent("data").path }
}
