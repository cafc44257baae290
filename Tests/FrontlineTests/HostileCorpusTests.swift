import Foundation
import Testing

/// The hostile corpus of issue #23 (Fixtures/hostile): data folders and command lines a hostile
/// user of a shared machine would try. `run.sh` runs each case through the built binary and checks
/// one error line naming the file and place, a non-zero exit without a crash, nothing on stdout, no
/// raw control characters, and the case's sandbox (data, planted files, --out) left as it was.
enum HostileCorpus {
    static let root = KurskData.repoRoot.appendingPathComponent("Tests/FrontlineTests/Fixtures/hostile")
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cases").path)) ?? []).sorted()
}

@Suite("Hostile corpus")
struct HostileCorpusTests {
    @Test("the corpus holds at least 40 cases, each with its command and facts")
    func corpusComplete() {
        #expect(HostileCorpus.names.count >= 40, "\(HostileCorpus.names.count) cases")
        for name in HostileCorpus.names {
            let c = HostileCorpus.root.appendingPathComponent("cases/\(name)")
            for file in ["args", "expect"] {
                #expect(FileManager.default.fileExists(atPath: c.appendingPathComponent(file).path), "\(name) has no \(file)")
            }
        }
    }

    @Test("each hostile case is refused cleanly and leaves its sandbox untouched", arguments: HostileCorpus.names)
    func hostileCase(_ name: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [HostileCorpus.root.appendingPathComponent("run.sh").path, CLI.binary.path, name]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && report.hasPrefix("PASS \(name)"), "\(report)")
    }
}

@Suite("Validate on hostile numbers")
struct ValidateHostileNumberTests {
    @Test("validate lists a population of 1e300 as a problem, with its file and feature, and exits 1 (no trap)")
    func hugePopulation() async throws {
        let dir = try TempDir()
        try FileManager.default.copyItem(at: HostileCorpus.root.appendingPathComponent("base"), to: dir.url.appendingPathComponent("data"))
        let huge = HostileCorpus.root.appendingPathComponent("cases/population-huge-stats/data/settlements.geojson")
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("data/settlements.geojson"))
        try FileManager.default.copyItem(at: huge, to: dir.url.appendingPathComponent("data/settlements.geojson"))
        let r = try await CLI.run(["validate", dir.path("data")])
        #expect(r.status == 1, "exit status \(r.status): \(r.stderr)")
        #expect(
            r.stdout.contains("settlements.geojson") && r.stdout.contains("feature 0") && r.stdout.contains("population"), "\(r.stdout)")
    }
}
