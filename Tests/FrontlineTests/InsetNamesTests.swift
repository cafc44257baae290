import Foundation
import GeoCore
import Testing
import Atlas
import Cartography
import MapData
@testable import MapRender

/// Issue 18: the inset is a labelled locator map: its seas and the countries around the front named,
/// inside the inset, apart from each other and off the main map's extent (where the front is).
@Suite("Inset names")
struct InsetNamesTests {
    @Test(
        "Kursk, 1 September 2024, hd and square: UKRAINE, RUSSIA and BELARUS (and on hd the Black Sea) named in the inset, clear of the extent box"
    )
    func kurskInset() throws {
        let dataset = try KurskData.loaded.get()
        let measurer = try PangoTextMeasurer()
        for layout in [Layout(width: 1920, height: 1080), Layout(width: 1080, height: 1080)] {
            let context = try SequenceContext(dataset: dataset, theme: .standard, layout: layout, measurer: measurer)
            let scene = try context.scene(on: try Day(parsing: "2024-09-01"))
            let items = try #require(LabelTraceTests().group("inset", in: scene.items))
            var names: [(String, Rect)] = []
            var extent: Rect?
            for item in items {
                switch item {
                case .text(let t):
                    let size = measurer.measure(t.text, style: t.style, maxWidth: t.maxWidth)
                    names.append((t.text.replacingOccurrences(of: "\u{2009}", with: ""), t.box(width: size.width, height: size.height)))
                case .path(let path, nil, let stroke?) where stroke.color == Theme.standard.insetExtent.color:
                    let points = path.subpaths.joined()
                    let xs = points.map(\.x), ys = points.map(\.y)
                    extent = Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
                default: break
                }
            }
            let extentBox = try #require(extent, "the main map's extent is outlined")
            let found = Set(names.map(\.0))
            // The sea's name needs the room of the hd inset; the countries are named on both.
            for expected in (layout.width == 1920 ? ["Black Sea"] : []) + ["UKRAINE", "RUSSIA", "BELARUS"] {
                #expect(found.contains(expected), "\(layout.width)×\(layout.height): \(expected) in \(found.sorted())")
            }
            for (k, (name, box)) in names.enumerated() {
                let slot = layout.inset.insetBy(-0.5)
                #expect(slot.contains(Point(box.x, box.y)) && slot.contains(Point(box.maxX, box.maxY)), "\(name) inside the inset")
                #expect(!box.intersects(extentBox), "\(name) off the extent box")
                for (other, b) in names[(k + 1)...] { #expect(!box.intersects(b), "\(name) / \(other)") }
            }
        }
    }
}
