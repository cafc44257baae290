import Cartography
import FrontlineTestSupport
@testable import MapRender
import Testing

/// `TextHalo` (halo grown from the glyph mask) against the stroked outline Cairo draws elsewhere.
///
/// They cannot agree pixel for pixel: Cairo 1.16 composites each glyph image at a whole-pixel
/// position while the outline path it strokes is exact, so its halo sits up to ½ px off the glyphs it
/// surrounds. `TextHalo` grows the halo from the glyphs as drawn. The tests therefore compare what
/// does not depend on that shift (the area covered) and check the halo's width against the glyphs.
@Suite struct TextHaloTests {
    static let ground = Color(hex: 0x5B7F3A)
    static let light = Color(hex: 0xF6F3EE)

    /// The share (0...1) of each pixel covered by text or halo, both drawn in one colour, both ways.
    private func cover(_ text: String, style: TextStyle, scale: Double = 1) throws -> (ours: [Double], cairo: [Double], width: Int) {
        var style = style
        style.color = Self.light
        style.halo = Self.light
        let item = SceneItem.text(TextItem(text, at: Point(120, 35), anchor: TextAnchor(.middle, .middle), style: style))
        let (w, h) = (Int(240 * scale), Int(70 * scale))
        func share(_ shortcuts: Bool) throws -> [Double] {
            try RasterPage.pixels(of: [item], width: w, height: h, scale: scale, background: Self.ground, rasterShortcuts: shortcuts).map {
                (Double(($0 >> 8) & 0xFF) - 0x7F) / Double(0xF3 - 0x7F)
            }
        }
        return (try share(true), try share(false), w)
    }

    @Test(arguments: [
        ("Sudzha", 13.0, false, false, 2.0, 1.0), ("Суджа", 16, true, false, 2.5, 1), ("Korenevo (approx.)", 11, false, true, 2, 1),
        ("Malaya Loknya", 12, true, false, 3, 2), ("Большое Солдатское", 10, false, true, 2.5, 1.37),
    ])
    func coversWhatTheStrokedOutlineCovers(text: String, size: Double, bold: Bool, italic: Bool, haloWidth: Double, scale: Double) throws {
        let style = TextStyle(size: size, weight: bold ? .bold : .regular, italic: italic, haloWidth: haloWidth)
        let (ours, cairo, _) = try cover(text, style: style, scale: scale)
        let (areaOurs, areaCairo) = (ours.reduce(0, +), cairo.reduce(0, +))
        let mean = zip(ours, cairo).map { abs($0 - $1) }.reduce(0, +) / max(1, areaCairo)
        // Measured: areas within 0.2–3.1 %, mean difference per covered pixel 3–7 % (the shift).
        #expect(abs(areaOurs - areaCairo) / areaCairo < 0.04, "\(text): area \(areaOurs) px² against \(areaCairo)")
        #expect(mean < 0.15, "\(text): mean difference \(mean) per covered pixel")
    }

    @Test(arguments: [(2.0, 1.0), (2.5, 1.0), (3.0, 2.0), (2.5, 1.37)])
    func haloIsItsWidthAroundTheGlyphs(haloWidth: Double, scale: Double) throws {
        // Down the middle of a vertical stem ("I", sans serif): the covered length is the stem's own
        // length plus the halo width above and below it.
        let style = TextStyle(size: 20, haloWidth: haloWidth)
        let (ours, _, w) = try cover("I", style: style, scale: scale)
        let plain = SceneItem.text(
            TextItem("I", at: Point(120, 35), anchor: TextAnchor(.middle, .middle), style: TextStyle(size: 20, color: .black)))
        let glyph: [Double] = try RasterPage.pixels(of: [plain], width: w, height: Int(70 * scale), scale: scale, rasterShortcuts: false)
            .map { Double($0 >> 24) / 255 }
        let rows = 0..<(ours.count / w)
        func ink(_ x: Int) -> Double { rows.reduce(0) { $0 + glyph[$1 * w + x] } }
        let column = try #require((0..<w).max { ink($0) < ink($1) })
        let stem = ink(column)
        let covered: Double = rows.reduce(0) { $0 + ours[$1 * w + column] }
        let halo = (covered - stem) / 2 / scale  // measured: within 0.004 px of the width
        #expect(abs(halo - haloWidth) < 0.25, "halo \(halo) px above and below a stem, for a width of \(haloWidth)")
    }

    @Test func glyphsAreCairosOwn() throws {
        // With a halo the colour of the ground only the glyphs show, rasterized by Cairo both ways.
        let style = TextStyle(size: 14, color: Color(hex: 0x111111), halo: Self.ground, haloWidth: 2)
        let item = SceneItem.text(TextItem("Sudzha Суджа", at: Point(120, 35), anchor: TextAnchor(.middle, .middle), style: style))
        let ours = try RasterPage.pixels(of: [item], width: 240, height: 70, background: Self.ground, rasterShortcuts: true)
        let cairo = try RasterPage.pixels(of: [item], width: 240, height: 70, background: Self.ground, rasterShortcuts: false)
        var worst = 0
        for (a, b) in zip(ours, cairo) {
            for shift: UInt32 in [0, 8, 16] { worst = max(worst, abs(Int((a >> shift) & 0xFF) - Int((b >> shift) & 0xFF))) }
        }
        #expect(worst <= 2, "glyph pixels differ by up to \(worst) levels")
    }
}
