import Foundation
import Testing

/// The words on the map from the command line: --title, --subtitle, --source-line, --credit and
/// --locale, as a user types them.
@Suite("Word options")
struct WordOptionsCommandTests {
    @Test("--title, --subtitle, --source-line and --credit replace dataset.json's in the SVG map and the report")
    func titlesFromTheCommandLine() async throws {
        let out = try TempDir()
        let words = [
            "--title", "Kursk: the incursion", "--subtitle", "Ground held, day by day", "--source-line", "Source: ISW; DeepState",
            "--credit", "Graphic: J. Doe",
        ]
        let render = ["render", "--date", "2024-09-01", "--data", CLI.data, "--format", "svg", "--out", out.path("m.svg")]
        let r = try await CLI.run(render + words)
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: out.path("m.svg"), encoding: .utf8)
        for text in ["KURSK: THE INCURSION", "Ground held, day by day", "Source: ISW; DeepState", "Graphic: J. Doe"] {
            #expect(svg.contains(text), "\(text) not on the map")
        }
        #expect(svg.contains("<title>Kursk: the incursion — 1 September 2024</title>"))
        #expect(!svg.contains("mini-krowka/mapsite (kml/ControlZones), monthly"), "dataset.json's attribution still printed")
        let report = try await CLI.run(["report", "--data", CLI.data, "--from", "2025-05-01", "--out", out.path("r")] + words)
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: out.path("r/index.html"), encoding: .utf8)
        #expect(html.contains("<h1>Kursk: the incursion</h1>") && html.contains("Ground held, day by day"))
        #expect(html.contains("<li>Source: ISW; DeepState</li>") && html.contains("<li>Graphic: J. Doe</li>"))
    }

    @Test("--locale de and uk: the panel's date and words, and the report, in that language; a bad locale is refused")
    func locales() async throws {
        let out = try TempDir()
        for (locale, date, words) in [
            ("de", "1. September 2024", "Kontrolle laut Einschätzung von diesem Datum."),
            ("uk", "1 вересня 2024 р.", "Контроль за оцінкою на цю дату."),
            ("ru", "1 сентября 2024 г.", "Контроль по оценке на эту дату."),
        ] {
            let file = out.path("\(locale).svg")
            let r = try await CLI.run(
                ["render", "--date", "2024-09-01", "--data", CLI.data, "--format", "svg", "--locale", locale, "--out", file])
            #expect(r.status == 0, "\(r.stderr)")
            let svg = try String(contentsOfFile: file, encoding: .utf8)
            #expect(svg.contains(">\(date)</tspan>") && svg.contains(words), "\(locale)")
        }
        let report = try await CLI.run(["report", "--data", CLI.data, "--from", "2025-05-01", "--locale", "de", "--out", out.path("r")])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: out.path("r/index.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"de\">") && html.contains("data-pause=\"Pause\">Abspielen</button>"))
        let bad = try await CLI.run(["render", "--date", "2024-09-01", "--data", CLI.data, "--locale", "fr", "--out", out.path("x.png")])
        #expect(bad.status != 0 && bad.stderr.contains("--locale"))
        #expect(!FileManager.default.fileExists(atPath: out.path("x.png")))
    }
}
