import Foundation
import Testing
import Atlas
import Cartography
import GeoCore
import MapData
@testable import MapRender

/// The furniture grid on every named page, and maps drawn in another CRS.
@Suite("Layouts and projections")
struct LayoutTests {
    @Test("On every named page the furniture sits inside the map frame, clear of each other and of the panel")
    func furnitureGrid() {
        for page in Layout.named {
            let l = Layout(width: page.width, height: page.height)
            let slots = [("inset", l.inset), ("north arrow", l.northArrow), ("scale bar", l.scaleBar)]
            for (name, r) in slots {
                #expect(r.x >= l.map.x && r.maxX <= l.map.maxX && r.y >= l.map.y && r.maxY <= l.map.maxY, "\(page.name): \(name)")
                #expect(l.panel.intersection(r) == nil, "\(page.name): \(name) over the panel")
            }
            for (i, a) in slots.enumerated() {
                for b in slots[(i + 1)...] { #expect(!a.1.intersects(b.1), "\(page.name): \(a.0) / \(b.0)") }
            }
            #expect(l.panel.intersection(l.map) == nil)
            // Wide pages put the panel beside the map; square and portrait ones below it.
            #expect((l.panel.x == 0 && l.panel.y == 0) == (page.width >= page.height * 14 / 10), "\(page.name)")
        }
        #expect(Layout(width: 842, height: 595).unit == 0.5)
    }

    @Test("--crs: a map drawn in EPSG:3035 shows the same geodesic areas, and its meridians turn as LAEA's do")
    func otherCRS() throws {
        let dataset = try KurskData.loaded.get()
        let layout = Layout(width: 960, height: 540)
        let day = try Day(parsing: "2024-10-01")
        let conic = try SequenceContext(dataset: dataset, theme: .standard, layout: layout, measurer: try PangoTextMeasurer())
        let laea = try SequenceContext(
            dataset: dataset, theme: .standard, layout: layout, measurer: try PangoTextMeasurer(), crs: try CRSProjection("EPSG:3035"))
        let a = try conic.facts(on: day).heldAcrossKm2.map(\.km2), b = try laea.facts(on: day).heldAcrossKm2.map(\.km2)
        #expect(a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-9 })
        // The view's centre lands in the middle of the frame in either projection.
        let c = laea.projection.project(dataset.manifest.view.center)
        #expect(abs(c.x - (layout.map.x + layout.map.width / 2)) < layout.map.width * 0.1)
        // The page is really drawn through PROJ: LAEA centred on 10°E turns this region's meridians,
        // which the conic (centred on the region) keeps upright.
        let north = dataset.manifest.view.center
        #expect(abs(conic.projection.northAngle(at: north)) < 0.01)
        #expect(abs(laea.projection.northAngle(at: north)) > 0.2)
        #expect(throws: GeometryError.self) { try CRSProjection("EPSG:99999") }
        #expect(throws: GeometryError.self) { try CRSProjection("foo") }
    }

    @Test("A round trip through PROJ returns the position")
    func projRoundTrip() throws {
        let p = try CRSProjection("EPSG:32636")
        let xy = p.forward(lon: 35.2, lat: 51.3)
        let back = p.inverse(x: xy.x, y: xy.y)
        #expect(abs(back.lon - 35.2) < 1e-9 && abs(back.lat - 51.3) < 1e-9)
        // UTM 36N: 33°E is the central meridian, false easting 500 km.
        #expect(abs(p.forward(lon: 33, lat: 51).x - 500_000) < 1e-3)
    }
}
