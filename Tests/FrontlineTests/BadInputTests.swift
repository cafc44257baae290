import Foundation
import Testing

/// The corpus of bad inputs in Fixtures/bad: each file beside a `.expected` file listing, one a line,
/// what its error must say. Every case runs through the real binary and must fail with one line on
/// stderr naming the file and those facts, a non-zero exit status, and no output written.
enum BadInputCorpus {
    static let root = KurskData.repoRoot.appendingPathComponent("Tests/FrontlineTests/Fixtures/bad")

    struct Case: CustomTestStringConvertible, Sendable {
        let kind: String
        let file: URL
        var testDescription: String { "\(kind)/\(file.lastPathComponent)" }
        var expected: [String] {
            let url = file.deletingPathExtension().appendingPathExtension("expected")
            return ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    static func cases(_ kind: String) -> [Case] {
        let dir = root.appendingPathComponent(kind)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasSuffix(".expected") }.sorted().map { Case(kind: kind, file: dir.appendingPathComponent($0)) }
    }

    static let all = ["control", "events", "dataset", "kml", "gazetteer"].flatMap(cases)
}

@Suite("Bad-input corpus")
struct BadInputTests {
    @Test("the corpus is all there: every input has its expectations")
    func corpusComplete() {
        #expect(BadInputCorpus.all.count >= 50, "\(BadInputCorpus.all.count) cases")
        for c in BadInputCorpus.all { #expect(!c.expected.isEmpty, "\(c.testDescription) has no .expected") }
    }

    @Test(
        "a bad data file stops a drawing command with its message",
        arguments: BadInputCorpus.cases("control") + BadInputCorpus.cases("events") + BadInputCorpus.cases("dataset"))
    func dataFile(_ c: BadInputCorpus.Case) async throws {
        let copy = try DataCopy()
        let target = ["control": "control/2024-09-01.geojson", "events": "events.geojson", "dataset": "dataset.json"][c.kind] ?? ""
        let dest = URL(fileURLWithPath: copy.path).appendingPathComponent(target)
        try FileManager.default.removeItem(at: dest)
        try FileManager.default.copyItem(at: c.file, to: dest)
        let out = try TempDir()
        let r = try await CLI.run(["render", "--date", "2024-09-01", "--strict", "--data", copy.path, "--out", out.path("x.png")])
        expectCleanFailure(r, mentions: [target] + c.expected, outDir: out)
    }

    @Test("a bad KML file stops `import kml` with its message", arguments: BadInputCorpus.cases("kml"))
    func kml(_ c: BadInputCorpus.Case) async throws {
        let out = try TempDir()
        let r = try await CLI.run([
            "import", "kml", c.file.path, "--date", "2024-09-01", "--region", "33.5,50.5,37,52.2", "--source", "test",
            "--out", out.path("control"),
        ])
        expectCleanFailure(r, mentions: [c.file.lastPathComponent] + c.expected, outDir: out)
    }

    @Test("a bad gazetteer stops `import gazetteer` with its message", arguments: BadInputCorpus.cases("gazetteer"))
    func gazetteer(_ c: BadInputCorpus.Case) async throws {
        let out = try TempDir()
        let r = try await CLI.run(["import", "gazetteer", c.file.path, "--out", out.path("settlements.geojson")])
        expectCleanFailure(r, mentions: [c.file.lastPathComponent] + c.expected, outDir: out)
    }
}
