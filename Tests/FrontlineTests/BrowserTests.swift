import Foundation
import Testing

/// Headless Chromium, driven by Tests/Browser/report_check.py over the DevTools protocol.
enum Chromium {
    static let installCommand = "sudo apt-get install -y chromium"
    static let script = KurskData.repoRoot.appendingPathComponent("Tests/Browser/report_check.py")
    static let screenshots = KurskData.repoRoot.appendingPathComponent(".build/browser-tests")

    /// `$CHROMIUM`, else Debian's binary.
    static let path: String? = {
        let candidates = [ProcessInfo.processInfo.environment["CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Run where Chromium is installed; in CI (`CI=true`) always, so that a missing browser fails.
    static var shouldRun: Bool { path != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Outcome {
        let status: Int32
        let report: [String: Any]
        var failures: [String] { report["failures"] as? [String] ?? [] }
        var screenshots: [String] { report["screenshots"] as? [String] ?? [] }
    }

    /// Runs the checker on `index` and parses the JSON it prints.
    static func check(_ index: String, screenshotsIn folder: String, expectingText texts: [String] = []) async throws -> Outcome {
        let chromium = try #require(path, "chromium is not installed; run: \(installCommand)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, chromium, index, screenshots.appendingPathComponent(folder).path] + texts
        let output = try TempDir()
        let stdoutURL = output.url.appendingPathComponent("stdout")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: stdoutURL)
        process.standardOutput = handle
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { p in continuation.resume(returning: p.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try handle.close()
        let data = try Data(contentsOf: stdoutURL)
        let report = try #require(
            try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            "the checker printed no JSON (status \(status)): \(String(decoding: data, as: UTF8.self))")
        return Outcome(status: status, report: report)
    }
}

@Suite("Report in a browser", .enabled(if: Chromium.shouldRun, "chromium is not installed (\(Chromium.installCommand))"))
struct BrowserTests {
    @Test("chromium is installed")
    func installed() {
        #expect(Chromium.path != nil, "chromium is not installed; run: \(Chromium.installCommand)")
    }

    @Test(
        "the report at 360×740 and 1400×1000: opens on the latest date with its map; slider by time, keys and Play move by date; alt text on every image",
        arguments: [
            ("kursk", ["--data", KurskData.folder.path, "--from", "2024-08-01", "--to", "2024-09-01"], ["Sudzha"]),
            ("hostile-names", ["--data", HostileFixture.folder.path], [HostileFixture.scriptName]),
        ])
    func reportInBrowser(_ name: String, _ arguments: [String], _ texts: [String]) async throws {
        try #require(Chromium.path != nil, "chromium is not installed; run: \(Chromium.installCommand)")
        let tmp = try TempDir()
        let out = tmp.path("report")
        let r = try await CLI.run(["report", "--out", out] + arguments)
        try #require(r.status == 0, "\(r.stderr)")
        let outcome = try await Chromium.check(out + "/index.html", screenshotsIn: name, expectingText: texts)
        #expect(outcome.status == 0 && outcome.failures.isEmpty, "\(outcome.failures)")
        #expect((outcome.report["consoleProblems"] as? [String])?.isEmpty == true)
        let states = outcome.report["states"] as? [[String: Any]] ?? []
        #expect(Set(states.compactMap { $0["date"] as? String }).count >= 3, "dates seen: \(states.map { $0["date"] ?? "" })")
        #expect(Set(states.compactMap { $0["size"] as? String }) == ["phone", "desktop"])
        #expect(outcome.screenshots.count == 8, "four steps at each of two sizes")
        for shot in outcome.screenshots {
            #expect(try read(shot).starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(shot) is not a PNG")
            print("screenshot: \(shot)")
        }
    }

    /// The checker itself: a page with a console error, an uncaught exception and a missing map must fail.
    @Test("the browser check catches console errors, exceptions and a missing map")
    func checkerCatchesProblems() async throws {
        try #require(Chromium.path != nil, "chromium is not installed; run: \(Chromium.installCommand)")
        let tmp = try TempDir()
        let out = tmp.path("report")
        let r = try await CLI.run(["report", "--out", out, "--data", HostileFixture.folder.path])
        try #require(r.status == 0, "\(r.stderr)")
        try FileManager.default.removeItem(atPath: out + "/maps/2024-09-01.svg")
        let index = URL(fileURLWithPath: out + "/index.html")
        let page = try String(contentsOf: index, encoding: .utf8)
        let planted = "\"use strict\"; setTimeout(function () { console.error(\"planted\"); nosuchfunction(); }, 10);"
        try #require(page.contains("\"use strict\";"))
        try page.replacingOccurrences(of: "\"use strict\";", with: planted).write(to: index, atomically: true, encoding: .utf8)
        let outcome = try await Chromium.check(index.path, screenshotsIn: "broken")
        #expect(outcome.status != 0)
        let failures = outcome.failures.joined(separator: "\n")
        #expect(failures.contains("console.error: planted"), "\(failures)")
        #expect(failures.contains("nosuchfunction"), "\(failures)")
        #expect(failures.contains("ERR_FILE_NOT_FOUND"), "\(failures)")
    }
}
