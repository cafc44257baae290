import Foundation
import Testing

@testable import GeoCore
@testable import MapData

/// The change read from the edges that differ (`ChangeChain`): the same ground as overlaying the
/// two unions, on shapes that stress the winding (crossing outlines, a side move across one edge,
/// holes, neighbours) and on whole fronts, and found without falling back to the overlay.
@Suite("Change chain")
struct ChangeChainTests {
    private let engine = GeometryEngine()

    private func box(_ w: Double, _ s: Double, _ e: Double, _ n: Double, clockwise: Bool = false) throws -> Polygon {
        var points = try [
            LonLat(lon: w, lat: s), LonLat(lon: e, lat: s), LonLat(lon: e, lat: n), LonLat(lon: w, lat: n), LonLat(lon: w, lat: s),
        ]
        if clockwise { points.reverse() }
        return Polygon(outer: try Ring(points))
    }

    /// The chain's pieces against GEOS's overlay of the unions: both ways, to a square metre.
    private func expectSameAsOverlay(
        _ before: [Polygon], _ after: [Polygon], _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let found = ChangeChain(before: before, after: after).pieces()
        #expect(found != nil, "\(label): fell back to the overlay", sourceLocation: sourceLocation)
        guard let pieces = found else { return }
        let was = try engine.unaryUnion(MultiPolygon(before)), now = try engine.unaryUnion(MultiPolygon(after))
        let expected = [("gained", pieces.gained, try engine.difference(now, was)), ("lost", pieces.lost, try engine.difference(was, now))]
        for (what, found, whole) in expected {
            let mine = MultiPolygon(found)
            let apart = try engine.difference(mine, whole).areaKm2 + engine.difference(whole, mine).areaKm2
            #expect(apart < 1e-6, "\(label) \(what): \(apart) km² apart", sourceLocation: sourceLocation)
            #expect(abs(mine.areaKm2 - whole.areaKm2) < 1e-6 * max(1, whole.areaKm2), "\(label) \(what)", sourceLocation: sourceLocation)
            #expect(try engine.validityProblem(mine) == nil, "\(label) \(what) invalid", sourceLocation: sourceLocation)
        }
    }

    @Test func crossingOutlines() throws {
        // A square moves north-east by half its size: a gained L and a lost L, the outlines crossing twice.
        try expectSameAsOverlay([try box(30, 50, 31, 51)], [try box(30.5, 50.5, 31.5, 51.5)], "crossing")
        // Wound the other way round: the chain orients every ring itself.
        try expectSameAsOverlay([try box(30, 50, 31, 51, clockwise: true)], [try box(30.5, 50.5, 31.5, 51.5)], "clockwise")
    }

    @Test func sideStepAcrossOneEdge() throws {
        // Ground moves east by its own width: the edge between the two squares counts twice (lost on
        // its west, gained on its east) and must part the pieces.
        let found = ChangeChain(before: [try box(30, 50, 31, 51)], after: [try box(31, 50, 32, 51)]).pieces()
        guard let pieces = found else { Issue.record("fell back"); return }
        #expect(pieces.gained.count == 1 && pieces.lost.count == 1)
        #expect(abs(MultiPolygon(pieces.gained).areaKm2 - (try box(31, 50, 32, 51)).areaKm2) < 1e-6)
        try expectSameAsOverlay([try box(30, 50, 31, 51)], [try box(31, 50, 32, 51)], "side step")
    }

    @Test func holesAndNeighbours() throws {
        let outer = try box(30, 50, 32, 52), inner = try box(30.5, 50.5, 31.5, 51.5)
        let ring = Polygon(outer: outer.outer, holes: [try Ring(inner.outer.points.reversed())])
        // An enclave filled in (gained: the hole), and emptied again (lost).
        try expectSameAsOverlay([ring], [outer], "hole filled")
        try expectSameAsOverlay([outer], [ring], "hole opened")
        // Lost all round an enclave that is kept: a lost ring with a hole.
        try expectSameAsOverlay([outer], [inner], "ring lost")
        // Two neighbours whose shared edge cancels, one of them growing; and split differently.
        try expectSameAsOverlay(
            [try box(30, 50, 31, 51), try box(31, 50, 32, 51)], [try box(30, 50, 31, 51), try box(31, 50, 32, 51.5)], "neighbours")
        try expectSameAsOverlay(
            [try box(30, 50, 31, 51), try box(31, 50, 32, 51)], [try box(30, 50, 31.5, 51), try box(31.5, 50, 32, 51.2)], "resplit")
        // Nothing changes: no pieces.
        let same = ChangeChain(before: [outer], after: [outer]).pieces()
        #expect(same?.gained.isEmpty == true && same?.lost.isEmpty == true)
        // Ground appears and disappears whole.
        try expectSameAsOverlay([], [inner], "appears")
        try expectSameAsOverlay([inner], [], "disappears")
    }

