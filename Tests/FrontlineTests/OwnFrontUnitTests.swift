import Testing

@testable import GeoCore
@testable import MapData

/// The pieces behind `import geojson`, `import territories` and `init`, on values made here.
@Suite("Own front: geometry pieces")
struct OwnFrontUnitTests {
    private func square(_ w: Double, _ s: Double, _ e: Double, _ n: Double) throws -> MultiPolygon {
        let pts = [(w, s), (e, s), (e, n), (w, n), (w, s)].map { LonLat(uncheckedLon: $0.0, lat: $0.1) }
        return MultiPolygon([Polygon(outer: try Ring(pts))])
    }

    @Test("Points on the geodesics change no area, and keep a planar cut from moving it")
    func densifiedKeepsArea() throws {
        let box = try square(30, 50, 31, 50.5)
        let dense = Geodesic.densified(box, maxKm: 0.25)
        #expect(dense.polygons[0].outer.points.count > 1000)
        #expect(abs(dense.areaKm2 - box.areaKm2) / box.areaKm2 < 1e-12)
        // Cut at 30.5°E: the halves of the dense polygon add up; those of the four-corner box do not.
        let engine = GeometryEngine()
        func halves(_ m: MultiPolygon) throws -> Double {
            try engine.clip(m, to: BBox(west: 29, south: 49, east: 30.5, north: 51)).areaKm2
                + engine.clip(m, to: BBox(west: 30.5, south: 49, east: 32, north: 51)).areaKm2
        }
        #expect(abs(try halves(dense) - box.areaKm2) / box.areaKm2 < 1e-8)
        #expect(abs(try halves(box) - box.areaKm2) / box.areaKm2 > 1e-6)
    }

    @Test("A sliver thinner than the tolerance goes to the territory the rest of its piece lies in")
    func sliverMoves() throws {
        let west = try square(30, 50, 31, 51), east = try square(31, 50, 32, 51)
        let split = BorderSplit(territories: TerritoryLayer([(name: "W", geometry: west), (name: "E", geometry: east)]), toleranceKm: 2)
        // Ground 0.5° wide in W, running 0.01° (about 700 m) past the border into E; with points on
        // its geodesics, as the importer gives it, so that the cut along the border moves no area.
        let ground = Geodesic.densified(try square(30.5, 50.2, 31.01, 50.8), maxKm: 0.25)
        let engine = GeometryEngine()
        let r = try split.split(ground, engine: engine)
        #expect(r.pieces.map(\.territory) == ["W"])
        #expect(abs(r.pieces[0].geometry.areaKm2 - ground.areaKm2) / ground.areaKm2 < 1e-9)
        #expect(r.movedKm2 > 40 && r.movedKm2 < 50, "\(r.movedKm2)")
        // 0.1° (7 km) past: wider than the tolerance, it stays in E.
        let wide = try split.split(try square(30.5, 50.2, 31.1, 50.8), engine: engine)
        #expect(wide.pieces.map(\.territory) == ["W", "E"] && wide.movedKm2 == 0)
    }

    @Test("A border end short of another line is connected within the snap tolerance, not beyond")
    func danglingEnds() throws {
        let coast = try LineString([LonLat(uncheckedLon: 0, lat: 0), LonLat(uncheckedLon: 2, lat: 0)])
        let border = try LineString([LonLat(uncheckedLon: 1, lat: 0.003), LonLat(uncheckedLon: 1, lat: 1)])
        let closed = connectingDanglingEnds([border], to: [coast], tolerance: 0.005)
        #expect(closed.count == 2)
        let open = connectingDanglingEnds([border], to: [coast], tolerance: 0.001)
        #expect(open.count == 1)
    }

    @Test("Ukrainian and Russian names are told apart by alphabet; phrases come last")
    func cyrillicNames() {
        let (uk, ru) = CitiesGazetteer.cyrillic(["Sudzha", "Люблин шаары", "Суджа", "Суджа́", "Сýджа", "Їжаків"])
        #expect(uk == "Їжаків")
        #expect(ru == "Суджа")
    }
}
