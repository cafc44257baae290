import Testing
@testable import GeoCore

/// Builds a position from literals known to be valid; a test fails (rather than crashes) if not.
private func ll(_ lon: Double, _ lat: Double) throws -> LonLat { try LonLat(lon: lon, lat: lat) }

/// A closed ring through the given corners (the first is repeated at the end).
private func ring(_ corners: [(Double, Double)]) throws -> Ring {
    try Ring(closing: corners.map { try ll($0.0, $0.1) })
}

/// An axis-aligned square in degrees, counter-clockwise from the south-west corner.
private func square(west: Double, south: Double, east: Double, north: Double) throws -> Ring {
    try ring([(west, south), (east, south), (east, north), (west, north)])
}

private func relativeDifference(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / max(abs(a), abs(b), .leastNormalMagnitude)
}

@Suite("GeoCore")
struct GeoCoreTests {

    // MARK: geodesic area

    @Test("1°×1° cell at 33–34°E, 51–52°N is 7725.70 km² (±0.1%)")
    func cellArea() throws {
        let cell = try Ring([ll(33, 51), ll(34, 51), ll(34, 52), ll(33, 52), ll(33, 51)])
        let area = Geodesic.areaKm2(cell)
        #expect(relativeDifference(area, 7725.70) < 0.001, "got \(area) km²")
    }

    @Test("area does not depend on ring orientation (±1e-9 relative)")
    func areaOrientation() throws {
        let ccw = try square(west: 33, south: 51, east: 34, north: 52)
        let cw = try Ring(ccw.points.reversed())
        let a = Geodesic.areaKm2(ccw), b = Geodesic.areaKm2(cw)
        #expect(a > 7000)
        #expect(relativeDifference(a, b) < 1e-9, "ccw \(a), cw \(b)")
    }

    @Test("a hole is subtracted from the polygon's area (±1e-9 relative)")
    func areaWithHole() throws {
        let outer = try square(west: 33, south: 51, east: 34, north: 52)
        let hole = try square(west: 33.25, south: 51.25, east: 33.75, north: 51.75)
        let polygon = Polygon(outer: outer, holes: [hole])
        let expected = Geodesic.areaKm2(outer) - Geodesic.areaKm2(hole)
        #expect(Geodesic.areaKm2(hole) > 1000, "the hole is a real quarter of the cell")
        #expect(relativeDifference(polygon.areaKm2, expected) < 1e-9)
        #expect(relativeDifference(MultiPolygon([polygon]).areaKm2, expected) < 1e-9)
    }

    // MARK: validated values

    @Test("LonLat rejects NaN, infinity, lat 91 and lon 181")
    func lonLatRejects() throws {
        let nan = #expect(throws: GeometryError.self) { try LonLat(lon: .nan, lat: 51) }
        #expect(isNotFinite(nan))
        let inf = #expect(throws: GeometryError.self) { try LonLat(lon: 35, lat: .infinity) }
        #expect(isNotFinite(inf))
        #expect(throws: GeometryError.outOfRange(lon: 35, lat: 91)) { try LonLat(lon: 35, lat: 91) }
        #expect(throws: GeometryError.outOfRange(lon: 181, lat: 51)) { try LonLat(lon: 181, lat: 51) }
        // The edges of the range are valid.
        let corner = try LonLat(lon: -180, lat: 90)
        #expect(abs(corner.lon + 180) < 1e-12 && abs(corner.lat - 90) < 1e-12)
    }

    private func isNotFinite(_ e: GeometryError?) -> Bool {
        if case .notFinite? = e { return true }
        return false
    }

