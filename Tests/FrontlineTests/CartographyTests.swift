import Testing
import GeoCore
@testable import Cartography

/// Plate carrée as a raw projection (x = lon, y = lat), so page positions are easy to reason about.
private struct PlateCarree: RawProjection {
    func forward(lon: Double, lat: Double) -> (x: Double, y: Double) { (lon, lat) }
    func inverse(x: Double, y: Double) -> (lon: Double, lat: Double) { (x, y) }
}

/// 10 px per degree, with lon 0…10, lat 0…10 landing on the page square 0…100 (y down).
private let simplePage = PageProjection(raw: PlateCarree(), scale: 10, translate: Point(0, 100))
private let clipRect = Rect(x: 0, y: 0, width: 100, height: 100)

private func ll(_ lon: Double, _ lat: Double) throws -> LonLat { try LonLat(lon: lon, lat: lat) }

private func inside(_ p: Point, _ r: Rect, within tolerance: Double) -> Bool {
    p.x >= r.x - tolerance && p.x <= r.maxX + tolerance && p.y >= r.y - tolerance && p.y <= r.maxY + tolerance
}

@Suite("Cartography")
struct CartographyTests {

    // MARK: projections

    @Test("Lambert conformal conic: the central meridian maps to x = 0 (±1e-12)")
    func lccCentralMeridian() {
        let lcc = LambertConformalConic(centralMeridian: 35.25, standardParallels: 50.8, 51.9)
        for lat in stride(from: 45.0, through: 58.0, by: 0.5) {
            #expect(abs(lcc.forward(lon: 35.25, lat: lat).x) < 1e-12, "lat \(lat)")
        }
        // East of the meridian is +x, west is −x.
        #expect(lcc.forward(lon: 36, lat: 51).x > 0)
        #expect(lcc.forward(lon: 34, lat: 51).x < 0)
    }

    @Test("Lambert conformal conic: y grows with latitude on every meridian")
    func lccMonotonic() throws {
        let lcc = LambertConformalConic(fitting: try BBox(parsing: "33.5,50.5,37,52.2"))
        #expect(abs(lcc.centralMeridian - 35.25) < 1e-12)
        for lon in [33.5, 34.5, 35.25, 36.0, 37.0] {
            var previous = -Double.infinity
            for lat in stride(from: 50.0, through: 53.0, by: 0.05) {
                let y = lcc.forward(lon: lon, lat: lat).y
                #expect(y > previous, "lon \(lon), lat \(lat)")
                previous = y
            }
        }
    }

    @Test(
        "PageProjection(fitting:) keeps the box inside the rect (±1 px) and touches two opposite sides",
        arguments: [Rect(x: 0, y: 0, width: 1920, height: 1080), Rect(x: 40, y: 60, width: 600, height: 900)])
    func pageFit(_ rect: Rect) throws {
        let box = try BBox(parsing: "33.5,50.5,37,52.2")
        let page = PageProjection(raw: LambertConformalConic(fitting: box), fitting: box, into: rect)
        let corners = [try ll(box.west, box.south), try ll(box.east, box.south), try ll(box.east, box.north), try ll(box.west, box.north)]
        for c in corners {
            #expect(inside(page.project(c), rect, within: 1), "corner \(c) → \(page.project(c))")
        }
        let outline = box.polygon.outer.points.map(page.project)
        for p in outline { #expect(inside(p, rect, within: 1)) }
        let xs = outline.map(\.x), ys = outline.map(\.y)
        let touchesLeftRight = abs((xs.min() ?? .nan) - rect.x) < 1 && abs((xs.max() ?? .nan) - rect.maxX) < 1
        let touchesTopBottom = abs((ys.min() ?? .nan) - rect.y) < 1 && abs((ys.max() ?? .nan) - rect.maxY) < 1
        #expect(
            touchesLeftRight || touchesTopBottom,
            "x \(xs.min() ?? .nan)…\(xs.max() ?? .nan), y \(ys.min() ?? .nan)…\(ys.max() ?? .nan) in \(rect)")
        // North is up on the page.
        #expect(page.project(try ll(35.25, 52.2)).y < page.project(try ll(35.25, 50.5)).y)
    }

    // MARK: the geometry stream (trace tests: page paths, no pixels)

