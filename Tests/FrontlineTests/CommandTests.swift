import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

/// Runs the built `frontline` binary as a user would, with a clean environment (PATH and HOME only).
enum CLI {
    static let root = KurskData.repoRoot
    static let binary = root.appendingPathComponent(".build/debug/frontline")
    static let data = KurskData.folder.path

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: true) }
    }

    static func run(
        _ arguments: [String], path: String? = nil, environment: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Result {
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "frontline binary not found at \(binary.path); run `swift build` first", sourceLocation: sourceLocation)
        // Output goes to files, not pipes: no deadlock however much a command prints.
        let scratch = try TempDir()
        let outURL = scratch.url.appendingPathComponent("stdout"), errURL = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let env = ProcessInfo.processInfo.environment
        process.environment = ["PATH": path ?? env["PATH"] ?? "/usr/bin:/bin", "HOME": env["HOME"] ?? "/tmp"].merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { p in continuation.resume(returning: p.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try out.close()
        try err.close()
        return Result(
            status: status,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

extension CLI {
    /// Starts the binary without waiting, its output discarded: for tests that kill a run midway.
    static func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// Runs a tool (a name on PATH or a path) and returns its standard output; fails the test when it
/// exits non-zero.
func runTool(_ tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "\(tool) \(arguments.joined(separator: " ")) failed")
    return String(decoding: data, as: UTF8.self)
}

/// A fresh temporary folder, removed when the value goes away.
final class TempDir: Sendable {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] }
}

/// A copy of GeoData in a temporary folder, for corrupting.
final class DataCopy: Sendable {
    let dir: TempDir
    var path: String { dir.path("GeoData") }
    init() throws {
        dir = try TempDir()
        try FileManager.default.copyItem(at: KurskData.folder, to: dir.url.appendingPathComponent("GeoData"))
    }

    /// Replaces the first occurrence of `old` in the file; fails the test if it is not there.
    func replace(in file: String, _ old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let range = try #require(text.range(of: old), "'\(old)' not found in \(file)", sourceLocation: sourceLocation)
        try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
}

let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

/// Width and height from a PNG's IHDR chunk (big-endian, right after the signature and chunk header).
func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
    guard bytes.count >= 24, Array(bytes[0..<8]) == pngSignature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
    func be32(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (be32(16), be32(20))
}

func read(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

/// Checks what every failed command must do: non-zero exit, one line on stderr holding the facts, no output left.
func expectCleanFailure(
    _ r: CLI.Result, mentions facts: [String], outDir: TempDir?,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(r.status != 0, "exit status", sourceLocation: sourceLocation)
    #expect(r.stderrLines.count == 1, "stderr should be exactly one line:\n\(r.stderr)", sourceLocation: sourceLocation)
    for fact in facts {
        #expect(r.stderr.contains(fact), "stderr should mention '\(fact)':\n\(r.stderr)", sourceLocation: sourceLocation)
    }
    if let outDir {
        #expect(outDir.contents.isEmpty, "output folder should stay empty, has \(outDir.contents)", sourceLocation: sourceLocation)
    }
}

@Suite("Commands")
struct CommandTests {

    @Test("frontline dates lists snapshot and event dates")
    func dates() async throws {
        let r = try await CLI.run(["dates", "--data", CLI.data])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("2024-09-01") })
        #expect(lines.contains { $0.hasPrefix("2025-01-05") })
        #expect(r.stderr.isEmpty)
    }

    // MARK: rendering (each full render ≈ 1 s in debug: keep these few)

    @Test("render PNG: 1920×1080, byte-for-byte the same on a second run")
    func renderPNG() async throws {
        let tmp = try TempDir()
        for name in ["a.png", "b.png"] {
            let r = try await CLI.run(["render", "--date", "2024-09-01", "--data", CLI.data, "--out", tmp.path(name)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let a = try read(tmp.path("a.png")), b = try read(tmp.path("b.png"))
        #expect(Array(a.prefix(8)) == pngSignature)
        let size = try #require(pngSize(a), "no IHDR chunk")
        #expect(size.width == 1920 && size.height == 1080, "\(size)")
        #expect(a == b, "two renders of the same date differ")
        #expect(Set(tmp.contents) == ["a.png", "b.png"], "no temp files left: \(tmp.contents)")
    }

    @Test("render SVG: identical bytes on a second run, a viewBox, well-formed XML")
    func renderSVG() async throws {
        let tmp = try TempDir()
        for name in ["a.svg", "b.svg"] {
            let r = try await CLI.run(["render", "--date", "2024-09-01", "--format", "svg", "--data", CLI.data, "--out", tmp.path(name)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let a = try read(tmp.path("a.svg")), b = try read(tmp.path("b.svg"))
        #expect(a == b, "two SVG renders differ")
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains("viewBox"))
        #expect(text.contains("<svg"))
        let parser = XMLParser(data: Data(a))
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
    }

    @Test("render PDF: identical bytes on a second run, starts with %PDF")
    func renderPDF() async throws {
        let tmp = try TempDir()
        for name in ["a.pdf", "b.pdf"] {
            let r = try await CLI.run(["render", "--date", "2024-09-01", "--format", "pdf", "--data", CLI.data, "--out", tmp.path(name)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let a = try read(tmp.path("a.pdf")), b = try read(tmp.path("b.pdf"))
        #expect(a.starts(with: Array("%PDF".utf8)))
        #expect(a == b, "two PDF renders differ")
    }

    @Test("render --size 800x600 --scale 2 gives a 1600×1200 PNG")
    func renderScaled() async throws {
        let tmp = try TempDir()
        let r = try await CLI.run([
            "render", "--date", "2024-09-01", "--size", "800x600", "--scale", "2",
            "--data", CLI.data, "--out", tmp.path("s.png"),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let size = try #require(pngSize(try read(tmp.path("s.png"))), "not a PNG")
        #expect(size.width == 1600 && size.height == 1200, "\(size)")
    }

    // MARK: bad arguments

    @Test(
        "bad --date values fail cleanly",
        arguments: [
            ("2024-9-1", ["2024-9-1"]),
            ("2024-02-30", ["2024-02-30"]),
            ("2020-01-01", ["before the first"]),
        ])
    func badDate(_ date: String, _ facts: [String]) async throws {
        let tmp = try TempDir()
        let r = try await CLI.run(["render", "--date", date, "--data", CLI.data, "--out", tmp.path("x.png")])
        expectCleanFailure(r, mentions: facts, outDir: tmp)
    }

    @Test("a missing data folder fails cleanly")
    func missingDataFolder() async throws {
        let tmp = try TempDir()
        let r = try await CLI.run(["render", "--date", "2024-09-01", "--data", "/nonexistent", "--out", tmp.path("x.png")])
        expectCleanFailure(r, mentions: ["not found", "/nonexistent"], outDir: tmp)
    }

    @Test("an output folder that does not exist fails cleanly")
    func unwritableOutput() async throws {
        let r = try await CLI.run(["render", "--date", "2024-09-01", "--data", CLI.data, "--out", "/nonexistent-dir/x.png"])
        expectCleanFailure(r, mentions: ["does not exist"], outDir: nil)
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent-dir"))
    }

    @Test("frames --from after --to fails, naming --from")
    func framesReversedRange() async throws {
        let tmp = try TempDir()
        let out = tmp.path("frames")
        let r = try await CLI.run(["frames", "--from", "2024-09-01", "--to", "2024-08-01", "--data", CLI.data, "--out", out])
        expectCleanFailure(r, mentions: ["--from"], outDir: tmp)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    // MARK: bad data (a corrupted copy of GeoData)

    @Test("malformed JSON in events.geojson names the file and the line")
    func malformedEvents() async throws {
        let copy = try DataCopy()
        try copy.replace(in: "events.geojson", "\"features\": [", with: "\"features\" [")
        let tmp = try TempDir()
        let r = try await CLI.run(["render", "--date", "2024-09-01", "--data", copy.path, "--out", tmp.path("x.png")])
        expectCleanFailure(r, mentions: ["events.geojson", "line 2"], outDir: tmp)
    }

    @Test("a wrong geometry type in a control file names the feature")
    func wrongGeometryType() async throws {
        let copy = try DataCopy()
        try copy.replace(in: "control/2024-09-01.geojson", "\"type\": \"MultiPolygon\"", with: "\"type\": \"Circle\"")
        let tmp = try TempDir()
        let r = try await CLI.run(["render", "--date", "2024-09-01", "--data", copy.path, "--out", tmp.path("x.png")])
        expectCleanFailure(r, mentions: ["2024-09-01.geojson", "feature 0", "Circle"], outDir: tmp)
    }

    @Test("render decodes only the snapshots it draws; validate and frames still refuse a broken one")
    func renderReadsOnlyItsSnapshots() async throws {
        let copy = try DataCopy()
        try copy.replace(in: "control/2025-03-01.geojson", "\"type\": \"MultiPolygon\"", with: "\"type\": \"Circle\"")
        let tmp = try TempDir()
        // 2024-09-01 draws the 2024-09-01 snapshot and the change since 2024-08-01: 2025-03-01 is not read.
        let r = try await CLI.run(["render", "--date", "2024-09-01", "--data", copy.path, "--out", tmp.path("x.png")])
        #expect(r.status == 0, "\(r.stderr)")
        let whole = try await CLI.run([
            "frames", "--from", "2024-09-01", "--to", "2024-09-01", "--data", CLI.data, "--out", tmp.path("all"),
        ])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try read(tmp.path("x.png")) == (try read(tmp.path("all/2024-09-01.png"))), "a lazy load draws what a full one draws")
        let later = try await CLI.run(["render", "--date", "2025-03-05", "--data", copy.path, "--out", tmp.path("y.png")])
        #expect(later.status != 0)
        #expect(later.stderr.contains("control/2025-03-01.geojson: feature 0"), "\(later.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tmp.path("y.png")))
        let validate = try await CLI.run(["validate", copy.path])
        #expect(validate.status != 0 && validate.stdout.contains("2025-03-01.geojson"), "\(validate.stdout)")
    }

    @Test("a control file named by a date holds that date only")
    func fileNamedForAnotherDate() async throws {
        let copy = try DataCopy()
        try copy.replace(in: "control/2024-10-01.geojson", "\"date\": \"2024-10-01\"", with: "\"date\": \"2024-10-02\"")
        for command in [["render", "--date", "2024-10-05"], ["frames", "--to", "2024-08-01"]] {
            let tmp = try TempDir()
            let r = try await CLI.run(command + ["--data", copy.path, "--out", tmp.path("out.png")])
            expectCleanFailure(
                r, mentions: ["control/2024-10-01.geojson: feature 0", "dated 2024-10-02, but the file is named for 2024-10-01"],
                outDir: tmp)
        }
    }

    @Test("coordinates out of range in settlements.geojson are reported")
    func settlementOutOfRange() async throws {
        let copy = try DataCopy()
        // Sudzha, feature 0: latitude 51.19 → 95.19.
        try copy.replace(in: "settlements.geojson", "[35.27056,51.19139]", with: "[35.27056,95.19139]")
        let tmp = try TempDir()
        let r = try await CLI.run(["render", "--date", "2024-09-01", "--data", copy.path, "--out", tmp.path("x.png")])
        expectCleanFailure(r, mentions: ["settlements.geojson", "feature 0", "out of range"], outDir: tmp)
    }

    @Test("an unclosed ring in a control file: closed with a warning naming the ring, refused under --strict")
    func unclosedRing() async throws {
        let copy = try DataCopy()
        let file = "control/2024-09-01.geojson"
        let text = try String(contentsOfFile: copy.path + "/" + file, encoding: .utf8)
        // The first ring: the first "[[" after "coordinates", then its first position; the ring ends
        // where that position is followed by "]]".
        let coordinates = try #require(text.range(of: "\"coordinates\""))
        let open = try #require(text.range(of: "[[", range: coordinates.upperBound..<text.endIndex))
        let firstEnd = try #require(text.range(of: "]", range: open.upperBound..<text.endIndex))
        let first = String(text[open.upperBound..<firstEnd.lowerBound])
        try #require(first.split(separator: ",").count == 2, "first position '\(first)'")
        let lon = try #require(Double(first.split(separator: ",")[0]))
        try copy.replace(in: file, "[\(first)]]", with: "[\(lon + 0.001),\(first.split(separator: ",")[1])]]")
        let tmp = try TempDir()
        let strict = try await CLI.run(["render", "--date", "2024-09-01", "--strict", "--data", copy.path, "--out", tmp.path("x.png")])
        expectCleanFailure(strict, mentions: ["2024-09-01.geojson", "feature 0", "ring 0", "not closed", "--strict"], outDir: tmp)
        let lenient = try await CLI.run(["render", "--date", "2024-09-01", "--data", copy.path, "--out", tmp.path("x.png")])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderrLines.count == 1, "one warning: \(lenient.stderr)")
        for fact in ["warning: ", "2024-09-01.geojson: feature 0: repaired invalid geometry", "ring 0: ring is not closed"] {
            #expect(lenient.stderr.contains(fact), "\(lenient.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: tmp.path("x.png")))
    }

    @Test("validate reports an event whose settlement is not in the gazetteer")
    func validateUnknownSettlement() async throws {
        let copy = try DataCopy()
        try copy.replace(in: "events.geojson", "\"settlement\": \"Korenevo\"", with: "\"settlement\": \"Atlantis\"")
        let r = try await CLI.run(["validate", copy.path])
        #expect(r.status != 0)
        // The first event naming Korenevo in the committed file.
        #expect(r.stdout.contains("2024-08-06-korenevo-attack"), "\(r.stdout)")
        #expect(r.stdout.contains("Atlantis"), "\(r.stdout)")
        #expect(r.stdout.contains("1 problem"), "only the one problem we made:\n\(r.stdout)")
    }

    @Test("validate passes on the committed data")
    func validateClean() async throws {
        let r = try await CLI.run(["validate", CLI.data])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("OK"))
    }
}

@Suite("Diff command")
struct DiffCommandTests {
    @Test("diff --json: net equals gained − lost per side, and names settlements that changed hands")
    func diffJSON() async throws {
        let r = try await CLI.run(["diff", "--from", "2024-09-01", "--to", "2024-10-01", "--json", "--data", CLI.data])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let sides = try #require(root["sides"] as? [[String: Any]])
        #expect(sides.count == 2)
        for s in sides {
            let before = try #require(s["heldBefore"] as? Double), after = try #require(s["heldAfter"] as? Double)
            let gained = try #require(s["gained"] as? Double), lost = try #require(s["lost"] as? Double)
            #expect(abs((after - before) - (gained - lost)) <= 0.005 * max(1, gained + lost))
        }
        let names = (root["settlementsChangedHands"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(!names.isEmpty)
    }

    @Test("diff with --from after --to fails in one line")
    func diffBackwards() async throws {
        let r = try await CLI.run(["diff", "--from", "2024-10-01", "--to", "2024-09-01", "--data", CLI.data])
        #expect(r.status != 0)
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.contains("--from"))
    }
}

@Suite("Chart command")
struct ChartCommandTests {
    @Test("chart writes a 1600×900 PNG; an unknown extension fails and writes nothing")
    func chart() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("area.png")
        let ok = try await CLI.run(["chart", "--data", CLI.data, "--out", png.path])
        #expect(ok.status == 0, "stderr: \(ok.stderr)")
        let bytes = [UInt8](try Data(contentsOf: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let w = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, h = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(w == 1600 && h == 900)
        let bad = dir.appendingPathComponent("area.gif")
        let r = try await CLI.run(["chart", "--data", CLI.data, "--out", bad.path])
        #expect(r.status != 0 && r.stderrLines.count == 1)
        #expect(!FileManager.default.fileExists(atPath: bad.path))
    }
}
