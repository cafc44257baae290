import Foundation
import GeoCore
import Testing
import Atlas
import Cartography
import FrontlineTestSupport
import MapData
@testable import MapRender

/// SVG text both ways: real `<text>` with a font stack and Pango's line widths (the default), and
/// glyph outlines (`--svg-text paths`), which a browser with no fonts at all draws as the PNG is drawn.
@Suite("SVG text modes")
struct SVGTextModeTests {
    static func scene() throws -> Scene {
        let c = try SequenceContext(
            dataset: try KurskData.loaded.get(), theme: .standard, layout: Layout(width: 1920, height: 1080), measurer: PangoTextMeasurer())
        return try c.scene(on: try Day(parsing: "2024-09-01"))
    }

    @Test("Default: real <text>, the theme's font then narrower stand-ins and sans-serif, each line pinned to Pango's width")
    func realText() throws {
        let scene = try Self.scene()
        let svg = String(decoding: try Renderer().render(scene, format: .svg), as: UTF8.self)
        let texts = svg.components(separatedBy: "<text ").dropFirst()
        #expect(texts.count >= 40)
        for t in texts {
            #expect(t.hasPrefix("font-family=\"Noto Sans, Open Sans, Roboto, Segoe UI, Helvetica, Arial, DejaVu Sans, sans-serif\""))
        }
        let spans = svg.components(separatedBy: "<tspan ").dropFirst()
        #expect(spans.count >= texts.count)
        for s in spans {
            let length = s.range(of: #"textLength="([0-9.]+)" lengthAdjust="spacingAndGlyphs""#, options: .regularExpression)
            #expect(length != nil, "a line without textLength: \(s.prefix(80))")
        }
        #expect(SVGText.fontStack("DejaVu Sans, sans") == "DejaVu Sans, Open Sans, Roboto, Segoe UI, Helvetica, Arial, sans-serif")
    }

    @Test("--svg-text paths: no <text>, glyph outlines; Chromium with no fonts installed draws it as the PNG")
    func outlinesNeedNoFonts() throws {
        let scene = try Self.scene()
        let paths = try Renderer(svgText: .paths).render(scene, format: .svg)
        let markup = String(decoding: paths, as: UTF8.self)
        #expect(!markup.contains("<text") && !markup.contains("font-family"))
        #expect(markup.components(separatedBy: "<symbol ").count > 50, "no glyph outlines")
        guard Chromium.shouldRun else { return }
        let png = try decodePNG(try Renderer().render(scene, format: .png))
        let dir = try TempDir()
        let noFonts = dir.url.appendingPathComponent("fonts.conf")
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("none"), withIntermediateDirectories: true)
        try """
        <?xml version="1.0"?>
        <fontconfig><dir>\(dir.path("none"))</dir><cachedir>\(dir.path("cache"))</cachedir></fontconfig>
        """.write(to: noFonts, atomically: true, encoding: .utf8)
        func shot(_ svg: [UInt8], _ name: String) throws -> [UInt32] {
            let file = dir.url.appendingPathComponent(name + ".svg"), out = dir.url.appendingPathComponent(name + ".png")
            try Data(svg).write(to: file)
            let chromium = try #require(Chromium.path, "chromium is not installed; run: \(Chromium.installCommand)")
            _ = try runTool(
                "/usr/bin/env",
                [
                    "FONTCONFIG_FILE=\(noFonts.path)", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--force-device-scale-factor=1", "--window-size=\(scene.width),\(scene.height)", "--screenshot=\(out.path)",
                    file.absoluteString,
                ])
            let image = try decodePNG(Array(try Data(contentsOf: out)))
            try #require(image.width == png.width && image.height == png.height)
            return image.pixels
        }
        /// The share of pixels whose colour differs by more than 48 in a channel (antialiasing differs
        /// between Cairo and Chromium's Skia; missing text differs by far more).
        func channel(_ p: UInt32, _ shift: UInt32) -> Int { Int((p >> shift) & 0xFF) }
        func differing(_ pixels: [UInt32]) -> Double {
            var bad = 0
            for (a, b) in zip(pixels, png.pixels) {
                let apart = [UInt32(16), 8, 0].map { shift -> Int in abs(channel(a, shift) - channel(b, shift)) }
                if apart.contains(where: { $0 > 48 }) { bad += 1 }
            }
            return Double(bad) / Double(pixels.count)
        }
        let outlines = differing(try shot(paths, "paths"))
        let text = differing(try shot(try Renderer().render(scene, format: .svg), "text"))
        #expect(outlines < 0.02, "outlines differ from the PNG on \(outlines * 100)% of pixels")
        // The check has teeth: without fonts, real text is not drawn at all.
        #expect(text > 2 * outlines, "text \(text), outlines \(outlines)")
    }
}