    @Test("a ring partly outside the clip rect comes back wholly inside it (±1e-9)")
    func clipRingPartlyOutside() throws {
        let builder = PathBuilder(projection: simplePage, clip: clipRect)
        // lon −5…5 → x −50…50: the western half lies off the rect.
        let ring = try Ring(closing: [ll(-5, 2), ll(5, 2), ll(5, 8), ll(-5, 8)])
        let path = builder.path(MultiPolygon([Polygon(outer: ring)]))
        #expect(path.closed)
        try #require(path.subpaths.count == 1)
        let points = path.subpaths[0]
        #expect(points.count >= 4)
        for p in points { #expect(inside(p, clipRect, within: 1e-9), "\(p)") }
        #expect(points.contains { abs($0.x) < 1e-9 }, "the cut runs along the rect's left edge")
        #expect(points.contains { abs($0.x - 50) < 1e-9 && abs($0.y - 20) < 1e-9 }, "the inside corner (5°E, 8°N) is kept")
    }

    @Test("a ring wholly outside the clip rect yields no subpath")
    func clipRingOutside() throws {
        let builder = PathBuilder(projection: simplePage, clip: clipRect)
        let ring = try Ring(closing: [ll(20, 2), ll(30, 2), ll(30, 8), ll(20, 8)])
        let path = builder.path(MultiPolygon([Polygon(outer: ring)]))
        #expect(path.isEmpty)
        #expect(path.pointCount == 0)
    }

    @Test("a ring wholly inside passes unchanged")
    func clipRingInside() throws {
        let builder = PathBuilder(projection: simplePage, clip: clipRect)
        let ring = try Ring(closing: [ll(2, 2), ll(8, 2), ll(8, 8), ll(2, 8)])
        let path = builder.path(MultiPolygon([Polygon(outer: ring)]))
        try #require(path.subpaths.count == 1)
        let expected = ring.points.map(simplePage.project)
        try #require(path.subpaths[0].count == expected.count)
        for (a, b) in zip(path.subpaths[0], expected) { #expect(abs(a.x - b.x) < 1e-9 && abs(a.y - b.y) < 1e-9) }
    }

    @Test("a densely sampled line (1000 points along 1 px) is simplified, keeping its end points")
    func simplifyDenseLine() throws {
        let builder = PathBuilder(projection: simplePage, clip: clipRect, tolerance: 0.25)
        // 0.1° of longitude is 1 px here.
        let points = try (0..<1000).map { k in try ll(5 + 0.1 * Double(k) / 999, 5) }
        let path = builder.path([try LineString(points)])
        #expect(!path.closed)
        try #require(path.subpaths.count == 1)
        let out = path.subpaths[0]
        #expect(out.count >= 2 && out.count <= 10, "kept \(out.count) of 1000")
        let first = simplePage.project(points[0]), last = simplePage.project(points[999])
        #expect(abs(out[0].x - first.x) < 1e-9 && abs(out[0].y - first.y) < 1e-9)
        #expect(abs(out[out.count - 1].x - last.x) < 1e-9 && abs(out[out.count - 1].y - last.y) < 1e-9)
    }

    @Test("clipLine splits a line that leaves and re-enters the rect into two subpaths")
    func clipLineReenters() throws {
        let builder = PathBuilder(projection: simplePage, clip: clipRect)
        // Runs east past x = 100, north outside, then back west inside.
        let line = try LineString([ll(2, 5), ll(12, 5), ll(12, 7), ll(2, 7)])
        let path = builder.path([line])
        try #require(path.subpaths.count == 2)
        for sub in path.subpaths {
            #expect(sub.count >= 2)
            for p in sub { #expect(inside(p, clipRect, within: 1e-9), "\(p)") }
        }
        // The first piece ends where the line leaves (x = 100, y = 50); the second starts where it re-enters (x = 100, y = 30).
        let exit = try #require(path.subpaths[0].last), entry = try #require(path.subpaths[1].first)
        #expect(abs(exit.x - 100) < 1e-9 && abs(exit.y - 50) < 1e-9, "\(exit)")
        #expect(abs(entry.x - 100) < 1e-9 && abs(entry.y - 30) < 1e-9, "\(entry)")

        // The internal stage directly, in page pixels.
        let pieces = builder.clipLine([Point(10, 10), Point(150, 10), Point(150, 90), Point(10, 90)])
        #expect(pieces.count == 2)
        #expect(builder.clipLine([Point(110, 10), Point(150, 90)]).isEmpty, "wholly outside")
    }
}