    /// Long straight edges among a thousand short ones: set against every other segment, not
    /// listed in a thousand grid cells, with the same result.
    @Test func longEdgesAmongShortOnes() throws {
        // A wiggly southern edge of 1,000 short segments, the rest of the outline three long edges.
        var south = try (0...1000).map { try LonLat(lon: 30 + Double($0) / 1000, lat: 50 + 0.0005 * Double($0 % 2)) }
        func ring(_ top: [LonLat]) throws -> Polygon { Polygon(outer: try Ring(south + top + [south[0]])) }
        let before = try ring([try LonLat(lon: 31, lat: 51), try LonLat(lon: 30, lat: 51)])
        let after = try ring([try LonLat(lon: 31, lat: 51.3), try LonLat(lon: 30.2, lat: 50.6), try LonLat(lon: 30, lat: 51)])
        try expectSameAsOverlay([before], [after], "long edges")
        // And the short ones moved too.
        south = south.map { LonLat(uncheckedLon: $0.lon, lat: $0.lat + 0.0002) }
        try expectSameAsOverlay([before], [try ring([try LonLat(lon: 31, lat: 51.3), try LonLat(lon: 30, lat: 51)])], "both")
    }

    /// Someone else's daily files (scripts/make-test-front.py: one side, a coast, a border 1–2 km off
    /// the basemap's, days missing), imported with the README's commands: every pair found by the
    /// chain, equal to the overlay.
    @Test func importedGeneratedFront() throws {
        let dir = try TempDir()
        let commands = try OwnFrontTests.readmeCommands()
        let initialize = try OwnFrontTests.shell(commands[0], in: dir)
        try #require(initialize.status == 0, "\(initialize.stderr)")
        _ = try runTool(
            "python3",
            [
                CLI.root.appendingPathComponent("scripts/make-test-front.py").path, dir.path("."), "--along", dir.path("myfront"), "--days",
                "12",
            ])
        let imported = try OwnFrontTests.shell(commands[1], in: dir)
        try #require(imported.status == 0, "\(imported.stderr)")
        let dataset = try GeoJSONFolder(dir.path("myfront")).dataset()
        let dates = dataset.timeline.dates
        #expect(dates.count >= 8)
        for (d1, d2) in zip(dates, dates.dropFirst()) {
            let a = try #require(try dataset.timeline.state(on: d1)), b = try #require(try dataset.timeline.state(on: d2))
            try expectSameAsOverlay(try a.areas(side: "russia").polygons(), try b.areas(side: "russia").polygons(), "\(d1)→\(d2)")
        }
    }

    /// Every consecutive pair of the bench fixture (two sides, 28,000 and 2,000 vertices, the small
    /// one moving whole) and of Kursk, every side: found by the chain, equal to the overlay.
    @Test func wholeFronts() throws {
        let bench = try GeoJSONFolder(KurskData.repoRoot.appendingPathComponent("bench/fixture").path).dataset()
        for dataset in [bench, try KurskData.loaded.get()] {
            let dates = dataset.timeline.dates
            for (d1, d2) in zip(dates, dates.dropFirst()).prefix(6) {
                let a = try #require(try dataset.timeline.state(on: d1)), b = try #require(try dataset.timeline.state(on: d2))
                for side in dataset.manifest.sides.map(\.id) {
                    try expectSameAsOverlay(
                        try a.areas(side: side).polygons(), try b.areas(side: side).polygons(), "\(side) \(d1)→\(d2)")
                }
            }
        }
    }
}
