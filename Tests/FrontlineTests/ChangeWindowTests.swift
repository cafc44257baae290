import Testing

@testable import GeoCore
@testable import MapData

/// The change between two snapshots is overlaid only inside `ChangeWindow`'s box; these check that
/// the box holds every difference, and that the result equals the overlay of the whole unions.
@Suite("Change window")
struct ChangeWindowTests {
    private func box(_ w: Double, _ s: Double, _ e: Double, _ n: Double) throws -> Polygon {
        Polygon(
            outer: try Ring([
                LonLat(lon: w, lat: s), LonLat(lon: e, lat: s), LonLat(lon: e, lat: n), LonLat(lon: w, lat: n),
                LonLat(lon: w, lat: s),
            ]))
    }

    @Test func sameGroundHasNoWindow() throws {
        let a = try box(30, 50, 31, 51), b = try box(31, 50, 32, 51)
        #expect(ChangeWindow.bounds(before: [a, b], after: [b, a]) == nil)
    }

    /// A side loses a salient that bulges beyond the short stretch of front that closed it: the
    /// shared border with its home area counts three times (odd), so the window takes it in.
    @Test func windowHoldsTheBorderBehindALostSalient() throws {
        // Home: x 30–31. Salient across the border x = 31, from y 50 to 51, reaching to x 31.5.
        let home = try box(30, 50, 31, 51), salient = try box(31, 50, 31.5, 51)
        let window = try #require(ChangeWindow.bounds(before: [home, salient], after: [home]))
        #expect(window.contains(salient.bounds))
        #expect(!window.contains(home.bounds))
    }

    /// Two neighbours of one side: their shared edge cancels, so the window is only where the
    /// outline moved.
    @Test func sharedEdgesCancel() throws {
        let before = [try box(30, 50, 31, 51), try box(31, 50, 32, 51)]
        let after = [try box(30, 50, 31, 51), try box(31, 50, 32, 51.5)]
        let window = try #require(ChangeWindow.bounds(before: before, after: after, margin: 0))
        #expect(window == (try BBox(west: 31, south: 50, east: 32, north: 51.5)))
    }

    /// Every consecutive pair of Kursk snapshots, every side: the windowed gains and losses are the
    /// full overlay's, to a square metre.
    @Test func kurskChangesEqualTheWholeOverlay() throws {
        let dataset = try KurskData.loaded.get()
        let engine = GeometryEngine()
        let dates = dataset.timeline.dates
        let sides = dataset.manifest.sides.map(\.id)
        var compared = 0
        for (d1, d2) in zip(dates, dates.dropFirst()) {
            let c = try ControlChange.between(
                d1, d2, timeline: dataset.timeline, sides: sides, gazetteer: dataset.gazetteer, engine: engine)
            let a = try #require(try dataset.timeline.state(on: d1)), b = try #require(try dataset.timeline.state(on: d2))
            for s in c.sides {
                let was = try engine.unaryUnion(MultiPolygon(try a.areas(side: s.side).polygons()))
                let now = try engine.unaryUnion(MultiPolygon(try b.areas(side: s.side).polygons()))
                let gained = try engine.difference(now, was), lost = try engine.difference(was, now)
                for (windowed, whole) in [(s.gained, gained), (s.lost, lost)] {
                    let apart =
                        try engine.difference(windowed, whole).areaKm2 + engine.difference(whole, windowed).areaKm2
                    #expect(apart < 1e-6, "\(s.side) \(d1)→\(d2): windowed and whole differ by \(apart) km²")
                }
                #expect(abs(try s.heldAfterKm2 - now.areaKm2) < 0.01)
                compared += 1
            }
        }
        #expect(compared == sides.count * (dates.count - 1))
    }

    /// The validator refuses two areas that hold the same ground on one date.
    @Test func overlappingAreasAreAProblem() throws {
        let source = SourceRef(name: "test")
        func area(_ side: String, _ p: Polygon) -> ControlArea {
            ControlArea(side: side, status: .assessed, territory: nil, geometry: MultiPolygon([p]), source: source)
        }
        let day = try Day(parsing: "2024-09-01")
        let touching = ControlSnapshot(date: day, areas: [area("a", try box(30, 50, 31, 51)), area("b", try box(31, 50, 32, 51))])
        let overlapping = ControlSnapshot(date: day, areas: [area("a", try box(30, 50, 31, 51)), area("b", try box(30.5, 50, 32, 51))])
        let engine = GeometryEngine()
        #expect(DatasetValidator().overlaps(in: touching, engine: engine).isEmpty)
        let problems = DatasetValidator().overlaps(in: overlapping, engine: engine)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("control/2024-09-01.geojson: features 0 (a) and 1 (b) overlap by") == true)
    }

    /// Two sectors that move apart get a box each; the boxes hold the moves and not the ground between.
    @Test func separateMovesGetSeparateBoxes() throws {
        let home = try box(30, 50, 40, 51)
        let after = [try box(30, 50, 40, 51), try box(31, 51, 32, 51.2), try box(37, 51, 38, 51.3)]
        let boxes = ChangeWindow.boxes(before: [home], after: after, margin: 0)
        #expect(boxes.count == 2)
        #expect(boxes.contains(try BBox(west: 31, south: 51, east: 32, north: 51.2)))
        #expect(boxes.contains(try BBox(west: 37, south: 51, east: 38, north: 51.3)))
        #expect(ChangeWindow.boxes(before: after, after: after).isEmpty)
    }

    /// A change with a hole (ground lost all round an enclave kept): the hole's edges are a group of
    /// their own, whose box lies inside the outer one, so the two merge into one box.
    @Test func nestedGroupsMerge() throws {
        let outer = try box(30, 50, 32, 52)
        let ring = Polygon(outer: outer.outer, holes: [try box(30.5, 50.5, 31.5, 51.5).outer])
        let boxes = ChangeWindow.boxes(before: [outer], after: [ring, try box(30.5, 50.5, 31.5, 51.5)], margin: 0)
        #expect(boxes.isEmpty)
        let lostRing = ChangeWindow.boxes(before: [outer], after: [try box(30.5, 50.5, 31.5, 51.5)], margin: 0.01)
        #expect(lostRing.count == 1)
        #expect(lostRing.first?.contains(outer.bounds) == true)
    }
}
