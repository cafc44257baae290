import Foundation
@testable import GeoCore
@testable import MapData
@testable import MapRender
import Testing

/// Work bounded by its input, without a clock (issue 24): each test counts the operations a step
/// makes (box tests, GEOS intersections, positions handed to GEOS, characters between break
/// opportunities) at sizes n and 4n, and checks they grow no faster than n log n. The quadratic
/// versions these replace grew 16-fold.
@Suite("Scaling: operations grow no faster than n log n")
struct ScalingTests {
    /// Fails when going from n to 4n multiplied the count by more than n log n allows (with 25 %
    /// for the rounding of a packed tree's levels). Quadratic growth gives 16.
    static func expectNLogN(_ small: Int, _ large: Int, n: Int, _ what: String) {
        let allowed = 4 * log(Double(4 * n)) / log(Double(n)) * 1.25
        let ratio = Double(large) / Double(max(small, 1))
        #expect(small > 0, "\(what): nothing counted at n = \(n)")
        #expect(ratio <= allowed, "\(what) grew \(ratio)× from n = \(n) to 4n; n log n allows \(allowed)×")
    }

    /// n small squares on a grid inside 30–31°E, 50.5–51.5°N; every 50th overlaps its right-hand neighbour.
    static func squares(_ n: Int) throws -> [MultiPolygon] {
        let side = Int(Double(n).squareRoot().rounded(.up))
        let cell = 0.98 / Double(side)
        return try (0..<n).map { k in
            let w = 30.01 + Double(k % side) * cell, s = 50.5 + Double(k / side) * cell
            let e = w + cell * (k % 50 == 0 ? 1.3 : 0.8), north = s + cell * 0.8
            let ring = try Ring([
                LonLat(lon: w, lat: s), LonLat(lon: e, lat: s), LonLat(lon: e, lat: north), LonLat(lon: w, lat: north),
                LonLat(lon: w, lat: s),
            ])
            return MultiPolygon([Polygon(outer: ring)])
        }
    }

    @Test("BoxIndex: box tests for every box's neighbours, n = 2,500 and 10,000")
    func boxIndex() throws {
        func tests(_ n: Int) throws -> Int {
            let boxes = try Self.squares(n).map(\.bounds)
            let index = BoxIndex(boxes)
            var count = 0
            for b in boxes { _ = index.intersecting(try #require(b), tests: &count) }
            return count
        }
        Self.expectNLogN(try tests(2_500), try tests(10_000), n: 2_500, "box tests")
    }

    @Test("BoxIndex finds exactly the boxes a test of every pair finds (random boxes, some empty)")
    func boxIndexIsExact() throws {
        var random = SeededRandom(seed: 24)
        let boxes: [BBox?] = try (0..<600).map { k in
            guard k % 37 != 0 else { return nil }
            let w = Double.random(in: 30...31.9, using: &random), s = Double.random(in: 50...51.9, using: &random)
            let width = Double.random(in: 0.001...0.1, using: &random), height = Double.random(in: 0.001...0.1, using: &random)
            return try BBox(west: w, south: s, east: w + width, north: s + height)
        }
        let index = BoxIndex(boxes)
        for probe in boxes.compactMap({ $0 }) {
            let brute = boxes.indices.filter { boxes[$0]?.intersects(probe) ?? false }
            #expect(index.intersecting(probe) == brute)
        }
    }

    @Test("validate's overlap check: GEOS intersections and candidate pairs, n = 1,000 and 4,000 areas")
    func overlaps() throws {
        let day = try Day(parsing: "2024-01-01")
        func tally(_ n: Int) throws -> (DatasetValidator.OverlapTally, [String]) {
            let areas = try Self.squares(n).map {
                ControlArea(side: "b", status: .assessed, territory: nil, geometry: $0, source: SourceRef(name: "scaling test"))
            }
            var t = DatasetValidator.OverlapTally()
            let found = DatasetValidator().overlaps(in: ControlSnapshot(date: day, areas: areas), engine: GeometryEngine(), tally: &t)
            return (t, found)
        }
        let (small, foundSmall) = try tally(1_000), (large, foundLarge) = try tally(4_000)
        // Every 50th square overlaps its neighbour, and nothing else overlaps.
        #expect(foundSmall.count == 20 && foundLarge.count == 80)
        #expect(foundSmall.first?.contains("features 0 (b) and 1 (b) overlap by") == true)
        Self.expectNLogN(small.intersections, large.intersections, n: 1_000, "GEOS intersections")
        Self.expectNLogN(small.candidates, large.candidates, n: 1_000, "candidate pairs")
    }

    @Test("import kml: positions handed to GEOS for n = 500 and 2,000 placemarks of one style")
    func kmlImport() throws {
        func positions(_ n: Int) throws -> (Int, Double) {
            var kml = #"<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>"#
            for square in try Self.squares(n) {
                let c = square.polygons[0].outer.points.map { "\($0.lon),\($0.lat)" }.joined(separator: " ")
                kml += "<Placemark><styleUrl>#ru</styleUrl><Polygon><outerBoundaryIs><LinearRing><coordinates>\(c)"
                kml += "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n"
            }
            kml += "</Document></kml>"
            let features = try KMLFile(Array(kml.utf8), file: "scaling.kml").features(repair: nil)
            let engine = GeometryEngine()
            let united = try ControlImport.polygonsByStyle(
                features, file: "scaling.kml", names: ["ru": "b"], region: BBox(west: 29, south: 49, east: 33, north: 53),
                engine: engine, repair: GeometryRepair(strict: true), unmapped: nil)
            return (engine.positionsIn, united.first?.1.areaKm2 ?? 0)
        }
        let (small, areaSmall) = try positions(500), (large, areaLarge) = try positions(2_000)
        // The same ground in finer pieces: the union keeps all of it (squares overlap 1 in 50).
        #expect(areaSmall > 0 && areaLarge > 0)
        Self.expectNLogN(small, large, n: 500, "positions handed to GEOS")
    }

    @Test("wrapped text: no run without a break opportunity is longer than 200 characters, at any length")
    func textBreaks() throws {
        for n in [25_000, 100_000] {
            let word = String(repeating: "Ж", count: n)
            let broken = try #require(TextLayout.withBreakOpportunities(word))
            let runs = broken.split(separator: TextLayout.breakOpportunity)
            #expect(runs.allSatisfy { $0.count <= TextLayout.longestRun })
            #expect(runs.map(\.count).reduce(0, +) == n)
            // What Pango shapes per line is bounded, so the work grows as the text: n, not n².
            #expect(broken.count == n + (n - 1) / TextLayout.longestRun)
        }
        // Real text is left alone.
        #expect(TextLayout.withBreakOpportunities("Kursk incursion — 1 September 2024, https://example.org/a/b/c") == nil)
        let spaced = (0..<5_000).map { _ in "word" }.joined(separator: " ")
        #expect(TextLayout.withBreakOpportunities(spaced) == nil)
    }
}