    @Test("Ring rejects an unclosed ring and fewer than four positions")
    func ringRejects() throws {
        let open = #expect(throws: GeometryError.self) {
            try Ring([ll(33, 51), ll(34, 51), ll(34, 52), ll(33, 52)])
        }
        if case .unclosedRing? = open {} else { Issue.record("expected unclosedRing, got \(String(describing: open))") }
        #expect(throws: GeometryError.tooFewPoints(count: 3, minimum: 4)) {
            try Ring([ll(33, 51), ll(34, 51), ll(33, 51)])
        }
    }

    @Test("Ring(closing:) closes an open ring and leaves a closed one alone")
    func ringClosing() throws {
        let open = [try ll(33, 51), try ll(34, 51), try ll(34, 52)]
        let closed = try Ring(closing: open)
        #expect(closed.points.count == 4)
        #expect(closed.points.first == closed.points.last)
        let again = try Ring(closing: closed.points)
        #expect(again.points.count == 4, "an already closed ring gets no extra position")
    }

    @Test("point in polygon: inside, outside, in the hole")
    func pointInPolygon() throws {
        let polygon = Polygon(
            outer: try square(west: 34, south: 51, east: 35, north: 52),
            holes: [try square(west: 34.4, south: 51.4, east: 34.6, north: 51.6)])
        #expect(polygon.contains(try ll(34.2, 51.2)))
        #expect(polygon.contains(try ll(34.9, 51.9)))
        #expect(!polygon.contains(try ll(36, 51.5)))
        #expect(!polygon.contains(try ll(34.5, 50.5)))
        #expect(!polygon.contains(try ll(34.5, 51.5)), "inside the hole")
        #expect(MultiPolygon([polygon]).contains(try ll(34.2, 51.2)))
        #expect(!MultiPolygon.empty.contains(try ll(34.2, 51.2)))
    }

    @Test("BBox(parsing:) accepts W,S,E,N and rejects three numbers or west > east")
    func bboxParsing() throws {
        let box = try BBox(parsing: "33.5,50.5,37,52.2")
        #expect(abs(box.west - 33.5) < 1e-12)
        #expect(abs(box.south - 50.5) < 1e-12)
        #expect(abs(box.east - 37) < 1e-12)
        #expect(abs(box.north - 52.2) < 1e-12)
        #expect(throws: GeometryError.self) { try BBox(parsing: "1,2,3") }
        #expect(throws: GeometryError.self) { try BBox(parsing: "37,50.5,33.5,52.2") }
    }

    // MARK: GEOS

    // Two overlapping squares near 51°N: A = 34–35°E × 51–52°N, B = 34.5–35.5°E × 51.5–52.5°N.
    // Their outlines cross at (34.5, 52) and (35, 51.5). Both rings carry those crossing points as
    // vertices, so every edge of every result is an edge (or the same piece of an edge) of an input:
    // geodesic edges between the same vertices, and so geodesic areas that add up exactly. Without the
    // extra vertices, splitting a 1° geodesic edge changes the area by ~3e-4 relative.
    private func squaresAB() throws -> (MultiPolygon, MultiPolygon) {
        let a = try ring([(34, 51), (35, 51), (35, 51.5), (35, 52), (34.5, 52), (34, 52)])
        let b = try ring([(34.5, 51.5), (35, 51.5), (35.5, 51.5), (35.5, 52.5), (34.5, 52.5), (34.5, 52)])
        return (MultiPolygon([Polygon(outer: a)]), MultiPolygon([Polygon(outer: b)]))
    }

    @Test("area(A∪B) + area(A∩B) = area(A) + area(B) (±1e-6 relative)")
    func unionIntersectionAreas() throws {
        let (a, b) = try squaresAB()
        let engine = GeometryEngine()
        let union = try engine.union(a, b)
        let intersection = try engine.intersection(a, b)
        #expect(union.polygons.count == 1)
        #expect(intersection.polygons.count == 1)
        // The intersection is the quarter square 34.5–35 × 51.5–52.
        let quarter = Geodesic.areaKm2(try square(west: 34.5, south: 51.5, east: 35, north: 52))
        #expect(relativeDifference(intersection.areaKm2, quarter) < 1e-3)
        let lhs = union.areaKm2 + intersection.areaKm2
        let rhs = a.areaKm2 + b.areaKm2
        #expect(relativeDifference(lhs, rhs) < 1e-6, "\(lhs) vs \(rhs)")
    }

    @Test("area(A−B) = area(A) − area(A∩B) (±1e-6 relative)")
    func differenceArea() throws {
        let (a, b) = try squaresAB()
        let engine = GeometryEngine()
        let difference = try engine.difference(a, b)
        let intersection = try engine.intersection(a, b)
        #expect(!difference.isEmpty)
        #expect(!difference.contains(try ll(34.75, 51.75)), "the overlap is removed")
        #expect(difference.contains(try ll(34.25, 51.25)))
        let expected = a.areaKm2 - intersection.areaKm2
        #expect(relativeDifference(difference.areaKm2, expected) < 1e-6, "\(difference.areaKm2) vs \(expected)")
    }

    @Test("makeValid repairs a bow-tie; validityProblem flags it and passes a square")
    func makeValidBowTie() throws {
        let bowTie = MultiPolygon([Polygon(outer: try ring([(34, 51), (35, 52), (35, 51), (34, 52)]))])
        let square = MultiPolygon([Polygon(outer: try square(west: 34, south: 51, east: 35, north: 52))])
        let engine = GeometryEngine()
        let problem = try engine.validityProblem(bowTie)
        #expect(problem != nil)
        #expect(problem?.lowercased().contains("self-intersection") == true, "reason: \(problem ?? "nil")")
        #expect(try engine.validityProblem(square) == nil)
        let repaired = try engine.makeValid(bowTie)
        #expect(!repaired.polygons.isEmpty)
        #expect(repaired.areaKm2 > 1000, "two triangles, each about a quarter of a 1° cell")
        #expect(try engine.validityProblem(repaired) == nil)
    }

    @Test("polygonize: a square outline and a line across it make two faces summing to the square (±1e-9 relative)")
    func polygonizeSquare() throws {
        // The outline has vertices where the cut meets it, so the faces' geodesic edges are the square's.
        let outlineRing = try ring([(34, 51), (34.5, 51), (35, 51), (35, 52), (34.5, 52), (34, 52)])
        let outline = try LineString(outlineRing.points)
        // The cut overshoots both sides: the dangles must not become faces.
        let cut = try LineString([ll(34.5, 50.8), ll(34.5, 52.2)])
        let faces = try GeometryEngine().polygonize([outline, cut])
        #expect(faces.count == 2)
        let total = faces.reduce(0) { $0 + $1.areaKm2 }
        let squareArea = Geodesic.areaKm2(outlineRing)
        #expect(relativeDifference(total, squareArea) < 1e-9, "\(total) vs \(squareArea)")
        for f in faces { #expect(relativeDifference(f.areaKm2, squareArea / 2) < 0.01) }
    }

    @Test("chainLines joins ends 0.001° apart at tolerance 0.005, not at 0.0005")
    func chainLinesJoins() throws {
        let first = try LineString([ll(34, 51), ll(34.5, 51)])
        let second = try LineString([ll(34.501, 51), ll(35, 51.2)])
        let joined = chainLines([first, second], tolerance: 0.005)
        try #require(joined.count == 1)
        let points = joined[0].points
        #expect(points.count == 4)
        let ends = [points[0], points[points.count - 1]]
        #expect(ends.contains { abs($0.lon - 34) < 1e-12 && abs($0.lat - 51) < 1e-12 })
        #expect(ends.contains { abs($0.lon - 35) < 1e-12 && abs($0.lat - 51.2) < 1e-12 })
        #expect(chainLines([first, second], tolerance: 0.0005).count == 2)
    }
}
