import Foundation
import Testing

@testable import GeoCore

/// Shared edges by segment hash must be what GEOS's exact overlay of the outlines gives, merged the
/// same way, for neighbours that share their vertices (the basemap's borders are drawn dashed, so
/// even a line's direction and start show in the pixels).
@Suite("Shared segments")
struct SharedSegmentsTests {
    /// Two neighbours split by a random walk from the south edge to the north edge of a box, plus
    /// a third that shares a stretch of the east neighbour's outline only.
    private func neighbours(seed: UInt64, steps: Int) throws -> [[LineString]] {
        var rng = SeededRandom(seed: seed)
        var border = [try LonLat(lon: 35, lat: 50)]
        for i in 1..<steps {
            let lat = 50 + Double(i) / Double(steps - 1)
            border.append(try LonLat(lon: 35 + 0.2 * sin(Double(i) / 7) + Double.random(in: -0.01...0.01, using: &rng), lat: lat))
        }
        let west = try Ring(border + [try LonLat(lon: 34, lat: 51), try LonLat(lon: 34, lat: 50), border[0]])
        let east = try Ring(border.reversed() + [try LonLat(lon: 36, lat: 50), try LonLat(lon: 36, lat: 51), border[border.count - 1]])
        let engine = GeometryEngine()
        return try [west, east].map { try engine.boundary(MultiPolygon([Polygon(outer: $0)])) }
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func hashEqualsExactOverlay(seed: UInt64) throws {
        let outlines = try neighbours(seed: seed, steps: 400 + Int(seed) * 37)
        let engine = GeometryEngine()
        let hashed = try engine.lines(outlines[0], sharingVerticesWith: outlines[1])
        let overlaid = try engine.lines(outlines[0], sharedWith: outlines[1])
        #expect(!hashed.isEmpty)
        #expect(hashed == overlaid)
        // Either way round.
        #expect(try engine.lines(outlines[1], sharingVerticesWith: outlines[0]) == engine.lines(outlines[1], sharedWith: outlines[0]))
    }

    @Test func runsKeepOrLeaveTheSharedSegments() throws {
        let p = try (0..<6).map { try LonLat(lon: Double($0), lat: 0) }
        let line = try LineString(p)
        let set = SegmentSet([try LineString([p[2], p[1]]), try LineString([p[3], p[4]])])
        #expect(set.runs(of: [line], keep: true) == [try LineString([p[1], p[2]]), try LineString([p[3], p[4]])])
        #expect(
            set.runs(of: [line], keep: false) == [
                try LineString([p[0], p[1]]), try LineString([p[2], p[3]]), try LineString([p[4], p[5]]),
            ])
        #expect(SegmentSet([]).runs(of: [line], keep: true).isEmpty)
    }

    /// The front line's test: the parts of a line farther than a tolerance from the edges, with only
    /// the edges the grid finds near it buffered, equal what buffering every edge gives.
    @Test(arguments: [4, 5] as [UInt64]) func gridFindsEveryEdgeThatMatters(seed: UInt64) throws {
        let outlines = try neighbours(seed: seed, steps: 500)
        var rng = SeededRandom(seed: seed)
        // A wandering line that starts on the border, runs off east and comes back near it.
        var points = [outlines[0][0].points[100]]
        for i in 1..<300 {
            let t = Double(i) / 299
            points.append(
                try LonLat(
                    lon: points[0].lon + 0.4 * sin(t * .pi) + Double.random(in: -0.002...0.002, using: &rng),
                    lat: points[0].lat + 0.5 * t))
        }
        let line = try LineString(points)
        let edges = outlines.flatMap { $0 }
        let tolerance = 0.002
        let grid = SegmentGrid(edges, cell: 4 * tolerance)
        let near = grid.runs(near: [line])
        #expect(!near.isEmpty)
        #expect(near.reduce(0) { $0 + $1.points.count } < edges.reduce(0) { $0 + $1.points.count } / 4)
        let engine = GeometryEngine()
        let all = try engine.lines([line], fartherThan: tolerance, from: edges)
        #expect(try engine.lines([line], fartherThan: tolerance, from: near) == all)
    }
}
