import Foundation
import Testing

/// The cartography options as a user types them: --theme, --style, --size names, --crs.
@Suite("Cartography commands")
struct CartographyCommandTests {
    static let styleExample = KurskData.repoRoot.appendingPathComponent("docs/style-example.json").path

    @Test("--style with a wrong key fails with one line naming the file, the line and the key, and writes nothing")
    func badStyle() async throws {
        let tmp = try TempDir()
        let style = tmp.path("style.json")
        try "{\n  \"river\": \"#123456\",\n  \"frontLine\": {\"colour\": \"#000000\"}\n}\n".write(
            toFile: style, atomically: true, encoding: .utf8)
        let out = try TempDir()
        let r = try await CLI.run(["render", "--date", "2024-09-01", "--data", CLI.data, "--style", style, "--out", out.path("x.png")])
        expectCleanFailure(r, mentions: ["style.json", "line 3", "frontLine.colour"], outDir: out)
    }

    @Test("--crs that PROJ does not know, or that is not AUTHORITY:CODE, fails cleanly", arguments: ["EPSG:99999", "Amersfoort"])
    func badCRS(_ crs: String) async throws {
        let out = try TempDir()
        let r = try await CLI.run(["render", "--date", "2024-09-01", "--data", CLI.data, "--crs", crs, "--out", out.path("x.png")])
        expectCleanFailure(r, mentions: ["--crs", crs], outDir: out)
    }

    @Test("--size square --theme dark --style example --crs EPSG:3035 renders a 1080×1080 PNG, the same bytes twice")
    func everythingTogether() async throws {
        let tmp = try TempDir()
        for name in ["a.png", "b.png"] {
            let r = try await CLI.run([
                "render", "--date", "2024-09-01", "--data", CLI.data, "--size", "square", "--theme", "dark",
                "--style", Self.styleExample, "--crs", "EPSG:3035", "--out", tmp.path(name),
            ])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let a = try read(tmp.path("a.png"))
        let size = try #require(pngSize(a))
        #expect(size.width == 1080 && size.height == 1080)
        #expect(a == (try read(tmp.path("b.png"))))
    }

    @Test("--size a4 makes an A4 page in PDF points")
    func a4() async throws {
        let tmp = try TempDir()
        let r = try await CLI.run([
            "render", "--date", "2025-01-05", "--data", CLI.data, "--size", "a4", "--theme", "print", "--out", tmp.path("a4.pdf"),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let info = try runTool("pdfinfo", [tmp.path("a4.pdf")])
        #expect(info.contains("842 x 595 pts (A4)"), "\(info)")
    }
}
