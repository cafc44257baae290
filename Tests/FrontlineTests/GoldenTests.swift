import Foundation
import FrontlineTestSupport
import GeoCore
import Testing
import Atlas
import Cartography
import MapData
@testable import MapRender

/// One behaviour per golden: small synthetic scenes, and one real frame of the Kursk data.
@Suite struct GoldenTests {
    func scene(_ items: [SceneItem], width: Int = 160, height: Int = 120) -> Scene {
        Scene(width: width, height: height, background: .white, items: items, title: "golden", description: "", date: testDay("2024-09-01"))
    }

    @Test func hatchedPolygonWithOutline() throws {
        let ring = [Point(20, 20), Point(140, 30), Point(120, 100), Point(30, 90)]
        let fill = Fill(Color(hex: 0x2F74C0, alpha: 0.3), hatch: Hatch(color: Color(hex: 0x1B4F8C), spacing: 7, lineWidth: 1.2))
        try GoldenImage.check(
            scene([
                .path(
                    PagePath(subpaths: [ring], closed: true), fill: fill,
                    stroke: Stroke(Color(hex: 0x1B4F8C), width: 2))
            ]), named: "hatched-polygon")
    }

    @Test func evenOddHoleAndDashedLine() throws {
        let outer = [Point(10, 10), Point(150, 10), Point(150, 110), Point(10, 110)]
        let hole = [Point(50, 35), Point(110, 35), Point(110, 85), Point(50, 85)]
        try GoldenImage.check(
            scene([
                .path(PagePath(subpaths: [outer, hole], closed: true), fill: Fill(Color(hex: 0xD55E00, alpha: 0.5)), stroke: nil),
                .path(
                    PagePath(subpaths: [[Point(0, 60), Point(160, 60)]], closed: false), fill: nil,
                    stroke: Stroke(Color(hex: 0x4A4A4A), width: 1.6, dash: [9, 3, 2, 3], cap: .butt)),
            ]), named: "hole-and-dash")
    }

    @Test func markers() throws {
        let shapes: [MarkerShape] = [.circle, .square, .diamond, .triangle, .star]
        let items = shapes.enumerated().map { k, s in
            SceneItem.marker(
                s, at: Point(20 + Double(k) * 30, 60), size: 20, fill: Fill(Color(hex: 0xFFC20A)),
                stroke: Stroke(.black, width: 1.2))
        }
        try GoldenImage.check(scene(items), named: "markers")
    }

    @Test func haloTextLatinAndCyrillic() throws {
        let style = TextStyle(size: 16, weight: .bold, color: Color(hex: 0x1E1E1E), halo: .white, haloWidth: 3)
        try GoldenImage.check(
            scene(
                [
                    .rect(Rect(x: 0, y: 0, width: 240, height: 80), fill: Fill(Color(hex: 0x8DB9DD)), stroke: nil, cornerRadius: 0),
                    .text(TextItem("Sudzha", at: Point(120, 30), anchor: TextAnchor(.middle, .middle), style: style)),
                    .text(TextItem("Суджа", at: Point(120, 55), anchor: TextAnchor(.middle, .middle), style: style)),
                ], width: 240, height: 80), named: "halo-text", channelTolerance: 48, maxFraction: 0.01)
    }

    /// A Kursk frame of `date` in `theme` on a `width`×`height` page against its golden.
    func checkKursk(_ date: String, theme: Theme, width: Int = 960, height: Int = 540, named name: String) throws {
        let context = try SequenceContext(
            dataset: try KurskData.loaded.get(), theme: theme, layout: Layout(width: width, height: height),
            measurer: try PangoTextMeasurer())
        try GoldenImage.check(try context.scene(on: try Day(parsing: date)), named: name, channelTolerance: 48, maxFraction: 0.01)
    }

    /// The real thing, small: the Kursk frame of 2024-09-01 at 960×540, default theme.
    @Test func kurskFrame() throws { try checkKursk("2024-09-01", theme: .standard, named: "kursk-2024-09-01-960") }

    /// The dark theme on the same frame.
    @Test func kurskFrameDark() throws { try checkKursk("2024-09-01", theme: .dark, named: "kursk-2024-09-01-960-dark") }

    /// The print theme (greys and hatching) on a frame with both advances and retreats.
    @Test func kurskFramePrint() throws { try checkKursk("2024-10-01", theme: .print, named: "kursk-2024-10-01-960-print") }

    /// The page layouts (16:9 screen, square, phone and card for social media, A4 for print) on a date
    /// with events: panel beside or below the map, furniture on the grid, inset, labels.
    @Test(arguments: ["hd", "square", "story", "mobile", "card", "a4"])
    func layouts(_ name: String) throws {
        let page = try #require(Layout.named.first { $0.name == name })
        try checkKursk("2025-01-05", theme: .standard, width: page.width, height: page.height, named: "layout-\(name)-2025-01-05")
    }
}
